import { ZImportCommitted, ZImportFile, ZImportPreview } from '@wenming/domain';
import { authed, router } from '../trpc';
import * as imports from './service';

export const importRouter = router({
  preview: authed
    .input(ZImportFile)
    .output(ZImportPreview)
    .mutation(({ ctx, input }) => imports.preview(ctx, input)),
  commit: authed
    .input(ZImportFile)
    .output(ZImportCommitted)
    .mutation(({ ctx, input }) => imports.commit(ctx, input)),
});
