import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { ZAnswerRectification } from '@wenming/domain';
import { type TOrder, useErrorMessage, useToast, useTRPC, useZodRule } from '@wenming/ui';
import { Alert, Button, Card, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EvidencePicker } from './EvidencePicker';

interface Values {
  plan: string;
  evidenceIds: string[];
}

/** The unit's answer: what was done, and the ledger items that prove it. */
export function AnswerOrderCard({ order }: { order: TOrder }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const rule = useZodRule();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<Values>();
  // A returned order keeps its last answer: the unit adds what is missing instead of starting over.
  const known = useQueries({
    queries: order.evidenceIds.map((id) => trpc.evidence.get.queryOptions({ id })),
  });
  const initialLabels = Object.fromEntries(
    known.flatMap((q) => (q.data ? [[q.data.id, `${q.data.title}（${q.data.eventDate}）`]] : [])),
  );
  const answer = useMutation(
    trpc.rectification.answer.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.rectification.get.queryKey({ id: order.id }), updated);
        void queryClient.invalidateQueries({ queryKey: trpc.rectification.list.queryKey() });
        toast.success(t('supervision.answeredToast'));
      },
      onError: () =>
        void queryClient.invalidateQueries({ queryKey: trpc.rectification.get.queryKey({ id: order.id }) }),
    }),
  );
  return (
    <Card title={t('supervision.answerTitle')} size="small">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ plan: order.plan, evidenceIds: order.evidenceIds }}
        disabled={answer.isPending}
        onFinish={(values) =>
          answer.mutate({
            id: order.id,
            version: order.version,
            plan: values.plan.trim(),
            evidenceIds: values.evidenceIds ?? [],
          })
        }
      >
        <Form.Item
          name="plan"
          label={t('supervision.answerPlan')}
          rules={rule(ZAnswerRectification.shape.plan, {}, true)}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 12 }}
            maxLength={5000}
            showCount
            placeholder={t('supervision.answerPlanPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="evidenceIds"
          label={t('supervision.answerEvidence')}
          extra={
            <>
              {t('supervision.answerEvidenceHint')} <Link to="/ledger">{t('supervision.goLedger')}</Link>
            </>
          }
          rules={rule(ZAnswerRectification.shape.evidenceIds)}
        >
          <EvidencePicker initialLabels={initialLabels} />
        </Form.Item>
        {answer.error && (
          <Alert type="error" showIcon title={errorMessage(answer.error)} style={{ marginBottom: 12 }} />
        )}
        <Flex>
          <Button type="primary" htmlType="submit" loading={answer.isPending}>
            {t('supervision.answerSubmit')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
