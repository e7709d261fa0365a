import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import { describe, expect, it } from 'vitest';
import { resolveSession } from '../auth/service';
import {
  callerAs,
  createFixture,
  FIXTURE_PASSWORD,
  type Fixture,
  failure,
  MemoryCookieJar,
} from '../testing/index';

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
});

describe('users', () => {
  it('lets a unit admin add staff to their own unit, who can then sign in', async () => {
    const admin = await callerAs(t.db, f.users.unit1Admin);
    const user = await admin.user.create({
      username: 'u1.new',
      displayName: '新职工',
      password: 'a-long-password',
      phone: '13912345678',
      role: { role: 'unit_department_head', unitId: f.units.U1, departmentId: f.departments.B },
    });
    expect(user).toMatchObject({ unitId: f.units.U1, officeId: f.offices.D1, active: true });
    expect(user.roles).toMatchObject([
      { role: 'unit_department_head', departmentName: '科室B', unitName: 'U1 单位' },
    ]);
    const anonymous = await callerAs(t.db, null);
    const me = await anonymous.auth.login({ username: 'u1.new', password: 'a-long-password' });
    expect(me.scope.departmentIds).toEqual([f.departments.B]);
  });

  it('never lets a unit admin grant an office role or reach another unit', async () => {
    const admin = await callerAs(t.db, f.users.unit1Admin);
    expect(
      (
        await failure(
          admin.user.create({
            username: 'sneaky',
            displayName: 'x',
            password: 'a-long-password',
            role: { role: 'office_admin', officeId: f.offices.D1 },
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await failure(
          admin.user.create({
            username: 'sneaky',
            displayName: 'x',
            password: 'a-long-password',
            role: { role: 'unit_admin', unitId: f.units.U2 },
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('checks that a role fits its scope and the department belongs to the unit', async () => {
    const admin = await callerAs(t.db, f.users.cityAdmin);
    expect(
      await failure(
        admin.user.create({
          username: 'mixed',
          displayName: 'x',
          password: 'a-long-password',
          role: { role: 'analyst', unitId: f.units.U1 },
        }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', appCode: 'ROLE_SCOPE_MISMATCH' });
    expect(
      await failure(
        admin.user.create({
          username: 'wrongdept',
          displayName: 'x',
          password: 'a-long-password',
          role: { role: 'unit_department_head', unitId: f.units.U2, departmentId: f.departments.A },
        }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', appCode: 'DEPARTMENT_NOT_IN_UNIT' });
    expect(
      await failure(
        admin.user.assignRole({ userId: f.users.unit1Member, role: 'analyst', officeId: f.offices.C }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', appCode: 'ROLE_SCOPE_MISMATCH' });
  });

  it('refuses a taken username, naming the field', async () => {
    const admin = await callerAs(t.db, f.users.cityAdmin);
    expect(
      await failure(
        admin.user.create({
          username: 'u1.admin',
          displayName: 'x',
          password: 'a-long-password',
          role: { role: 'unit_member', unitId: f.units.U1 },
        }),
      ),
    ).toEqual({ code: 'CONFLICT', appCode: 'USERNAME_TAKEN' });
  });

  it('lets people change their own name and password, which ends their other sessions', async () => {
    const cookies = new MemoryCookieJar();
    const anonymous = await callerAs(t.db, null, { cookies });
    await anonymous.auth.login({ username: 'u1.member', password: FIXTURE_PASSWORD });
    const self = await callerAs(t.db, f.users.unit1Member);
    const updated = await self.user.update({
      id: f.users.unit1Member,
      version: 1,
      displayName: '王小明',
      password: 'new-password-1',
    });
    expect(updated.displayName).toBe('王小明');
    expect(
      await resolveSession({ db: t.db, clock: fixedClock(new Date()) }, cookies.sessionToken),
    ).toBeNull();
    await anonymous.auth.login({ username: 'u1.member', password: 'new-password-1' });
    // …but not deactivate themselves or anyone else.
    expect(
      (await failure(self.user.update({ id: f.users.unit1Member, version: 2, active: false }))).code,
    ).toBe('FORBIDDEN');
  });

  it('keeps the password out of the audit log', async () => {
    const admin = await callerAs(t.db, f.users.cityAdmin);
    await admin.user.update({ id: f.users.unit1Member, version: 1, password: 'secret-new-pass' });
    const rows = await t.db
      .selectFrom('audit_log')
      .select('summary')
      .where('entity_id', '=', f.users.unit1Member)
      .execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0]!.summary)).not.toContain('secret-new-pass');
    expect(rows[0]!.summary).toMatchObject({ after: { password: 'changed' } });
  });

  it('lists only the accounts in scope, paginated', async () => {
    const city = await callerAs(t.db, f.users.cityAdmin);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await city.user.list({ limit: 2, cursor });
      seen.push(...page.items.map((u) => u.username));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && seen.length < 50);
    expect(seen).not.toContain('u4.admin');
    expect(seen).toContain('u1.member');
    expect(new Set(seen).size).toBe(seen.length);
    const head = await callerAs(t.db, f.users.unit1HeadA);
    expect((await head.user.list({})).items.every((u) => u.unitId === f.units.U1)).toBe(true);
  });
});
