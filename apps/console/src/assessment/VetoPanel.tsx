import { useMutation } from '@tanstack/react-query';
import { VETO_SOURCES, ZClearVeto, ZConfirmVeto } from '@wenming/domain';
import { EmptyState, formatDateTime, localized, type TAssessment, useLanguage, useTRPC } from '@wenming/ui';
import { Alert, Button, Flex, Form, List, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonField, useWorkspaceSave, WorkspaceModal } from './WorkspaceForm';

type Veto = TAssessment['vetoes'][number];
type Source = (typeof VETO_SOURCES)[number];

function ConfirmVetoModal({ assessment, onClose }: { assessment: TAssessment; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const trpc = useTRPC();
  const [form] = Form.useForm<{
    vetoCode: string;
    source: Source;
    sourceDetail: string;
    evidenceIds: string[];
  }>();
  const confirm = useMutation(
    trpc.assessment.confirmVeto.mutationOptions(
      useWorkspaceSave(assessment.campaignId, 'assessment.vetoConfirmedToast', onClose),
    ),
  );
  // Evidence of the veto comes from the unit's ledger for this campaign, as the indicators list it.
  const evidence = new Map(
    assessment.indicators.flatMap((i) => i.evidence.map((e) => [e.id, e.title] as const)),
  );
  return (
    <WorkspaceModal
      title={t('assessment.vetoConfirm')}
      okText={t('assessment.vetoConfirm')}
      form={form}
      pending={confirm.isPending}
      error={confirm.error}
      onClose={onClose}
      initialValues={{ source: 'consultation', evidenceIds: [] }}
      onFinish={(v) =>
        confirm.mutate({
          campaignId: assessment.campaignId,
          vetoCode: v.vetoCode,
          source: v.source,
          sourceDetail: v.sourceDetail.trim(),
          evidenceIds: v.evidenceIds ?? [],
        })
      }
    >
      <Form.Item
        name="vetoCode"
        label={t('assessment.vetoCode')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select
          options={assessment.vetoItems.map((v) => ({
            value: v.code,
            label: `${v.code} ${localized(v.name, language)}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="source" label={t('assessment.vetoSource')} required>
        <Select options={VETO_SOURCES.map((s) => ({ value: s, label: t(`assessment.source_${s}`) }))} />
      </Form.Item>
      <ReasonField
        name="sourceDetail"
        label={t('assessment.sourceDetail')}
        schema={ZConfirmVeto.shape.sourceDetail}
        placeholder={t('assessment.sourceDetailPlaceholder')}
        max={1000}
        minRows={3}
        maxRows={8}
      />
      {evidence.size > 0 && (
        <Form.Item name="evidenceIds" label={t('assessment.linkedEvidence')}>
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            options={[...evidence].map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
      )}
    </WorkspaceModal>
  );
}

function ClearVetoModal({
  assessment,
  veto,
  onClose,
}: {
  assessment: TAssessment;
  veto: Veto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const trpc = useTRPC();
  const [form] = Form.useForm<{ reason: string }>();
  const clear = useMutation(
    trpc.assessment.clearVeto.mutationOptions(
      useWorkspaceSave(assessment.campaignId, 'assessment.vetoClearedToast', onClose),
    ),
  );
  return (
    <WorkspaceModal
      title={t('assessment.vetoClearTitle', { name: localized(veto.name, language) })}
      okText={t('assessment.vetoClear')}
      form={form}
      pending={clear.isPending}
      error={clear.error}
      onClose={onClose}
      onFinish={(v) => clear.mutate({ vetoId: veto.id, reason: v.reason.trim() })}
    >
      <ReasonField
        label={t('assessment.clearReason')}
        schema={ZClearVeto.shape.reason}
        placeholder={t('assessment.clearReasonPlaceholder')}
      />
    </WorkspaceModal>
  );
}

/** 一票否决: the framework's veto items, and those confirmed for this campaign with their source. */
export function VetoPanel({ assessment }: { assessment: TAssessment }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [confirming, setConfirming] = useState(false);
  const [clearing, setClearing] = useState<Veto | null>(null);
  const canManage = assessment.me.canManage;
  const active = assessment.vetoes.some((v) => !v.cleared);
  return (
    <Flex vertical gap={16}>
      {active && <Alert type="error" showIcon title={t('assessment.vetoWarning')} />}
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text strong>{t('assessment.vetoItems')}</Typography.Text>
        {canManage && assessment.vetoItems.length > 0 && (
          <Button danger onClick={() => setConfirming(true)}>
            {t('assessment.vetoConfirm')}
          </Button>
        )}
      </Flex>
      {assessment.vetoItems.length === 0 ? (
        <Typography.Text type="secondary">{t('assessment.vetoFrameworkNone')}</Typography.Text>
      ) : (
        <Flex vertical gap={4}>
          {assessment.vetoItems.map((v) => (
            <Typography.Text key={v.code}>
              <Typography.Text type="secondary">{v.code}</Typography.Text> {localized(v.name, language)}
            </Typography.Text>
          ))}
        </Flex>
      )}
      {assessment.vetoes.length === 0 ? (
        assessment.vetoItems.length > 0 && <EmptyState description={t('assessment.vetoNone')} />
      ) : (
        <List
          bordered
          dataSource={assessment.vetoes}
          renderItem={(v) => (
            <List.Item
              actions={
                canManage && !v.cleared
                  ? [
                      <Button key="clear" size="small" onClick={() => setClearing(v)}>
                        {t('assessment.vetoClear')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Flex vertical gap={4} style={{ minWidth: 0 }}>
                <Flex gap={8} wrap align="center">
                  <Tag color={v.cleared ? 'default' : 'red'}>{v.code}</Tag>
                  <Typography.Text strong delete={Boolean(v.cleared)}>
                    {localized(v.name, language)}
                  </Typography.Text>
                </Flex>
                <Typography.Text>
                  {t(`assessment.source_${v.source}`)}：{v.sourceDetail}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('assessment.vetoConfirmedAt', { at: formatDateTime(v.confirmedAt) })}
                  {v.evidenceIds.length > 0 &&
                    ` · ${t('assessment.evidenceCount', { count: v.evidenceIds.length })}`}
                </Typography.Text>
                {v.cleared && (
                  <Typography.Text type="secondary">
                    {t('assessment.vetoCleared', {
                      at: formatDateTime(v.cleared.at),
                      reason: v.cleared.reason,
                    })}
                  </Typography.Text>
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
      {confirming && <ConfirmVetoModal assessment={assessment} onClose={() => setConfirming(false)} />}
      {clearing && (
        <ClearVetoModal assessment={assessment} veto={clearing} onClose={() => setClearing(null)} />
      )}
    </Flex>
  );
}
