import type { Db } from '@wenming/db';

/** What the notification service needs of an email transport (nodemailer's, in production). */
export interface Mailer {
  from: string;
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

let active: Mailer | null = null;

/** Set by the server when SMTP is configured; email stays off otherwise. */
export function useMailer(mailer: Mailer | null) {
  active = mailer;
}

export function emailAvailable(): boolean {
  return active !== null;
}

/** Copies older than this are not sent late: a day-old reminder by email helps nobody. */
const FRESH_MS = 24 * 3600_000;

/**
 * Sends the email copies waiting since the last run. Each row is claimed before sending
 * (pending → sent, or failed), so two servers never send the same copy twice.
 */
export async function deliverPending(db: Db, mailer: Mailer, now: Date, batch = 50) {
  await db
    .updateTable('notifications')
    .set({ email_status: 'none' })
    .where('email_status', '=', 'pending')
    .where('created_at', '<', new Date(now.getTime() - FRESH_MS))
    .execute();
  const claimed = await db
    .updateTable('notifications')
    .set({ email_status: 'sent' })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('notifications')
        .select('id')
        .where('email_status', '=', 'pending')
        .orderBy('created_at')
        .limit(batch)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'user_id', 'title', 'body', 'link'])
    .execute();
  let sent = 0;
  for (const n of claimed) {
    const to = await db
      .selectFrom('notification_settings')
      .select('email')
      .where('user_id', '=', n.user_id)
      .executeTakeFirst();
    try {
      if (!to?.email) throw new Error('no address');
      await mailer.send({
        to: to.email,
        subject: `【文明创建】${n.title}`,
        text: [n.body, n.link ? `\n${n.link}` : ''].join('').trim() || n.title,
      });
      sent += 1;
    } catch {
      await db.updateTable('notifications').set({ email_status: 'failed' }).where('id', '=', n.id).execute();
    }
  }
  return { sent, failed: claimed.length - sent };
}
