import { useTestDb } from '@wenming/db/testing';
import { describe, expect, it } from 'vitest';
import { createSystemContext } from '../create-context';
import { appRouter } from '../router';
import { callerAs, createFixture, type Fixture, failure } from '../testing/index';
import { createCallerFactory } from '../trpc';

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
});

describe('unit.list', () => {
  it('shows office staff every unit of their subtree and nothing of a sibling office', async () => {
    const city = await callerAs(t.db, f.users.cityAdmin);
    const page = await city.unit.list({});
    expect(page.items.map((u) => u.code).sort()).toEqual(['U1', 'U2', 'U3']);
    const district = await callerAs(t.db, f.users.district1Admin);
    expect((await district.unit.list({})).items.map((u) => u.code).sort()).toEqual(['U1', 'U2']);
  });

  it('shows unit staff only their own unit', async () => {
    const unitAdmin = await callerAs(t.db, f.users.unit1Admin);
    expect((await unitAdmin.unit.list({})).items.map((u) => u.code)).toEqual(['U1']);
    const other = await callerAs(t.db, f.users.unit4Admin);
    expect((await other.unit.list({ officeId: f.offices.D1 })).items).toEqual([]);
  });

  it('filters by office subtree, type, level and text, escaping LIKE wildcards', async () => {
    const city = await callerAs(t.db, f.users.cityAdmin);
    expect((await city.unit.list({ officeId: f.offices.D2 })).items.map((u) => u.code)).toEqual(['U3']);
    expect((await city.unit.list({ type: 'community' })).items.map((u) => u.code)).toEqual(['U2']);
    expect((await city.unit.list({ q: 'u2' })).items.map((u) => u.code)).toEqual(['U2']);
    expect((await city.unit.list({ q: '%' })).items).toEqual([]);
    await t.db
      .updateTable('units')
      .set({ status_level: 'provincial' })
      .where('id', '=', f.units.U3)
      .execute();
    expect((await city.unit.list({ level: 'provincial' })).items.map((u) => u.code)).toEqual(['U3']);
  });

  it('pages through every unit exactly once, in order, for each sort and direction', async () => {
    const admin = await callerAs(t.db, f.users.cityAdmin);
    const levels = ['none', 'county', 'city', 'city_model', 'provincial', 'national'] as const;
    for (let i = 0; i < 23; i++) {
      await admin.unit.create({
        officeId: f.offices.D2,
        code: `P${String(i).padStart(2, '0')}`,
        name: `分页单位${i % 7}`,
        type: 'school',
      });
    }
    const all = await t.db.selectFrom('units').select(['id', 'code']).execute();
    for (const [i, u] of all.entries()) {
      await t.db
        .updateTable('units')
        .set({ status_level: levels[i % levels.length]! })
        .where('id', '=', u.id)
        .execute();
    }
    for (const sort of ['name', 'code', 'level', 'updatedAt'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          pages++;
          const page = await admin.unit.list({ sort, direction, limit: 4, cursor });
          seen.push(...page.items.map((u) => u.code));
          cursor = page.nextCursor ?? undefined;
        } while (cursor && pages < 20);
        expect(seen).toHaveLength(26);
        expect(new Set(seen).size).toBe(26);
      }
    }
    const byLevel = await admin.unit.list({ sort: 'level', direction: 'desc', limit: 200 });
    const ranks = byLevel.items.map((u) => levels.indexOf(u.level));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  it('refuses a forged cursor with a clear error', async () => {
    const admin = await callerAs(t.db, f.users.cityAdmin);
    expect(await failure(admin.unit.list({ cursor: 'not-a-cursor' }))).toEqual({
      code: 'BAD_REQUEST',
      appCode: 'BAD_REQUEST',
    });
  });
});

describe('unit.get', () => {
  it('answers NOT_FOUND for a unit outside the caller’s scope', async () => {
    const unitAdmin = await callerAs(t.db, f.users.unit1Admin);
    expect((await unitAdmin.unit.get({ id: f.units.U1 })).code).toBe('U1');
    expect((await failure(unitAdmin.unit.get({ id: f.units.U2 }))).code).toBe('NOT_FOUND');
    const city = await callerAs(t.db, f.users.cityAdmin);
    expect((await failure(city.unit.get({ id: f.units.U4 }))).code).toBe('NOT_FOUND');
  });

  it('never gives analysts personal contact data', async () => {
    const analyst = await callerAs(t.db, f.users.cityAnalyst);
    const unit = await analyst.unit.get({ id: f.units.U1 });
    expect(unit.name).toBe('U1 单位');
    expect(unit.contactPhone).toBeNull();
    expect(unit.contactName).toBeNull();
    const admin = await callerAs(t.db, f.users.cityAdmin);
    expect((await admin.unit.get({ id: f.units.U1 })).contactPhone).toBe('0571-12345678');
  });

  it('lists the unit’s departments', async () => {
    const member = await callerAs(t.db, f.users.unit1Member);
    expect((await member.unit.get({ id: f.units.U1 })).departments.map((d) => d.name)).toEqual([
      '科室A',
      '科室B',
    ]);
  });
});

describe('unit.create and unit.update', () => {
  it('lets the operator at the command line register a unit, recording no user as the actor', async () => {
    const operator = createCallerFactory(appRouter)(createSystemContext({ db: t.db, engine: 'pglite' }));
    const unit = await operator.unit.create({
      officeId: f.offices.D2,
      code: 'CLI-1',
      name: '命令行登记单位',
      type: 'village',
    });
    const records = await t.db
      .selectFrom('status_records')
      .select(['recorded_by'])
      .where('unit_id', '=', unit.id)
      .execute();
    expect(records).toEqual([{ recorded_by: null }]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('entity_id', '=', unit.id)
      .execute();
    expect(audit).toEqual([{ actor_id: null }]);
  });

  it('lets an office admin register a unit in their subtree, with an initial status record and an audit row', async () => {
    const admin = await callerAs(t.db, f.users.cityAdmin);
    const unit = await admin.unit.create({
      officeId: f.offices.D1,
      code: 'NEW-1',
      name: '  新建社区  ',
      type: 'community',
      departments: ['社区党委', '居委会'],
    });
    expect(unit.name).toBe('新建社区');
    expect(unit.level).toBe('none');
    expect(unit.departments).toHaveLength(2);
    const history = await admin.unit.statusHistory({ id: unit.id });
    expect(history.items.map((h) => h.action)).toEqual(['initial']);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', unit.id).execute();
    expect(audit).toMatchObject([
      { action: 'create', entity: 'unit', actor_id: f.users.cityAdmin, office_id: f.offices.D1 },
    ]);
  });

  it('refuses a duplicate code naming the field, and a foreign office as not found', async () => {
    const admin = await callerAs(t.db, f.users.cityAdmin);
    expect(
      await failure(admin.unit.create({ officeId: f.offices.D1, code: 'U1', name: '重复', type: 'school' })),
    ).toEqual({
      code: 'CONFLICT',
      appCode: 'UNIT_CODE_TAKEN',
    });
    expect(
      (await failure(admin.unit.create({ officeId: f.offices.C2, code: 'X1', name: '越权', type: 'school' })))
        .code,
    ).toBe('NOT_FOUND');
  });

  it('refuses bad input naming the field and stores nothing', async () => {
    const admin = await callerAs(t.db, f.users.cityAdmin);
    const before = await t.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(
      (
        await failure(
          admin.unit.create({ officeId: f.offices.D1, code: 'has space', name: 'x', type: 'school' }),
        )
      ).code,
    ).toBe('BAD_REQUEST');
    expect(
      (
        await failure(
          admin.unit.create({ officeId: f.offices.D1, code: 'OK1', name: 'x', type: 'castle' as never }),
        )
      ).code,
    ).toBe('BAD_REQUEST');
    const after = await t.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('updates with the version the editor saw; a stale version is a CONFLICT and changes nothing', async () => {
    const admin = await callerAs(t.db, f.users.cityAdmin);
    const unit = await admin.unit.get({ id: f.units.U2 });
    const updated = await admin.unit.update({
      id: unit.id,
      version: unit.version,
      name: '幸福社区',
      addDepartments: ['网格组'],
    });
    expect(updated.version).toBe(unit.version + 1);
    expect(updated.name).toBe('幸福社区');
    expect(updated.departments.map((d) => d.name)).toEqual(['网格组']);
    expect(
      await failure(admin.unit.update({ id: unit.id, version: unit.version, name: '迟到的修改' })),
    ).toEqual({
      code: 'CONFLICT',
      appCode: 'STALE_VERSION',
    });
    expect((await admin.unit.get({ id: unit.id })).name).toBe('幸福社区');
  });

  it('lets nobody but office admins change a unit', async () => {
    for (const who of ['cityInspector', 'cityAnalyst', 'unit1Admin', 'unit1HeadA', 'unit1Member'] as const) {
      const caller = await callerAs(t.db, f.users[who]);
      expect(
        (await failure(caller.unit.update({ id: f.units.U1, version: 1, name: '改名' }))).code,
        who,
      ).toBe('FORBIDDEN');
    }
  });
});
