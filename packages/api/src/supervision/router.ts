import {
  ZAddFinding,
  ZAnswerRectification,
  ZById,
  ZCreateInspection,
  ZInspection,
  ZInspectionList,
  ZIssueRectification,
  ZListInspections,
  ZListRectifications,
  ZRecordResult,
  ZRectification,
  ZRectificationList,
  ZTimeliness,
  ZVerifyRectification,
} from '@wenming/domain';
import { z } from 'zod';
import { authed, router } from '../trpc';
import * as inspections from './inspections';
import * as rectifications from './rectifications';

export const inspectionRouter = router({
  list: authed
    .input(ZListInspections)
    .output(ZInspectionList)
    .query(({ ctx, input }) => inspections.list(ctx, input)),
  get: authed
    .input(ZById)
    .output(ZInspection)
    .query(({ ctx, input }) => inspections.get(ctx, input.id)),
  create: authed
    .input(ZCreateInspection)
    .output(ZInspection)
    .mutation(({ ctx, input }) => inspections.create(ctx, input)),
  recordResult: authed
    .input(ZRecordResult)
    .output(ZInspection)
    .mutation(({ ctx, input }) => inspections.recordResult(ctx, input)),
  addFinding: authed
    .input(ZAddFinding)
    .output(ZInspection)
    .mutation(({ ctx, input }) => inspections.addFinding(ctx, input)),
  complete: authed
    .input(ZById)
    .output(ZInspection)
    .mutation(({ ctx, input }) => inspections.complete(ctx, input.id)),
});

export const rectificationRouter = router({
  list: authed
    .input(ZListRectifications)
    .output(ZRectificationList)
    .query(({ ctx, input }) => rectifications.list(ctx, input)),
  get: authed
    .input(ZById)
    .output(ZRectification)
    .query(({ ctx, input }) => rectifications.get(ctx, input.id)),
  issue: authed
    .input(ZIssueRectification)
    .output(ZRectification)
    .mutation(({ ctx, input }) => rectifications.issue(ctx, input)),
  answer: authed
    .input(ZAnswerRectification)
    .output(ZRectification)
    .mutation(({ ctx, input }) => rectifications.answer(ctx, input)),
  verify: authed
    .input(ZVerifyRectification)
    .output(ZRectification)
    .mutation(({ ctx, input }) => rectifications.verify(ctx, input)),
  timeliness: authed
    .input(z.object({}).optional())
    .output(ZTimeliness)
    .query(({ ctx }) => rectifications.unitTimeliness(ctx)),
});
