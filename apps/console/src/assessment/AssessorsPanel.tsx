import { useMutation } from '@tanstack/react-query';
import {
  formatDateTime,
  localized,
  type TAssessment,
  useErrorMessage,
  useLanguage,
  useToast,
  useTRPC,
} from '@wenming/ui';
import { Button, Card, Col, Flex, List, Popconfirm, Row, Tag, Tooltip, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingsCard } from './SettingsCard';
import { useApplyWorkspace } from './useWorkspace';

const AssignModal = lazy(() => import('./AssignModal'));

type Assessor = TAssessment['assessorList'][number];

/** Takes an assessor off while they have not submitted; afterwards their scores count and they stay. */
function RemoveButton({ assessment, assessor }: { assessment: TAssessment; assessor: Assessor }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const apply = useApplyWorkspace(assessment.campaignId);
  const unassign = useMutation(
    trpc.assessment.unassign.mutationOptions({
      onSuccess: (updated) => {
        apply(updated);
        toast.success(t('assessment.unassignedToast', { name: assessor.name }));
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  if (assessor.submittedAt) {
    return (
      <Tooltip title={t('assessment.unassignSubmitted')}>
        <Button size="small" disabled>
          {t('assessment.removeAssessor')}
        </Button>
      </Tooltip>
    );
  }
  return (
    <Popconfirm
      title={t('assessment.unassignConfirm', { name: assessor.name })}
      description={t('assessment.unassignHint')}
      okText={t('assessment.removeAssessor')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onConfirm={() => unassign.mutate({ campaignId: assessment.campaignId, userId: assessor.userId })}
    >
      <Button size="small" danger loading={unassign.isPending}>
        {t('assessment.removeAssessor')}
      </Button>
    </Popconfirm>
  );
}

/** Who assesses which categories and whether each has submitted; the office's settings beside. */
export function AssessorsPanel({ assessment }: { assessment: TAssessment }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [assigning, setAssigning] = useState(false);
  const categoryName = (id: string) => {
    const c = assessment.categories.find((x) => x.id === id);
    return c ? `${c.code} ${localized(c.name, language)}` : id;
  };
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card
          size="small"
          title={t('assessment.assessors')}
          extra={
            assessment.me.canManage && (
              <Button size="small" type="primary" onClick={() => setAssigning(true)}>
                {t('assessment.assign')}
              </Button>
            )
          }
        >
          {assessment.assessorList.length === 0 ? (
            <Typography.Text type="secondary">{t('assessment.assessorsNone')}</Typography.Text>
          ) : (
            <List
              dataSource={assessment.assessorList}
              renderItem={(a) => (
                <List.Item
                  data-assessor={a.name}
                  actions={
                    assessment.me.canManage
                      ? [<RemoveButton key="remove" assessment={assessment} assessor={a} />]
                      : []
                  }
                >
                  <Flex vertical gap={4} style={{ minWidth: 0 }}>
                    <Flex gap={8} align="center" wrap>
                      <Typography.Text strong>{a.name}</Typography.Text>
                      {a.submittedAt ? (
                        <Tag color="green">
                          {t('assessment.submittedAt', { at: formatDateTime(a.submittedAt) })}
                        </Tag>
                      ) : (
                        <Tag>{t('assessment.notSubmitted')}</Tag>
                      )}
                    </Flex>
                    <Typography.Text type="secondary">
                      {a.categoryIds.length === 0
                        ? t('assessment.allCategories')
                        : a.categoryIds.map(categoryName).join('、')}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <SettingsCard assessment={assessment} />
      </Col>
      <Suspense fallback={null}>
        {assigning && <AssignModal assessment={assessment} onClose={() => setAssigning(false)} />}
      </Suspense>
    </Row>
  );
}
