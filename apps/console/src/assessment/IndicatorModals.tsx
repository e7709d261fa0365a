import { useMutation } from '@tanstack/react-query';
import { ZModerate, ZSetExemption } from '@wenming/domain';
import {
  FormModal,
  localized,
  type TAssessment,
  type TAssessmentIndicator,
  useErrorMessage,
  useLanguage,
  useToast,
  useTRPC,
  useZodRule,
} from '@wenming/ui';
import { Alert, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApplyWorkspace } from './useWorkspace';

interface Props {
  assessment: TAssessment;
  indicator: TAssessmentIndicator;
  onClose: () => void;
}

/** The office admin's moderated value, with its reason; an empty value returns to the mean. */
export function ModerateModal({ assessment, indicator, onClose }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const trpc = useTRPC();
  const toast = useToast();
  const rule = useZodRule();
  const errorMessage = useErrorMessage();
  const apply = useApplyWorkspace(assessment.campaignId);
  const [form] = Form.useForm<{ points: number | null; reason: string }>();
  const moderate = useMutation(
    trpc.assessment.moderate.mutationOptions({
      onSuccess: (updated) => {
        apply(updated);
        toast.success(t('assessment.moderatedToast'));
        onClose();
      },
    }),
  );
  return (
    <FormModal
      title={t('assessment.moderateTitle', {
        name: `${indicator.code} ${localized(indicator.name, language)}`,
      })}
      okText={t('common.save')}
      form={form}
      pending={moderate.isPending}
      onClose={onClose}
      initialValues={{
        points: indicator.moderated?.points ?? null,
        reason: indicator.moderated?.reason ?? '',
      }}
      onFinish={(v) =>
        moderate.mutate({
          campaignId: assessment.campaignId,
          indicatorId: indicator.id,
          points: typeof v.points === 'number' ? v.points : null,
          reason: v.reason.trim(),
        })
      }
    >
      <Form.Item
        name="points"
        label={t('assessment.moderatePoints')}
        extra={`${t('assessment.maxHint', { max: indicator.points })} · ${t('assessment.moderateHint')}`}
      >
        <InputNumber min={0} max={indicator.points} step={0.5} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('assessment.moderateReason')}
        rules={rule(ZModerate.shape.reason, {}, true)}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={500}
          showCount
          placeholder={t('assessment.moderateReasonPlaceholder')}
        />
      </Form.Item>
      {moderate.error && <Alert type="error" showIcon title={errorMessage(moderate.error)} />}
    </FormModal>
  );
}

/** Sets an indicator exempt (不测评) with a reason, or takes the exemption back. */
export function ExemptModal({ assessment, indicator, onClose }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const trpc = useTRPC();
  const toast = useToast();
  const rule = useZodRule();
  const errorMessage = useErrorMessage();
  const apply = useApplyWorkspace(assessment.campaignId);
  const [form] = Form.useForm<{ reason: string }>();
  const exempt = !indicator.exemption;
  const name = `${indicator.code} ${localized(indicator.name, language)}`;
  const save = useMutation(
    trpc.assessment.exempt.mutationOptions({
      onSuccess: (updated) => {
        apply(updated);
        toast.success(t('assessment.exemptedToast'));
        onClose();
      },
    }),
  );
  return (
    <FormModal
      title={t(exempt ? 'assessment.exemptTitle' : 'assessment.exemptUndoTitle', { name })}
      okText={t(exempt ? 'assessment.exempt' : 'assessment.exemptUndo')}
      form={form}
      pending={save.isPending}
      onClose={onClose}
      onFinish={(v) =>
        save.mutate({
          campaignId: assessment.campaignId,
          indicatorId: indicator.id,
          exempt,
          reason: v.reason.trim(),
        })
      }
    >
      <Form.Item
        name="reason"
        label={t('assessment.exemptReason')}
        rules={rule(ZSetExemption.shape.reason, {}, true)}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={500}
          showCount
          placeholder={t('assessment.exemptReasonPlaceholder')}
        />
      </Form.Item>
      {save.error && <Alert type="error" showIcon title={errorMessage(save.error)} />}
    </FormModal>
  );
}
