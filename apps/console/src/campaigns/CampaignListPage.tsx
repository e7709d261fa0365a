import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TCampaignSummary } from '@wenming/domain';
import {
  EmptyState,
  ErrorState,
  formatDate,
  formatTerm,
  KeysetPager,
  loadWorkStrings,
  PageContainer,
  PhaseTag,
  StatusLevelTag,
  TaskProgress,
  useCursorStack,
  usePhone,
  useTRPC,
} from '@wenming/ui';
import { Button, Card, Flex, Table, type TableProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CampaignFilterBar } from './CampaignFilterBar';
import { useCampaignFilters } from './useCampaignFilters';

loadWorkStrings();

export default function CampaignListPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const phone = usePhone();
  const { filters, update, clear, filtered } = useCampaignFilters();
  const pages = useCursorStack(JSON.stringify(filters));
  const campaigns = useQuery({
    ...trpc.campaign.list.queryOptions({ ...filters, cursor: pages.cursor, limit: 20 }),
    placeholderData: keepPreviousData,
  });

  const columns: TableProps<TCampaignSummary>['columns'] = [
    {
      key: 'unit',
      title: t('campaign.unit'),
      render: (_, c) => (
        <Flex vertical gap={2}>
          <Link to={`/campaigns/${c.id}`} onClick={(e) => e.stopPropagation()}>
            {c.unitName}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {phone
              ? `${t(`campaignKind.${c.kind}`)} · ${formatTerm(c.termStartYear, c.termEndYear)}`
              : c.officeName}
          </Typography.Text>
          {/* Phones have no room for the progress column: it goes under the name. */}
          {phone && <TaskProgress progress={c.progress} />}
        </Flex>
      ),
    },
    {
      key: 'kind',
      title: t('campaign.kind'),
      width: 110,
      responsive: ['md'],
      render: (_, c) => t(`campaignKind.${c.kind}`),
    },
    {
      key: 'target',
      title: t('campaign.target'),
      width: 140,
      responsive: ['sm'],
      render: (_, c) => <StatusLevelTag level={c.targetLevel} />,
    },
    {
      key: 'term',
      title: t('campaign.term'),
      width: 110,
      responsive: ['lg'],
      render: (_, c) => formatTerm(c.termStartYear, c.termEndYear),
    },
    { key: 'phase', title: t('campaign.phase'), width: 110, render: (_, c) => <PhaseTag phase={c.phase} /> },
    {
      key: 'progress',
      title: t('campaign.progress'),
      width: 240,
      responsive: ['md'],
      render: (_, c) => <TaskProgress progress={c.progress} />,
    },
    {
      key: 'updatedAt',
      title: t('campaign.updatedAt'),
      width: 120,
      responsive: ['xl'],
      render: (_, c) => formatDate(c.updatedAt),
    },
  ];

  const empty = filtered ? (
    <EmptyState
      description={t('campaign.emptyFiltered')}
      action={<Button onClick={clear}>{t('common.reset')}</Button>}
    />
  ) : (
    <EmptyState description={t('campaign.emptyOffice')} />
  );

  return (
    <PageContainer title={t('campaign.list')} subTitle={phone ? undefined : t('campaign.listHint')}>
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <Flex vertical gap={16}>
          <CampaignFilterBar filters={filters} filtered={filtered} onChange={update} onClear={clear} />
          {campaigns.isError ? (
            <ErrorState error={campaigns.error} onRetry={() => void campaigns.refetch()} />
          ) : (
            <>
              <Table<TCampaignSummary>
                rowKey="id"
                size="middle"
                columns={columns}
                dataSource={campaigns.data?.items}
                loading={campaigns.isFetching}
                pagination={false}
                locale={{ emptyText: campaigns.isPending ? ' ' : empty }}
                onRow={(c) => ({
                  onClick: () => navigate(`/campaigns/${c.id}`),
                  style: { cursor: 'pointer' },
                })}
              />
              <KeysetPager
                pages={pages}
                nextCursor={campaigns.data?.nextCursor}
                busy={campaigns.isPlaceholderData}
              />
            </>
          )}
        </Flex>
      </Card>
    </PageContainer>
  );
}
