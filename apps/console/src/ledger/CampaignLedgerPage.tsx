import { useQuery } from '@tanstack/react-query';
import {
  ArchiveExportButton,
  DutyGrid,
  DutyLegend,
  EmptyState,
  ErrorState,
  LedgerView,
  LoadingState,
  PageContainer,
  PhaseTag,
  useTRPC,
} from '@wenming/ui';
import { Alert, Card, Flex, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';

function Duties({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const calendar = useQuery(trpc.duty.calendar.queryOptions({ campaignId }));
  if (calendar.isPending) return <LoadingState />;
  if (calendar.isError) return <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />;
  if (calendar.data.items.length === 0)
    return <EmptyState description={t('ledger.duties_empty_read_only')} />;
  return (
    <Flex vertical gap={12}>
      <DutyLegend />
      <DutyGrid duties={calendar.data.items} />
    </Flex>
  );
}

/** One unit's ledger as the office sees it: the same tree, list and gaps as the unit, read only. */
export default function CampaignLedgerPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { campaignId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const campaign = useQuery(trpc.campaign.get.queryOptions({ id: campaignId }));
  const crumbs = [
    { title: t('ledger.overview_title'), path: '/ledger' },
    { title: campaign.data?.unitName ?? t('ledger.title') },
  ];
  if (campaign.isPending) return <LoadingState />;
  if (campaign.isError) {
    return (
      <PageContainer title={t('ledger.title')} breadcrumb={crumbs} backTo="/ledger">
        <ErrorState error={campaign.error} onRetry={() => void campaign.refetch()} />
      </PageContainer>
    );
  }
  const c = campaign.data;
  const view = params.get('view') === 'duties' ? 'duties' : 'ledger';
  return (
    <PageContainer
      title={c.unitName}
      subTitle={t('ledger.title')}
      tags={<PhaseTag phase={c.phase} />}
      breadcrumb={crumbs}
      backTo="/ledger"
      extra={<ArchiveExportButton campaignId={c.id} />}
    >
      <Alert
        type="info"
        showIcon
        title={
          <span>
            {t('ledger.read_only_notice')} <Link to={`/campaigns/${c.id}`}>{t('ledger.open_campaign')}</Link>
          </span>
        }
      />
      <Tabs
        activeKey={view}
        onChange={(key) =>
          setParams(
            (current) => {
              const out = new URLSearchParams(current);
              if (key === 'duties') out.set('view', 'duties');
              else out.delete('view');
              return out;
            },
            { replace: true },
          )
        }
        items={[
          {
            key: 'ledger',
            label: t('ledger.title'),
            children: <LedgerView campaign={c} itemPath={(id) => `/ledger/campaigns/${c.id}/items/${id}`} />,
          },
          {
            key: 'duties',
            label: t('ledger.duties'),
            children: (
              <Card>
                <Duties campaignId={c.id} />
              </Card>
            ),
          },
        ]}
      />
    </PageContainer>
  );
}
