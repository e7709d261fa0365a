import { useMutation } from '@tanstack/react-query';
import { ZModerate, ZSetExemption } from '@wenming/domain';
import { localized, type TAssessment, type TAssessmentIndicator, useLanguage, useTRPC } from '@wenming/ui';
import { Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { ReasonField, useFreshValues, useWorkspaceSave, WorkspaceModal } from './WorkspaceForm';

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
  const [form] = Form.useForm<{ points: number | null; reason: string }>();
  const moderate = useMutation(
    trpc.assessment.moderate.mutationOptions(
      useWorkspaceSave(assessment.campaignId, 'assessment.moderatedToast', onClose),
    ),
  );
  const saved = { points: indicator.moderated?.points ?? null, reason: indicator.moderated?.reason ?? '' };
  useFreshValues(form, saved);
  return (
    <WorkspaceModal
      title={t('assessment.moderateTitle', {
        name: `${indicator.code} ${localized(indicator.name, language)}`,
      })}
      okText={t('common.save')}
      form={form}
      pending={moderate.isPending}
      error={moderate.error}
      onClose={onClose}
      initialValues={saved}
      onFinish={(v) =>
        moderate.mutate({
          campaignId: assessment.campaignId,
          indicatorId: indicator.id,
          points: typeof v.points === 'number' ? v.points : null,
          reason: v.reason.trim(),
          version: indicator.moderationVersion,
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
      <ReasonField
        label={t('assessment.moderateReason')}
        schema={ZModerate.shape.reason}
        placeholder={t('assessment.moderateReasonPlaceholder')}
      />
    </WorkspaceModal>
  );
}

/** Sets an indicator exempt (不测评) with a reason, or takes the exemption back. */
export function ExemptModal({ assessment, indicator, onClose }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const trpc = useTRPC();
  const [form] = Form.useForm<{ reason: string }>();
  const exempt = !indicator.exemption;
  const name = `${indicator.code} ${localized(indicator.name, language)}`;
  const save = useMutation(
    trpc.assessment.exempt.mutationOptions(
      useWorkspaceSave(assessment.campaignId, 'assessment.exemptedToast', onClose),
    ),
  );
  return (
    <WorkspaceModal
      title={t(exempt ? 'assessment.exemptTitle' : 'assessment.exemptUndoTitle', { name })}
      okText={t(exempt ? 'assessment.exempt' : 'assessment.exemptUndo')}
      form={form}
      pending={save.isPending}
      error={save.error}
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
      <ReasonField
        label={t('assessment.exemptReason')}
        schema={ZSetExemption.shape.reason}
        placeholder={t('assessment.exemptReasonPlaceholder')}
      />
    </WorkspaceModal>
  );
}
