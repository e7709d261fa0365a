import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZVerifyRectification } from '@wenming/domain';
import { type TOrder, useErrorMessage, useToast, useTRPC, useZodRule } from '@wenming/ui';
import { Alert, Button, Card, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';

interface Values {
  decision: 'close' | 'return';
  comment?: string;
}

/** The office checks the unit's answer: closes the order, or sends it back saying what is missing. */
export function VerifyOrderCard({ order }: { order: TOrder }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const rule = useZodRule();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const decision: Values['decision'] | undefined = Form.useWatch('decision', form);
  const verify = useMutation(
    trpc.rectification.verify.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.rectification.get.queryKey({ id: order.id }), updated);
        void queryClient.invalidateQueries({ queryKey: trpc.rectification.list.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.rectification.timeliness.queryKey() });
        toast.success(
          updated.status === 'closed' ? t('supervision.closedToast') : t('supervision.returnedToast'),
        );
        form.resetFields();
      },
      onError: (error) => {
        // Someone else verified it meanwhile: show what it is now.
        void queryClient.invalidateQueries({ queryKey: trpc.rectification.get.queryKey({ id: order.id }) });
        if (error.data?.fields?.comment)
          form.setFields([{ name: 'comment', errors: [t('supervision.returnNeedsComment')] }]);
      },
    }),
  );
  return (
    <Card title={t('supervision.verifyTitle')} size="small">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ decision: 'close' }}
        disabled={verify.isPending}
        onFinish={(values) =>
          verify.mutate({
            id: order.id,
            version: order.version,
            decision: values.decision,
            comment: values.comment?.trim() ?? '',
          })
        }
      >
        <Form.Item name="decision" label={t('supervision.decision')}>
          <Radio.Group
            options={[
              { value: 'close', label: t('supervision.decisionClose') },
              { value: 'return', label: t('supervision.decisionReturn') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="comment"
          label={decision === 'return' ? t('supervision.returnComment') : t('supervision.closeComment')}
          rules={
            decision === 'return'
              ? [
                  { required: true, whitespace: true, message: t('supervision.returnNeedsComment') },
                  ...rule(ZVerifyRectification.shape.comment),
                ]
              : rule(ZVerifyRectification.shape.comment)
          }
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        {verify.error && !verify.error.data?.fields && (
          <Alert type="error" showIcon title={errorMessage(verify.error)} style={{ marginBottom: 12 }} />
        )}
        <Button type="primary" htmlType="submit" loading={verify.isPending} danger={decision === 'return'}>
          {decision === 'return' ? t('supervision.returnOrder') : t('supervision.closeOrder')}
        </Button>
      </Form>
    </Card>
  );
}
