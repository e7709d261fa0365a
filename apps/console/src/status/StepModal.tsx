import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ManagementAction, ZStatusStep } from '@wenming/domain';
import { chinaDate, FormModal, useErrorMessage, useToast, useTRPC, useZodRule } from '@wenming/ui';
import { Alert, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

interface Values {
  reason: string;
  decisionNo: string;
  decidedOn: string;
  deadline?: string;
}

/** One step of dynamic management, with its reason and decision document; nothing is erased. */
export default function StepModal({
  unit,
  action,
  onClose,
}: {
  unit: { id: string; name: string };
  action: ManagementAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const rule = useZodRule();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const label = t(`assessment.action_${action}`);
  const done = {
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trpc.status.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.unit.pathKey() });
      toast.success(t('assessment.stepSaved', { action: label }));
      onClose();
    },
  };
  const reexamine = useMutation(trpc.status.reexamine.mutationOptions(done));
  const yellowCard = useMutation(trpc.status.yellowCard.mutationOptions(done));
  const revoke = useMutation(trpc.status.revoke.mutationOptions(done));
  const restore = useMutation(trpc.status.restore.mutationOptions(done));
  const mutation = {
    retain: reexamine,
    lapse: reexamine,
    yellow_card: yellowCard,
    revocation: revoke,
    restore,
  }[action];
  const onFinish = (v: Values) => {
    const step = {
      unitId: unit.id,
      reason: v.reason.trim(),
      decisionNo: v.decisionNo.trim(),
      decidedOn: v.decidedOn,
    };
    if (action === 'retain' || action === 'lapse') reexamine.mutate({ ...step, outcome: action });
    else if (action === 'yellow_card') yellowCard.mutate({ ...step, deadline: v.deadline ?? '' });
    else if (action === 'revocation') revoke.mutate(step);
    else restore.mutate(step);
  };
  return (
    <FormModal<Values>
      title={t('assessment.stepTitle', { action: label, unit: unit.name })}
      okText={label}
      form={form}
      pending={mutation.isPending}
      onClose={onClose}
      initialValues={{
        decidedOn: chinaDate(),
        deadline: action === 'yellow_card' ? chinaDate(90) : undefined,
      }}
      onFinish={onFinish}
    >
      <Alert
        type={action === 'revocation' || action === 'lapse' ? 'warning' : 'info'}
        showIcon
        title={t(`assessment.actionHint_${action}`)}
        style={{ marginBottom: 16 }}
      />
      <Form.Item
        name="reason"
        label={t('assessment.stepReason')}
        rules={rule(ZStatusStep.shape.reason, {}, true)}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={1000}
          showCount
          placeholder={t('assessment.stepReasonPlaceholder')}
        />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item
          name="decisionNo"
          label={t('assessment.decisionNo')}
          rules={rule(ZStatusStep.shape.decisionNo, {}, true)}
          style={{ flex: '1 1 220px' }}
        >
          <Input maxLength={100} placeholder={t('assessment.decisionNoPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="decidedOn"
          label={t('assessment.decidedOn')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input type="date" max={chinaDate()} />
        </Form.Item>
        {action === 'yellow_card' && (
          <Form.Item
            name="deadline"
            label={t('assessment.stepDeadline')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input type="date" min={chinaDate(1)} />
          </Form.Item>
        )}
      </Flex>
      {mutation.error && <Alert type="error" showIcon title={errorMessage(mutation.error)} />}
    </FormModal>
  );
}
