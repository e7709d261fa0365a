import type { Readable } from 'node:stream';
import { ForbiddenError, subject } from '@casl/ability';
import { AppError } from '@wenming/core';
import { type BlobStore, sanitizeFileName } from '@wenming/storage';
import type { AuthedContext } from '../context';
import { readable } from './service';

/**
 * Receives an upload for evidence: streamed into the store (size-limited, typed by
 * content), then recorded. The file is attached by a later evidence.create or revise;
 * until then nobody can read it back, since reading goes through the evidence.
 */
export async function storeUpload(
  ctx: AuthedContext,
  store: BlobStore,
  upload: { stream: Readable; name: string; maxBytes: number },
) {
  // Evidence keepers file materials; inspectors photograph on site.
  if (!ctx.ability.can('update', 'Inspection'))
    ForbiddenError.from(ctx.ability).throwUnlessCan('create', 'Evidence');
  const blob = await store.put(upload.stream, { maxBytes: upload.maxBytes });
  await ctx.db
    .insertInto('files')
    .values({ sha256: blob.sha256, bytes: blob.bytes, mime: blob.mime })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  return { ...blob, name: sanitizeFileName(upload.name, `file.${blob.ext}`) };
}

/** An attachment of an evidence item the caller may read, as a stream with its name and type. */
export async function openAttachment(
  ctx: AuthedContext,
  store: BlobStore,
  evidenceId: string,
  position: number,
) {
  const item = await readable(ctx, evidenceId);
  ForbiddenError.from(ctx.ability).throwUnlessCan('read', subject('Evidence', item));
  const attachment = await ctx.db
    .selectFrom('evidence_attachments as a')
    .innerJoin('files as f', 'f.sha256', 'a.sha256')
    .select(['a.sha256', 'a.name', 'f.mime', 'f.bytes'])
    .where('a.evidence_id', '=', evidenceId)
    .where('a.position', '=', position)
    .executeTakeFirst();
  if (!attachment) throw new AppError('NOT_FOUND', { message: 'no such attachment' });
  return { ...attachment, bytes: Number(attachment.bytes), stream: await store.open(attachment.sha256) };
}
