import { GENESIS, hashPayload } from '@wenming/api';
import { expect, it } from 'vitest';
import { ledgerRows } from './ledger';
import { idOf } from './plan';
import { emptyRows } from './tables';
import { type Context, unitRows } from './unit';

const context = (seed: number): Context => ({
  seed,
  officeIds: [idOf(0, 'office', 1), idOf(0, 'office', 2)],
  frameworkId: idOf(0, 'framework', 1),
  indicators: [1, 2, 3].map((n) => ({ id: idOf(0, 'indicator', n), code: `A${n}`, name: `指标${n}` })),
  tasksPerUnit: 5,
});

const city = (seed: number) => {
  const rows = emptyRows();
  for (let i = 0; i < 4; i++) {
    const unit = unitRows(context(seed), i, rows);
    ledgerRows(context(seed), i, unit, 30, () => null, rows);
  }
  return rows;
};

it('makes the same rows for the same seed, and other rows for another', () => {
  const a = city(5);
  expect(city(5)).toEqual(a);
  expect(a.units).toHaveLength(4);
  expect(a.tasks).toHaveLength(20);
  expect(a.evidence_items).toHaveLength(120);
  expect(city(6).evidence_events!.map((e) => e.hash)).not.toEqual(a.evidence_events!.map((e) => e.hash));
});

it("chains each unit's events like the ledger: numbered from 1, each hash over its payload and linked to the one before", () => {
  const rows = city(5);
  const byUnit = new Map<string, Record<string, unknown>[]>();
  for (const e of rows.evidence_events!)
    byUnit.set(e.unit_id as string, [...(byUnit.get(e.unit_id as string) ?? []), e]);
  expect(byUnit.size).toBe(4);
  for (const events of byUnit.values()) {
    let prev = GENESIS;
    events.forEach((e, i) => {
      expect(e.seq).toBe(i + 1);
      expect(e.prev_hash).toBe(prev);
      expect(hashPayload(e.payload as string)).toBe(e.hash);
      expect(JSON.parse(e.payload as string)).toMatchObject({
        seq: i + 1,
        prevHash: prev,
        evidenceId: e.evidence_id,
      });
      prev = e.hash as string;
    });
  }
  // Revisions are events too: some items were revised once, and their row shows revision 2.
  const revised = rows.evidence_items!.filter((item) => item.revision === 2);
  expect(rows.evidence_events!.filter((e) => e.action === 'revise')).toHaveLength(revised.length);
});
