import type { Grant } from '@wenming/authz';
import type { Db } from '@wenming/db';
import { type Expression, sql } from 'kysely';

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

/** The session's user, with their grants, in one round trip: every signed-in request asks. */
export async function findActiveSession(db: Db, id: string, now: Date) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id as session_id', 's.last_seen_at', 'u.id', 'u.username', 'u.display_name'])
    .select(grantsOf(sql.ref('u.id')).as('grants'))
    .select(sql<string>`(select generation::text from grant_generation)`.as('generation'))
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
  const { rows } = await sql<{ grants: Grant[] }>`select ${grantsOf(sql`${userId}::uuid`)} as grants`.execute(
    db,
  );
  return rows[0]!.grants;
}

/** loadGrants as a JSON expression; the office itself comes first in `officeIds`. */
function grantsOf(userId: Expression<string>) {
  return sql<Grant[]>`(
    with recursive ra as (
      select role, office_id, unit_id, department_id from role_assignments where user_id = ${userId}
    ),
    sub(root, id, depth) as (
      select distinct office_id, office_id, 0 from ra where unit_id is null
      union all
      select sub.root, o.id, sub.depth + 1 from offices o join sub on o.parent_id = sub.id
    )
    select coalesce(json_agg(json_build_object(
      'role', ra.role,
      'officeIds', case when ra.unit_id is null
        then (select json_agg(sub.id order by sub.depth) from sub where sub.root = ra.office_id)
        else json_build_array(ra.office_id) end,
      'unitId', ra.unit_id,
      'departmentId', ra.department_id)), '[]'::json)
    from ra)`;
}

/**
 * Failed attempts within the window: by username, by client address, and by the trusted
 * device the attempt came from (none when `device` is null).
 */
export async function recentFailures(
  db: Db,
  attempt: { username: string; ip: string; device: string | null; since: Date },
) {
  const { username, ip, device } = attempt;
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('username', '=', username).as('by_username'),
      eb.fn.countAll<number>().filterWhere('ip', '=', ip).as('by_ip'),
      eb.fn
        .countAll<number>()
        .filterWhere((f) => f.and([f('username', '=', username), f('device_id', '=', device ?? '')]))
        .as('by_device'),
    ])
    .where('succeeded', '=', false)
    .where('attempted_at', '>', attempt.since)
    .where((eb) => eb.or([eb('username', '=', username), eb('ip', '=', ip)]))
    .executeTakeFirstOrThrow();
  return {
    byUsername: Number(row.by_username),
    byIp: Number(row.by_ip),
    byDevice: device ? Number(row.by_device) : 0,
  };
}

export async function recordAttempt(
  db: Db,
  attempt: { username: string; ip: string; device: string | null; succeeded: boolean; at: Date },
) {
  await db
    .insertInto('login_attempts')
    .values({
      username: attempt.username,
      ip: attempt.ip,
      device_id: attempt.device,
      succeeded: attempt.succeeded,
      attempted_at: attempt.at,
    })
    .execute();
}

/** Whether the device is trusted for the account: it signed in there since `since`. */
export async function isDeviceTrusted(db: Db, tokenHash: string, username: string, since: Date) {
  const row = await db
    .selectFrom('login_devices')
    .select('token_hash')
    .where('token_hash', '=', tokenHash)
    .where('username', '=', username)
    .where('last_used_at', '>', since)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether this server issued the device token (for any account) and it is still in use. */
export async function isDeviceIssued(db: Db, tokenHash: string, since: Date) {
  const row = await db
    .selectFrom('login_devices')
    .select('token_hash')
    .where('token_hash', '=', tokenHash)
    .where('last_used_at', '>', since)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function rememberDevice(db: Db, device: { tokenHash: string; username: string; at: Date }) {
  await db
    .insertInto('login_devices')
    .values({ token_hash: device.tokenHash, username: device.username, last_used_at: device.at })
    .onConflict((oc) => oc.columns(['token_hash', 'username']).doUpdateSet({ last_used_at: device.at }))
    .execute();
}

/** Ends the device's trust for the account. */
export async function forgetDevice(db: Db, tokenHash: string, username: string) {
  await db
    .deleteFrom('login_devices')
    .where('token_hash', '=', tokenHash)
    .where('username', '=', username)
    .execute();
}

/** Drops the account's devices unused since `before`, so the table does not grow forever. */
export async function forgetStaleDevices(db: Db, username: string, before: Date) {
  await db
    .deleteFrom('login_devices')
    .where('username', '=', username)
    .where('last_used_at', '<=', before)
    .execute();
}
