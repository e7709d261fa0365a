import { DEMO_SURVEY_QUESTIONS } from '@wenming/api';
import type { Db } from '@wenming/db';
import { sql } from 'kysely';
import { bulkInsert } from './bulk';
import { addDays, idOf, onDay, pick, rngFor } from './plan';

export interface District {
  id: string;
  units: { id: string; index: number }[];
}

/**
 * One open public survey per district with a link per unit, and `perUnit` answers per link
 * written by a single INSERT … SELECT generate_series per survey: the answers are a pure
 * function of (seed, link, n), so a seed always gives the same results.
 */
export async function generateSurveys(db: Db, seed: number, districts: District[], perUnit: number) {
  const surveys = districts.map((d, n) => ({
    id: idOf(seed, 'survey', n),
    office_id: d.id,
    title_zh: '2026年度群众满意度测评',
    title_en: 'Annual public satisfaction survey',
    description: '本测评匿名进行，约需 2 分钟。',
    audience: 'public',
    questions: JSON.stringify(DEMO_SURVEY_QUESTIONS),
    opens_on: '2026-09-01',
    closes_on: '2027-01-31',
    status: 'open',
  }));
  await bulkInsert(
    db,
    'surveys',
    {
      id: 'uuid',
      office_id: 'uuid',
      title_zh: 'text',
      title_en: 'text',
      description: 'text',
      audience: 'text',
      questions: 'jsonb',
      opens_on: 'date',
      closes_on: 'date',
      status: 'text',
    },
    surveys,
  );
  const targets = districts.flatMap((d, n) =>
    d.units.map((u) => ({
      token: idOf(seed, 'token', u.index).replace(/-/g, '').slice(0, 24),
      survey_id: surveys[n]!.id,
      office_id: d.id,
      unit_id: u.id,
    })),
  );
  await bulkInsert(
    db,
    'survey_targets',
    { token: 'text', survey_id: 'uuid', office_id: 'uuid', unit_id: 'uuid' },
    targets,
  );
  for (const survey of surveys) {
    // h: 32 bits of md5 per answer; its bit fields choose the scores (skewed to satisfied, as real results are).
    await sql`
      insert into survey_responses (survey_id, office_id, unit_id, respondent, answers, submitted_at)
      select t.survey_id, t.office_id, t.unit_id, md5(${`${seed}:`} || t.token || ':' || n),
        jsonb_build_object(
          'overall', (array[5,5,5,5,5,4,4,4,3,2])[1 + (h & 1023) % 10],
          'service', (array[5,5,5,5,4,4,4,3,3,1])[1 + ((h >> 10) & 1023) % 10],
          'who', (array['resident','visitor','staff'])[1 + ((h >> 20) & 255) % 3]
        ) || case when (h >> 28) & 7 = 0 then jsonb_build_object('advice', '希望继续加强窗口服务和环境整治。') else '{}'::jsonb end,
        '2026-09-01 08:00+08'::timestamptz + ((h & 131071) * interval '1 minute')
      from survey_targets t, generate_series(1, ${perUnit}::int) n,
        lateral (select ('x' || substr(md5(t.token || ':' || n), 1, 8))::bit(32)::int & 2147483647 as h) r
      where t.survey_id = ${survey.id}`.execute(db);
  }
  return { surveys: surveys.length, links: targets.length, answers: targets.length * perUnit };
}

const CHECKLIST = [
  { key: 'org', label: '创建工作领导小组健全，分工明确' },
  { key: 'ledger', label: '台账资料完整、及时归档' },
  { key: 'env', label: '环境整洁，公益广告规范' },
];

/**
 * Completed quarterly inspections per district visiting a sample of its units, results per
 * checklist item, and for each failed item a finding with its rectification order (open,
 * answered or closed, with the events that got it there).
 */
export async function generateSupervision(
  db: Db,
  seed: number,
  districts: District[],
  perDistrict: number,
  visited: number,
) {
  const rows: Record<string, Record<string, unknown>[]> = {
    inspections: [],
    inspection_targets: [],
    inspection_results: [],
    findings: [],
    rectifications: [],
    rectification_events: [],
  };
  districts.forEach((d, dn) => {
    for (let q = 0; q < perDistrict; q++) {
      const random = rngFor(seed, 'inspection', `${dn}:${q}`);
      const id = idOf(seed, 'inspection', `${dn}:${q}`);
      const planned = addDays('2026-03-15', q * 60);
      rows.inspections!.push({
        id,
        office_id: d.id,
        kind: q % 2 ? 'special' : 'routine',
        title: `第${q + 1}轮创建工作督查`,
        planned_on: planned,
        status: 'completed',
        checklist: JSON.stringify(CHECKLIST),
        created_at: onDay(addDays(planned, -14), 0),
        completed_at: onDay(planned, 480),
      });
      const sample = new Set<number>();
      while (sample.size < Math.min(visited, d.units.length))
        sample.add(Math.floor(random() * d.units.length));
      for (const u of sample) {
        const unit = d.units[u]!;
        rows.inspection_targets!.push({
          inspection_id: id,
          office_id: d.id,
          unit_id: unit.id,
          visible_to_unit: true,
        });
        for (const item of CHECKLIST) {
          const r = random();
          const result = r < 0.7 ? 'meets' : r < 0.9 ? 'partly' : 'fails';
          rows.inspection_results!.push({
            inspection_id: id,
            unit_id: unit.id,
            item_key: item.key,
            office_id: d.id,
            result,
            notes: result === 'meets' ? '' : '需进一步完善',
            updated_at: onDay(planned, 300),
          });
          if (result !== 'fails') continue;
          const findingId = idOf(seed, 'finding', `${id}:${unit.id}:${item.key}`);
          rows.findings!.push({
            id: findingId,
            inspection_id: id,
            office_id: d.id,
            unit_id: unit.id,
            item_key: item.key,
            severity: pick(random, ['minor', 'major'] as const),
            description: `${item.label}：未达要求`,
            created_at: onDay(planned, 320),
          });
          const orderId = idOf(seed, 'rectification', findingId);
          const status = pick(random, ['open', 'answered', 'closed'] as const);
          const issued = onDay(planned, 400);
          rows.rectifications!.push({
            id: orderId,
            office_id: d.id,
            unit_id: unit.id,
            finding_id: findingId,
            title: `${item.label}整改`,
            requirement: '限期整改并上传整改材料',
            deadline: addDays(planned, 30),
            status,
            plan: status === 'open' ? '' : '已制定整改方案，逐项落实',
            issued_at: issued,
            closed_at: status === 'closed' ? onDay(addDays(planned, 25), 0) : null,
          });
          const steps =
            status === 'open'
              ? ['issued']
              : status === 'answered'
                ? ['issued', 'answered']
                : ['issued', 'answered', 'closed'];
          steps.forEach((action, s) => {
            rows.rectification_events!.push({
              rectification_id: orderId,
              office_id: d.id,
              unit_id: unit.id,
              action,
              at: new Date(issued.getTime() + s * 7 * 86_400_000),
            });
          });
        }
      }
    }
  });
  const u = 'uuid';
  await bulkInsert(
    db,
    'inspections',
    {
      id: u,
      office_id: u,
      kind: 'text',
      title: 'text',
      planned_on: 'date',
      status: 'text',
      checklist: 'jsonb',
      created_at: 'timestamptz',
      completed_at: 'timestamptz',
    },
    rows.inspections!,
  );
  await bulkInsert(
    db,
    'inspection_targets',
    { inspection_id: u, office_id: u, unit_id: u, visible_to_unit: 'boolean' },
    rows.inspection_targets!,
  );
  await bulkInsert(
    db,
    'inspection_results',
    {
      inspection_id: u,
      unit_id: u,
      item_key: 'text',
      office_id: u,
      result: 'text',
      notes: 'text',
      updated_at: 'timestamptz',
    },
    rows.inspection_results!,
  );
  await bulkInsert(
    db,
    'findings',
    {
      id: u,
      inspection_id: u,
      office_id: u,
      unit_id: u,
      item_key: 'text',
      severity: 'text',
      description: 'text',
      created_at: 'timestamptz',
    },
    rows.findings!,
  );
  await bulkInsert(
    db,
    'rectifications',
    {
      id: u,
      office_id: u,
      unit_id: u,
      finding_id: u,
      title: 'text',
      requirement: 'text',
      deadline: 'date',
      status: 'text',
      plan: 'text',
      issued_at: 'timestamptz',
      closed_at: 'timestamptz',
    },
    rows.rectifications!,
  );
  await bulkInsert(
    db,
    'rectification_events',
    { rectification_id: u, office_id: u, unit_id: u, action: 'text', at: 'timestamptz' },
    rows.rectification_events!,
  );
  return { inspections: rows.inspections!.length, rectifications: rows.rectifications!.length };
}
