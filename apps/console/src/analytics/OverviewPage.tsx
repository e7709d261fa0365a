import { useQuery } from '@tanstack/react-query';
import { CAMPAIGN_PHASES, STATUS_LEVELS, UNIT_TYPES } from '@wenming/domain';
import { ChartCard, EmptyState, ErrorState, formatShare, LoadingState, useTRPC } from '@wenming/ui';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { barOption, pieOption } from './charts';
import { useAnalyticsFilters } from './useAnalyticsFilters';

const PHASE_ORDER: readonly string[] = CAMPAIGN_PHASES;
const BUCKETS: Record<string, string> = {
  '0-25': '0–25%',
  '25-50': '25–50%',
  '50-75': '50–75%',
  '75-100': '75–100%',
};

/** The district at a glance: counts, what is overdue, satisfaction, and four distributions. */
export default function OverviewPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { filters } = useAnalyticsFilters();
  const overview = useQuery(trpc.analytics.overview.queryOptions(filters));
  if (overview.isPending) return <LoadingState />;
  if (overview.isError) return <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />;
  const o = overview.data;
  if (o.units === 0) return <EmptyState description={t('analytics.overview_empty')} />;

  const kpis = [
    { key: 'units', title: t('analytics.units_total'), value: String(o.units) },
    {
      key: 'tasks',
      title: t('analytics.overdue_tasks'),
      value: String(o.overdueTasks),
      warn: o.overdueTasks > 0,
    },
    {
      key: 'orders',
      title: t('analytics.overdue_rectifications'),
      value: String(o.overdueRectifications),
      warn: o.overdueRectifications > 0,
    },
    {
      key: 'satisfaction',
      title: t('analytics.satisfaction'),
      value: formatShare(o.satisfaction.share),
      note: t('analytics.satisfaction_answers', { n: o.satisfaction.answers }),
    },
    {
      key: 'freshness',
      title: t('analytics.freshness'),
      value: formatShare(o.freshness.share),
      note: t('analytics.freshness_items', { n: o.freshness.items }),
    },
  ];
  // In the order people think of them (lowest level first, phases as they follow), not by count.
  const levels = [...o.unitsByLevel]
    .sort((a, b) => STATUS_LEVELS.indexOf(a.level) - STATUS_LEVELS.indexOf(b.level))
    .map((l) => ({ label: t(`level.${l.level}`), count: l.count }));
  const types = [...o.unitsByType]
    .sort((a, b) => UNIT_TYPES.indexOf(a.type) - UNIT_TYPES.indexOf(b.type))
    .map((x) => ({ label: t(`unitType.${x.type}`), count: x.count }));
  const phases = [...o.campaignsByPhase]
    .sort((a, b) => PHASE_ORDER.indexOf(a.phase) - PHASE_ORDER.indexOf(b.phase))
    .map((p) => ({ label: t(`phase.${p.phase}`), count: p.count }));
  const coverage = o.coverage.map((c) => ({ label: BUCKETS[c.bucket] ?? c.bucket, count: c.count }));
  const countColumns = (label: string) => [
    { key: 'label', title: label },
    { key: 'count', title: t('analytics.col_count'), numeric: true },
  ];

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Row gutter={[12, 12]}>
          {kpis.map((k) => (
            <Col key={k.key} flex="1 1 150px">
              <Card size="small" style={{ height: '100%' }}>
                <Statistic
                  title={k.title}
                  value={k.value}
                  styles={{ content: k.warn ? { color: '#cf1322' } : undefined }}
                />
                {k.note && <Typography.Text type="secondary">{k.note}</Typography.Text>}
              </Card>
            </Col>
          ))}
        </Row>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard
          title={t('analytics.units_by_level')}
          fileName="units-by-level"
          option={
            levels.length
              ? barOption(
                  levels.map((l) => l.label),
                  levels.map((l) => l.count),
                )
              : null
          }
          columns={countColumns(t('analytics.col_level'))}
          rows={levels}
        />
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard
          title={t('analytics.units_by_type')}
          fileName="units-by-type"
          option={types.length ? pieOption(types.map((x) => ({ name: x.label, value: x.count }))) : null}
          columns={countColumns(t('analytics.col_type'))}
          rows={types}
        />
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard
          title={t('analytics.campaigns_by_phase')}
          fileName="campaigns-by-phase"
          option={
            phases.length
              ? barOption(
                  phases.map((p) => p.label),
                  phases.map((p) => p.count),
                  { horizontal: true },
                )
              : null
          }
          columns={countColumns(t('analytics.col_phase'))}
          rows={phases}
        />
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard
          title={t('analytics.coverage')}
          fileName="ledger-coverage"
          option={
            coverage.some((c) => c.count > 0)
              ? barOption(
                  coverage.map((c) => c.label),
                  coverage.map((c) => c.count),
                )
              : null
          }
          columns={[
            { key: 'label', title: t('analytics.col_bucket') },
            { key: 'count', title: t('analytics.col_campaigns'), numeric: true },
          ]}
          rows={coverage}
        />
      </Col>
    </Row>
  );
}
