import type { AppAbility } from '@wenming/authz';
import { accessibleWhere } from '@wenming/authz/sql';
import type { Db, Role, Tx } from '@wenming/db';
import type { TRoleAssignment } from '@wenming/domain';
import { sql } from 'kysely';
import { officeSubtree } from '../office/repository';
import { containsPattern } from '../text-search';

export async function loadRoleAssignments(
  db: Db,
  userIds: string[],
): Promise<Map<string, TRoleAssignment[]>> {
  const byUser = new Map<string, TRoleAssignment[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('role_assignments as r')
    .innerJoin('offices as o', 'o.id', 'r.office_id')
    .leftJoin('units as u', 'u.id', 'r.unit_id')
    .leftJoin('departments as d', 'd.id', 'r.department_id')
    .select([
      'r.id',
      'r.user_id',
      'r.role',
      'r.office_id',
      'o.name as office_name',
      'r.unit_id',
      'u.name as unit_name',
      'r.department_id',
      'd.name as department_name',
    ])
    .where('r.user_id', 'in', userIds)
    .orderBy('r.created_at')
    .execute();
  for (const r of rows) {
    const list = byUser.get(r.user_id) ?? [];
    list.push({
      id: r.id,
      role: r.role,
      officeId: r.office_id,
      officeName: r.office_name,
      unitId: r.unit_id,
      unitName: r.unit_name,
      departmentId: r.department_id,
      departmentName: r.department_name,
    });
    byUser.set(r.user_id, list);
  }
  return byUser;
}

export interface UserListQuery {
  officeId?: string | undefined;
  unitId?: string | undefined;
  q?: string | undefined;
  after?: string | undefined;
  limit: number;
}

export async function listUsers(db: Db, ability: AppAbility, query: UserListQuery) {
  let q = db
    .selectFrom('users')
    .select(['id', 'office_id', 'unit_id', 'username', 'display_name', 'phone', 'active', 'version'])
    .where(accessibleWhere(ability, 'read', 'User'));
  if (query.officeId) q = q.where('office_id', 'in', officeSubtree(query.officeId));
  if (query.unitId) q = q.where('unit_id', '=', query.unitId);
  if (query.q) {
    const pattern = containsPattern(query.q);
    q = q.where((eb) => eb.or([eb('username', 'ilike', pattern), eb('display_name', 'ilike', pattern)]));
  }
  if (query.after) q = q.where('username', '>', query.after);
  return q
    .orderBy('username')
    .limit(query.limit + 1)
    .execute();
}

export async function findUser(db: Db, id: string, opts: { forUpdate?: boolean } = {}) {
  let q = db
    .selectFrom('users')
    .select(['id', 'office_id', 'unit_id', 'username', 'display_name', 'phone', 'active', 'version'])
    .where('id', '=', id);
  // Not `for update`: rows naming the user (audit, sessions) only take a key share lock.
  if (opts.forUpdate) q = q.forNoKeyUpdate();
  return q.executeTakeFirst();
}

export async function insertUser(
  trx: Tx,
  user: {
    office_id: string;
    unit_id: string | null;
    username: string;
    display_name: string;
    phone: string | null;
    password_hash: string;
  },
) {
  return trx.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow();
}

export async function updateUser(
  trx: Tx,
  id: string,
  version: number,
  changes: {
    display_name?: string;
    phone?: string | null;
    active?: boolean;
    password_hash?: string;
    updated_at: Date;
  },
) {
  return trx
    .updateTable('users')
    .set({ ...changes, version: sql`version + 1` as unknown as number })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
}

export async function insertRoleAssignment(
  trx: Tx,
  assignment: {
    user_id: string;
    role: Role;
    office_id: string;
    unit_id: string | null;
    department_id: string | null;
  },
) {
  return trx
    .insertInto('role_assignments')
    .values(assignment)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function deleteSessionsOf(trx: Tx, userId: string) {
  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
