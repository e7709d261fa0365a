import { createHash } from 'node:crypto';
import { type BlobStore, sanitizeFileName } from '@wenming/storage';
import { readable as readableCampaign } from '../campaign/service';
import type { AuthedContext } from '../context';
import { type ArchiveEntry, indexHtml } from './archive-index';
import { simpleXlsx } from './archive-xlsx';
import { zipArchive } from './archive-zip';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const folderName = (text: string) => sanitizeFileName(text).replace(/\//g, '_').slice(0, 60);

/**
 * The campaign's ledger as one ZIP (整理装订): folders by framework category and indicator
 * in framework order, files renamed with order numbers, an index workbook and a printable
 * index page, and manifest.json listing every file with its sha256 and size. Files are
 * streamed from the store in order, a batch at a time, never the whole ledger in memory;
 * entries are stored uncompressed (photos and PDFs barely compress), so the archive's size
 * is known in advance and a browser can show real progress. Read from a local disk, each
 * file goes straight into its batch with one blocking read (see FileSource.readInto).
 */
export async function exportLedger(ctx: AuthedContext, store: BlobStore, campaignId: string) {
  const campaign = await readableCampaign(ctx, campaignId);
  const [indicators, items, attachments, links] = await Promise.all([
    ctx.db
      .selectFrom('framework_indicators as i')
      .innerJoin('framework_categories as c', 'c.id', 'i.category_id')
      .select([
        'i.id',
        'i.code',
        'i.name_zh',
        'c.code as category_code',
        'c.name_zh as category_name',
        'c.position as cpos',
        'i.position as ipos',
      ])
      .where('i.framework_id', '=', campaign.framework_id)
      .orderBy('c.position')
      .orderBy('i.position')
      .execute(),
    ctx.db
      .selectFrom('evidence_items as e')
      .leftJoin('departments as d', 'd.id', 'e.department_id')
      .select([
        'e.id',
        'e.kind',
        'e.title',
        'e.event_date',
        'e.captured_at',
        'e.keeper',
        'd.name as department',
      ])
      .where('e.campaign_id', '=', campaignId)
      .where('e.retracted_at', 'is', null)
      .orderBy('e.event_date')
      .orderBy('e.id')
      .execute(),
    ctx.db
      .selectFrom('evidence_attachments as a')
      .innerJoin('evidence_items as e', 'e.id', 'a.evidence_id')
      .innerJoin('files as f', 'f.sha256', 'a.sha256')
      .select(['a.evidence_id', 'a.position', 'a.sha256', 'a.name', 'f.bytes'])
      .where('e.campaign_id', '=', campaignId)
      .where('e.retracted_at', 'is', null)
      .orderBy('a.position')
      .execute(),
    ctx.db
      .selectFrom('evidence_indicators as ei')
      .innerJoin('evidence_items as e', 'e.id', 'ei.evidence_id')
      .select(['ei.evidence_id', 'ei.indicator_id'])
      .where('e.campaign_id', '=', campaignId)
      .where('e.retracted_at', 'is', null)
      .execute(),
  ]);

  // Each item is filed under the first indicator (in framework order) it supports.
  const order = new Map(indicators.map((ind, i) => [ind.id, i]));
  const home = new Map<string, number>();
  for (const l of links) {
    const at = order.get(l.indicator_id) ?? Number.MAX_SAFE_INTEGER;
    if (at < (home.get(l.evidence_id) ?? Number.MAX_SAFE_INTEGER)) home.set(l.evidence_id, at);
  }
  const filesOf = new Map<string, typeof attachments>();
  for (const a of attachments) {
    const list = filesOf.get(a.evidence_id);
    if (list) list.push(a);
    else filesOf.set(a.evidence_id, [a]);
  }
  const root = folderName(
    `${campaign.unit_code}-${campaign.unit_name}-${campaign.term_start_year}-${campaign.term_end_year}-台账`,
  );
  // Folder of each indicator, numbered in framework order within its numbered category.
  const folders: string[] = [];
  let category = '';
  let categoryNo = 0;
  let indicatorNo = 0;
  for (const ind of indicators) {
    if (ind.category_code !== category || categoryNo === 0) {
      category = ind.category_code;
      categoryNo++;
      indicatorNo = 0;
    }
    indicatorNo++;
    folders.push(
      `${pad(categoryNo, 2)}-${folderName(`${ind.category_code} ${ind.category_name}`)}/${pad(indicatorNo, 2)}-${folderName(`${ind.code} ${ind.name_zh}`)}`,
    );
  }
  const counters = new Map<string, number>();
  const entries: ArchiveEntry[] = [];
  const sorted = [...items].sort((a, b) => (home.get(a.id) ?? 1e9) - (home.get(b.id) ?? 1e9));
  for (const item of sorted) {
    const at = home.get(item.id);
    const ind = at === undefined ? undefined : indicators[at];
    const folder = at === undefined ? '99-未关联指标' : folders[at]!;
    const n = (counters.get(folder) ?? 0) + 1;
    counters.set(folder, n);
    const files = filesOf.get(item.id) ?? [];
    const base = `${root}/${folder}/${folderName(`${pad(n, 3)}-${item.title}`).slice(0, 50)}`;
    entries.push({
      no: entries.length + 1,
      indicator: ind ? `${ind.code} ${ind.name_zh}` : '',
      title: item.title,
      kind: item.kind,
      eventDate: item.event_date,
      capturedAt: item.captured_at.toISOString(),
      keeper: item.keeper ?? '',
      department: item.department ?? '',
      files: files.map((f, i) => {
        const ext = f.name.includes('.') ? f.name.slice(f.name.lastIndexOf('.')) : '';
        return {
          path: `${base}${files.length > 1 ? `-${i + 1}` : ''}${ext}`,
          sha256: f.sha256,
          bytes: Number(f.bytes),
          originalName: f.name,
        };
      }),
    });
  }

  // The index page, workbook and manifest close the archive: they are made from the rows
  // already read, and stored as they are, so the size is known without compressing anything
  // before the first byte.
  const title = `${campaign.unit_name} ${campaign.term_start_year}—${campaign.term_end_year} 创建台账`;
  const extras = [
    { path: `${root}/00-目录.html`, data: Buffer.from(indexHtml(title, entries), 'utf8') },
    { path: `${root}/00-目录.xlsx`, data: await indexWorkbook(title, entries) },
  ];
  const manifest = {
    files: [
      ...entries.flatMap((e) => e.files.map((f) => ({ path: f.path, sha256: f.sha256, bytes: f.bytes }))),
      ...extras.map((e) => ({
        path: e.path,
        sha256: createHash('sha256').update(e.data).digest('hex'),
        bytes: e.data.length,
      })),
    ],
  };
  extras.push({
    path: `${root}/manifest.json`,
    data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
  });
  const zip = zipArchive(
    [
      ...entries.flatMap((e) =>
        e.files.map((f) => ({
          path: f.path,
          bytes: f.bytes,
          data: {
            open: () => store.open(f.sha256),
            ...(store.readInto ? { readInto: (target: Buffer) => store.readInto!(f.sha256, target) } : {}),
          },
        })),
      ),
      ...extras.map((e) => ({ ...e, bytes: e.data.length })),
    ],
    { date: { year: campaign.term_start_year, month: 1, day: 1 } },
  );
  return {
    fileName: `${root}.zip`,
    size: zip.size,
    stream: zip.stream,
    writeTo: zip.writeTo,
    files: manifest.files.length + 1,
  };
}

function indexWorkbook(title: string, entries: ArchiveEntry[]): Promise<Buffer> {
  return simpleXlsx({
    name: '台账目录',
    title,
    header: [
      '序号',
      '测评指标',
      '材料名称',
      '类别',
      '发生日期',
      '录入时间',
      '责任人',
      '科室',
      '文件',
      'SHA-256',
    ],
    widths: [6, 28, 36, 14, 12, 17, 10, 12, 36, 66],
    rows: entries.map((e) => [
      e.no,
      e.indicator,
      e.title,
      e.kind,
      e.eventDate,
      e.capturedAt.slice(0, 16).replace('T', ' '),
      e.keeper,
      e.department,
      e.files.map((f) => f.path.split('/').pop()).join('\n'),
      e.files.map((f) => f.sha256).join('\n'),
    ]),
  });
}
