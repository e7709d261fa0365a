import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CampaignPhase } from '@wenming/domain';
import {
  EmptyState,
  ErrorState,
  PageContainer,
  PhaseTag,
  percent,
  ReadinessBar,
  usePhone,
  useTRPC,
} from '@wenming/ui';
import { Button, Card, Flex, Table, type TableProps, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { OfficeTreeSelect } from '../offices/OfficeTreeSelect';

interface Row {
  campaignId: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  phase: string;
  items: number;
  readiness: number;
  gaps: number;
  freshness: number | null;
}

function Freshness({ share }: { share: number | null }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  if (share === null) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const p = percent(share);
  return (
    <span
      style={{ color: p >= 80 ? token.colorSuccess : token.colorWarning, fontVariantNumeric: 'tabular-nums' }}
    >
      {p}%
    </span>
  );
}

/**
 * Every open campaign in the office's scope by how ready its ledger is, least ready first:
 * where an inspection would find the most missing.
 */
export default function LedgerOverviewPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const officeId = params.get('office') ?? undefined;
  const overview = useQuery({
    ...trpc.ledger.overview.queryOptions({ officeId }),
    placeholderData: keepPreviousData,
  });
  const setOffice = (id: string | undefined) =>
    setParams(
      (current) => {
        const out = new URLSearchParams(current);
        if (id) out.set('office', id);
        else out.delete('office');
        return out;
      },
      { replace: true },
    );
  const path = (row: Row) => `/ledger/campaigns/${row.campaignId}`;

  const columns: TableProps<Row>['columns'] = [
    {
      key: 'unit',
      title: t('ledger.unit'),
      render: (_, row) => (
        <Flex vertical gap={2}>
          <Link to={path(row)} onClick={(e) => e.stopPropagation()}>
            {row.unitName}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.unitCode}
          </Typography.Text>
          {phone && (
            <Flex vertical gap={4} style={{ marginTop: 4 }}>
              <ReadinessBar readiness={row.readiness} width={220} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('ledger.overview_phone_line', { items: row.items, gaps: row.gaps })}
              </Typography.Text>
            </Flex>
          )}
        </Flex>
      ),
    },
    {
      key: 'phase',
      title: t('ledger.phase'),
      width: 110,
      render: (_, row) => <PhaseTag phase={row.phase as CampaignPhase} />,
    },
    {
      key: 'items',
      title: t('ledger.items'),
      dataIndex: 'items',
      width: 90,
      responsive: ['md'],
      align: 'end',
    },
    {
      key: 'readiness',
      title: t('ledger.readiness'),
      width: 220,
      responsive: ['md'],
      render: (_, row) => <ReadinessBar readiness={row.readiness} width={200} />,
    },
    {
      key: 'gaps',
      title: t('ledger.gaps_title'),
      width: 100,
      responsive: ['md'],
      align: 'end',
      render: (_, row) => (
        <span style={{ color: row.gaps > 0 ? token.colorError : token.colorSuccess }}>
          {t('ledger.gaps_n', { n: row.gaps })}
        </span>
      ),
    },
    {
      key: 'freshness',
      title: t('ledger.freshness'),
      width: 110,
      responsive: ['lg'],
      align: 'end',
      render: (_, row) => <Freshness share={row.freshness} />,
    },
  ];

  return (
    <PageContainer
      title={t('ledger.overview_title')}
      subTitle={phone ? undefined : t('ledger.overview_hint')}
    >
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <Flex vertical gap={16}>
          <Flex gap={8} wrap align="center">
            <OfficeTreeSelect
              value={officeId}
              onChange={(id) => setOffice(id)}
              allowClear
              placeholder={t('ledger.all_offices')}
              aria-label={t('ledger.office')}
              style={{ flex: '1 1 200px', maxWidth: 320 }}
            />
            {officeId && (
              <Button type="link" onClick={() => setOffice(undefined)}>
                {t('common.reset')}
              </Button>
            )}
          </Flex>
          {overview.isError ? (
            <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
          ) : (
            <Table<Row>
              rowKey="campaignId"
              size="middle"
              columns={columns}
              dataSource={overview.data?.items}
              loading={overview.isFetching}
              pagination={false}
              locale={{
                emptyText: overview.isPending ? ' ' : <EmptyState description={t('ledger.overview_empty')} />,
              }}
              onRow={(row) => ({ onClick: () => navigate(path(row)), style: { cursor: 'pointer' } })}
            />
          )}
        </Flex>
      </Card>
    </PageContainer>
  );
}
