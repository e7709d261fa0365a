import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import { LocalDiskStore, SAMPLE_PNG, samplePdf } from '@wenming/storage';
import ExcelJS from 'exceljs';
import { afterAll, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { loadGrants } from '../auth/repository';
import { callerAs, contextFor, createFixture, type Fixture } from '../testing/index';
import { exportLedger } from './archive';
import { storeUpload } from './files';

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
  await db.deleteFrom('evidence_items').execute();
});
const dir = mkdtempSync(join(tmpdir(), 'wenming-archive-'));
const store = new LocalDiskStore(join(dir, 'store'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const clock = fixedClock('2027-03-10T02:00:00Z');

async function ctxOf(userId: string) {
  const ctx = contextFor(
    t.db,
    { id: userId, username: 'u', displayName: 'u', sessionId: 't', grants: await loadGrants(t.db, userId) },
    { clock },
  );
  return ctx as typeof ctx & { user: NonNullable<typeof ctx.user> };
}

/** Every entry of a ZIP file, with its bytes. */
function unzip(path: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, Buffer>();
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          buffer(stream).then((b) => {
            out.set(entry.fileName, b);
            zip.readEntry();
          }, reject);
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

it('exports the ledger as a ZIP ordered by framework, with index, manifest and intact files', async () => {
  const admin = await callerAs(t.db, f.users.unit1Admin, { clock });
  const ctx = await ctxOf(f.users.unit1Admin);
  const indicator = async (code: string) =>
    (
      await t.db
        .selectFrom('framework_indicators')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).id;
  const pdf = await storeUpload(ctx, store, {
    stream: Readable.from([samplePdf('group')]),
    name: '领导小组文件.pdf',
    maxBytes: 1 << 20,
  });
  const png = await storeUpload(ctx, store, {
    stream: Readable.from([SAMPLE_PNG]),
    name: 'photo.png',
    maxBytes: 1 << 20,
  });
  await admin.evidence.create({
    campaignId: f.campaigns.U1,
    kind: 'activity',
    title: '安全检查',
    eventDate: '2027-03-02',
    indicators: [{ indicatorId: await indicator('B1') }],
    attachments: [
      { sha256: png.sha256, name: 'a.png' },
      { sha256: pdf.sha256, name: 'b.pdf' },
    ],
  });
  await admin.evidence.create({
    campaignId: f.campaigns.U1,
    kind: 'organization',
    title: '关于成立领导小组的通知',
    eventDate: '2027-03-01',
    indicators: [{ indicatorId: await indicator('A1') }, { indicatorId: await indicator('B1') }],
    attachments: [{ sha256: pdf.sha256, name: pdf.name }],
  });
  await admin.evidence.create({
    campaignId: f.campaigns.U1,
    kind: 'other',
    title: '其他材料',
    eventDate: '2027-03-03',
    attachments: [{ sha256: png.sha256, name: 'c.png' }],
  });

  const archive = await exportLedger(ctx, store, f.campaigns.U1);
  const path = join(dir, archive.fileName);
  await pipeline(archive.stream, createWriteStream(path));
  expect(statSync(path).size).toBe(archive.size);

  const entries = await unzip(path);
  const names = [...entries.keys()].map((n) => n.split('/').slice(1).join('/'));
  // The files come first; the index and the manifest, made from the same rows, close the archive.
  expect(names).toEqual([
    '01-A 组织领导/01-A1 领导小组/001-关于成立领导小组的通知.pdf',
    '02-B 安全稳定/01-B1 安全生产/001-安全检查-1.png',
    '02-B 安全稳定/01-B1 安全生产/001-安全检查-2.pdf',
    '99-未关联指标/001-其他材料.png',
    '00-目录.html',
    '00-目录.xlsx',
    'manifest.json',
  ]);
  const root = [...entries.keys()][0]!.split('/')[0]!;
  const manifest = JSON.parse(entries.get(`${root}/manifest.json`)!.toString()) as {
    files: { path: string; sha256: string; bytes: number }[];
  };
  expect(manifest.files).toHaveLength(6);
  for (const file of manifest.files) {
    const bytes = entries.get(file.path)!;
    expect(createHash('sha256').update(bytes).digest('hex'), file.path).toBe(file.sha256);
    expect(bytes.length).toBe(file.bytes);
  }
  const html = entries.get(`${root}/00-目录.html`)!.toString();
  expect(html).toContain('关于成立领导小组的通知');
  expect(html).toContain(pdf.sha256);

  // The index workbook opens in a spreadsheet program and lists every item with its files.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(entries.get(`${root}/00-目录.xlsx`)! as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('台账目录')!;
  expect(String(sheet.getCell('A1').value)).toContain('创建台账');
  expect(sheet.getCell('C2').value).toBe('材料名称');
  const rows = [3, 4, 5].map((r) => sheet.getRow(r));
  expect(rows.map((r) => r.getCell(3).value)).toEqual(['关于成立领导小组的通知', '安全检查', '其他材料']);
  expect(rows.map((r) => r.getCell(1).value)).toEqual([1, 2, 3]);
  expect(rows[1]!.getCell(2).value).toBe('B1 安全生产');
  expect(rows[1]!.getCell(9).value).toBe('001-安全检查-1.png\n001-安全检查-2.pdf');
  expect(rows[1]!.getCell(10).value).toBe(`${png.sha256}\n${pdf.sha256}`);
  expect(sheet.rowCount).toBe(5);
});
