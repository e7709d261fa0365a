import { type Clock, systemClock } from '@wenming/core';
import { type Db, withTx } from '@wenming/db';
import { sql } from 'kysely';
import { deliverPending, type Mailer, useMailer } from './mailer';
import { createReminders } from './reminders';

/** One advisory lock key for the reminder job, whichever server holds it. */
const REMINDER_LOCK = 5_102_027;

/**
 * One run of the reminder job. Only one server runs it at a time: the others find the
 * advisory lock taken and skip this round (the lock ends with the transaction, so a
 * crashed server never holds it). Returns whether it ran, and how many reminders it created.
 */
export async function runReminders(db: Db, now: Date): Promise<{ ran: boolean; created: number }> {
  return withTx(db, async (trx) => {
    const lock = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${REMINDER_LOCK}) as ok`.execute(
      trx,
    );
    if (!lock.rows[0]?.ok) return { ran: false, created: 0 };
    return { ran: true, created: await createReminders(trx, now) };
  });
}

export interface SchedulerOptions {
  db: Db;
  clock?: Clock;
  /** Between reminder runs; default 10 minutes. */
  intervalMs?: number;
  /** Email copies of the inbox; none: email off. */
  mailer?: Mailer | null;
  log?: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

export interface Scheduler {
  /** Stops the timers and waits for a run in progress, so the database can close after it. */
  stop(): Promise<void>;
  /** Runs one round now (reminders, then email); what the timers call. */
  tick(): Promise<void>;
}

/** Starts the reminder job inside the server: once at start, then every interval. */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const clock = options.clock ?? systemClock;
  const mailer = options.mailer ?? null;
  useMailer(mailer);
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  /** One job at a time, in order; `stop` waits for the last. */
  const enqueue = (job: () => Promise<void>) => {
    if (stopped) return running;
    running = running.then(job).catch((err) => options.log?.error({ err }, 'notification job failed'));
    return running;
  };
  const sendEmail = async () => {
    if (!mailer) return;
    const mail = await deliverPending(options.db, mailer, clock.now());
    if (mail.sent || mail.failed) options.log?.info(mail, 'notification emails sent');
  };
  const tick = () =>
    enqueue(async () => {
      const result = await runReminders(options.db, clock.now());
      if (result.created) options.log?.info(result, 'deadline reminders created');
      await sendEmail();
    });

  const timers = [
    setTimeout(() => void tick(), 0),
    setInterval(() => void tick(), options.intervalMs ?? 600_000),
  ];
  // Email goes out soon after the event, not at the next reminder round.
  if (mailer) timers.push(setInterval(() => void enqueue(sendEmail), 60_000));
  for (const t of timers) t.unref?.();

  return {
    tick,
    async stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      useMailer(null);
      await running;
    },
  };
}
