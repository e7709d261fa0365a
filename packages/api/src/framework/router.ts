import {
  ZAssignmentList,
  ZById,
  ZFrameworkDetail,
  ZFrameworkFile,
  ZFrameworkPage,
  ZGetFramework,
  ZImportFramework,
  ZImportFrameworkXlsx,
  ZImportResult,
  ZListAssignments,
  ZListFrameworks,
  ZPublishFramework,
} from '@wenming/domain';
import { authed, router } from '../trpc';
import * as frameworks from './service';

export const frameworkRouter = router({
  list: authed
    .input(ZListFrameworks)
    .output(ZFrameworkPage)
    .query(({ ctx, input }) => frameworks.list(ctx, input)),
  get: authed
    .input(ZGetFramework)
    .output(ZFrameworkDetail)
    .query(({ ctx, input }) => frameworks.get(ctx, input)),
  export: authed
    .input(ZById)
    .output(ZFrameworkFile)
    .query(({ ctx, input }) => frameworks.exportFile(ctx, input.id)),
  import: authed
    .input(ZImportFramework)
    .output(ZImportResult)
    .mutation(({ ctx, input }) => frameworks.importFile(ctx, input)),
  importXlsx: authed
    .input(ZImportFrameworkXlsx)
    .output(ZImportResult)
    .mutation(({ ctx, input }) => frameworks.importXlsx(ctx, input)),
  publish: authed
    .input(ZPublishFramework)
    .output(ZAssignmentList)
    .mutation(({ ctx, input }) => frameworks.publish(ctx, input)),
  assignments: authed
    .input(ZListAssignments)
    .output(ZAssignmentList)
    .query(({ ctx, input }) => frameworks.assignments(ctx, input)),
});
