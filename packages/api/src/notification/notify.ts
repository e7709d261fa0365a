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
export async function notify(trx: Db, input: NotifyInput): Promise<number> {
  const { userIds = [], unitId, officeId } = input;
  if (userIds.length === 0 && !unitId && !officeId) return 0;
  const at = input.at ?? new Date();
  const { title, body = '' } = input.message;
  const result = await trx
    .insertInto('notifications')
    .columns([
      'office_id',
      'user_id',
      'kind',
      'title',
      'body',
      'title_en',
      'body_en',
      'link',
      'dedupe_key',
      'created_at',
      'email_status',
    ])
    .expression((eb) =>
      eb
        .selectFrom('users as u')
        .leftJoin('notification_settings as s', 's.user_id', 'u.id')
        .select([
          'u.office_id',
          'u.id',
          sql.val(input.kind).as('kind'),
          sql.val(zhOf(title)).as('title'),
          sql.val(zhOf(body)).as('body'),
          sql.val(enOf(title)).as('title_en'),
          sql.val(enOf(body)).as('body_en'),
          sql.val(input.link ?? null).as('link'),
          sql.val(input.dedupeKey ?? null).as('dedupe_key'),
          sql.val(at).as('created_at'),
          sql<string>`case when s.email is null then 'none' else 'pending' end`.as('email_status'),
        ])
        .where('u.active', '=', true)
        .where((w) =>
          w.or([
            ...(userIds.length ? [w('u.id', 'in', userIds)] : []),
            ...(unitId || officeId
              ? [
                  w.exists(
                    w
                      .selectFrom('role_assignments as r')
                      .select('r.user_id')
                      .whereRef('r.user_id', '=', 'u.id')
                      .where((r) =>
                        r.or([
                          ...(unitId
                            ? [r.and([r('r.role', '=', 'unit_admin'), r('r.unit_id', '=', unitId)])]
                            : []),
                          ...(officeId
                            ? [
                                r.and([
                                  r('r.role', '=', 'office_admin'),
                                  r('r.office_id', '=', officeId),
                                  r('r.unit_id', 'is', null),
                                ]),
                              ]
                            : []),
                        ]),
                      ),
                  ),
                ]
              : []),
          ]),
        ),
    )
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
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
