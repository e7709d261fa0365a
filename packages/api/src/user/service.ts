import { ForbiddenError, subject } from '@casl/ability';
import { AppError } from '@wenming/core';
import { type Db, withTx } from '@wenming/db';
import {
  isOfficeRole,
  type TRoleScope,
  type TUser,
  type ZAssignRole,
  type ZCreateUser,
  type ZListUsers,
  type ZUpdateUser,
} from '@wenming/domain';
import type { z } from 'zod';
import { recordAudit } from '../audit/repository';
import { hashPassword } from '../auth/password';
import type { AuthedContext } from '../context';
import * as offices from '../office/repository';
import { pageOf } from '../pagination';
import * as units from '../unit/repository';
import * as repo from './repository';

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUser>>>;

async function toUsers(db: Db, rows: UserRow[]): Promise<TUser[]> {
  const roles = await repo.loadRoleAssignments(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    phone: r.phone,
    active: r.active,
    officeId: r.office_id,
    unitId: r.unit_id,
    version: r.version,
    roles: roles.get(r.id) ?? [],
  }));
}

export async function list(ctx: AuthedContext, input: z.output<typeof ZListUsers>) {
  const rows = await repo.listUsers(ctx.db, ctx.ability, { ...input, after: input.cursor });
  const page = pageOf(
    rows,
    input.limit,
    (r) => r,
    (r) => [r.username],
  );
  // Usernames are unique and url-safe, so the cursor is the last one itself.
  const last = page.items.at(-1);
  return {
    items: await toUsers(ctx.db, page.items),
    nextCursor: page.nextCursor && last ? last.username : null,
  };
}

async function readableUser(ctx: AuthedContext, id: string, forUpdate = false) {
  const row = await repo.findUser(ctx.db, id, { forUpdate });
  if (!row || !ctx.ability.can('read', subject('User', row))) {
    throw new AppError('NOT_FOUND', { message: 'user not found', params: { entity: 'user' } });
  }
  return row;
}

export async function get(ctx: AuthedContext, id: string): Promise<TUser> {
  const [user] = await toUsers(ctx.db, [await readableUser(ctx, id)]);
  return user!;
}

/** Checks a role's scope against the data and the caller's reach; returns the row to store. */
async function resolveScope(ctx: AuthedContext, scope: TRoleScope) {
  const mismatch = (message: string) =>
    new AppError('ROLE_SCOPE_MISMATCH', { message, fields: { role: message } });
  if (isOfficeRole(scope.role)) {
    if (!scope.officeId || scope.unitId || scope.departmentId) {
      throw mismatch(`${scope.role} is scoped to an office, not a unit`);
    }
    const office = await offices.findOffice(ctx.db, scope.officeId);
    if (!office || !ctx.ability.can('read', subject('Office', office))) {
      throw new AppError('NOT_FOUND', { message: 'office not found', params: { entity: 'office' } });
    }
    return { role: scope.role, office_id: office.id, unit_id: null, department_id: null };
  }
  if (!scope.unitId) throw mismatch(`${scope.role} is scoped to a unit`);
  const unit = await units.findUnit(ctx.db, scope.unitId);
  if (!unit || !ctx.ability.can('read', subject('Unit', unit))) {
    throw new AppError('NOT_FOUND', { message: 'unit not found', params: { entity: 'unit' } });
  }
  if (scope.role === 'unit_department_head' && !scope.departmentId) {
    throw mismatch('a department head needs a department');
  }
  if (scope.departmentId) {
    const departments = await units.listDepartments(ctx.db, unit.id);
    if (!departments.some((d) => d.id === scope.departmentId)) {
      throw new AppError('DEPARTMENT_NOT_IN_UNIT', {
        message: 'the department does not belong to this unit',
        fields: { departmentId: 'not a department of this unit' },
      });
    }
  }
  return {
    role: scope.role,
    office_id: unit.office_id,
    unit_id: unit.id,
    department_id: scope.departmentId ?? null,
  };
}

export async function create(ctx: AuthedContext, input: z.output<typeof ZCreateUser>): Promise<TUser> {
  const scope = await resolveScope(ctx, input.role);
  const tenant = { office_id: scope.office_id, unit_id: scope.unit_id };
  ForbiddenError.from(ctx.ability).throwUnlessCan('create', subject('User', tenant));
  ForbiddenError.from(ctx.ability).throwUnlessCan('assignRole', subject('User', tenant));
  const passwordHash = await hashPassword(input.password);
  const id = await withTx(ctx.db, async (trx) => {
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', input.username)
      .executeTakeFirst();
    if (taken) {
      throw new AppError('USERNAME_TAKEN', {
        message: `username ${input.username} is already used`,
        fields: { username: 'already used' },
      });
    }
    const user = await repo.insertUser(trx, {
      ...tenant,
      username: input.username,
      display_name: input.displayName,
      phone: input.phone ?? null,
      password_hash: passwordHash,
    });
    await repo.insertRoleAssignment(trx, { user_id: user.id, ...scope });
    await recordAudit(trx, ctx, {
      entity: 'user',
      entityId: user.id,
      action: 'create',
      officeId: scope.office_id,
      unitId: scope.unit_id,
      after: { username: input.username, role: scope.role },
    });
    return user.id;
  });
  return get(ctx, id);
}

export async function update(ctx: AuthedContext, input: z.output<typeof ZUpdateUser>): Promise<TUser> {
  await withTx(ctx.db, async (trx) => {
    const row = await readableUser({ ...ctx, db: trx }, input.id, true);
    const target = subject('User', row);
    const fields = {
      display_name: input.displayName,
      phone: input.phone,
      active: input.active,
      password: input.password,
    };
    for (const [field, value] of Object.entries(fields)) {
      if (value !== undefined) ForbiddenError.from(ctx.ability).throwUnlessCan('update', target, field);
    }
    if (row.version !== input.version) {
      throw new AppError('STALE_VERSION', {
        message: 'this user was changed by someone else; reload and try again',
        params: { current: row.version, yours: input.version },
      });
    }
    const updated = await repo.updateUser(trx, row.id, row.version, {
      display_name: input.displayName,
      phone: input.phone,
      active: input.active,
      ...(input.password ? { password_hash: await hashPassword(input.password) } : {}),
      updated_at: ctx.clock.now(),
    });
    if (!updated) throw new AppError('STALE_VERSION', { message: 'this user was changed by someone else' });
    // A new password or a disabled account ends every session the account had.
    if (input.password || input.active === false) await repo.deleteSessionsOf(trx, row.id);
    await recordAudit(trx, ctx, {
      entity: 'user',
      entityId: row.id,
      action: 'update',
      officeId: row.office_id,
      unitId: row.unit_id,
      // Never the password itself, only that it changed.
      after: { ...fields, password: input.password ? 'changed' : undefined },
    });
  });
  return get(ctx, input.id);
}

export async function assignRole(ctx: AuthedContext, input: z.output<typeof ZAssignRole>): Promise<TUser> {
  const target = await readableUser(ctx, input.userId);
  const scope = await resolveScope(ctx, input);
  if (
    (target.unit_id === null) !== (scope.unit_id === null) ||
    (target.unit_id && target.unit_id !== scope.unit_id)
  ) {
    throw new AppError('ROLE_SCOPE_MISMATCH', {
      message: 'office staff take office roles, unit staff take roles in their own unit',
      fields: { role: 'does not fit this account' },
    });
  }
  ForbiddenError.from(ctx.ability).throwUnlessCan('assignRole', subject('User', target));
  ForbiddenError.from(ctx.ability).throwUnlessCan(
    'assignRole',
    subject('User', { office_id: scope.office_id, unit_id: scope.unit_id }),
  );
  await withTx(ctx.db, async (trx) => {
    await repo.insertRoleAssignment(trx, { user_id: target.id, ...scope });
    await recordAudit(trx, ctx, {
      entity: 'user',
      entityId: target.id,
      action: 'assign_role',
      officeId: scope.office_id,
      unitId: scope.unit_id,
      after: scope,
    });
  });
  return get(ctx, target.id);
}
