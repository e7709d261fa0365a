import { useQuery } from '@tanstack/react-query';
import { STATUS_LEVELS, TREND_INTERVALS } from '@wenming/domain';
import { ChartCard, ErrorState, formatShare, LoadingState, useTRPC } from '@wenming/ui';
import { Card, Col, Row, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { barOption, lineOption, pct, stackedOption } from './charts';
import { useAnalyticsFilters } from './useAnalyticsFilters';

type Interval = (typeof TREND_INTERVALS)[number];

/** Readiness, on-time filing, satisfaction, ledger activity and titles over months, years or terms. */
export default function TrendPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { filters, params, set } = useAnalyticsFilters();
  const interval: Interval = TREND_INTERVALS.find((i) => i === params.get('interval')) ?? 'month';
  const trend = useQuery(trpc.analytics.trend.queryOptions({ ...filters, interval }));

  const picker = (
    <Card size="small">
      <Segmented<Interval>
        value={interval}
        onChange={(i) => set({ interval: i === 'month' ? undefined : i })}
        options={TREND_INTERVALS.map((i) => ({ value: i, label: t(`analytics.interval_${i}`) }))}
      />
    </Card>
  );
  if (trend.isPending)
    return (
      <>
        {picker}
        <LoadingState />
      </>
    );
  if (trend.isError) return <ErrorState error={trend.error} onRetry={() => void trend.refetch()} />;
  const points = trend.data.points;
  const periods = points.map((p) => p.period);
  const levels = STATUS_LEVELS.filter((l) => points.some((p) => p.levels.some((x) => x.level === l)));
  const period = { key: 'period', title: t('analytics.col_period') };
  const none = points.length === 0;

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>{picker}</Col>
      <Col xs={24} xl={12}>
        <ChartCard
          title={t('analytics.trend_readiness')}
          fileName={`trend-readiness-${interval}`}
          option={
            none
              ? null
              : lineOption(periods, [
                  { name: t('analytics.col_readiness'), data: points.map((p) => pct(p.readiness)) },
                  { name: t('analytics.col_freshness'), data: points.map((p) => pct(p.freshness)) },
                ])
          }
          columns={[
            period,
            { key: 'campaigns', title: t('analytics.col_campaigns_open'), numeric: true },
            { key: 'readiness', title: t('analytics.col_readiness'), numeric: true },
            { key: 'freshness', title: t('analytics.col_freshness'), numeric: true },
          ]}
          rows={points.map((p) => ({
            period: p.period,
            campaigns: p.campaigns,
            readiness: formatShare(p.readiness),
            freshness: formatShare(p.freshness),
          }))}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          title={t('analytics.trend_satisfaction')}
          fileName={`trend-satisfaction-${interval}`}
          option={
            none
              ? null
              : lineOption(periods, [
                  { name: t('analytics.satisfaction'), data: points.map((p) => pct(p.satisfaction)) },
                ])
          }
          columns={[
            period,
            { key: 'answers', title: t('analytics.col_answers'), numeric: true },
            { key: 'satisfaction', title: t('analytics.col_satisfaction'), numeric: true },
          ]}
          rows={points.map((p) => ({
            period: p.period,
            answers: p.answers,
            satisfaction: formatShare(p.satisfaction),
          }))}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          title={t('analytics.trend_levels')}
          fileName={`trend-levels-${interval}`}
          option={
            none
              ? null
              : stackedOption(
                  periods,
                  levels.map((l) => ({
                    name: t(`level.${l}`),
                    data: points.map((p) => p.levels.find((x) => x.level === l)?.count ?? 0),
                  })),
                )
          }
          columns={[period, ...levels.map((l) => ({ key: l, title: t(`level.${l}`), numeric: true }))]}
          rows={points.map((p) => ({
            period: p.period,
            ...Object.fromEntries(levels.map((l) => [l, p.levels.find((x) => x.level === l)?.count ?? 0])),
          }))}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          title={t('analytics.trend_evidence')}
          fileName={`trend-evidence-${interval}`}
          option={
            none
              ? null
              : barOption(
                  periods,
                  points.map((p) => p.evidenceFiled),
                )
          }
          columns={[period, { key: 'items', title: t('analytics.col_evidence'), numeric: true }]}
          rows={points.map((p) => ({ period: p.period, items: p.evidenceFiled }))}
        />
      </Col>
    </Row>
  );
}
