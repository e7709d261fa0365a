import { Readable } from 'node:stream';
import type { Db } from '@wenming/db';
import { type BlobStore, SAMPLE_PNG, samplePdf } from '@wenming/storage';
import type { AuthedContext } from '../context';
import { createSystemContext } from '../create-context';
import { storeUpload } from '../ledger/files';
import { appRouter } from '../router';
import { createCallerFactory } from '../trpc';
import { todayShift } from './demo-time';

/** What a campaign office typically files first, by required material. */
export const KIND_BY_MATERIAL: [
  RegExp,
  'meeting_minutes' | 'organization' | 'plan' | 'activity' | 'rules' | 'summary' | 'other',
][] = [
  [/纪要|会议/, 'meeting_minutes'],
  [/领导小组|组织/, 'organization'],
  [/规划|方案|计划/, 'plan'],
  [/活动|志愿|服务|照片/, 'activity'],
  [/制度|守则|规范/, 'rules'],
  [/总结|报告/, 'summary'],
];

/**
 * A ledger for every campaign past mobilization: a filed item for most indicators (one
 * required material each, so gaps remain), real small PDFs and photos, and a few items
 * recorded weeks after the event, so freshness has something to show.
 */
export async function seedDemoLedger(db: Db, engine: 'pglite' | 'postgres', store: BlobStore, now: Date) {
  const ctx = createSystemContext({ db, engine }) as AuthedContext;
  const caller = createCallerFactory(appRouter)(ctx);
  const campaigns = await db
    .selectFrom('campaigns')
    .select(['id', 'framework_id', 'unit_id'])
    .where('phase', 'in', ['implementation', 'consolidation', 'submitted', 'under_assessment'])
    .orderBy('created_at')
    .execute();
  const photo = await storeUpload(ctx, store, {
    stream: Readable.from([SAMPLE_PNG]),
    name: '活动照片.png',
    maxBytes: 1 << 20,
  });
  for (const [n, campaign] of campaigns.entries()) {
    const indicators = await db
      .selectFrom('framework_indicators')
      .select(['id', 'code', 'name_zh', 'evidence'])
      .where('framework_id', '=', campaign.framework_id)
      .orderBy('position')
      .execute();
    for (const [i, indicator] of indicators.entries()) {
      if ((i + n) % 4 === 3) continue; // a gap to close before inspection
      const material = indicator.evidence[0] ?? indicator.name_zh;
      const kind = KIND_BY_MATERIAL.find(([re]) => re.test(material))?.[1] ?? 'other';
      const late = (i + n) % 7 === 5;
      const title = `${material}（${indicator.code}）`;
      const file =
        kind === 'activity'
          ? { sha256: photo.sha256, name: photo.name }
          : await storeUpload(ctx, store, {
              stream: Readable.from([samplePdf(`${indicator.code} ${i}`)]),
              name: `${material}.pdf`,
              maxBytes: 1 << 20,
            });
      await caller.evidence.create({
        campaignId: campaign.id,
        kind,
        title,
        description: `对应测评指标 ${indicator.code} ${indicator.name_zh}`,
        eventDate: todayShift(now, late ? -30 - i : -1 - (i % 5)),
        keeper: '创建办',
        participants: kind === 'activity' ? 20 + i : null,
        place: kind === 'activity' ? '本单位' : null,
        indicators: [{ indicatorId: indicator.id, explanation: `${material}已归档`, materials: [material] }],
        attachments: [{ sha256: file.sha256, name: file.name }],
      });
    }
  }
}
