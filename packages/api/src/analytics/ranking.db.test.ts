import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { ledgerReadiness } from '../ledger/completeness';
import { callerAs, createFixture, type FiledItem, type Fixture, fileItem } from '../testing/index';
import { readinessHistory } from './readiness-history';

let f: Fixture;
let indicators: Record<string, string>;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
  const rows = await db
    .selectFrom('framework_indicators')
    .select(['id', 'code'])
    .where('framework_id', '=', f.framework)
    .execute();
  indicators = Object.fromEntries(rows.map((r) => [r.code, r.id]));
});
const clock = fixedClock('2027-03-01T02:00:00Z');
const as = (who: keyof Fixture['users']) => callerAs(t.db, f.users[who], { clock });

/** An item of U1's campaign filed for one indicator, as the ledger would store it. */
const file = (indicator: string, item: FiledItem) => fileItem(t.db, f, indicators[indicator]!, item);

it('ranks by ledger readiness computed in SQL exactly as the ledger page computes it', async () => {
  // A1 asks for 领导小组文件 and 会议纪要: the title names one. A2's 创建规划 is named by material, spaces aside.
  await file('A1', { title: '2027年第一次会议纪要' });
  await file('A2', { title: '规划', materials: ['创建 规划'] });
  await file('B1', { title: '安全检查记录', retractedAt: '2027-02-01T00:00:00Z' });
  const analyst = await as('cityAnalyst');
  const page = await analyst.ledger.completeness({ campaignId: f.campaigns.U1 });
  const ranked = await analyst.analytics.ranking({});
  expect(page.readiness).toBeCloseTo(0.5);
  expect(ranked.total).toBe(3);
  expect(ranked.items[0]).toMatchObject({ rank: 1, unitName: 'U1 单位', campaignId: f.campaigns.U1 });
  expect(ranked.items[0]!.readiness).toBeCloseTo(page.readiness);
  // The comparison's radar reads the same figures, category by category.
  const [compared] = (await analyst.analytics.compare({ unitIds: [f.units.U1] })).units;
  expect(compared!.readiness).toBeCloseTo(page.readiness);
  expect(compared!.categories.map((c) => [c.code, c.readiness.toFixed(3)])).toEqual(
    page.categories.map((c) => [c.code, c.readiness.toFixed(3)]),
  );
  expect(new Set(page.categories.map((c) => c.readiness)).size).toBeGreaterThan(1);
  // …and its table, indicator by indicator.
  expect(compared!.indicators.map((i) => [i.code, i.readiness.toFixed(3)])).toEqual(
    page.indicators.map((i) => [i.code, i.readiness.toFixed(3)]),
  );
  expect(compared!.indicators.find((i) => i.code === 'A1')).toMatchObject({ category: 'A', readiness: 0.5 });
  // Units with no campaign are listed but not ranked.
  expect(ranked.items.slice(1).map((r) => [r.unitName, r.rank, r.readiness])).toEqual([
    ['U2 单位', null, null],
    ['U3 单位', null, null],
  ]);

  // Retitled so that it names nothing, however it is changed: both figures follow.
  await t.db
    .updateTable('evidence_items')
    .set({ title: '第一次会议' })
    .where('title', 'like', '%纪要')
    .execute();
  const after = await analyst.ledger.completeness({ campaignId: f.campaigns.U1 });
  expect(after.readiness).toBeLessThan(page.readiness);
  expect((await analyst.analytics.ranking({})).items[0]!.readiness).toBeCloseTo(after.readiness);
  // One title naming both of A1's materials meets it whole.
  await file('A1', { title: '领导小组文件及会议纪要' });
  const both = await analyst.ledger.completeness({ campaignId: f.campaigns.U1 });
  const [u1] = (await analyst.analytics.compare({ unitIds: [f.units.U1] })).units;
  expect(u1!.indicators.find((i) => i.code === 'A1')!.readiness).toBe(1);
  expect(u1!.readiness).toBeCloseTo(both.readiness);
  expect((await analyst.analytics.ranking({})).items[0]!.readiness).toBeCloseTo(both.readiness);
});

it('ranks by tasks done, satisfaction and rectifications closed on time, within the filter and scope', async () => {
  await t.db.updateTable('tasks').set({ status: 'done' }).where('id', '=', f.tasks.U1A).execute();
  await t.db
    .insertInto('survey_responses')
    .values(
      [5, 4, 2].map((q, i) => ({
        survey_id: f.surveys.U1,
        office_id: f.offices.D1,
        unit_id: f.units.U1,
        respondent: `r${i}`,
        answers: JSON.stringify({ q, text: '自由文字' }),
      })),
    )
    .execute();
  const order = (deadline: string, closedAt: string | null) => ({
    office_id: f.offices.D2,
    unit_id: f.units.U3,
    title: '整改',
    requirement: '按期整改',
    deadline,
    status: closedAt ? ('closed' as const) : ('open' as const),
    issued_at: new Date('2027-01-01T02:00:00Z'),
    closed_at: closedAt ? new Date(closedAt) : null,
  });
  await t.db
    .insertInto('rectifications')
    .values([
      order('2027-01-31', '2027-01-31T15:00:00Z'), // 23:00 in China on the deadline: on time
      order('2027-01-31', '2027-02-01T01:00:00Z'), // the next morning: late
      order('2027-02-15', null), // still open past its deadline: overdue
    ])
    .execute();
  const analyst = await as('cityAnalyst');
  const tasks = await analyst.analytics.ranking({ metric: 'taskCompletion' });
  expect(tasks.items[0]).toMatchObject({ unitName: 'U1 单位', rank: 1, taskCompletion: 0.5, tasks: 2 });
  const satisfaction = await analyst.analytics.ranking({ metric: 'satisfaction' });
  expect(satisfaction.items[0]).toMatchObject({ unitName: 'U1 单位', answers: 3 });
  expect(satisfaction.items[0]!.satisfaction).toBeCloseTo(2 / 3);
  const orders = await analyst.analytics.ranking({ metric: 'rectificationOnTime' });
  expect(orders.items[0]).toMatchObject({
    unitName: 'U3 单位',
    rank: 1,
    rectificationOnTime: 0.5,
    rectifications: 3,
    overdueRectifications: 1,
  });
  // Analysts never see contact data or free text.
  expect(JSON.stringify([tasks, satisfaction, orders])).not.toMatch(/联系人|0571|自由文字/);

  expect((await analyst.analytics.ranking({ unitType: 'agency' })).items.map((r) => r.unitName)).toEqual([
    'U3 单位',
  ]);
  const round = await analyst.analytics.ranking({ termStartYear: 2027, targetLevel: 'county' });
  expect(round.items.map((r) => r.unitName)).toEqual(['U1 单位']);
  expect((await analyst.analytics.ranking({ termStartYear: 2030 })).total).toBe(0);
  const top = await analyst.analytics.ranking({ metric: 'taskCompletion', direction: 'asc', limit: 1 });
  expect([top.total, top.items.length]).toEqual([3, 1]);
  const unit = await as('unit1Admin');
  expect((await unit.analytics.ranking({})).items.map((r) => r.unitName)).toEqual(['U1 单位']);
});

it('follows readiness, freshness, satisfaction and levels month by month, as they stood then', async () => {
  await file('A1', { title: '会议纪要', capturedAt: '2027-01-06T02:00:00Z' });
  await file('A2', {
    title: '创建规划',
    capturedAt: '2027-01-10T02:00:00Z',
    retractedAt: '2027-02-15T02:00:00Z',
  });
  await sql`update campaigns set created_at = '2026-11-01T00:00:00Z'`.execute(t.db);
  const answer = { survey_id: f.surveys.U1, office_id: f.offices.D1, unit_id: f.units.U1 };
  await t.db
    .insertInto('survey_responses')
    .values([
      {
        ...answer,
        respondent: 'r',
        answers: JSON.stringify({ q: 5 }),
        submitted_at: new Date('2027-02-10T02:00:00Z'),
      },
      // Late on 28 February in UTC is already 1 March in China: a March answer.
      {
        ...answer,
        respondent: 'r2',
        answers: JSON.stringify({ q: 2, remark: '自由文字' }),
        submitted_at: new Date('2027-02-28T17:00:00Z'),
      },
    ])
    .execute();
  await t.db
    .insertInto('status_records')
    .values({
      office_id: f.offices.D1,
      unit_id: f.units.U2,
      action: 'conferral',
      level: 'county',
      decided_on: '2027-02-01',
    })
    .execute();
  // History typed in after registration: decided long before the unit's registration entry.
  await t.db
    .insertInto('status_records')
    .values({
      office_id: f.offices.D2,
      unit_id: f.units.U3,
      action: 'conferral',
      level: 'city',
      decided_on: '2020-05-01',
    })
    .execute();
  const analyst = await as('cityAnalyst');
  const months = await analyst.analytics.trend({ interval: 'month', from: '2026-12-01' });
  expect(months.points.map((p) => p.period)).toEqual(['2026-12', '2027-01', '2027-02', '2027-03']);
  const [dec, jan, feb] = months.points;
  // January's end saw both items; February's, only the one not retracted in between.
  expect(dec).toMatchObject({ campaigns: 1, readiness: 0 });
  expect(jan!.readiness).toBeCloseTo((10 * 0.5 + 10 * 1) / 30);
  expect(feb!.readiness).toBeCloseTo((10 * 0.5) / 30);
  // The fixture's own minutes and A1's; the retracted item does not count.
  expect(jan).toMatchObject({ evidenceFiled: 2, freshness: 1, answers: 0, satisfaction: null });
  expect(feb).toMatchObject({ answers: 1, satisfaction: 1 });
  expect(months.points[3]).toMatchObject({ period: '2027-03', answers: 1, satisfaction: 0 });
  expect(jan!.levels).toEqual([
    { level: 'none', count: 2 },
    { level: 'city', count: 1 },
  ]);
  expect(feb!.levels).toEqual([
    { level: 'none', count: 1 },
    { level: 'county', count: 1 },
    { level: 'city', count: 1 },
  ]);

  const terms = await analyst.analytics.trend({ interval: 'term' });
  expect(terms.points.map((p) => [p.period, p.campaigns])).toEqual([['2027–2029', 1]]);
  expect(terms.points[0]!.readiness).toBeCloseTo((10 * 0.5) / 30);
  const years = await analyst.analytics.trend({ interval: 'year' });
  expect(years.points.map((p) => p.period)).toEqual(['2023', '2024', '2025', '2026', '2027']);
  expect(years.points.at(-1)).toMatchObject({ evidenceFiled: 2, answers: 2, satisfaction: 0.5 });
});

it('reads past readiness in one pass exactly as the ledger page would have at each instant', async () => {
  const framework = await t.db
    .selectFrom('framework_indicators')
    .select(['code', 'evidence'])
    .where('framework_id', '=', f.framework)
    .execute();
  const names = framework.flatMap((i) => i.evidence);
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 48271) % 2147483647;
    return seed % n;
  };
  // Items filed over three months for random indicators, some naming a required material in
  // their title or declaring it, a third retracted again a few weeks later. The instants: month
  // ends, and the very moments those were filed and retracted, where "filed before" and "not
  // yet retracted" decide.
  const instants = ['2026-12-05', '2026-12-20', '2027-01-01', '2027-01-15', '2027-02-01', '2027-03-01'].map(
    (d) => `${d}T00:00:00.000Z`,
  );
  for (let k = 0; k < 40; k++) {
    const captured = new Date(Date.UTC(2026, 11, 1 + next(80), 2));
    const name = names[next(names.length)]!;
    const retracted =
      next(3) === 0 ? new Date(captured.getTime() + (1 + next(40)) * 86_400_000).toISOString() : null;
    if (retracted) instants.push(captured.toISOString(), retracted);
    await file(framework[next(framework.length)]!.code, {
      title: next(2) ? `第${k}次${name}` : `其他材料${k}`,
      materials: next(3) === 0 ? [name] : [],
      capturedAt: captured.toISOString(),
      ...(retracted && { retractedAt: retracted }),
    });
  }
  const campaigns = sql`select k.key, c.id, c.framework_id, k.key::timestamptz as as_of
    from campaigns c cross join unnest(${instants}::text[]) k(key)`;
  const figures = (rows: { key: string; id: string; readiness: number }[]) =>
    rows.map((r) => `${r.key} ${r.id} ${Number(r.readiness).toFixed(9)}`).sort();
  const history = (await readinessHistory(campaigns, sql`select id from units`).execute(t.db)).rows;
  // The ledger page's rules (ledgerReadiness) over the links live at each instant: filed
  // before it, not retracted by then.
  const indicatorRows = await t.db
    .selectFrom('framework_indicators as i')
    .innerJoin('framework_categories as c', 'c.id', 'i.category_id')
    .select(['i.id', 'i.framework_id', 'i.code', 'i.name_zh', 'i.points', 'i.evidence', 'c.code as category'])
    .execute();
  const links = await t.db
    .selectFrom('evidence_indicators as ei')
    .innerJoin('evidence_items as e', 'e.id', 'ei.evidence_id')
    .select([
      'ei.indicator_id',
      'e.id',
      'e.title',
      'ei.materials',
      'e.campaign_id',
      'e.captured_at',
      'e.retracted_at',
    ])
    .execute();
  const all = await t.db.selectFrom('campaigns').select(['id', 'framework_id']).execute();
  const expected = [...new Set(instants)].flatMap((key) => {
    const at = Date.parse(key);
    return all.map((c) => {
      const live = links.filter(
        (l) =>
          l.campaign_id === c.id &&
          l.captured_at.getTime() < at &&
          (l.retracted_at === null || l.retracted_at.getTime() >= at),
      );
      const framework = indicatorRows.filter((i) => i.framework_id === c.framework_id);
      return { key, id: c.id, readiness: ledgerReadiness(framework, [], live).readiness };
    });
  });
  expect(figures(history)).toEqual(figures(expected));
  // U1's ledger grew over the months, so its readiness took several values.
  const u1 = history.filter((r) => r.id === f.campaigns.U1).map((r) => r.readiness);
  expect(new Set(u1).size).toBeGreaterThanOrEqual(3);
});

it('ranks by the assessment total once every indicator is scored, hidden from the unit until decided', async () => {
  const campaign = f.campaigns.U1;
  const tenant = { office_id: f.offices.D1, unit_id: f.units.U1 };
  await t.db.updateTable('campaigns').set({ phase: 'under_assessment' }).where('id', '=', campaign).execute();
  await t.db
    .insertInto('assessments')
    .values({ campaign_id: campaign, ...tenant })
    .execute();
  await t.db
    .insertInto('assessment_assessors')
    .values({ campaign_id: campaign, user_id: f.users.cityInspector, ...tenant, submitted_at: new Date() })
    .execute();
  const score = (code: string, points: number) => ({
    campaign_id: campaign,
    indicator_id: indicators[code]!,
    ...tenant,
    scorer_id: f.users.cityInspector,
    points,
  });
  await t.db
    .insertInto('assessment_scores')
    .values([score('A1', 8), score('A2', 10)])
    .execute();
  const analyst = await as('cityAnalyst');
  // One indicator still unscored: no total yet.
  expect((await analyst.analytics.ranking({ metric: 'score' })).items[0]!.score).toBeNull();

  await t.db.insertInto('assessment_scores').values(score('B1', 6)).execute();
  const ranked = await analyst.analytics.ranking({ metric: 'score' });
  expect(ranked.items[0]).toMatchObject({ unitName: 'U1 单位', rank: 1, score: 24 });
  const unit = await as('unit1Admin');
  expect((await unit.analytics.ranking({ metric: 'score' })).items[0]!.score).toBeNull();
  await t.db.updateTable('campaigns').set({ phase: 'decided' }).where('id', '=', campaign).execute();
  expect((await unit.analytics.ranking({ metric: 'score' })).items[0]!.score).toBe(24);
});
