import {
  ZBulkAssignTasks,
  ZBulkResult,
  ZById,
  ZCreateTask,
  ZGenerateResult,
  ZGenerateTasks,
  ZListTasks,
  ZTask,
  ZTaskPage,
  ZUpdateTask,
} from '@wenming/domain';
import { authed, router } from '../trpc';
import * as tasks from './service';

export const taskRouter = router({
  list: authed
    .input(ZListTasks)
    .output(ZTaskPage)
    .query(({ ctx, input }) => tasks.list(ctx, input)),
  get: authed
    .input(ZById)
    .output(ZTask)
    .query(({ ctx, input }) => tasks.get(ctx, input.id)),
  create: authed
    .input(ZCreateTask)
    .output(ZTask)
    .mutation(({ ctx, input }) => tasks.create(ctx, input)),
  update: authed
    .input(ZUpdateTask)
    .output(ZTask)
    .mutation(({ ctx, input }) => tasks.update(ctx, input)),
  generate: authed
    .input(ZGenerateTasks)
    .output(ZGenerateResult)
    .mutation(({ ctx, input }) => tasks.generate(ctx, input)),
  bulkAssign: authed
    .input(ZBulkAssignTasks)
    .output(ZBulkResult)
    .mutation(({ ctx, input }) => tasks.bulkAssign(ctx, input)),
});
