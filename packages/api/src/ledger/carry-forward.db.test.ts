import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import { expect, it } from 'vitest';
import { callerAs, createFixture, type Fixture, failure } from '../testing/index';

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
  await db.deleteFrom('evidence_items').execute();
});
const clock = fixedClock('2027-03-10T02:00:00Z');

it('carries standing materials into the next term and compares the two ledgers by indicator', async () => {
  const admin = await callerAs(t.db, f.users.unit1Admin, { clock });
  const code = async (c: string) =>
    (
      await t.db
        .selectFrom('framework_indicators')
        .select('id')
        .where('code', '=', c)
        .executeTakeFirstOrThrow()
    ).id;
  const rules = await admin.evidence.create({
    campaignId: f.campaigns.U1,
    kind: 'rules',
    title: '文明创建工作制度汇编',
    eventDate: '2026-05-01',
    indicators: [{ indicatorId: await code('A1'), materials: ['领导小组文件'] }],
  });
  await admin.evidence.create({
    campaignId: f.campaigns.U1,
    kind: 'activity',
    title: '安全演练',
    eventDate: '2026-06-01',
    indicators: [{ indicatorId: await code('B1') }],
  });
  await t.db.updateTable('campaigns').set({ phase: 'decided' }).where('id', '=', f.campaigns.U1).execute();

  clock.set('2030-01-10T02:00:00Z');
  const next = await admin.campaign.open({
    unitId: f.units.U1,
    kind: 'upgrade',
    targetLevel: 'county',
    termStartYear: 2030,
    termEndYear: 2032,
  });
  const before = await admin.ledger.termComparison({ campaignId: next.id });
  expect(before.previousCampaignId).toBe(f.campaigns.U1);
  expect(before.candidates.map((c) => [c.title, c.standing, c.carried])).toEqual([
    ['文明创建工作制度汇编', true, false],
    ['安全演练', false, false],
  ]);
  expect(before.indicators.map((i) => `${i.code}:${i.status}`)).toEqual([
    'A1:missing',
    'A2:empty',
    'B1:missing',
  ]);

  expect(await admin.ledger.carryForward({ campaignId: next.id, evidenceIds: [rules.id, rules.id] })).toEqual(
    { carried: 1, skipped: 1 },
  );
  expect(await admin.ledger.carryForward({ campaignId: next.id, evidenceIds: [rules.id] })).toEqual({
    carried: 0,
    skipped: 1,
  });
  const carried = (await admin.evidence.list({ campaignId: next.id })).items;
  expect(carried).toMatchObject([
    {
      title: '文明创建工作制度汇编',
      capturedAt: '2030-01-10T02:00:00.000Z',
      indicators: [{ code: 'A1', materials: ['领导小组文件'] }],
    },
  ]);

  expect(carried[0]!.carriedFrom).toBe(rules.id);
  // Carried material is not late filing: it does not count against freshness.
  expect((await admin.ledger.completeness({ campaignId: next.id })).freshness).toEqual({
    items: 0,
    withinSevenDays: 0,
    share: 0,
  });

  await admin.evidence.revise({
    id: carried[0]!.id,
    revision: 1,
    kind: 'rules',
    title: '文明创建工作制度汇编（2030年修订）',
    eventDate: '2030-01-05',
    indicators: [{ indicatorId: await code('A1') }],
  });
  const after = await admin.ledger.termComparison({ campaignId: next.id });
  expect(after.indicators.map((i) => `${i.code}:${i.status}`)).toEqual([
    'A1:changed',
    'A2:empty',
    'B1:missing',
  ]);
  expect(after.candidates[0]!.carried).toBe(true);

  // Only the previous term's items, and only into an open campaign of one's own unit.
  expect(
    (await failure(admin.ledger.carryForward({ campaignId: next.id, evidenceIds: [carried[0]!.id] }))).code,
  ).toBe('BAD_REQUEST');
  const other = await callerAs(t.db, f.users.unit4Admin, { clock });
  expect(
    (await failure(other.ledger.carryForward({ campaignId: next.id, evidenceIds: [rules.id] }))).code,
  ).toBe('NOT_FOUND');
});
