import { AppError } from '@wenming/core';
import type { BlobStore } from '@wenming/storage';
import type { AuthedContext } from '../context';
import * as inspections from './inspections';

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/**
 * A photo of an on-site result, read through the inspection itself: whoever may see the
 * inspection's results for that unit (never the unit before an unannounced one is completed)
 * may see its photos.
 */
export async function openInspectionPhoto(
  ctx: AuthedContext,
  store: BlobStore,
  q: { inspectionId: string; unitId: string; itemKey: string; index: number },
) {
  const inspection = await inspections.get(ctx, q.inspectionId);
  const result = inspection.results.find((r) => r.unitId === q.unitId && r.itemKey === q.itemKey);
  const sha256 = result?.photos[q.index];
  if (!sha256) throw new AppError('NOT_FOUND', { message: 'no such photo', params: { entity: 'photo' } });
  const file = await ctx.db
    .selectFrom('files')
    .select('mime')
    .where('sha256', '=', sha256)
    .executeTakeFirstOrThrow();
  const ext = EXTENSIONS[file.mime] ?? 'bin';
  return { name: `${q.itemKey}-${q.index + 1}.${ext}`, mime: file.mime, stream: await store.open(sha256) };
}
