import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import { LocalDiskStore, SAMPLE_PNG, samplePdf } from '@wenming/storage';
import { sql } from 'kysely';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { loadGrants } from '../auth/repository';
import { callerAs, contextFor, createFixture, type Fixture, failure } from '../testing/index';
import { openAttachment, storeUpload } from './files';
import { verifyLedger } from './verify';

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
});
const root = mkdtempSync(join(tmpdir(), 'wenming-ledger-'));
const store = new LocalDiskStore(root);
afterAll(() => rmSync(root, { recursive: true, force: true }));
const clock = fixedClock('2027-03-10T02:00:00Z');
const as = (who: keyof Fixture['users']) => callerAs(t.db, f.users[who], { clock });

async function ctxOf(who: keyof Fixture['users']) {
  const grants = await loadGrants(t.db, f.users[who]);
  const ctx = contextFor(
    t.db,
    { id: f.users[who], username: who, displayName: who, sessionId: 't', grants },
    { clock },
  );
  return ctx as typeof ctx & { user: NonNullable<typeof ctx.user> };
}

async function upload(who: keyof Fixture['users'], bytes: Buffer, name: string) {
  return storeUpload(await ctxOf(who), store, {
    stream: Readable.from([bytes]),
    name,
    maxBytes: 10 * 1024 * 1024,
  });
}

const indicatorId = async (code: string) =>
  (
    await t.db
      .selectFrom('framework_indicators')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow()
  ).id;

async function fileMinutes() {
  const admin = await as('unit1Admin');
  const pdf = await upload('unit1Admin', samplePdf('leading group minutes'), '../../会议纪要.pdf');
  return admin.evidence.create({
    campaignId: f.campaigns.U1,
    kind: 'meeting_minutes',
    title: '创建工作领导小组第一次会议纪要',
    eventDate: '2027-03-08',
    departmentId: f.departments.A,
    keeper: '王干事',
    indicators: [
      { indicatorId: await indicatorId('A1'), explanation: '会议研究部署创建工作', materials: ['会议纪要'] },
    ],
    taskIds: [f.tasks.U1A],
    attachments: [{ sha256: pdf.sha256, name: pdf.name }],
  });
}

// The fixture's evidence rows (written without history) are not part of these ledgers.
beforeEach(async () => {
  clock.set('2027-03-10T02:00:00Z');
  await t.db.deleteFrom('evidence_items').execute();
});

describe('evidence', () => {
  it('files an item with the server’s capture time, its lag, links and a sanitised attachment name', async () => {
    const item = await fileMinutes();
    expect(item).toMatchObject({
      capturedAt: '2027-03-10T02:00:00.000Z',
      lagDays: 2,
      revision: 1,
      departmentName: '科室A',
      indicators: [{ code: 'A1', explanation: '会议研究部署创建工作', materials: ['会议纪要'] }],
      tasks: [{ id: f.tasks.U1A }],
      attachments: [{ name: '会议纪要.pdf', mime: 'application/pdf' }],
    });
    const file = await openAttachment(await ctxOf('cityInspector'), store, item.id, 0);
    expect((await text(file.stream)).startsWith('%PDF-1.4')).toBe(true);
    // Another unit's staff cannot read it, not even by guessing its id.
    await expect(openAttachment(await ctxOf('unit4Admin'), store, item.id, 0)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses explanations over 500 characters, indicators outside the framework and files never uploaded', async () => {
    const admin = await as('unit1Admin');
    const base = { campaignId: f.campaigns.U1, kind: 'other' as const, title: 'x', eventDate: '2027-03-01' };
    expect(
      (
        await failure(
          admin.evidence.create({
            ...base,
            indicators: [{ indicatorId: await indicatorId('A1'), explanation: '长'.repeat(501) }],
          }),
        )
      ).code,
    ).toBe('BAD_REQUEST');
    expect(
      (await failure(admin.evidence.create({ ...base, indicators: [{ indicatorId: f.campaigns.U4 }] })))
        .appCode,
    ).toBe('INDICATOR_NOT_IN_FRAMEWORK');
    expect(
      (
        await failure(
          admin.evidence.create({ ...base, attachments: [{ sha256: 'a'.repeat(64), name: 'x.pdf' }] }),
        )
      ).code,
    ).toBe('BAD_REQUEST');
    expect(await t.db.selectFrom('evidence_items').select('id').execute()).toEqual([]);
  });

  it('revises as a new event and retracts with a reason; nothing is ever deleted', async () => {
    const admin = await as('unit1Admin');
    const item = await fileMinutes();
    clock.set('2027-03-11T02:00:00Z');
    const revised = await admin.evidence.revise({
      id: item.id,
      revision: 1,
      kind: 'meeting_minutes',
      title: '领导小组第一次会议纪要（修订）',
      eventDate: '2027-03-08',
    });
    expect(revised).toMatchObject({ revision: 2, capturedAt: '2027-03-10T02:00:00.000Z', indicators: [] });
    expect(
      (
        await failure(
          admin.evidence.revise({
            id: item.id,
            revision: 1,
            kind: 'other',
            title: 'late',
            eventDate: '2027-03-08',
          }),
        )
      ).appCode,
    ).toBe('STALE_VERSION');
    const retracted = await admin.evidence.retract({ id: item.id, reason: '重复上传' });
    expect(retracted).toMatchObject({ retracted: true, retractReason: '重复上传' });
    expect((await admin.evidence.list({ campaignId: f.campaigns.U1 })).items).toEqual([]);
    expect(
      (await admin.evidence.list({ campaignId: f.campaigns.U1, includeRetracted: true })).items,
    ).toHaveLength(1);
    const history = await admin.evidence.history({ id: item.id });
    expect(history.items.map((e) => [e.action, e.revision])).toEqual([
      ['create', 1],
      ['revise', 2],
      ['retract', 2],
    ]);
  });

  it('lets a department head file for the department, staff file, and nobody outside the unit', async () => {
    const head = await as('unit1HeadA');
    const base = {
      campaignId: f.campaigns.U1,
      kind: 'activity' as const,
      title: '学雷锋志愿服务',
      eventDate: '2027-03-05',
      participants: 32,
      place: '幸福里社区',
    };
    await head.evidence.create({ ...base, departmentId: f.departments.A });
    expect((await failure(head.evidence.create({ ...base, departmentId: f.departments.B }))).code).toBe(
      'FORBIDDEN',
    );
    await (await as('unit1Member')).evidence.create(base);
    expect((await failure((await as('unit4Admin')).evidence.create(base))).code).toBe('NOT_FOUND');
    expect((await failure((await as('cityAdmin')).evidence.create(base))).code).toBe('FORBIDDEN');
  });
});

describe('ledger verification', () => {
  async function filedTwo() {
    const first = await fileMinutes();
    const admin = await as('unit1Admin');
    const png = await upload('unit1Admin', SAMPLE_PNG, 'photo.png');
    await admin.evidence.create({
      campaignId: f.campaigns.U1,
      kind: 'activity',
      title: '文明礼仪培训',
      eventDate: '2027-03-09',
      attachments: [{ sha256: png.sha256, name: 'photo.png' }],
    });
    await admin.evidence.revise({
      id: first.id,
      revision: 1,
      kind: 'meeting_minutes',
      title: '纪要（修订）',
      eventDate: '2027-03-08',
    });
    return first;
  }
  const tamper = (statement: ReturnType<typeof sql>) =>
    sql`alter table evidence_events disable trigger evidence_events_append_only`
      .execute(t.db)
      .then(() => statement.execute(t.db))
      .then(() => sql`alter table evidence_events enable trigger evidence_events_append_only`.execute(t.db));

  it('passes an untouched ledger, checkable in plain SQL too', async () => {
    await filedTwo();
    expect(await verifyLedger(t.db, store, 'U1')).toMatchObject({
      units: 1,
      events: 3,
      files: 2,
      problems: [],
    });
    const broken = await sql<{ n: number }>`select count(*)::int as n from evidence_events e
      left join evidence_events p on p.unit_id = e.unit_id and p.seq = e.seq - 1
      where e.hash <> encode(sha256(convert_to(e.payload, 'UTF8')), 'hex')
         or e.prev_hash <> coalesce(p.hash, repeat('0', 64))`.execute(t.db);
    expect(broken.rows[0]!.n).toBe(0);
  });

  it('names the first broken event when content is edited behind the platform’s back', async () => {
    await filedTwo();
    await tamper(
      sql`update evidence_events set payload = replace(payload, '文明礼仪培训', '伪造的培训') where seq = 2`,
    );
    expect((await verifyLedger(t.db, store, 'U1')).problems[0]).toMatchObject({
      unitCode: 'U1',
      seq: 2,
      problem: expect.stringMatching(/hash mismatch/),
    });
  });

  it('detects a deleted or reordered event, and a current item that no longer matches its history', async () => {
    await filedTwo();
    await tamper(sql`delete from evidence_events where seq = 2`);
    expect((await verifyLedger(t.db, store, 'U1')).problems.map((p) => p.seq)).toContain(3);
    await t.db
      .updateTable('evidence_items')
      .set({ title: '被改过的标题' })
      .where('title', '=', '文明礼仪培训')
      .execute();
    expect(
      (await verifyLedger(t.db, store, 'U1')).problems.some((p) =>
        /differs from its last recorded revision|no recorded history/.test(p.problem),
      ),
    ).toBe(true);
  });

  it('detects swapped events', async () => {
    await filedTwo();
    await tamper(sql`update evidence_events set seq = -1 where seq = 1`);
    await tamper(sql`update evidence_events set seq = 1 where seq = 2`);
    await tamper(sql`update evidence_events set seq = 2 where seq = -1`);
    expect((await verifyLedger(t.db, store, 'U1')).problems.length).toBeGreaterThan(0);
  });

  it('detects file bytes changed on disk', async () => {
    await filedTwo();
    const file = await t.db
      .selectFrom('files')
      .select('sha256')
      .where('mime', '=', 'image/png')
      .executeTakeFirstOrThrow();
    writeFileSync(
      join(root, 'objects', file.sha256.slice(0, 2), file.sha256.slice(2, 4), file.sha256),
      Buffer.from('forged'),
    );
    expect((await verifyLedger(t.db, store, 'U1')).problems).toEqual([
      expect.objectContaining({ problem: expect.stringMatching(/missing or its bytes changed/) }),
    ]);
  });
});

describe('ledger overview', () => {
  it('lists open campaigns in scope with readiness, gaps and freshness, least ready first', async () => {
    await fileMinutes();
    const city = await as('cityInspector');
    const { items } = await city.ledger.overview({});
    expect(items.map((i) => i.unitCode)).toEqual(['U1']);
    expect(items[0]).toMatchObject({ items: 1, freshness: 1, gaps: 3 });
    expect(items[0]!.readiness).toBeCloseTo((0.5 * 10) / 30);
    expect((await (await as('unit4Admin')).ledger.overview({})).items.map((i) => i.unitCode)).toEqual(['U4']);
  });
});

describe('completeness', () => {
  it('matches required materials, lists the gaps and measures freshness', async () => {
    await fileMinutes();
    const admin = await as('unit1Admin');
    clock.set('2027-03-30T02:00:00Z');
    await admin.evidence.create({
      campaignId: f.campaigns.U1,
      kind: 'plan',
      title: '2027—2029年创建规划',
      eventDate: '2027-03-01',
      indicators: [{ indicatorId: await indicatorId('A2') }],
    });
    const c = await admin.ledger.completeness({ campaignId: f.campaigns.U1 });
    expect(c.indicators.map((i) => [i.code, i.readiness])).toEqual([
      ['A1', 0.5],
      ['A2', 1],
      ['B1', 0],
    ]);
    expect(c.gaps.map((g) => `${g.indicatorCode}:${g.material}`)).toEqual([
      'A1:领导小组文件',
      'B1:安全检查记录',
    ]);
    expect(c.categories.map((x) => [x.code, x.readiness])).toEqual([
      ['A', 0.75],
      ['B', 0],
    ]);
    expect(c.readiness).toBeCloseTo(0.5);
    expect(c.freshness).toEqual({ items: 2, withinSevenDays: 1, share: 0.5 });
  });
});
