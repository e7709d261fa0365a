import { createSmtpMailer, rollOverdueForward, type Scheduler, startScheduler } from '@wenming/api';
import { todayInChina } from '@wenming/core';
import type { Db } from '@wenming/db';
import type { Env } from './env';

/**
 * The notification jobs inside the server: deadline reminders every REMINDER_INTERVAL_MINUTES
 * (and once at start), and email copies when SMTP_URL is set. Every server instance starts
 * them; a Postgres advisory lock lets only one create reminders at a time.
 */
export function startJobs(
  db: Db,
  env: Env,
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void },
): Scheduler {
  const mailer = env.SMTP_URL
    ? createSmtpMailer({ url: env.SMTP_URL, from: env.SMTP_FROM, publicUrl: env.PUBLIC_URL })
    : null;
  const scheduler = startScheduler({ db, mailer, intervalMs: env.REMINDER_INTERVAL_MINUTES * 60_000, log });
  // The analytics' overdue-task counters move to the new day hourly; exact meanwhile too.
  const roll = () =>
    rollOverdueForward(db, todayInChina(new Date())).catch((err) =>
      log.error({ err }, 'rolling the overdue-task counters forward failed'),
    );
  const rollups = setInterval(roll, 3_600_000);
  rollups.unref();
  return {
    tick: scheduler.tick,
    async stop() {
      clearInterval(rollups);
      await scheduler.stop();
      mailer?.close();
    },
  };
}
