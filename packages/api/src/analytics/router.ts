import { ZAnalyticsFilter, ZCompare, ZCompareInput, ZOverview } from '@wenming/domain';
import { authed, router } from '../trpc';
import * as analytics from './service';

export const analyticsRouter = router({
  overview: authed
    .input(ZAnalyticsFilter)
    .output(ZOverview)
    .query(({ ctx, input }) => analytics.overview(ctx, input)),
  compare: authed
    .input(ZCompareInput)
    .output(ZCompare)
    .query(({ ctx, input }) => analytics.compare(ctx, input)),
});
