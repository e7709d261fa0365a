import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { TCampaign } from '@wenming/domain';
import {
  type Duty,
  DutyGrid,
  DutyLegend,
  EmptyState,
  ErrorState,
  LoadingState,
  PageContainer,
  useErrorMessage,
  useLedger,
  useToast,
  useTRPC,
} from '@wenming/ui';
import { Button, Card, Flex, Popconfirm, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CampaignGate } from '../campaign/CampaignGate';
import { useEvidenceAbility } from './useEvidenceAbility';
import { useInvalidateLedger } from './useInvalidateLedger';

const DutyFormModal = lazy(() => import('./DutyFormModal'));

function DeactivateButton({ duty }: { duty: Duty }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const invalidate = useInvalidateLedger();
  const deactivate = useMutation(
    trpc.duty.deactivate.mutationOptions({
      onSuccess: () => {
        invalidate();
        toast.success(t('ledger.duty_deactivated'));
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  return (
    <Popconfirm
      title={t('ledger.duty_deactivate_confirm')}
      okText={t('ledger.duty_deactivate')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      onConfirm={() => deactivate.mutate({ id: duty.id })}
    >
      <Button
        type="text"
        size="small"
        icon={<StopOutlined />}
        loading={deactivate.isPending}
        aria-label={t('ledger.duty_deactivate_of', { title: duty.title })}
      />
    </Popconfirm>
  );
}

function Duties({ campaign }: { campaign: TCampaign }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const ability = useEvidenceAbility(campaign);
  const ledger = useLedger(campaign);
  const calendar = useQuery(trpc.duty.calendar.queryOptions({ campaignId: campaign.id }));
  const [adding, setAdding] = useState(false);
  const duties = calendar.data?.items ?? [];
  return (
    <PageContainer
      title={t('ledger.duties')}
      subTitle={campaign.unitName}
      breadcrumb={[{ title: t('ledger.title'), path: '/ledger' }, { title: t('ledger.duties') }]}
      backTo="/ledger"
      extra={
        ability.canAddDuty && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('ledger.duty_add')}
          </Button>
        )
      }
    >
      <Card>
        <Flex vertical gap={16}>
          <Flex justify="space-between" gap={12} wrap>
            <Typography.Text type="secondary" style={{ maxWidth: 720 }}>
              {t('ledger.duties_hint')}
            </Typography.Text>
            <DutyLegend />
          </Flex>
          {calendar.isPending ? (
            <LoadingState />
          ) : calendar.isError ? (
            <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />
          ) : duties.length === 0 ? (
            <EmptyState
              description={ability.canAddDuty ? t('ledger.duties_empty') : t('ledger.duties_empty_read_only')}
              action={
                ability.canAddDuty && (
                  <Button type="primary" onClick={() => setAdding(true)}>
                    {t('ledger.duty_add')}
                  </Button>
                )
              }
            />
          ) : (
            <DutyGrid
              duties={duties}
              renderActions={(duty) =>
                duty.scope === 'campaign' && ability.canAddDuty ? <DeactivateButton duty={duty} /> : null
              }
            />
          )}
        </Flex>
      </Card>
      {adding && (
        <Suspense fallback={null}>
          <DutyFormModal
            campaign={campaign}
            categories={ledger.categories}
            onClose={() => setAdding(false)}
          />
        </Suspense>
      )}
    </PageContainer>
  );
}

export default function DutiesPage() {
  const { t } = useTranslation();
  return (
    <CampaignGate title={t('ledger.duties')}>{(campaign) => <Duties campaign={campaign} />}</CampaignGate>
  );
}
