import type { Readable, Writable } from 'node:stream';
import { ZById } from '@wenming/domain';
import type { BlobStore } from '@wenming/storage';
import { z } from 'zod';
import type { AuthedContext } from './context';
import * as frameworks from './framework/service';
import { frameworkToXlsx } from './framework/xlsx';
import { exportLedger } from './ledger/archive';
import { openAttachment } from './ledger/files';
import { writeupsToXlsx } from './participation/export';
import { openInspectionPhoto } from './supervision/photos';
import { surveyToXlsx } from './survey/export';
import { poster, qrCode } from './survey/qr';
import { tasksToXlsx } from './task/export';

/** What a download may need beyond the request's context. */
export interface DownloadEnv {
  store: BlobStore;
  /** The address respondents reach the platform at, for survey links and QR codes. */
  publicUrl: string;
}

export interface Download {
  fileName: string;
  contentType: string;
  body: Buffer | Readable;
  /** Known in advance for streams that can say it, so browsers show real progress. */
  size?: number;
  /** Writes the body into the response itself, reusing its buffers once they are sent (see zipArchive). */
  writeTo?: (out: Writable) => Promise<void>;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Files users download (exports), served by the host at `/api/download/<kind>?…`. Each
 * declares its query schema and checks permissions through the same services as tRPC.
 */
export const downloads = {
  'framework.json': {
    query: ZById,
    async run(ctx: AuthedContext, q: z.output<typeof ZById>): Promise<Download> {
      const detail = await frameworks.get(ctx, q);
      return {
        fileName: `${detail.code}-v${detail.version}.json`,
        contentType: 'application/json; charset=utf-8',
        body: Buffer.from(`${JSON.stringify(detail.file, null, 2)}\n`),
      };
    },
  },
  'framework.xlsx': {
    query: ZById,
    async run(ctx: AuthedContext, q: z.output<typeof ZById>): Promise<Download> {
      const detail = await frameworks.get(ctx, q);
      return {
        fileName: `${detail.code}-v${detail.version}.xlsx`,
        contentType: XLSX,
        body: await frameworkToXlsx(detail.file),
      };
    },
  },
  'evidence.file': {
    query: z.object({ evidenceId: z.uuid(), position: z.coerce.number().int().min(0).max(1000) }),
    async run(
      ctx: AuthedContext,
      q: { evidenceId: string; position: number },
      env: DownloadEnv,
    ): Promise<Download> {
      const file = await openAttachment(ctx, env.store, q.evidenceId, q.position);
      return { fileName: file.name, contentType: file.mime, body: file.stream };
    },
  },
  'inspection.photo': {
    query: z.object({
      inspectionId: z.uuid(),
      unitId: z.uuid(),
      itemKey: z.string().max(64),
      index: z.coerce.number().int().min(0).max(50),
    }),
    async run(
      ctx: AuthedContext,
      q: { inspectionId: string; unitId: string; itemKey: string; index: number },
      env: DownloadEnv,
    ): Promise<Download> {
      const photo = await openInspectionPhoto(ctx, env.store, q);
      return { fileName: photo.name, contentType: photo.mime, body: photo.stream };
    },
  },
  'ledger.zip': {
    query: z.object({ campaignId: z.uuid() }),
    async run(ctx: AuthedContext, q: { campaignId: string }, env: DownloadEnv): Promise<Download> {
      const archive = await exportLedger(ctx, env.store, q.campaignId);
      return {
        fileName: archive.fileName,
        contentType: 'application/zip',
        body: archive.stream,
        writeTo: archive.writeTo,
        ...(archive.size >= 0 ? { size: archive.size } : {}),
      };
    },
  },
  'survey.qr': {
    query: z.object({ token: z.string().min(8).max(64), format: z.enum(['png', 'svg']).default('png') }),
    async run(
      ctx: AuthedContext,
      q: { token: string; format: 'png' | 'svg' },
      env: DownloadEnv,
    ): Promise<Download> {
      const qr = await qrCode(ctx, q.token, q.format, env.publicUrl);
      return {
        fileName: qr.fileName,
        contentType: q.format === 'png' ? 'image/png' : 'image/svg+xml',
        body: qr.body,
      };
    },
  },
  'survey.xlsx': {
    query: ZById,
    async run(ctx: AuthedContext, q: z.output<typeof ZById>): Promise<Download> {
      const file = await surveyToXlsx(ctx, q.id);
      return { fileName: file.fileName, contentType: XLSX, body: file.body };
    },
  },
  'survey.poster': {
    query: z.object({ token: z.string().min(8).max(64) }),
    async run(ctx: AuthedContext, q: { token: string }, env: DownloadEnv): Promise<Download> {
      const page = await poster(ctx, q.token, env.publicUrl);
      return { fileName: page.fileName, contentType: 'text/html; charset=utf-8', body: page.body };
    },
  },
  'writeups.xlsx': {
    query: z.object({ campaignId: z.uuid() }),
    async run(ctx: AuthedContext, q: { campaignId: string }): Promise<Download> {
      const { fileName, body } = await writeupsToXlsx(ctx, q.campaignId);
      return { fileName, contentType: XLSX, body };
    },
  },
  'tasks.xlsx': {
    query: z.object({ campaignId: z.uuid() }),
    async run(ctx: AuthedContext, q: { campaignId: string }): Promise<Download> {
      const { fileName, body } = await tasksToXlsx(ctx, q.campaignId);
      return { fileName, contentType: XLSX, body };
    },
  },
} as const;

export type DownloadKind = keyof typeof downloads;
