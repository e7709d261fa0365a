import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZPublishNotice } from '@wenming/domain';
import {
  chinaDate,
  FormModal,
  type TAssessment,
  useErrorMessage,
  useToast,
  useTRPC,
  useZodRule,
} from '@wenming/ui';
import { Alert, Button, Card, Flex, Form, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface Values {
  title: string;
  body: string;
  startsOn: string;
  endsOn: string;
}

/** A notice (公示) naming just this campaign's unit, for offices that publish one per unit. */
function PublishNoticeModal({ assessment, onClose }: { assessment: TAssessment; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const toast = useToast();
  const rule = useZodRule();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const offices = useQuery(trpc.office.tree.queryOptions());
  const [form] = Form.useForm<Values>();
  const publish = useMutation(
    trpc.notice.publish.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.assessment.pathKey() });
        toast.success(t('assessment.noticePublished'));
        onClose();
      },
    }),
  );
  const office = offices.data?.items.find((o) => o.id === assessment.settings.officeId)?.name ?? '';
  const level = t(`level.${assessment.targetLevel}`);
  return (
    <FormModal<Values>
      title={t('assessment.publishNotice')}
      okText={t('assessment.publishNotice')}
      form={form}
      pending={publish.isPending}
      onClose={onClose}
      initialValues={{
        title: t(
          assessment.kind === 'renewal' ? 'assessment.noticeTitleRenewal' : 'assessment.noticeTitleDefault',
          {
            unit: assessment.unit.name,
            level,
          },
        ),
        body: t('assessment.noticeBodyDefault', { office: office || t('assessment.office') }),
        startsOn: chinaDate(),
        endsOn: chinaDate(7),
      }}
      onFinish={(v) =>
        publish.mutate({
          officeId: assessment.settings.officeId,
          kind: assessment.kind === 'renewal' ? 'renewal' : 'conferral',
          title: v.title.trim(),
          body: v.body.trim(),
          startsOn: v.startsOn,
          endsOn: v.endsOn,
          subjects: [{ unitId: assessment.unit.id, campaignId: assessment.campaignId }],
        })
      }
    >
      <Form.Item
        name="title"
        label={t('assessment.noticeTitle')}
        rules={rule(ZPublishNotice.shape.title, {}, true)}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="body"
        label={t('assessment.noticeBody')}
        rules={rule(ZPublishNotice.shape.body, {}, true)}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item
          name="startsOn"
          label={t('assessment.noticeStarts')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="endsOn"
          label={t('assessment.noticeEnds')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input type="date" />
        </Form.Item>
      </Flex>
      {publish.error && <Alert type="error" showIcon title={errorMessage(publish.error)} />}
    </FormModal>
  );
}

/** The public notice's window and how its objections stand. */
export function NoticeCard({ assessment, today }: { assessment: TAssessment; today: string }) {
  const { t } = useTranslation();
  const [publishing, setPublishing] = useState(false);
  const { notice } = assessment;
  const canPublish = assessment.me.canManage && assessment.phase === 'under_assessment';
  return (
    <Card
      size="small"
      title={t('assessment.notice')}
      extra={
        canPublish && (
          <Button size="small" onClick={() => setPublishing(true)}>
            {t('assessment.publishNotice')}
          </Button>
        )
      }
    >
      {!notice ? (
        <Typography.Text type="secondary">{t('assessment.noticeNone')}</Typography.Text>
      ) : (
        <Flex vertical gap={6} data-testid="notice-state">
          <Flex gap={8} wrap align="center">
            <Typography.Text>
              {t('assessment.noticeWindow', { start: notice.startsOn, end: notice.endsOn })}
            </Typography.Text>
            <Tag color={notice.endsOn < today ? 'green' : 'blue'}>
              {t(notice.endsOn < today ? 'assessment.noticeClosed' : 'assessment.noticeOpen')}
            </Tag>
          </Flex>
          <Flex gap={8} wrap>
            {notice.openObjections > 0 && (
              <Tag color="orange">{t('assessment.openObjections', { count: notice.openObjections })}</Tag>
            )}
            {notice.upheldObjections > 0 && (
              <Tag color="red">{t('assessment.upheldObjections', { count: notice.upheldObjections })}</Tag>
            )}
            {notice.openObjections === 0 && notice.upheldObjections === 0 && (
              <Tag>{t('assessment.noObjections')}</Tag>
            )}
          </Flex>
          <Link to={`/notices/${notice.noticeId}`}>{t('assessment.openNotice')}</Link>
        </Flex>
      )}
      {publishing && <PublishNoticeModal assessment={assessment} onClose={() => setPublishing(false)} />}
    </Card>
  );
}
