import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ManagementAction, ZStatusStep } from '@wenming/domain';
import { chinaDate, FormModal, useErrorMessage, useToast, useTRPC, useZodRule } from '@wenming/ui';
import { Alert, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionDocFields, ReasonField } from '../assessment/WorkspaceForm';

interface Values {
  reason: string;
  decisionNo: string;
  decidedOn: string;
  deadline?: string;
  inspectionId?: string;
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
  const _rule = useZodRule();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const label = t(`assessment.action_${action}`);
  const reexam = action === 'retain' || action === 'lapse';
  // The inspections that visited the unit, newest first; a retained title proposes the latest re-examination.
  const inspections = useQuery({
    ...trpc.inspection.list.queryOptions({ unitId: unit.id }),
    enabled: reexam,
    select: (page) => [...page.items].sort((a, b) => b.plannedOn.localeCompare(a.plannedOn)),
  });
  useEffect(() => {
    const latest = inspections.data?.find((i) => i.kind === 're_examination');
    if (action === 'retain' && latest && !form.isFieldTouched('inspectionId')) {
      form.setFieldValue('inspectionId', latest.id);
    }
  }, [inspections.data, form, action]);
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
    if (action === 'retain' || action === 'lapse')
      reexamine.mutate({ ...step, outcome: action, inspectionId: v.inspectionId || undefined });
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
      <ReasonField
        label={t('assessment.stepReason')}
        schema={ZStatusStep.shape.reason}
        placeholder={t('assessment.stepReasonPlaceholder')}
        max={1000}
      />
      <DecisionDocFields schema={ZStatusStep.shape.decisionNo}>
        {action === 'yellow_card' && (
          <Form.Item
            name="deadline"
            label={t('assessment.stepDeadline')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input type="date" min={chinaDate(1)} />
          </Form.Item>
        )}
      </DecisionDocFields>
      {reexam && (
        <Form.Item
          name="inspectionId"
          label={t('assessment.reexamInspection')}
          extra={t('assessment.reexamInspectionHint')}
        >
          <Select
            allowClear
            loading={inspections.isPending}
            placeholder={t('assessment.reexamInspectionNone')}
            notFoundContent={t('assessment.reexamInspectionEmpty')}
            options={(inspections.data ?? []).map((i) => ({
              value: i.id,
              label: `${i.title}（${i.plannedOn}）`,
            }))}
          />
        </Form.Item>
      )}
      {mutation.error && <Alert type="error" showIcon title={errorMessage(mutation.error)} />}
    </FormModal>
  );
}
