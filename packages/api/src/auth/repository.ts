import type { Grant, Role } from '@wenming/authz';
import type { Db } from '@wenming/db';
import { sql } from 'kysely';

export async function findUserByUsername(db: Db, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'password_hash', 'active'])
    .where('username', '=', username)
    .executeTakeFirst();
}

export async function insertSession(
  db: Db,
  session: { id: string; userId: string; expiresAt: Date; ip: string; userAgent: string | undefined },
) {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      expires_at: session.expiresAt,
      ip: session.ip,
      user_agent: session.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
}

export async function deleteSession(db: Db, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function findActiveSession(db: Db, id: string, now: Date) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id as session_id', 's.last_seen_at', 'u.id', 'u.username', 'u.display_name'])
    .where('s.id', '=', id)
    .where('s.expires_at', '>', now)
    .where('u.active', '=', true)
    .executeTakeFirst();
}

export async function touchSession(db: Db, id: string, now: Date, expiresAt: Date) {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

/**
 * Role assignments resolved into grants: an office role covers its office and every office
 * below it (one recursive query for all of the user's office roles).
 */
export async function loadGrants(db: Db, userId: string): Promise<Grant[]> {
  const rows = await db
    .selectFrom('role_assignments')
    .select(['role', 'office_id', 'unit_id', 'department_id'])
    .where('user_id', '=', userId)
    .execute();
  const officeRoots = [...new Set(rows.filter((r) => r.unit_id === null).map((r) => r.office_id))];
  const subtrees = new Map<string, string[]>();
  if (officeRoots.length > 0) {
    const tree = await sql<{ root: string; id: string }>`
      with recursive sub(root, id) as (
        select id, id from offices where id = any(${officeRoots}::uuid[])
        union all
        select sub.root, o.id from offices o join sub on o.parent_id = sub.id
      )
      select root, id from sub`.execute(db);
    for (const row of tree.rows) {
      const list = subtrees.get(row.root) ?? [];
      list.push(row.id);
      subtrees.set(row.root, list);
    }
  }
  return rows.map((r) => ({
    role: r.role as Role,
    officeIds: r.unit_id === null ? (subtrees.get(r.office_id) ?? [r.office_id]) : [r.office_id],
    unitId: r.unit_id,
    departmentId: r.department_id,
  }));
}

/** Failed attempts within the window, by username and by client address. */
export async function recentFailures(db: Db, username: string, ip: string, since: Date) {
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('username', '=', username).as('by_username'),
      eb.fn.countAll<number>().filterWhere('ip', '=', ip).as('by_ip'),
    ])
    .where('succeeded', '=', false)
    .where('attempted_at', '>', since)
    .where((eb) => eb.or([eb('username', '=', username), eb('ip', '=', ip)]))
    .executeTakeFirstOrThrow();
  return { byUsername: Number(row.by_username), byIp: Number(row.by_ip) };
}

export async function recordAttempt(
  db: Db,
  attempt: { username: string; ip: string; succeeded: boolean; at: Date },
) {
  await db
    .insertInto('login_attempts')
    .values({
      username: attempt.username,
      ip: attempt.ip,
      succeeded: attempt.succeeded,
      attempted_at: attempt.at,
    })
    .execute();
}
