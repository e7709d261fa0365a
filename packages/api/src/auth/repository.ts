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
