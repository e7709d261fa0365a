import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import { describe, expect, it } from 'vitest';
import { callerAs, createFixture, type Fixture, failure } from '../testing/index';

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
});
const clock = fixedClock('2027-11-20T02:00:00Z');
const as = (who: keyof Fixture['users']) => callerAs(t.db, f.users[who], { clock });

/** An inspection of the city office that visited the given units. */
async function inspection(title: string, unitIds: string[]) {
  const row = await t.db
    .insertInto('inspections')
    .values({
      office_id: f.offices.C,
      kind: 're_examination',
      title,
      planned_on: '2027-10-20',
      checklist: JSON.stringify([{ key: 'k', label: '台账' }]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const unitId of unitIds) {
    await t.db
      .insertInto('inspection_targets')
      .values({ inspection_id: row.id, office_id: f.offices.C, unit_id: unitId, visible_to_unit: true })
      .execute();
  }
  return row.id;
}

const step = {
  unitId: '',
  reason: '复查合格',
  decisionNo: '文明办〔2027〕7号',
  decidedOn: '2027-11-01',
  outcome: 'retain' as const,
};

describe('a re-examination names the inspection that carried it out', () => {
  it('links both ways: the unit’s history shows the inspection, the inspection lists its re-examinations', async () => {
    await t.db
      .updateTable('units')
      .set({ status_level: 'city', term_start_year: 2025, term_end_year: 2027 })
      .where('id', 'in', [f.units.U1, f.units.U2])
      .execute();
    const visited = await inspection('2027年度复查', [f.units.U1]);
    const elsewhere = await inspection('其他单位复查', [f.units.U2]);
    const admin = await as('cityAdmin');

    expect(
      await failure(admin.status.reexamine({ ...step, unitId: f.units.U1, inspectionId: elsewhere })),
    ).toEqual({ code: 'BAD_REQUEST', appCode: 'INSPECTION_NOT_OF_UNIT' });
    await admin.status.reexamine({ ...step, unitId: f.units.U1, inspectionId: visited });
    await admin.status.reexamine({ ...step, unitId: f.units.U2 });

    const history = await admin.unit.statusHistory({ id: f.units.U1 });
    expect(history.items[0]).toMatchObject({
      action: 'retain',
      inspection: { id: visited, title: '2027年度复查' },
    });
    expect((await admin.unit.statusHistory({ id: f.units.U2 })).items[0]).toMatchObject({
      action: 'retain',
      inspection: null,
    });
    const linked = await admin.status.reexaminations({ inspectionId: visited });
    expect(linked.items).toMatchObject([
      { unitId: f.units.U1, action: 'retain', decisionNo: '文明办〔2027〕7号', decidedOn: '2027-11-01' },
    ]);
    expect((await admin.status.reexaminations({ inspectionId: elsewhere })).items).toEqual([]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('summary')
      .where('entity_id', '=', f.units.U1)
      .where('action', '=', 'status_retain')
      .executeTakeFirstOrThrow();
    expect(audit.summary).toMatchObject({ after: { inspectionId: visited } });

    // The unit reads its history without the office's inspection, and sees only its own entries.
    const unit = await as('unit1Admin');
    expect((await unit.unit.statusHistory({ id: f.units.U1 })).items[0]).toMatchObject({ inspection: null });
    expect((await (await as('unit4Admin')).status.reexaminations({ inspectionId: visited })).items).toEqual(
      [],
    );
  });

  it('refuses an inspection the caller cannot see as not found, recording nothing', async () => {
    await t.db
      .updateTable('units')
      .set({ status_level: 'city', term_start_year: 2025, term_end_year: 2027 })
      .where('id', '=', f.units.U1)
      .execute();
    // The district office reads its own inspections, not the city's.
    const cityInspection = await inspection('市文明办复查', [f.units.U1]);
    const district = await as('district1Admin');
    const refused = await failure(
      district.status.reexamine({ ...step, unitId: f.units.U1, inspectionId: cityInspection }),
    );
    expect(refused.code).toBe('NOT_FOUND');
    const history = await district.unit.statusHistory({ id: f.units.U1 });
    expect(history.items.map((h) => h.action)).not.toContain('retain');
  });
});
