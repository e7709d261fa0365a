import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import { expect, it } from 'vitest';
import { callerAs, createFixture, type Fixture, failure } from '../testing/index';

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
  await db.updateTable('tasks').set({ deadline: '2027-01-01' }).where('id', '=', f.tasks.U1A).execute();
  await db
    .insertInto('survey_responses')
    .values(
      [5, 4, 2, 1].map((overall, i) => ({
        survey_id: f.surveys.U1,
        office_id: f.offices.D1,
        unit_id: f.units.U1,
        respondent: `r${i}`,
        answers: JSON.stringify({ q: overall }),
      })),
    )
    .execute();
});
const clock = fixedClock('2027-03-01T02:00:00Z');

it('gives the office one picture of its subtree, from SQL aggregates within scope', async () => {
  const analyst = await callerAs(t.db, f.users.cityAnalyst, { clock });
  const o = await analyst.analytics.overview({});
  expect(o.units).toBe(3);
  expect(o.unitsByType.map((x) => `${x.type}:${x.count}`).sort()).toEqual([
    'agency:1',
    'community:1',
    'school:1',
  ]);
  expect(o.campaignsByPhase).toEqual([{ phase: 'draft', count: 1 }]);
  expect(o.coverage.find((b) => b.bucket === '0-25')?.count).toBe(1);
  expect(o.overdueTasks).toBe(1);
  expect(o.satisfaction).toEqual({ answers: 4, share: 0.5 });
  expect(o.freshness).toEqual({ items: 1, share: 1 });
  expect((await analyst.analytics.overview({ unitType: 'agency' })).units).toBe(1);
  const foreign = await callerAs(t.db, f.users.unit4Admin, { clock });
  const own = await foreign.analytics.overview({});
  expect(own.units).toBe(1);
  // A unit's own campaign only, read through its coverage row under the unit's scope.
  expect(own.campaignsByPhase).toEqual([{ phase: 'draft', count: 1 }]);
});

it('compares units side by side, and refuses units outside the scope', async () => {
  const analyst = await callerAs(t.db, f.users.cityAnalyst, { clock });
  const c = await analyst.analytics.compare({ unitIds: [f.units.U1, f.units.U3] });
  expect(c.units[0]).toMatchObject({
    unitName: 'U1 单位',
    framework: 'FX-CITY v1',
    satisfaction: 0.5,
    overdueTasks: 1,
  });
  expect(c.units[0]!.categories.map((x) => x.code)).toEqual(['A', 'B']);
  expect(c.units[1]).toMatchObject({
    unitName: 'U3 单位',
    campaignId: null,
    readiness: null,
    categories: [],
  });
  expect((await failure(analyst.analytics.compare({ unitIds: [f.units.U4] }))).code).toBe('NOT_FOUND');
});

it('reads an office-wide overview by office and a narrowed one by unit, to the same figures', async () => {
  const analyst = await callerAs(t.db, f.users.cityAnalyst, { clock });
  const whole = await analyst.analytics.overview({});
  // One at a time: the test's calls share its transaction.
  const byType: (typeof whole)[] = [];
  for (const x of whole.unitsByType) byType.push(await analyst.analytics.overview({ unitType: x.type }));
  const total = (pick: (o: typeof whole) => number) => byType.reduce((n, o) => n + pick(o), 0);
  expect(total((o) => o.units)).toBe(whole.units);
  expect(total((o) => o.overdueTasks)).toBe(whole.overdueTasks);
  expect(total((o) => o.overdueRectifications)).toBe(whole.overdueRectifications);
  expect(total((o) => o.satisfaction.answers)).toBe(whole.satisfaction.answers);
  expect(total((o) => o.freshness.items)).toBe(whole.freshness.items);
  expect(total((o) => o.campaignsByPhase.reduce((n, p) => n + p.count, 0))).toBe(
    whole.campaignsByPhase.reduce((n, p) => n + p.count, 0),
  );
  expect(whole.satisfaction.answers).toBeGreaterThan(0);
  // An office filter keeps to the office's subtree on the office-wide path too.
  const d1 = await analyst.analytics.overview({ officeId: f.offices.D1 });
  expect(d1.units).toBe(2);
  expect(d1.satisfaction.answers).toBe(whole.satisfaction.answers); // every answer is U1's
  expect((await analyst.analytics.overview({ officeId: f.offices.D2 })).satisfaction.answers).toBe(0);
});
