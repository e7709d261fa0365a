import { Readable } from 'node:stream';
import { rollupDrift, seedDemo, verifyLedger } from '@wenming/api';
import { type Database, withTx } from '@wenming/db';
import { type BlobStore, samplePdf } from '@wenming/storage';
import { sql } from 'kysely';
import { type District, generateSupervision, generateSurveys } from './activity';
import { bulkInsert } from './bulk';
import { ledgerRows } from './ledger';
import { idOf, type Plan, rngFor } from './plan';
import { emptyRows, TABLES } from './tables';
import { type Context, unitCode, unitRows } from './unit';

export { type Plan, SCALES, type Scale } from './plan';

const CHUNK = 100;
const PLACES = [
  '青湖',
  '金沙',
  '望江',
  '新城',
  '高新',
  '临港',
  '东山',
  '西溪',
  '南湖',
  '北塘',
  '凤凰',
  '梅林',
  '石门',
  '柳岸',
];

export interface Generated {
  units: number;
  evidence: number;
  events: number;
  tasks: number;
  answers: number;
  inspections: number;
  rectifications: number;
  /** The first generated unit: its ledger carries the archive bench's files. */
  firstUnitCode: string;
  /** A public survey link of the first unit, for the answer bench. */
  token: string;
  seconds: number;
}

/**
 * Synthetic city data at a scale, written in bulk (multi-row INSERT … SELECT unnest) on top
 * of the demo city, then checked with the platform's own ledger verification. The demo
 * accounts see it all (office.admin is the city office). Same seed, same rows.
 */
export async function generate(
  database: Database,
  store: BlobStore,
  plan: Plan,
  seed: number,
  log: (line: string) => void,
): Promise<Generated> {
  const { db } = database;
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  await seedDemo(db, { engine: database.engine, store });
  const taken = await db
    .selectFrom('units')
    .select('id')
    .where('code', '=', unitCode(seed, 0))
    .executeTakeFirst();
  if (taken) throw new Error(`seed ${seed} was already generated into this database; choose another --seed`);
  const city = await db
    .selectFrom('offices')
    .select(['id', 'code'])
    .where('level', '=', 'city')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const offices = Array.from({ length: plan.districts }, (_, d) => ({
    id: idOf(seed, 'office', d),
    parent_id: city.id,
    code: `${city.code}-G${seed}-${String(d + 1).padStart(2, '0')}`,
    name: `江州市${PLACES[d % PLACES.length]}${d >= PLACES.length ? d + 1 : ''}区文明办`,
    level: 'district',
  }));
  await bulkInsert(
    db,
    'offices',
    { id: 'uuid', parent_id: 'uuid', code: 'text', name: 'text', level: 'text' },
    offices,
  );
  const framework = await db
    .selectFrom('framework_assignments')
    .select('framework_id')
    .where('target_level', '=', 'county')
    .orderBy('published_at')
    .executeTakeFirstOrThrow();
  const indicators = await db
    .selectFrom('framework_indicators')
    .select(['id', 'code', 'name_zh as name'])
    .where('framework_id', '=', framework.framework_id)
    .orderBy('position')
    .execute();
  const ctx: Context = {
    seed,
    officeIds: offices.map((o) => o.id),
    frameworkId: framework.framework_id,
    indicators,
    tasksPerUnit: plan.tasksPerUnit,
  };

  const files = await archiveFiles(database, store, seed, plan.archiveFiles);
  log(`${files.length} archive files stored (${elapsed()})`);

  const districts: District[] = offices.map((o) => ({ id: o.id, units: [] }));
  let events = 0;
  for (let from = 0; from < plan.units; from += CHUNK) {
    const rows = emptyRows();
    for (let i = from; i < Math.min(plan.units, from + CHUNK); i++) {
      const unit = unitRows(ctx, i, rows);
      districts[i % districts.length]!.units.push({ id: unit.id, index: i });
      const count = i === 0 ? Math.max(plan.evidencePerUnit, files.length) : plan.evidencePerUnit;
      ledgerRows(ctx, i, unit, count, (n) => (i === 0 ? (files[n] ?? null) : null), rows);
    }
    events += rows.evidence_events!.length;
    // A chunk is written whole or not at all.
    await withTx(db, async (trx) => {
      for (const [table, columns] of TABLES) await bulkInsert(trx, table, columns, rows[table]!);
    });
    const done = Math.min(plan.units, from + CHUNK);
    if (done % 500 === 0 || done === plan.units)
      log(`units ${done}/${plan.units}, ${events} ledger events (${elapsed()})`);
  }
  const answers = await generateSurveys(db, seed, districts, plan.answersPerUnit);
  log(`${answers.answers} survey answers on ${answers.links} links (${elapsed()})`);
  const supervision = await generateSupervision(
    db,
    seed,
    districts,
    plan.inspectionsPerDistrict,
    plan.inspectedPerInspection,
  );
  log(
    `${supervision.inspections} inspections, ${supervision.rectifications} rectification orders (${elapsed()})`,
  );
  if (database.engine === 'postgres') await sql`analyze`.execute(db);

  const evidence = plan.units * plan.evidencePerUnit + Math.max(0, files.length - plan.evidencePerUnit);
  await checkInvariants(database, store, seed, plan, evidence, log);
  const token = await db
    .selectFrom('survey_targets')
    .select('token')
    .where('unit_id', '=', idOf(seed, 'unit', 0))
    .executeTakeFirstOrThrow();
  const seconds = (Date.now() - started) / 1000;
  log(`generated in ${elapsed()}`);
  return {
    units: plan.units,
    evidence,
    events,
    tasks: plan.units * plan.tasksPerUnit,
    answers: answers.answers,
    inspections: supervision.inspections,
    rectifications: supervision.rectifications,
    firstUnitCode: unitCode(seed, 0),
    token: token.token,
    seconds,
  };
}

/** Distinct small PDFs (4–60 KB) for the archive bench, stored like uploads. */
async function archiveFiles(database: Database, store: BlobStore, seed: number, count: number) {
  const out: { sha256: string; name: string }[] = [];
  const rows: Record<string, unknown>[] = [];
  for (let n = 0; n < count; n++) {
    const random = rngFor(seed, 'file', n);
    const words = Array.from({ length: 400 + Math.floor(random() * 5600) }, () =>
      Math.floor(random() * 36 ** 6).toString(36),
    ).join(' ');
    const blob = await store.put(Readable.from([samplePdf(`G${seed} file ${n} ${words}`)]), {
      maxBytes: 1 << 20,
    });
    out.push({ sha256: blob.sha256, name: `材料${n + 1}.pdf` });
    rows.push({ sha256: blob.sha256, bytes: blob.bytes, mime: blob.mime });
  }
  await sql`insert into files (sha256, bytes, mime)
    select * from unnest(${rows.map((r) => r.sha256)}::text[], ${rows.map((r) => r.bytes)}::bigint[], ${rows.map((r) => r.mime)}::text[])
    on conflict do nothing`.execute(database.db);
  return out;
}

/**
 * The checks real data passes: every generated chain verifies (content, links, order, the
 * files' bytes) and the counts are what the plan says — so a bulk write that skipped the
 * platform's code cannot hide a broken row.
 */
async function checkInvariants(
  database: Database,
  store: BlobStore,
  seed: number,
  plan: Plan,
  evidence: number,
  log: (line: string) => void,
) {
  const { db } = database;
  const count = async (table: string) =>
    Number(
      (
        await sql<{
          n: number;
        }>`select count(*) as n from ${sql.table(table)} x join units u on u.id = x.unit_id
          where u.code like ${`G${seed}-%`}`.execute(db)
      ).rows[0]!.n,
    );
  const expected = {
    evidence_items: evidence,
    tasks: plan.units * plan.tasksPerUnit,
    survey_responses: plan.units * plan.answersPerUnit,
  } as const;
  for (const [table, n] of Object.entries(expected) as [keyof typeof expected, number][]) {
    const actual = await count(table);
    if (actual !== n) throw new Error(`invariant: ${table} has ${actual} generated rows, expected ${n}`);
  }
  const started = Date.now();
  const result = await verifyLedger(db, store);
  if (result.problems.length) {
    const first = result.problems[0]!;
    throw new Error(
      `invariant: ledger verify found ${result.problems.length} problems, first ${first.unitCode} #${first.seq}: ${first.problem}`,
    );
  }
  // The bulk inserts fire the rollup triggers like any write; prove they kept up.
  const drift = await rollupDrift(db);
  if (drift.length) {
    throw new Error(
      `invariant: analytics rollups differ from the base tables: ${drift.map((d) => d.figure).join(', ')}`,
    );
  }
  log(
    `checked: counts as planned; ledger verify passed for ${result.units} units, ${result.events} events, ${result.files} files; analytics rollups match (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}
