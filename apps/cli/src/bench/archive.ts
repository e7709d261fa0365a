import { spawnSync } from 'node:child_process';
import { createWriteStream, statSync, writeFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import type { Db } from '@wenming/db';
import { type Instance, peakRss } from './servers';

export interface ExportRun {
  exportSeconds: number;
  /** Until the response headers: index workbook, index page and manifest are built before the first byte. */
  firstByteSeconds: number;
  exportMbPerS: number;
  serverPeakRssMb: number;
}

/** The top-level run is the first export after the server started; `again` the one right after it. */
export interface ArchiveFigures extends ExportRun {
  files: number;
  fileMb: number;
  zipMb: number;
  tarSeconds: number;
  tarMbPerS: number;
  again: ExportRun;
}

/**
 * The archive export (整理装订) of a campaign with thousands of files, downloaded over HTTP
 * as the portal does, against `tar` packing the same stored files on the same disk. The
 * page cache is warmed first so both read from memory, and both write their archive to disk.
 * The download goes through node:http, like curl or a browser's native network stack: fetch's
 * JavaScript web streams would cost the shared cores more than the server's own work.
 */
export async function archiveVsTar(
  db: Db,
  server: Instance,
  cookie: string,
  campaignId: string,
  filesDir: string,
  workDir: string,
): Promise<ArchiveFigures> {
  const files = await db
    .selectFrom('evidence_attachments as a')
    .innerJoin('evidence_items as e', 'e.id', 'a.evidence_id')
    .innerJoin('files as f', 'f.sha256', 'a.sha256')
    .select(['f.sha256', 'f.bytes'])
    .distinct()
    .where('e.campaign_id', '=', campaignId)
    .execute();
  const bytes = files.reduce((n, f) => n + Number(f.bytes), 0);
  const list = join(workDir, 'files.txt');
  writeFileSync(
    list,
    files.map((f) => `objects/${f.sha256.slice(0, 2)}/${f.sha256.slice(2, 4)}/${f.sha256}`).join('\n'),
  );
  const tar = () => {
    const t0 = performance.now();
    const run = spawnSync('tar', ['-cf', join(workDir, 'files.tar'), '-C', filesDir, '-T', list]);
    if (run.status !== 0) throw new Error(`tar failed: ${run.stderr}`);
    return (performance.now() - t0) / 1000;
  };
  tar();
  const zip = join(workDir, 'ledger.zip');
  const mb = bytes / 1024 / 1024;
  const download = async (): Promise<ExportRun> => {
    let firstByteSeconds = 0;
    const { result: exportSeconds, peakMb } = await peakRss(server.pid, async () => {
      const t0 = performance.now();
      const res = await new Promise<IncomingMessage>((resolve, reject) =>
        get(
          `${server.url}/api/download/ledger.zip?campaignId=${campaignId}`,
          { headers: { cookie } },
          resolve,
        ).on('error', reject),
      );
      if (res.statusCode !== 200)
        throw new Error(`archive export: ${res.statusCode} ${(await buffer(res)).toString()}`);
      firstByteSeconds = (performance.now() - t0) / 1000;
      await pipeline(res, createWriteStream(zip));
      return (performance.now() - t0) / 1000;
    });
    return { exportSeconds, firstByteSeconds, exportMbPerS: mb / exportSeconds, serverPeakRssMb: peakMb };
  };
  // The first export meets a server that has served nothing yet (its peak RSS is the export's
  // own, its code not yet optimised); the second is what a running server does, as tar's
  // second run is measured after a first one warmed the page cache.
  const first = await download();
  const again = await download();
  const tarSeconds = tar();
  return {
    ...first,
    again,
    files: files.length,
    fileMb: mb,
    zipMb: statSync(zip).size / 1024 / 1024,
    tarSeconds,
    tarMbPerS: mb / tarSeconds,
  };
}
