import { spawnSync } from 'node:child_process';
import { createWriteStream, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from '@wenming/db';
import { type Instance, peakRss } from './servers';

export interface ArchiveFigures {
  files: number;
  fileMb: number;
  exportSeconds: number;
  /** Until the response headers: index workbook, index page and manifest are built before the first byte. */
  firstByteSeconds: number;
  exportMbPerS: number;
  zipMb: number;
  serverPeakRssMb: number;
  tarSeconds: number;
  tarMbPerS: number;
}

/**
 * The archive export (整理装订) of a campaign with thousands of files, downloaded over HTTP
 * as the portal does, against `tar` packing the same stored files on the same disk. The
 * page cache is warmed first so both read from memory, and both write their archive to disk.
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
  let firstByteSeconds = 0;
  const { result: exportSeconds, peakMb } = await peakRss(server.pid, async () => {
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/download/ledger.zip?campaignId=${campaignId}`, {
      headers: { cookie },
    });
    if (!res.ok || !res.body) throw new Error(`archive export: ${res.status} ${await res.text()}`);
    firstByteSeconds = (performance.now() - t0) / 1000;
    await pipeline(Readable.fromWeb(res.body as never), createWriteStream(zip));
    return (performance.now() - t0) / 1000;
  });
  const tarSeconds = tar();
  const mb = bytes / 1024 / 1024;
  return {
    files: files.length,
    fileMb: mb,
    exportSeconds,
    firstByteSeconds,
    exportMbPerS: mb / exportSeconds,
    zipMb: statSync(zip).size / 1024 / 1024,
    serverPeakRssMb: peakMb,
    tarSeconds,
    tarMbPerS: mb / tarSeconds,
  };
}
