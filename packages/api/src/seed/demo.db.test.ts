import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@wenming/db/testing';
import { LocalDiskStore } from '@wenming/storage';
import { expect, it } from 'vitest';
import { createSystemContext } from '../create-context';
import { verifyLedger } from '../ledger/verify';
import { appRouter } from '../router';
import { createCallerFactory } from '../trpc';
import { seedDemo } from './demo';

// The whole demo city is seeded through the API: slow on a busy machine, so it gets its own time.
it('seeds a demo city where every capability has something to show, once', { timeout: 180_000 }, async () => {
  const database = await createTestDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'wenming-demo-'));
  const store = new LocalDiskStore(dir);
  try {
    expect(await seedDemo(database.db, { engine: database.engine, store })).toEqual({
      seeded: true,
      offices: 4,
      units: 14,
      users: 8,
    });
    const count = async (
      table: 'campaigns' | 'evidence_items' | 'survey_responses' | 'rectifications' | 'suggestions',
    ) =>
      Number(
        (
          await database.db
            .selectFrom(table)
            .select(database.db.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('campaigns')).toBe(15);
    expect(await count('evidence_items')).toBeGreaterThan(50);
    expect(await count('survey_responses')).toBeGreaterThan(14 * 100);
    expect(await count('rectifications')).toBe(3);
    expect(await count('suggestions')).toBe(5);
    const unannounced = await database.db
      .selectFrom('inspections')
      .select(['status'])
      .where('kind', '=', 'unannounced')
      .execute();
    expect(unannounced).toEqual([{ status: 'planned' }]);
    const phases = await database.db.selectFrom('campaigns').select('phase').distinct().execute();
    expect(phases.length).toBeGreaterThanOrEqual(6);
    expect((await verifyLedger(database.db, store)).problems).toEqual([]);
    // A finished selection, filed in the ledger; and a unit whose new term compares with the last.
    const published = await database.db
      .selectFrom('selections')
      .select(['evidence_id'])
      .where('status', '=', 'published')
      .execute();
    expect(published).toHaveLength(1);
    expect(published[0]!.evidence_id).not.toBeNull();
    const system = createCallerFactory(appRouter)(createSystemContext(database));
    const current = await database.db
      .selectFrom('campaigns as c')
      .innerJoin('units as u', 'u.id', 'c.unit_id')
      .select('c.id')
      .where('u.code', '=', 'QH-SWJ')
      .where('c.phase', '=', 'implementation')
      .executeTakeFirstOrThrow();
    const comparison = await system.ledger.termComparison({ campaignId: current.id });
    expect(new Set(comparison.indicators.map((i) => i.status))).toEqual(
      new Set(['carried', 'changed', 'new', 'missing']),
    );
    // Assessment: one renewal decided through the whole flow, a yellow card, a revocation on record.
    const decided = await system.assessment.list({ phase: 'decided' });
    // (and the previous term of QH-SWJ, decided before scores were kept)
    expect(decided.items.map((a) => [a.unit.code, a.decision?.outcome, a.result?.passed ?? null])).toEqual([
      ['QH-SWJ', 'renewal', null],
      ['QH-GJJ', 'renewal', true],
    ]);
    const waiting = await system.assessment.list({ phase: 'under_assessment' });
    expect(waiting.items.map((a) => [a.unit.code, a.assessors])).toEqual([
      ['QH-SYXX', { assigned: 2, submitted: 0 }],
    ]);
    const register = await system.status.register({ limit: 50 });
    expect(register.counts).toMatchObject({ yellowCard: 1, revoked: 1 });
    expect((await seedDemo(database.db, { engine: database.engine, store })).seeded).toBe(false);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
