import { fixedClock, todayInChina } from '@wenming/core';
import type { Db } from '@wenming/db';
import { useTestDb } from '@wenming/db/testing';
import { FRESH_WITHIN_DAYS, SATISFIED_FROM } from '@wenming/domain';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { callerAs, createFixture, type Fixture } from '../testing/index';
import { refreshRollups, rollOverdueForward, rollupDrift } from './rollup-check';

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
});
const clock = fixedClock('2027-03-01T02:00:00Z');

/** mulberry32, so a failing sequence can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), a | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const rows = async <T>(db: Db, query: ReturnType<typeof sql<T>>) =>
  (await query.execute(db)).rows.map((r) => JSON.stringify(r)).sort();

/** What the triggers keep equals the same figures counted straight from the base tables. */
async function expectRollupsExact(db: Db) {
  expect(await rollupDrift(db)).toEqual([]);
}

/** The overview's and comparison's rollup-based figures against the aggregates the overview used to run. */
async function expectFiguresExact(db: Db) {
  const units = [f.units.U1, f.units.U2, f.units.U3];
  const today = todayInChina(clock.now());
  const truth = (
    await sql<{
      answers: number;
      satisfied: number;
      items: number;
      fresh: number;
      overdue: number;
      low: number;
    }>`
    select
      (select count(*) from survey_responses r cross join lateral jsonb_each(r.answers) a
        where r.unit_id = any(${units}::uuid[]) and jsonb_typeof(a.value) = 'number')::int as answers,
      (select count(*) from survey_responses r cross join lateral jsonb_each(r.answers) a
        where r.unit_id = any(${units}::uuid[]) and jsonb_typeof(a.value) = 'number'
          and (a.value)::text::int >= ${SATISFIED_FROM})::int as satisfied,
      (select count(*) from evidence_items e where e.unit_id = any(${units}::uuid[])
        and e.retracted_at is null and e.carried_from is null)::int as items,
      (select count(*) from evidence_items e where e.unit_id = any(${units}::uuid[])
        and e.retracted_at is null and e.carried_from is null
        and (e.captured_at at time zone 'Asia/Shanghai')::date - e.event_date <= ${FRESH_WITHIN_DAYS})::int as fresh,
      (select count(*) from tasks where unit_id = any(${units}::uuid[]) and status <> 'done'
        and deadline < ${today}::date)::int as overdue,
      (select count(*) from campaigns c where c.unit_id = any(${units}::uuid[]) and c.phase not in ('decided', 'withdrawn')
        and (select count(distinct ei.indicator_id) from evidence_indicators ei join evidence_items e on e.id = ei.evidence_id
             where e.campaign_id = c.id and e.retracted_at is null)::float
          / greatest((select count(*) from framework_indicators i where i.framework_id = c.framework_id), 1) < 0.25)::int as low`.execute(
      db,
    )
  ).rows[0]!;
  // Something of each to count, or the comparison below would prove nothing.
  expect(Math.min(truth.answers, truth.satisfied, truth.items, truth.fresh, truth.overdue)).toBeGreaterThan(
    0,
  );
  const analyst = await callerAs(db, f.users.cityAnalyst, { clock });
  const o = await analyst.analytics.overview({});
  expect(o.satisfaction).toEqual({
    answers: truth.answers,
    share: truth.answers ? truth.satisfied / truth.answers : null,
  });
  expect(o.freshness).toEqual({ items: truth.items, share: truth.items ? truth.fresh / truth.items : null });
  expect(o.overdueTasks).toBe(truth.overdue);
  expect(o.coverage.find((b) => b.bucket === '0-25')!.count).toBe(truth.low);
  const phases = await sql<{ phase: string; count: number }>`select phase, count(*)::int as count
    from campaigns where unit_id = any(${units}::uuid[]) group by 1`.execute(db);
  expect(o.campaignsByPhase.toSorted((a, b) => a.phase.localeCompare(b.phase))).toEqual(
    phases.rows.toSorted((a, b) => a.phase.localeCompare(b.phase)),
  );

  const c = await analyst.analytics.compare({ unitIds: [f.units.U1, f.units.U2] });
  const u1 = (
    await sql<{ answers: number; satisfied: number; overdue: number }>`select
      (select count(*) from survey_responses r cross join lateral jsonb_each(r.answers) a
        where r.unit_id = ${f.units.U1} and jsonb_typeof(a.value) = 'number')::int as answers,
      (select count(*) from survey_responses r cross join lateral jsonb_each(r.answers) a
        where r.unit_id = ${f.units.U1} and jsonb_typeof(a.value) = 'number' and (a.value)::text::int >= ${SATISFIED_FROM})::int as satisfied,
      (select count(*) from tasks where unit_id = ${f.units.U1} and status <> 'done' and deadline < ${today}::date)::int as overdue`.execute(
      db,
    )
  ).rows[0]!;
  expect(c.units[0]).toMatchObject({
    satisfaction: u1.answers ? u1.satisfied / u1.answers : null,
    overdueTasks: u1.overdue,
  });
  expect(c.units[1]).toMatchObject({ satisfaction: null, overdueTasks: 0 });
  const ledger = await (await callerAs(db, f.users.unit1Admin, { clock })).ledger.completeness({
    campaignId: c.units[0]!.campaignId!,
  });
  expect(c.units[0]!.readiness).toBe(ledger.readiness);
}

it('keeps every rollup equal to the base tables through filing, revising, retracting, answering and task changes', async () => {
  const random = rng(20271127);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const admin = await callerAs(t.db, f.users.unit1Admin, { clock });
  const framework = await t.db
    .selectFrom('framework_indicators')
    .select(['id', 'evidence'])
    .orderBy('position')
    .execute();
  // Titles and declared materials that often name required materials of the indicators
  // linked (several at once, spaces aside), and sometimes another indicator's.
  const materials = framework.flatMap((i) => i.evidence);
  const someLinks = (title: string) => {
    const chosen = framework.filter(() => random() < 0.5);
    const named = chosen[0] && random() < 0.6 ? chosen[0].evidence.join('、') : pick(materials);
    return {
      title: random() < 0.7 ? `${title}：${named}` : title,
      indicators: chosen.map((i) => ({
        indicatorId: i.id,
        materials:
          random() < 0.3 ? [` ${pick(i.evidence.length && random() < 0.7 ? i.evidence : materials)}`] : [],
      })),
    };
  };
  const someDate = () =>
    `2027-0${1 + Math.floor(random() * 4)}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const live: { id: string; revision: number }[] = [];
  const tasks: { id: string; version: number }[] = [];
  let respondent = 0;

  const steps = {
    async file() {
      const item = await admin.evidence.create({
        campaignId: f.campaigns.U1,
        kind: 'activity',
        ...someLinks(`活动 ${live.length}`),
        // Filed on 2027-03-01: late when the event is more than a week before.
        eventDate: someDate() < '2027-03-01' ? someDate() : '2027-02-27',
      });
      live.push({ id: item.id, revision: item.revision });
    },
    async revise() {
      if (!live.length) return;
      const item = pick(live);
      const revised = await admin.evidence.revise({
        id: item.id,
        revision: item.revision,
        kind: 'activity',
        ...someLinks('活动（修订）'),
        eventDate: '2027-02-01',
      });
      item.revision = revised.revision;
    },
    async retract() {
      if (!live.length) return;
      const item = live.splice(Math.floor(random() * live.length), 1)[0]!;
      await admin.evidence.retract({ id: item.id, reason: '重复上传' });
    },
    async answer() {
      // One statement for several units and surveys, as the group-committed answer path writes.
      const batch = Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
        const u4 = random() < 0.3;
        const answers: Record<string, unknown> = { q: 1 + Math.floor(random() * 5) };
        if (random() < 0.3) answers.comment = '很好';
        if (random() < 0.3) answers.q2 = 1 + Math.floor(random() * 5);
        return {
          survey_id: u4 ? f.surveys.U4 : f.surveys.U1,
          office_id: u4 ? f.offices.C2 : f.offices.D1,
          unit_id: u4 ? f.units.U4 : f.units.U1,
          respondent: `r${respondent++}`,
          answers: JSON.stringify(answers),
        };
      });
      await t.db.insertInto('survey_responses').values(batch).execute();
    },
    async task() {
      const task = await admin.task.create({
        campaignId: f.campaigns.U1,
        title: '任务',
        deadline: someDate(),
      });
      tasks.push({ id: task.id, version: task.version });
    },
    async progress() {
      if (!tasks.length) return;
      const task = pick(tasks);
      const change =
        random() < 0.5
          ? { status: pick(['done', 'in_progress', 'todo'] as const) }
          : { deadline: someDate() };
      const updated = await admin.task.update({ id: task.id, version: task.version, ...change });
      task.version = updated.version;
    },
    async phase() {
      // U1 stays open, so that its ledger takes items; U4 may close.
      const [id, phases] =
        random() < 0.5
          ? [f.campaigns.U1, ['draft', 'mobilization', 'implementation', 'consolidation'] as const]
          : [f.campaigns.U4, ['implementation', 'under_assessment', 'decided', 'withdrawn'] as const];
      await t.db
        .updateTable('campaigns')
        .set({ phase: pick([...phases]) })
        .where('id', '=', id)
        .execute();
    },
  };
  const names = Object.keys(steps) as (keyof typeof steps)[];
  for (let i = 0; i < 40; i++) {
    await steps[pick(names)]();
    if (i % 8 === 7) await expectRollupsExact(t.db);
  }
  for (const name of names) await steps[name]();
  await expectRollupsExact(t.db);
  await expectFiguresExact(t.db);

  // The overdue date behind today and ahead of it: the figures stay exact either way.
  expect(await rollOverdueForward(t.db, '2027-02-01')).toBe(true);
  await expectRollupsExact(t.db);
  await expectFiguresExact(t.db);
  expect(await rollOverdueForward(t.db, '2027-06-30')).toBe(true);
  expect(await rollOverdueForward(t.db, '2027-06-30')).toBe(false);
  await expectFiguresExact(t.db);

  // A rebuild from the base tables lands on exactly what the triggers kept.
  const snapshot = async () =>
    Promise.all(
      [
        'survey_unit_tallies',
        'survey_month_tallies',
        'campaign_indicator_items',
        'campaign_coverage',
        'campaign_material_links',
        'unit_rollups',
        'unit_month_filings',
      ].map((table) => rows(t.db, sql`select * from ${sql.table(table)} where ${sql.raw(ZERO[table]!)}`)),
    );
  const kept = await snapshot();
  expect(kept.flat().length).toBeGreaterThan(5);
  await refreshRollups(t.db, '2027-06-30');
  expect(await snapshot()).toEqual(kept);

  // Links naming a material were checked above; forgetting their matches behind the
  // triggers' back shows as drift, which a refresh mends.
  const named = sql<{ n: number }>`select count(*)::int as n from evidence_indicators where matched <> '{}'`;
  const before = (await named.execute(t.db)).rows[0]!.n;
  expect(before).toBeGreaterThan(0);
  await sql`set local session_replication_role = replica`.execute(t.db);
  await sql`update evidence_indicators set matched = '{}'`.execute(t.db);
  await sql`set local session_replication_role = origin`.execute(t.db);
  expect(await rollupDrift(t.db)).toContainEqual({
    figure: 'materials named by each link',
    wrong: 0,
    missing: before,
  });
  await refreshRollups(t.db, '2027-06-30');
  expect(await rollupDrift(t.db)).toEqual([]);
});

const ZERO: Record<string, string> = {
  survey_unit_tallies: 'answers <> 0',
  survey_month_tallies: 'answers <> 0',
  campaign_indicator_items: 'live_items <> 0',
  campaign_coverage: 'covered_indicators <> 0',
  campaign_material_links: 'live_links <> 0',
  unit_rollups: 'filed_items <> 0 or fresh_items <> 0 or overdue_tasks <> 0',
  unit_month_filings: 'filed_items <> 0 or fresh_items <> 0',
};

it('counts material carried into the next term for its coverage but not for freshness', async () => {
  const admin = await callerAs(t.db, f.users.unit1Admin, { clock });
  const indicator = await t.db
    .selectFrom('framework_indicators')
    .select('id')
    .orderBy('position')
    .executeTakeFirstOrThrow();
  const rules = await admin.evidence.create({
    campaignId: f.campaigns.U1,
    kind: 'rules',
    title: '文明创建工作制度汇编',
    eventDate: '2027-02-28',
    indicators: [{ indicatorId: indicator.id }],
  });
  await t.db.updateTable('campaigns').set({ phase: 'decided' }).where('id', '=', f.campaigns.U1).execute();
  const later = fixedClock('2030-01-10T02:00:00Z');
  const next = await (await callerAs(t.db, f.users.unit1Admin, { clock: later })).campaign.open({
    unitId: f.units.U1,
    kind: 'upgrade',
    targetLevel: 'county',
    termStartYear: 2030,
    termEndYear: 2032,
  });
  const filed = await t.db
    .selectFrom('unit_rollups')
    .select('filed_items')
    .where('unit_id', '=', f.units.U1)
    .executeTakeFirstOrThrow();
  const carried = await (await callerAs(t.db, f.users.unit1Admin, { clock: later })).ledger.carryForward({
    campaignId: next.id,
    evidenceIds: [rules.id],
  });
  expect(carried.carried).toBe(1);
  const coverage = await t.db
    .selectFrom('campaign_coverage')
    .select('covered_indicators')
    .where('campaign_id', '=', next.id)
    .executeTakeFirstOrThrow();
  expect(coverage.covered_indicators).toBe(1);
  // Carried material was not filed late, nor filed now: freshness leaves it out.
  expect(
    (
      await t.db
        .selectFrom('unit_rollups')
        .select('filed_items')
        .where('unit_id', '=', f.units.U1)
        .executeTakeFirstOrThrow()
    ).filed_items,
  ).toBe(filed.filed_items);
  await expectRollupsExact(t.db);
});
