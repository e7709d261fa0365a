import type { TCampaign } from '@wenming/domain';
import { ErrorState, LoadingState, loadWorkStrings, Notice, PageContainer } from '@wenming/ui';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentCampaign } from './useCurrentCampaign';

loadWorkStrings();

/**
 * The pages under 创建工作 all work on the unit's current campaign; this loads it and says
 * what to do when there is none yet.
 */
export function CampaignGate({
  title,
  children,
}: {
  title: string;
  children: (campaign: TCampaign) => ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const current = useCurrentCampaign();
  const crumbs = [{ title: t('nav.campaign'), path: '/campaign' }, { title }];
  if (!current.unitId) {
    return (
      <Notice
        kind="info"
        title={t('unit.noUnitTitle')}
        subTitle={t('unit.noUnitHint')}
        extra={
          <Button type="primary" href="/console/">
            {t('unit.goConsole')}
          </Button>
        }
      />
    );
  }
  if (current.pending) return <LoadingState />;
  if (current.error || !current.campaign) {
    return (
      <PageContainer title={title} breadcrumb={crumbs}>
        {current.error ? (
          <ErrorState error={current.error} onRetry={current.refetch} />
        ) : (
          <Notice
            kind="info"
            title={t('campaign.noneTitle')}
            subTitle={t('campaign.noneHint')}
            extra={
              <Button type="primary" onClick={() => navigate('/campaign')}>
                {t('campaign.goOverview')}
              </Button>
            }
          />
        )}
      </PageContainer>
    );
  }
  return <>{children(current.campaign)}</>;
}
