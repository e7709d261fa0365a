import { accessibleWhere } from '@wenming/authz/sql';
import { AppError } from '@wenming/core';
import {
  NOTIFICATION_KINDS,
  type NotificationKind,
  type ZListNotifications,
  type ZMarkNotificationsRead,
  type ZUpdateNotificationSettings,
} from '@wenming/domain';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { AuthedContext } from '../context';
import { decodeCursor, pageOf } from '../pagination';

/** The operator at the command line has no inbox. */
function inboxOf(ctx: AuthedContext): string {
  if (ctx.user.system) throw new AppError('NOT_FOUND', { message: 'the command line has no inbox' });
  return ctx.user.id;
}

const mine = (ctx: AuthedContext) =>
  ctx.db
    .selectFrom('notifications as n')
    .where('n.user_id', '=', inboxOf(ctx))
    .where(accessibleWhere(ctx.ability, 'read', 'Notification', 'n'));

/** Unread first, then newest first; the cursor is (unread, created_at, id) of the last item. */
export async function list(ctx: AuthedContext, input: z.output<typeof ZListNotifications>) {
  let q = mine(ctx).select([
    'n.id',
    'n.kind',
    'n.title',
    'n.body',
    'n.title_en',
    'n.body_en',
    'n.link',
    'n.created_at',
    'n.read_at',
    sql<number>`(n.read_at is null)::int`.as('unread'),
  ]);
  if (input.unread) q = q.where('n.read_at', 'is', null);
  if (input.cursor) {
    const [unread, createdAt, id] = decodeCursor(input.cursor, 3) as [number, string, string];
    const flag = sql<number>`(n.read_at is null)::int`;
    q = q.where((eb) =>
      eb.or([
        eb(flag, '<', unread),
        eb.and([eb(flag, '=', unread), eb('n.created_at', '<', new Date(createdAt))]),
        eb.and([eb(flag, '=', unread), eb('n.created_at', '=', new Date(createdAt)), eb('n.id', '<', id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy(sql`(n.read_at is null)`, 'desc')
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(input.limit + 1)
    .execute();
  return pageOf(
    rows,
    input.limit,
    (r) => ({
      id: r.id,
      // A kind this build does not know yet (written by a newer server) shows as `other`.
      kind: (NOTIFICATION_KINDS as readonly string[]).includes(r.kind)
        ? (r.kind as NotificationKind)
        : 'other',
      title: r.title,
      body: r.body,
      titleEn: r.title_en,
      bodyEn: r.body_en,
      link: r.link,
      createdAt: r.created_at.toISOString(),
      readAt: r.read_at ? r.read_at.toISOString() : null,
    }),
    (r) => [Number(r.unread), r.created_at.toISOString(), r.id],
  );
}

export async function unreadCount(ctx: AuthedContext) {
  const row = await mine(ctx)
    .select(sql<number>`count(*)::int`.as('n'))
    .where('n.read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n) };
}

/** Marks the caller's own items read; ids of anyone else's are ignored, never an error to probe with. */
export async function markRead(ctx: AuthedContext, input: z.output<typeof ZMarkNotificationsRead>) {
  let q = ctx.db
    .updateTable('notifications')
    .set({ read_at: ctx.clock.now() })
    .where('user_id', '=', inboxOf(ctx))
    .where(accessibleWhere(ctx.ability, 'update', 'Notification'))
    .where('read_at', 'is', null);
  if ('ids' in input) q = q.where('id', 'in', input.ids);
  const result = await q.executeTakeFirst();
  return { updated: Number(result.numUpdatedRows) };
}

export async function settings(ctx: AuthedContext, emailAvailable: boolean) {
  const row = await ctx.db
    .selectFrom('notification_settings')
    .select('email')
    .where('user_id', '=', inboxOf(ctx))
    .executeTakeFirst();
  return { email: row?.email ?? null, emailAvailable };
}

export async function updateSettings(
  ctx: AuthedContext,
  input: z.output<typeof ZUpdateNotificationSettings>,
  emailAvailable: boolean,
) {
  const userId = inboxOf(ctx);
  const email = input.email ? input.email : null;
  const user = await ctx.db
    .selectFrom('users')
    .select('office_id')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('notification_settings')
    .values({ user_id: userId, office_id: user.office_id, email, updated_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ email, updated_at: now }))
    .execute();
  return settings(ctx, emailAvailable);
}
