import { useQuery } from '@tanstack/react-query';
import { RANKING_METRICS, type RankingMetric, type TRankingRow } from '@wenming/domain';
import {
  ChartCard,
  ErrorState,
  ExportMenu,
  formatShare,
  LoadingState,
  loadWorkStrings,
  StatusLevelTag,
  useTRPC,
} from '@wenming/ui';
import { Card, Flex, Segmented, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { barOption, pct } from './charts';
import { useAnalyticsFilters } from './useAnalyticsFilters';

loadWorkStrings();

const TOP = 20;

/** Shares read as percentages; the assessment total in points. */
function formatMetric(metric: RankingMetric, value: number | null) {
  if (metric !== 'score') return formatShare(value);
  return value === null ? '—' : String(Math.round(value * 10) / 10);
}

/** Units ranked by one figure within the filters, the others beside it. */
export default function RankingPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { filters, params, set } = useAnalyticsFilters();
  const metric: RankingMetric = RANKING_METRICS.find((m) => m === params.get('metric')) ?? 'readiness';
  const direction = params.get('dir') === 'asc' ? 'asc' : 'desc';
  const ranking = useQuery(
    trpc.analytics.ranking.queryOptions({ ...filters, metric, direction, limit: 200 }),
  );

  const controls = (
    <Card size="small">
      <Flex gap={12} wrap align="center">
        <Typography.Text>{t('analytics.ranking_by')}</Typography.Text>
        <Segmented<RankingMetric>
          value={metric}
          onChange={(m) => set({ metric: m === 'readiness' ? undefined : m })}
          options={RANKING_METRICS.map((m) => ({ value: m, label: t(`analytics.metric_${m}`) }))}
          aria-label={t('analytics.ranking_by')}
        />
        <Select
          value={direction}
          onChange={(d) => set({ dir: d === 'asc' ? 'asc' : undefined })}
          options={[
            { value: 'desc', label: t('analytics.direction_desc') },
            { value: 'asc', label: t('analytics.direction_asc') },
          ]}
          style={{ width: 130 }}
          aria-label={t('analytics.direction_desc')}
        />
      </Flex>
    </Card>
  );
  if (ranking.isPending)
    return (
      <Flex vertical gap={16}>
        {controls}
        <LoadingState />
      </Flex>
    );
  if (ranking.isError) return <ErrorState error={ranking.error} onRetry={() => void ranking.refetch()} />;
  const items = ranking.data.items;
  const ranked = items.filter((r) => r.rank !== null);
  const top = ranked.slice(0, TOP);
  const label = t(`analytics.metric_${metric}`);

  const exportColumns = [
    { key: 'rank', title: t('analytics.col_rank') },
    { key: 'unit', title: t('analytics.col_unit') },
    { key: 'code', title: t('unit.code') },
    { key: 'office', title: t('analytics.col_office') },
    { key: 'type', title: t('analytics.col_type') },
    { key: 'level', title: t('analytics.col_level') },
    ...RANKING_METRICS.map((m) => ({ key: m, title: t(`analytics.metric_${m}`) })),
    { key: 'tasks', title: t('analytics.col_tasks') },
    { key: 'answers', title: t('analytics.col_answers') },
    { key: 'rectifications', title: t('analytics.col_rectifications') },
    { key: 'overdue', title: t('analytics.col_overdue_rectifications') },
  ];
  const exportRows = items.map((r) => ({
    rank: r.rank ?? '',
    unit: r.unitName,
    code: r.unitCode,
    office: r.officeName,
    type: t(`unitType.${r.type}`),
    level: t(`level.${r.level}`),
    ...Object.fromEntries(RANKING_METRICS.map((m) => [m, formatMetric(m, r[m])])),
    tasks: r.tasks,
    answers: r.answers,
    rectifications: r.rectifications,
    overdue: r.overdueRectifications,
  }));
  const share = (m: RankingMetric) => ({
    key: m,
    title: t(`analytics.metric_${m}`),
    align: 'right' as const,
    render: (_: unknown, r: TRankingRow) => (
      <span style={m === metric ? { fontWeight: 600 } : undefined}>{formatMetric(m, r[m])}</span>
    ),
  });

  return (
    <Flex vertical gap={16}>
      {controls}
      <ChartCard
        title={`${label} · ${t('analytics.ranking_chart', { n: Math.min(TOP, ranked.length) })}`}
        fileName={`ranking-${metric}`}
        height={Math.max(200, top.length * 26 + 40)}
        option={
          top.length
            ? barOption(
                top.map((r) => `${r.rank}. ${r.unitName}`),
                top.map((r) => (metric === 'score' ? (r.score ?? 0) : (pct(r[metric]) ?? 0))),
                { horizontal: true, percent: metric !== 'score' },
              )
            : null
        }
        columns={exportColumns}
        rows={exportRows}
      />
      <Card
        size="small"
        title={t('analytics.ranking_table')}
        extra={
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">
              {t('analytics.ranking_total', { n: ranking.data.total, shown: ranked.length })}
            </Typography.Text>
            <ExportMenu
              title={t('analytics.ranking_table')}
              fileName={`ranking-${metric}`}
              columns={exportColumns}
              rows={exportRows}
            />
          </Flex>
        }
        styles={{ body: { padding: 12 } }}
      >
        <Table<TRankingRow>
          size="small"
          rowKey="unitId"
          dataSource={items}
          pagination={items.length > 20 ? { pageSize: 20, size: 'small' } : false}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'rank',
              title: t('analytics.col_rank'),
              width: 64,
              render: (_: unknown, r) =>
                r.rank ?? (
                  <Typography.Text type="secondary" title={t('analytics.ranking_unranked')}>
                    —
                  </Typography.Text>
                ),
            },
            {
              key: 'unit',
              title: t('analytics.col_unit'),
              render: (_: unknown, r) => <Link to={`/units/${r.unitId}`}>{r.unitName}</Link>,
            },
            { key: 'office', dataIndex: 'officeName', title: t('analytics.col_office'), responsive: ['xxl'] },
            {
              key: 'level',
              title: t('analytics.col_level'),
              responsive: ['md'],
              render: (_: unknown, r) => <StatusLevelTag level={r.level} />,
            },
            ...RANKING_METRICS.map(share),
            {
              key: 'overdue',
              title: t('analytics.col_overdue_rectifications'),
              dataIndex: 'overdueRectifications',
              align: 'right' as const,
              responsive: ['xxl'],
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
