import { useQuery } from '@tanstack/react-query';
import type { TCompare } from '@wenming/domain';
import { ChartCard, EmptyState, ErrorState, formatShare, LoadingState, useTRPC } from '@wenming/ui';
import { Card, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CompareTable } from './CompareTable';
import { pct, radarOption } from './charts';
import { UnitMultiSelect } from './UnitMultiSelect';
import { useAnalyticsFilters } from './useAnalyticsFilters';

type Units = TCompare['units'];

/**
 * Categories differ between frameworks, so the radar compares the units assessed by the
 * framework most of them use; the others are named beside it.
 */
function radarScope(units: Units) {
  const counts = new Map<string, number>();
  for (const u of units) if (u.framework) counts.set(u.framework, (counts.get(u.framework) ?? 0) + 1);
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const first = units.find((u) => u.framework === main);
  return {
    axes: first ? first.categories.map((c) => c.name) : [],
    inRadar: units.filter((u) => u.framework === main),
    others: units.filter((u) => u.framework && u.framework !== main),
  };
}

/** Side by side: the radar of category readiness, then every figure with the gaps marked. */
export default function ComparePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { params, set } = useAnalyticsFilters();
  const ids = (params.get('units') ?? '').split(',').filter(Boolean).slice(0, 10);
  const compare = useQuery({
    ...trpc.analytics.compare.queryOptions({ unitIds: ids }),
    enabled: ids.length > 0,
  });
  const units = compare.data?.units ?? [];
  const { axes, inRadar, others } = radarScope(units);
  // Beyond two units the figures table needs the whole width, so the radar goes above it.
  const wide = units.length > 2;

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <UnitMultiSelect
          value={ids}
          onChange={(next) => set({ units: next.join(',') || undefined })}
          known={units.map((u) => ({ id: u.unitId, name: u.unitName }))}
          placeholder={t('analytics.compare_pick')}
        />
      </Card>
      {ids.length === 0 ? (
        <EmptyState description={t('analytics.compare_empty')} />
      ) : compare.isPending ? (
        <LoadingState />
      ) : compare.isError ? (
        <ErrorState error={compare.error} onRetry={() => void compare.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={wide ? 24 : 10}>
            <ChartCard
              title={t('analytics.compare_radar')}
              fileName="compare-radar"
              height={360}
              option={
                axes.length >= 3
                  ? radarOption(
                      axes,
                      inRadar.map((u) => ({
                        name: u.unitName,
                        data: axes.map((a) => pct(u.categories.find((c) => c.name === a)?.readiness)),
                      })),
                    )
                  : null
              }
              columns={[
                { key: 'category', title: t('analytics.col_category') },
                ...units.map((u) => ({ key: u.unitId, title: u.unitName, numeric: true })),
              ]}
              rows={axes.map((a) => ({
                category: a,
                ...Object.fromEntries(
                  units.map((u) => [
                    u.unitId,
                    formatShare(u.categories.find((c) => c.name === a)?.readiness),
                  ]),
                ),
              }))}
              empty={
                <Typography.Text type="secondary">
                  {units.every((u) => !u.campaignId)
                    ? t('analytics.compare_no_campaign')
                    : t('analytics.no_data')}
                </Typography.Text>
              }
            />
            {others.length > 0 && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('analytics.compare_other_framework', { names: others.map((u) => u.unitName).join('、') })}
              </Typography.Paragraph>
            )}
          </Col>
          <Col xs={24} xl={wide ? 24 : 14}>
            <CompareTable units={units} axes={axes} />
          </Col>
        </Row>
      )}
    </Flex>
  );
}
