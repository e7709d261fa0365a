import { useMutation } from '@tanstack/react-query';
import { type TEvidence, ZRetractEvidence } from '@wenming/domain';
import { useErrorMessage, useToast, useTRPC, useZodRule } from '@wenming/ui';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useInvalidateLedger } from './useInvalidateLedger';

/** Retracting needs a reason; the item and its history stay on record, nothing is deleted. */
export function RetractModal({ item, onClose }: { item: TEvidence; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const toast = useToast();
  const rule = useZodRule();
  const errorMessage = useErrorMessage();
  const invalidate = useInvalidateLedger();
  const [form] = Form.useForm<{ reason: string }>();
  const retract = useMutation(
    trpc.evidence.retract.mutationOptions({
      onSuccess: () => {
        invalidate();
        toast.success(t('ledger.retracted_done'));
        onClose();
      },
    }),
  );
  return (
    <Modal
      open
      title={t('ledger.retract_title')}
      okText={t('ledger.retract')}
      okButtonProps={{ danger: true }}
      confirmLoading={retract.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={({ reason }) => retract.mutate({ id: item.id, reason: reason.trim() })}
        disabled={retract.isPending}
      >
        <Typography.Paragraph>{t('ledger.retract_hint', { title: item.title })}</Typography.Paragraph>
        <Form.Item
          name="reason"
          label={t('ledger.retract_reason')}
          rules={rule(ZRetractEvidence.shape.reason, {}, true)}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
        </Form.Item>
        {retract.error && <Alert type="error" showIcon title={errorMessage(retract.error)} />}
      </Form>
    </Modal>
  );
}
