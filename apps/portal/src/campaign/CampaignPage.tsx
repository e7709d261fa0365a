import { useQuery } from '@tanstack/react-query';
import {
  campaignSubject,
  ErrorState,
  LoadingState,
  loadWorkStrings,
  Notice,
  PageContainer,
  PhaseTag,
  useAppAbility,
  usePhone,
  useTRPC,
} from '@wenming/ui';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CampaignGate } from './CampaignGate';
import { CampaignOverview } from './CampaignOverview';
import { OpenCampaignForm } from './OpenCampaignForm';
import { useCurrentCampaign } from './useCurrentCampaign';

loadWorkStrings();

/** Nothing open: the campaign office may start the next one; everyone else sees the last. */
function StartOrLatest({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const ability = useAppAbility();
  const phone = usePhone();
  const unit = useQuery(trpc.unit.get.queryOptions({ id: unitId }));
  const current = useCurrentCampaign();
  if (unit.isPending) return <LoadingState />;
  if (unit.isError) return <ErrorState error={unit.error} onRetry={() => void unit.refetch()} />;
  const canOpen = ability.can('create', campaignSubject({ officeId: unit.data.officeId, unitId }));
  return (
    <PageContainer title={t('nav.campaign')} subTitle={unit.data.name}>
      {canOpen ? (
        <Card title={t('campaign.openTitle')} size={phone ? 'small' : undefined}>
          <OpenCampaignForm unit={unit.data} />
        </Card>
      ) : (
        !current.campaign && (
          <Notice kind="info" title={t('campaign.noneTitle')} subTitle={t('campaign.noneAskOffice')} />
        )
      )}
      {current.campaign && (
        <>
          <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
            {t('campaign.lastCampaign')}
          </Typography.Title>
          <CampaignOverview campaign={current.campaign} />
        </>
      )}
    </PageContainer>
  );
}

export default function CampaignPage() {
  const { t } = useTranslation();
  const current = useCurrentCampaign();
  if (current.unitId && !current.pending && !current.error && current.noneOpen) {
    return <StartOrLatest unitId={current.unitId} />;
  }
  return (
    <CampaignGate title={t('nav.campaign')}>
      {(campaign) => (
        <PageContainer
          title={t('nav.campaign')}
          subTitle={campaign.unitName}
          tags={<PhaseTag phase={campaign.phase} />}
        >
          <CampaignOverview campaign={campaign} />
        </PageContainer>
      )}
    </CampaignGate>
  );
}
