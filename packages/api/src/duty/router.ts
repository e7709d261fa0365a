import { ZById, ZCompletenessInput, ZCreateDuty, ZDutyCalendar } from '@wenming/domain';
import { authed, router } from '../trpc';
import * as duties from './service';

export const dutyRouter = router({
  calendar: authed
    .input(ZCompletenessInput)
    .output(ZDutyCalendar)
    .query(({ ctx, input }) => duties.calendar(ctx, input.campaignId)),
  create: authed
    .input(ZCreateDuty)
    .output(ZById)
    .mutation(({ ctx, input }) => duties.create(ctx, input)),
  deactivate: authed
    .input(ZById)
    .output(ZById)
    .mutation(({ ctx, input }) => duties.deactivate(ctx, input.id)),
});
