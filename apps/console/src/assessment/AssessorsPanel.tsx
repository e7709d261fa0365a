import { formatDateTime, localized, type TAssessment, useLanguage } from '@wenming/ui';
import { Button, Card, Col, Flex, List, Row, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingsCard } from './SettingsCard';

const AssignModal = lazy(() => import('./AssignModal'));

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
                <List.Item data-assessor={a.name}>
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
