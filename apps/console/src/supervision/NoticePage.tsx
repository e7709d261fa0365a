import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type TNotice, type TObjection, ZAnswerObjection } from '@wenming/domain';
import {
  EmptyState,
  ErrorState,
  formatDateTime,
  LoadingState,
  PageContainer,
  useAppAbility,
  useErrorMessage,
  usePhone,
  useToast,
  useTRPC,
  useZodRule,
} from '@wenming/ui';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, List, Radio, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { WINDOW_COLORS } from './NoticeListPage';

const OBJECTION_COLORS = { open: 'warning', upheld: 'error', dismissed: 'default' } as const;

function AnswerForm({ notice, objection }: { notice: TNotice; objection: TObjection }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const rule = useZodRule();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<{ status: 'upheld' | 'dismissed'; answer: string }>();
  const answer = useMutation(
    trpc.notice.answerObjection.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.notice.get.queryKey({ id: notice.id }) });
        void queryClient.invalidateQueries({ queryKey: trpc.notice.list.queryKey() });
        toast.success(t('supervision.objectionAnswered'));
      },
    }),
  );
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={answer.isPending}
      initialValues={{ status: 'dismissed' }}
      onFinish={(values) =>
        answer.mutate({ id: objection.id, status: values.status, answer: values.answer.trim() })
      }
      style={{ marginTop: 8 }}
    >
      <Form.Item name="status" label={t('supervision.objectionDecision')}>
        <Radio.Group
          options={[
            { value: 'upheld', label: t('supervision.objection_upheld') },
            { value: 'dismissed', label: t('supervision.objection_dismissed') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="answer"
        label={t('supervision.objectionAnswer')}
        rules={rule(ZAnswerObjection.shape.answer, {}, true)}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      {answer.error && (
        <Alert type="error" showIcon title={errorMessage(answer.error)} style={{ marginBottom: 12 }} />
      )}
      <Button type="primary" htmlType="submit" loading={answer.isPending}>
        {t('supervision.answerObjection')}
      </Button>
    </Form>
  );
}

/** One notice: its window, the units on it, and every objection with its handling. */
export default function NoticePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const ability = useAppAbility();
  const phone = usePhone();
  const notice = useQuery(trpc.notice.get.queryOptions({ id }));
  if (notice.isPending) return <LoadingState />;
  if (notice.isError) return <ErrorState error={notice.error} onRetry={() => void notice.refetch()} />;
  const data = notice.data;
  const canAnswer = ability.can('review', 'Objection');
  return (
    <PageContainer
      title={data.title}
      tags={
        <Tag color={WINDOW_COLORS[data.window]} style={{ marginInlineEnd: 0 }}>
          {t(`supervision.window_${data.window}`)}
        </Tag>
      }
      breadcrumb={[{ title: t('supervision.notices'), path: '/notices' }, { title: data.title }]}
      backTo="/notices"
    >
      <Card size="small">
        <Flex vertical gap={12}>
          <Descriptions
            size="small"
            column={phone ? 1 : 3}
            items={[
              {
                key: 'kind',
                label: t('supervision.noticeKind'),
                children: t(`supervision.noticeKind_${data.kind}`),
              },
              {
                key: 'window',
                label: t('supervision.noticeWindow'),
                children: `${data.startsOn} – ${data.endsOn}`,
              },
              {
                key: 'published',
                label: t('supervision.publishedAt'),
                children: [formatDateTime(data.publishedAt), data.publishedByName]
                  .filter(Boolean)
                  .join(' · '),
              },
              {
                key: 'units',
                label: t('supervision.noticeUnits'),
                span: phone ? 1 : 3,
                children: data.subjects.map((s) => s.unitName).join('、'),
              },
            ]}
          />
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {data.body}
          </Typography.Paragraph>
        </Flex>
      </Card>
      <Card
        title={t('supervision.objectionsTitle', { count: data.objections.length })}
        styles={{ body: { paddingBlock: 4 } }}
      >
        <List
          dataSource={data.objections}
          locale={{
            emptyText: (
              <EmptyState
                description={
                  data.window === 'open'
                    ? t('supervision.objectionsNoneOpen')
                    : t('supervision.objectionsNone')
                }
              />
            ),
          }}
          renderItem={(o) => (
            <List.Item data-objection={o.id}>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex gap={6} wrap align="center">
                  <Tag color={OBJECTION_COLORS[o.status]} style={{ marginInlineEnd: 0 }}>
                    {t(`supervision.objection_${o.status}`)}
                  </Tag>
                  {o.unitName && <Typography.Text strong>{o.unitName}</Typography.Text>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(o.filedAt)}
                    {o.contact && ` · ${t('supervision.objectionContact', { contact: o.contact })}`}
                  </Typography.Text>
                </Flex>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{o.body}</Typography.Text>
                {o.answer && (
                  <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
                    {t('supervision.objectionAnsweredBy', {
                      name: o.answeredByName ?? '',
                      time: formatDateTime(o.answeredAt),
                    })}
                    {o.answer}
                  </Typography.Text>
                )}
                {o.status === 'open' && canAnswer && <AnswerForm notice={data} objection={o} />}
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    </PageContainer>
  );
}
