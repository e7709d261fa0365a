import { z } from 'zod';
import { ZId, ZIsoDate, ZSortDirection, ZYear } from '../common/schemas';
import { ZStatusLevel } from '../status/schemas';
import { ZUnitType } from '../unit/schemas';

/**
 * The filters every analytics view shares. A term (届) is named by its first year; a round
 * (轮次) is the campaigns of one term aiming at one level, so `termStartYear` with
 * `targetLevel` selects a round. Either restricts the units to those campaigning in it.
 */
export const ZAnalyticsFilter = z.object({
  officeId: ZId.optional(),
  unitType: ZUnitType.optional(),
  level: ZStatusLevel.optional(),
  termStartYear: ZYear.optional(),
  targetLevel: ZStatusLevel.exclude(['none']).optional(),
});
export type TAnalyticsFilter = z.input<typeof ZAnalyticsFilter>;

const count = z.number().int();
const share = z.number().nullable();
export const ZOverview = z.object({
  units: count,
  unitsByLevel: z.array(z.object({ level: ZStatusLevel, count })),
  unitsByType: z.array(z.object({ type: ZUnitType, count })),
  campaignsByPhase: z.array(z.object({ phase: z.string(), count })),
  /** Open campaigns by the share of their framework's indicators with at least one item filed. */
  coverage: z.array(z.object({ bucket: z.enum(['0-25', '25-50', '50-75', '75-100']), count })),
  overdueTasks: count,
  overdueRectifications: count,
  satisfaction: z.object({ answers: count, share }),
  freshness: z.object({ items: count, share }),
});
export type TOverview = z.infer<typeof ZOverview>;

export const ZCompareInput = z.object({ unitIds: z.array(ZId).min(1).max(10) });
export const ZCompare = z.object({
  units: z.array(
    z.object({
      unitId: ZId,
      unitName: z.string(),
      campaignId: ZId.nullable(),
      framework: z.string().nullable(),
      readiness: z.number().nullable(),
      categories: z.array(z.object({ code: z.string(), name: z.string(), readiness: z.number() })),
      /** Each indicator of the campaign's framework, `category` being its category's code. */
      indicators: z.array(
        z.object({ code: z.string(), name: z.string(), category: z.string(), readiness: z.number() }),
      ),
      satisfaction: z.number().nullable(),
      overdueTasks: count,
    }),
  ),
});
export type TCompare = z.infer<typeof ZCompare>;

/**
 * What units are ranked by: ledger readiness of the campaign, share of its tasks done,
 * satisfaction rate of survey answers, share of rectifications closed by their deadline,
 * and the campaign's assessment total (points, once every indicator is scored).
 */
export const RANKING_METRICS = [
  'readiness',
  'taskCompletion',
  'satisfaction',
  'rectificationOnTime',
  'score',
] as const;
export const ZRankingMetric = z.enum(RANKING_METRICS);
export type RankingMetric = z.infer<typeof ZRankingMetric>;

export const ZRankingInput = ZAnalyticsFilter.extend({
  metric: ZRankingMetric.default('readiness'),
  direction: ZSortDirection.default('desc'),
  limit: z.number().int().min(1).max(500).default(100),
});
export type TRankingInput = z.input<typeof ZRankingInput>;

export const ZRankingRow = z.object({
  /** Competition ranking (1, 1, 3): equal values share a rank; units without a value have none. */
  rank: z.number().int().nullable(),
  unitId: ZId,
  unitCode: z.string(),
  unitName: z.string(),
  officeName: z.string(),
  type: ZUnitType,
  level: ZStatusLevel,
  campaignId: ZId.nullable(),
  readiness: share,
  taskCompletion: share,
  tasks: count,
  satisfaction: share,
  answers: count,
  rectificationOnTime: share,
  rectifications: count,
  /** Assessment total in points; null until the assessment is complete. */
  score: z.number().nullable(),
  overdueRectifications: count,
});
export type TRankingRow = z.infer<typeof ZRankingRow>;
export const ZRanking = z.object({
  metric: ZRankingMetric,
  /** Units in the filter, ranked or not; `items` holds at most `limit` of them. */
  total: count,
  items: z.array(ZRankingRow),
});
export type TRanking = z.infer<typeof ZRanking>;

export const TREND_INTERVALS = ['month', 'year', 'term'] as const;
export const ZTrendInterval = z.enum(TREND_INTERVALS);
export const ZTrendInput = ZAnalyticsFilter.extend({
  interval: ZTrendInterval.default('month'),
  /** Month and year: the first and last day covered (default: the last 12 months or 5 years). */
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
});
export type TTrendInput = z.input<typeof ZTrendInput>;

export const ZTrendPoint = z.object({
  /** `2027-03`, `2027` or `2027–2029`. */
  period: z.string(),
  start: ZIsoDate,
  end: ZIsoDate,
  /** Campaigns open at the end of the period (month, year) or of the term. */
  campaigns: count,
  /** Their mean ledger readiness with the evidence filed by then. */
  readiness: share,
  evidenceFiled: count,
  /** Share of the items filed in the period within a week of the event. */
  freshness: share,
  answers: count,
  satisfaction: share,
  /** Units holding each level at the end of the period, from the status register. */
  levels: z.array(z.object({ level: ZStatusLevel, count })),
});
export type TTrendPoint = z.infer<typeof ZTrendPoint>;
export const ZTrend = z.object({
  interval: ZTrendInterval,
  points: z.array(ZTrendPoint),
});
export type TTrend = z.infer<typeof ZTrend>;
