import type { Readable } from 'node:stream';
import { ZById } from '@wenming/domain';
import { z } from 'zod';
import type { AuthedContext } from './context';
import * as frameworks from './framework/service';
import { frameworkToXlsx } from './framework/xlsx';
import { tasksToXlsx } from './task/export';

export interface Download {
  fileName: string;
  contentType: string;
  body: Buffer | Readable;
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
  'tasks.xlsx': {
    query: z.object({ campaignId: z.uuid() }),
    async run(ctx: AuthedContext, q: { campaignId: string }): Promise<Download> {
      const { fileName, body } = await tasksToXlsx(ctx, q.campaignId);
      return { fileName, contentType: XLSX, body };
    },
  },
} as const;

export type DownloadKind = keyof typeof downloads;
