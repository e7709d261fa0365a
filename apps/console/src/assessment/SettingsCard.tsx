import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  FormModal,
  formatPoints,
  SaveRefusal,
  type TAssessment,
  useQuotaText,
  useToast,
  useTRPC,
} from '@wenming/ui';
import { Button, Card, Descriptions, Form, InputNumber, Radio, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFreshValues, useReloadIfStale } from './WorkspaceForm';

type Settings = TAssessment['settings'];
type QuotaKind = 'none' | 'count' | 'percent';
interface Values {
  passThreshold: number | null;
  quotaKind: QuotaKind;
  quota: number | null;
  rescaleExempt: boolean;
}

function SettingsModal({
  settings,
  campaignId,
  onClose,
}: {
  settings: Settings;
  campaignId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('quotaKind', form);
  const reloadIfStale = useReloadIfStale(campaignId);
  const configure = useMutation(
    trpc.assessment.configure.mutationOptions({
      onSuccess: () => {
        // The pass mark and quota change every campaign of the round: results, ranks, list.
        void queryClient.invalidateQueries({ queryKey: trpc.assessment.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.assessment.get.queryKey({ campaignId }) });
        toast.success(t('assessment.settingsSaved'));
        onClose();
      },
      onError: reloadIfStale,
    }),
  );
  const quotaKind: QuotaKind =
    settings.quotaCount !== null ? 'count' : settings.quotaPercent !== null ? 'percent' : 'none';
  const saved: Values = {
    passThreshold: settings.thresholdSource === 'office' ? settings.passThreshold : null,
    quotaKind,
    quota: settings.quotaCount ?? settings.quotaPercent,
    rescaleExempt: settings.rescaleExempt,
  };
  useFreshValues(form, saved);
  return (
    <FormModal<Values>
      title={t('assessment.settings')}
      okText={t('common.save')}
      form={form}
      pending={configure.isPending}
      onClose={onClose}
      initialValues={saved}
      onFinish={(v) =>
        configure.mutate({
          officeId: settings.officeId,
          targetLevel: settings.targetLevel as Exclude<Settings['targetLevel'], 'none'>,
          passThreshold: typeof v.passThreshold === 'number' ? v.passThreshold : null,
          quotaCount: v.quotaKind === 'count' ? (v.quota ?? 0) : null,
          quotaPercent: v.quotaKind === 'percent' ? (v.quota ?? 0) : null,
          rescaleExempt: v.rescaleExempt,
          version: settings.version,
        })
      }
    >
      <Form.Item
        name="passThreshold"
        label={t('assessment.passThreshold')}
        extra={t('assessment.thresholdClear')}
      >
        <InputNumber
          min={0}
          max={1000}
          step={1}
          placeholder={t('assessment.thresholdPlaceholder')}
          style={{ width: 160 }}
        />
      </Form.Item>
      <Form.Item name="quotaKind" label={t('assessment.quota')}>
        <Radio.Group
          optionType="button"
          options={(['none', 'count', 'percent'] as const).map((k) => ({
            value: k,
            label: t(`assessment.quota_${k}`),
          }))}
        />
      </Form.Item>
      {kind && kind !== 'none' && (
        <Form.Item
          name="quota"
          label={t('assessment.quotaValue')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber
            min={0}
            max={kind === 'percent' ? 100 : 100_000}
            precision={kind === 'count' ? 0 : 1}
            style={{ width: 160 }}
          />
        </Form.Item>
      )}
      <Form.Item
        name="rescaleExempt"
        label={t('assessment.rescaleExempt')}
        extra={t('assessment.rescaleHint')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      <SaveRefusal error={configure.error} />
    </FormModal>
  );
}

/** The pass mark and its source, the quota and how exemptions count, for the campaign's level. */
export function SettingsCard({ assessment }: { assessment: TAssessment }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const quota = useQuotaText();
  const [editing, setEditing] = useState(false);
  const offices = useQuery(trpc.office.tree.queryOptions());
  const { settings } = assessment;
  const office = offices.data?.items.find((o) => o.id === settings.officeId)?.name ?? '';
  return (
    <Card
      size="small"
      title={t('assessment.settings')}
      extra={
        assessment.me.canManage && (
          <Button size="small" onClick={() => setEditing(true)}>
            {t('assessment.editSettings')}
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'threshold',
            label: t('assessment.passThreshold'),
            children:
              settings.passThreshold === null
                ? t('assessment.thresholdSource_none')
                : `${formatPoints(settings.passThreshold)}（${t(`assessment.thresholdSource_${settings.thresholdSource}`)}）`,
          },
          { key: 'quota', label: t('assessment.quota'), children: quota(settings) },
          {
            key: 'rescale',
            label: t('assessment.rescaleExempt'),
            children: t(settings.rescaleExempt ? 'assessment.rescaleOn' : 'assessment.rescaleOff'),
          },
        ]}
      />
      <div style={{ fontSize: 12, opacity: 0.65 }}>
        {t('assessment.settingsHint', { office, level: t(`level.${settings.targetLevel}`) })}
      </div>
      {editing && (
        <SettingsModal
          settings={settings}
          campaignId={assessment.campaignId}
          onClose={() => setEditing(false)}
        />
      )}
    </Card>
  );
}
