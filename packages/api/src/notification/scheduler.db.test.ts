import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '@wenming/core';
import { createDb, type Database, type Db, migrateToLatest } from '@wenming/db';
import { createTestDatabase, testDatabaseUrl } from '@wenming/db/testing';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerAs, createFixture, type Fixture } from '../testing/index';
import { deliverPending } from './mailer';
import { notify } from './notify';
import { runReminders, startScheduler } from './scheduler';
import { createSmtpMailer } from './smtp';

/**
 * The job commits, as it does in the server: these tests use a database of their own
 * rather than a rolled-back transaction.
 */
let database: Database & { schema?: string };
let f: Fixture;
// 10 May 2027, 10:00 in China.
const NOW = new Date('2027-05-10T02:00:00Z');

async function order(db: Db, fx: Fixture, deadline: string, status: 'open' | 'closed' = 'open') {
  const row = await db
    .insertInto('rectifications')
    .values({
      office_id: fx.offices.D1,
      unit_id: fx.units.U1,
      title: `整改 ${deadline}`,
      requirement: '整改要求',
      deadline,
      status,
      issued_by: fx.users.cityInspector,
      issued_at: new Date('2027-04-01T02:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const reminders = (db: Db) =>
  db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .select(['u.username', 'n.kind', 'n.dedupe_key'])
    .where('n.dedupe_key', 'is not', null)
    .orderBy('n.dedupe_key')
    .orderBy('u.username')
    .execute();

beforeAll(async () => {
  database = await createTestDatabase();
  f = await createFixture(database.db);
  await order(database.db, f, '2027-05-12'); // due in 2 days
  await order(database.db, f, '2027-05-08'); // overdue
  await order(database.db, f, '2027-05-20'); // far off: nothing yet
  await order(database.db, f, '2027-05-01', 'closed'); // done: nothing
  const schedule = await database.db
    .insertInto('report_schedules')
    .values({
      office_id: f.offices.D1,
      title: '季度工作报告',
      period: 'quarterly',
      due_day: 10,
      starts_on: '2027-01-01',
      created_at: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await database.db
    .insertInto('report_schedule_units')
    .values({ schedule_id: schedule.id, office_id: f.offices.D1, unit_id: f.units.U1 })
    .execute();
});
afterAll(async () => {
  await database?.close();
});

describe('the reminder job', () => {
  it('reminds of near and passed deadlines once, however often it runs', async () => {
    const first = await runReminders(database.db, NOW);
    expect(first.ran).toBe(true);
    const set = await reminders(database.db);
    expect(set.map((r) => `${r.kind} → ${r.username}`).sort()).toEqual([
      'deadline_soon → u1.admin',
      // The overdue order escalates to the office and the inspector who issued it.
      'overdue → city.inspector',
      'overdue → d1.admin',
      'overdue → u1.admin',
      // Q1's report was due on 10 April: the unit and its office hear.
      'report_overdue → d1.admin',
      'report_overdue → u1.admin',
    ]);
    expect(first.created).toBe(set.length);
    const second = await runReminders(database.db, new Date(NOW.getTime() + 600_000));
    expect(second).toEqual({ ran: true, created: 0 });
    expect(await reminders(database.db)).toEqual(set);
  });

  it('creates one set when several servers run it at the same time', async () => {
    // A new near deadline, so there is something to remind of.
    await order(database.db, f, '2027-05-13');
    const before = (await reminders(database.db)).length;
    // With PostgreSQL each "server" has its own pool; PGlite has one connection to share.
    const url = testDatabaseUrl();
    const others = url
      ? [1, 2].map(() => createDb({ databaseUrl: url, searchPath: database.schema, maxConnections: 2 }))
      : [];
    try {
      const runs = await Promise.all(
        [database.db, ...others.map((o) => o.db), database.db].map((db) => runReminders(db, NOW)),
      );
      const after = await reminders(database.db);
      expect(after.length - before).toBe(1);
      expect(runs.reduce((n, r) => n + r.created, 0)).toBe(1);
    } finally {
      await Promise.all(others.map((o) => o.close()));
    }
  });

  it('starts with the server and stops cleanly, running once at start', async () => {
    await order(database.db, f, '2027-05-11');
    const before = (await reminders(database.db)).length;
    const scheduler = startScheduler({ db: database.db, clock: fixedClock(NOW), intervalMs: 3_600_000 });
    await scheduler.tick();
    await scheduler.stop();
    expect((await reminders(database.db)).length).toBe(before + 1);
  });
});

describe('across restarts', () => {
  it('never reminds twice of the same deadline after the server restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wenming-reminders-'));
    try {
      let disk = createDb({ dataDir: dir });
      await migrateToLatest(disk.db);
      const fx = await createFixture(disk.db);
      await order(disk.db, fx, '2027-05-11');
      const first = await runReminders(disk.db, NOW);
      expect(first.created).toBe(1);
      await disk.close();

      disk = createDb({ dataDir: dir });
      const again = await runReminders(disk.db, new Date(NOW.getTime() + 86_400_000 / 2));
      expect(again.created).toBe(0);
      expect((await reminders(disk.db)).map((r) => r.kind)).toEqual(['deadline_soon']);
      await disk.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('email copies', () => {
  it('go through a real SMTP server to those who left an address, once each', async () => {
    const received: { to: string[]; data: string }[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, done) {
        let data = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => {
          data += chunk;
        });
        stream.on('end', () => {
          received.push({ to: (session.envelope.rcptTo || []).map((r) => r.address), data });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    const mailer = createSmtpMailer({
      url: `smtp://127.0.0.1:${port}`,
      from: '文明创建管理平台 <noreply@example.com>',
      publicUrl: 'https://wm.example.cn/',
    });
    try {
      const me = await callerAs(database.db, f.users.unit1Admin);
      await me.notification.updateSettings({ email: 'chen@example.com' });
      const at = new Date();
      await notify(database.db, {
        userIds: [f.users.unit1Admin, f.users.unit1Member],
        kind: 'rectification_issued',
        message: { title: '整改通知：补齐会议纪要', body: '整改期限 2027-05-20' },
        link: '/portal/rectifications/1',
        at,
      });
      const sent = await deliverPending(database.db, mailer, at);
      expect(sent).toEqual({ sent: 1, failed: 0 });
      expect(received).toHaveLength(1);
      expect(received[0]!.to).toEqual(['chen@example.com']);
      const text = decodeQuotedPrintable(received[0]!.data);
      expect(text).toContain('整改期限 2027-05-20');
      expect(text).toContain('https://wm.example.cn/portal/rectifications/1');
      expect(await deliverPending(database.db, mailer, at)).toEqual({ sent: 0, failed: 0 });
    } finally {
      mailer.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});

/** Enough of RFC 2045 to read a nodemailer text part back. */
function decodeQuotedPrintable(raw: string): string {
  const body = raw.replace(/=\r?\n/g, '');
  return Buffer.from(
    body.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}
