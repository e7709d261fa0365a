import {
  createSmtpMailer,
  rollOverdueForward,
  type Scheduler,
  snapshotReadiness,
  startScheduler,
  sweepRateLimits,
} from '@wenming/api';
import { todayInChina } from '@wenming/core';
import type { Db } from '@wenming/db';
import type { Env } from './env';

/**
 * The jobs inside the server: deadline reminders every REMINDER_INTERVAL_MINUTES (and once at
 * start), email copies when SMTP_URL is set, and the hourly upkeep below. Every server
 * instance starts them; a Postgres advisory lock lets only one create reminders at a time.
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
  // Hourly: the analytics' overdue-task counters move to the new day (exact meanwhile too),
  // rate-limit windows that have ended are deleted, and each campaign's readiness at the end
  // of a month that closed is kept for the trend — the last two at once too, after a stop.
  const roll = () =>
    rollOverdueForward(db, todayInChina(new Date())).catch((err) =>
      log.error({ err }, 'rolling the overdue-task counters forward failed'),
    );
  const sweep = () =>
    sweepRateLimits(db, new Date()).catch((err) =>
      log.error({ err }, 'sweeping the ended rate-limit windows failed'),
    );
  const snapshot = () =>
    snapshotReadiness(db, todayInChina(new Date())).catch((err) =>
      log.error({ err }, "keeping the closed months' readiness failed"),
    );
  let sweeping = Promise.all([sweep(), snapshot()]);
  const hourly = setInterval(() => {
    void roll();
    sweeping = Promise.all([sweep(), snapshot()]);
  }, 3_600_000);
  hourly.unref();
  return {
    tick: scheduler.tick,
    async stop() {
      clearInterval(hourly);
      await sweeping;
      await scheduler.stop();
      mailer?.close();
    },
  };
}
