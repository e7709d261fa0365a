import {
  ZCreateUnit,
  ZGetUnit,
  ZListUnits,
  ZStatusHistory,
  ZStatusHistoryInput,
  ZUnit,
  ZUnitPage,
  ZUpdateUnit,
} from '@wenming/domain';
import { authed, router } from '../trpc';
import * as units from './service';

export const unitRouter = router({
  list: authed
    .input(ZListUnits)
    .output(ZUnitPage)
    .query(({ ctx, input }) => units.list(ctx, input)),
  get: authed
    .input(ZGetUnit)
    .output(ZUnit)
    .query(({ ctx, input }) => units.get(ctx, input.id)),
  create: authed
    .input(ZCreateUnit)
    .output(ZUnit)
    .mutation(({ ctx, input }) => units.create(ctx, input)),
  update: authed
    .input(ZUpdateUnit)
    .output(ZUnit)
    .mutation(({ ctx, input }) => units.update(ctx, input)),
  statusHistory: authed
    .input(ZStatusHistoryInput)
    .output(ZStatusHistory)
    .query(({ ctx, input }) => units.statusHistory(ctx, input.id)),
});
