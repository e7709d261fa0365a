import {
  ZAnalyticsFilter,
  ZCompare,
  ZCompareInput,
  ZOverview,
  ZRanking,
  ZRankingInput,
  ZTrend,
  ZTrendInput,
} from '@wenming/domain';
import { authed, router } from '../trpc';
import { overview } from './overview';
import { ranking } from './ranking';
import * as analytics from './service';
import { trend } from './trend';

/** Figures read from the replica when there is one (DATABASE_READ_URL): a moment's lag is fine for them. */
const reading = authed.use(({ ctx, next }) => next({ ctx: { ...ctx, db: ctx.readDb } }));

export const analyticsRouter = router({
  overview: reading
    .input(ZAnalyticsFilter)
    .output(ZOverview)
    .query(({ ctx, input }) => overview(ctx, input)),
  compare: reading
    .input(ZCompareInput)
    .output(ZCompare)
    .query(({ ctx, input }) => analytics.compare(ctx, input)),
  ranking: reading
    .input(ZRankingInput)
    .output(ZRanking)
    .query(({ ctx, input }) => ranking(ctx, input)),
  trend: reading
    .input(ZTrendInput)
    .output(ZTrend)
    .query(({ ctx, input }) => trend(ctx, input)),
});
