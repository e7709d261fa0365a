import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyLedger } from '@wenming/api';
import { createTestDatabase } from '@wenming/db/testing';
import { createStore } from '@wenming/storage';
import { afterAll, expect, it } from 'vitest';
import { generate, type Plan } from './index';

// A few units of the city generator: the bulk-written data must pass the platform's own
// checks (determinism is checked without a database in generate.test.ts).
const tiny: Plan = {
  districts: 2,
  units: 6,
  tasksPerUnit: 5,
  evidencePerUnit: 4,
  answersPerUnit: 3,
  archiveFiles: 3,
  inspectionsPerDistrict: 1,
  inspectedPerInspection: 2,
};
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function generated(seed: number) {
  const database = await createTestDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'wenming-generate-'));
  dirs.push(dir);
  const store = createStore({ kind: 'local', root: dir });
  const lines: string[] = [];
  const result = await generate(database, store, tiny, seed, (line) => lines.push(line));
  return { database, store, result, lines };
}

it('writes a small city whose ledgers, counts and answers pass the checks real data passes', async () => {
  const { database, store, result, lines } = await generated(7);
  try {
    expect(result).toMatchObject({
      units: 6,
      tasks: 30,
      evidence: 24,
      answers: 18,
      firstUnitCode: 'G7-00000',
    });
    expect(lines.some((l) => l.startsWith('checked: counts as planned; ledger verify passed'))).toBe(true);
    // The bulk inserts went through the rollup triggers: the generator checked them against the base tables.
    expect(lines.some((l) => l.includes('analytics rollups match'))).toBe(true);
    const verification = await verifyLedger(database.db, store, 'G7-00003');
    expect(verification).toMatchObject({ units: 1, events: expect.any(Number), problems: [] });
    const districts = await database.db
      .selectFrom('offices')
      .select('code')
      .where('code', 'like', '%-G7-%')
      .execute();
    expect(districts).toHaveLength(2);
    // Each unit's answers arrive on its own public link, as respondents' would.
    const perLink = await database.db
      .selectFrom('survey_responses as r')
      .innerJoin('survey_targets as t', (j) =>
        j.onRef('t.unit_id', '=', 'r.unit_id').onRef('t.survey_id', '=', 'r.survey_id'),
      )
      .innerJoin('units as u', 'u.id', 't.unit_id')
      .select(['t.token', (eb) => eb.fn.countAll<number>().as('n')])
      .where('u.code', 'like', 'G7-%')
      .groupBy('t.token')
      .execute();
    expect(perLink.map((l) => Number(l.n))).toEqual(Array(6).fill(3));
    // The first unit's ledger carries the archive files.
    const attached = await database.db
      .selectFrom('evidence_attachments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(attached.n)).toBeGreaterThanOrEqual(3);
  } finally {
    await database.close();
  }
}, 180_000);
