import type { Db } from '@wenming/db';
import type { NotificationKind } from '@wenming/domain';
import { sql } from 'kysely';
import { enOf, type Message, zhOf } from './messages';

export interface NotifyInput {
  /** These users… */
  userIds?: string[];
  /** …and/or the unit's campaign office (its unit admins)… */
  unitId?: string;
  /** …and/or the office's admins. */
  officeId?: string;
  kind: NotificationKind;
  /** From `messages`: what the item says, in both languages. */
  message: Message;
  /** A path inside the recipient's SPA. */
  link?: string;
  /** Once per user and key: a reminder names its deadline here and is never sent twice. */
  dedupeKey?: string;
  at?: Date;
}

/**
 * Puts a notification in the inbox of every recipient (active accounts only), inside the
 * caller's transaction, so it exists exactly when the change it reports does. Recipients
 * who left an email address get an email copy later, when the server sends email at all.
 * Returns how many inbox items were created (duplicates by `dedupeKey` are skipped).
 */
export function notify(trx: Db, input: NotifyInput): Promise<number> {
  return notifyAll(trx, [input]);
}

/**
 * `notify` for many items in one statement. The reminder job names every deadline near or
 * passed on each run: at city scale, one statement per item was over a thousand round trips
 * every ten minutes, in one transaction.
 */
export async function notifyAll(trx: Db, inputs: NotifyInput[]): Promise<number> {
  const items = inputs.filter((i) => i.unitId || i.officeId || i.userIds?.length);
  if (items.length === 0) return 0;
  const column = <T>(pick: (i: NotifyInput) => T) => items.map(pick);
  const named = items.flatMap((input, at) => (input.userIds ?? []).map((user) => [at + 1, user] as const));
  const result = await sql`
    with input as (
      select * from unnest(
        ${column((i) => i.kind)}::text[], ${column((i) => zhOf(i.message.title))}::text[],
        ${column((i) => zhOf(i.message.body ?? ''))}::text[], ${column((i) => enOf(i.message.title))}::text[],
        ${column((i) => enOf(i.message.body ?? ''))}::text[], ${column((i) => i.link ?? null)}::text[],
        ${column((i) => i.dedupeKey ?? null)}::text[], ${column((i) => i.unitId ?? null)}::uuid[],
        ${column((i) => i.officeId ?? null)}::uuid[], ${column((i) => (i.at ?? new Date()).toISOString())}::timestamptz[])
        with ordinality as i(kind, title, body, title_en, body_en, link, dedupe_key, unit_id, office_id, created_at, ord)),
    recipients as (
      select i.ord, r.user_id from input i
        join role_assignments r on r.role = 'unit_admin' and r.unit_id = i.unit_id
      union
      select i.ord, r.user_id from input i
        join role_assignments r on r.role = 'office_admin' and r.office_id = i.office_id and r.unit_id is null
      union
      select ord, user_id from unnest(${named.map((n) => n[0])}::int[], ${named.map((n) => n[1])}::uuid[]) as n(ord, user_id))
    insert into notifications
      (office_id, user_id, kind, title, body, title_en, body_en, link, dedupe_key, created_at, email_status)
    select u.office_id, u.id, i.kind, i.title, i.body, i.title_en, i.body_en, i.link, i.dedupe_key, i.created_at,
      case when s.email is null then 'none' else 'pending' end
    from recipients x
    join input i on i.ord = x.ord
    join users u on u.id = x.user_id and u.active
    left join notification_settings s on s.user_id = u.id
    order by i.ord, u.id
    on conflict (user_id, dedupe_key) do nothing`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** Opening what an inbox item points to reads the item too. */
export async function readByLink(db: Db, userId: string, link: string, at: Date) {
  await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('link', '=', link)
    .where('read_at', 'is', null)
    .execute();
}
