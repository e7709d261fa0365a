import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@wenming/db/testing';
import { LocalDiskStore } from '@wenming/storage';
import { expect, it } from 'vitest';
import { verifyLedger } from '../ledger/verify';
import { seedDemo } from './demo';

it('seeds a demo city where every capability has something to show, once', async () => {
  const database = await createTestDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'wenming-demo-'));
  const store = new LocalDiskStore(dir);
  try {
    expect(await seedDemo(database.db, { engine: database.engine, store })).toEqual({
      seeded: true,
      offices: 4,
      units: 14,
      users: 6,
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
    expect(await count('campaigns')).toBe(14);
    expect(await count('evidence_items')).toBeGreaterThan(50);
    expect(await count('survey_responses')).toBeGreaterThan(14 * 100);
    expect(await count('rectifications')).toBe(3);
    expect(await count('suggestions')).toBe(2);
    const unannounced = await database.db
      .selectFrom('inspections')
      .select(['status'])
      .where('kind', '=', 'unannounced')
      .execute();
    expect(unannounced).toEqual([{ status: 'planned' }]);
    const phases = await database.db.selectFrom('campaigns').select('phase').distinct().execute();
    expect(phases.length).toBeGreaterThanOrEqual(6);
    expect((await verifyLedger(database.db, store)).problems).toEqual([]);
    expect((await seedDemo(database.db, { engine: database.engine, store })).seeded).toBe(false);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
