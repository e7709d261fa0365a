import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { verifyLedger } from '@wenming/api';
import { createDb } from '@wenming/db';
import { createScratchDatabase } from '@wenming/db/testing';
import { LocalDiskStore, samplePdf } from '@wenming/storage';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildServer, startChildServer } from './testing/child-server';
import { type Client, client, signIn } from './testing/http-client';

let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let server: ChildServer | undefined;

beforeAll(async () => {
  scratch = await createScratchDatabase();
});
afterAll(async () => {
  await server?.kill();
  await scratch?.dispose();
});

const logs: string[][] = [];
const start = async () => {
  const started = await startChildServer({
    ...scratch.env,
    SEED_DEMO: 'true',
    // One server owns this store, so crash leftovers may go at once (see file-sweep.ts).
    FILE_SWEEP_GRACE_MINUTES: '0',
  });
  logs.push(started.log);
  return started;
};

/** What the clients were told: only these writes are promised to survive. */
interface Acked {
  evidence: Set<string>;
  attemptedEvidence: Set<string>;
  taskNotes: Map<string, number>;
  attemptedTaskNotes: Map<string, number>;
  answers: number;
  attemptedAnswers: number;
}

async function prepare(unitAdmin: Client) {
  const campaigns = await unitAdmin.query<{ items: { id: string }[] }>('campaign.list', { open: true });
  const campaignId = campaigns.data!.items[0]!.id;
  const tasks = await unitAdmin.query<{ items: { id: string; version: number }[] }>('task.list', {
    campaignId,
  });
  const units = await unitAdmin.query<{ items: { id: string }[] }>('unit.list', {});
  const survey = await unitAdmin.mutate<{ id: string; links: { token: string }[] }>('survey.create', {
    unitIds: [units.data!.items[0]!.id],
    title: { zh: '崩溃测试', en: '' },
    audience: 'public',
    questions: [{ id: 'q', kind: 'scale5', title: { zh: '满意度' } }],
    opensOn: '2026-01-01',
    closesOn: '2030-12-31',
  });
  await unitAdmin.mutate('survey.open', { id: survey.data!.id });
  return {
    campaignId,
    tasks: tasks.data!.items.slice(0, 3),
    surveyId: survey.data!.id,
    token: survey.data!.links[0]!.token,
  };
}

/** Concurrent writers of three kinds, each recording what the server acknowledged. */
function writers(base: string, unitAdmin: Client, setup: Awaited<ReturnType<typeof prepare>>, acked: Acked) {
  let running = true;
  const evidence = async (worker: number) => {
    for (let i = 0; running; i++) {
      const title = `crash-${worker}-${i}`;
      acked.attemptedEvidence.add(title);
      const file = await unitAdmin.upload(
        samplePdf(`${title} ${randomBytes(8).toString('hex')}`),
        `${title}.pdf`,
      );
      const created = await unitAdmin.mutate('evidence.create', {
        campaignId: setup.campaignId,
        kind: 'meeting_minutes',
        title,
        eventDate: '2026-11-20',
        attachments: [{ sha256: file.data!.sha256, name: file.data!.name }],
      });
      if (created.status === 200) acked.evidence.add(title);
    }
  };
  const task = async (t: { id: string; version: number }) => {
    let version = t.version;
    for (let n = 1; running; n++) {
      acked.attemptedTaskNotes.set(t.id, n);
      const updated = await unitAdmin.mutate<{ version: number }>('task.update', {
        id: t.id,
        version,
        progressNote: `step ${n}`,
      });
      if (updated.status !== 200) throw new Error(`task.update answered ${updated.status}`);
      version = updated.data!.version;
      acked.taskNotes.set(t.id, n);
    }
  };
  const respondent = async () => {
    const anonymous = client(base);
    while (running && acked.attemptedAnswers < 25) {
      acked.attemptedAnswers++;
      const answered = await anonymous.mutate('survey.answer', {
        token: setup.token,
        respondent: randomBytes(16).toString('hex'),
        answers: { q: 5 },
      });
      if (answered.status !== 200) throw new Error(`survey.answer answered ${JSON.stringify(answered)}`);
      acked.answers++;
    }
  };
  const all = Promise.allSettled([
    ...[0, 1, 2, 3].map(evidence),
    ...setup.tasks.map(task),
    respondent(),
    respondent(),
  ]);
  return {
    stop: async () => {
      running = false;
      return all;
    },
  };
}

describe('a server killed mid-write', () => {
  it('keeps every acknowledged write, nothing half-written, no orphan file, an intact ledger', async () => {
    server = await start();
    const setup = await prepare(await signIn(server.base, 'unit.admin.1'));
    const acked: Acked = {
      evidence: new Set(),
      attemptedEvidence: new Set(),
      taskNotes: new Map(),
      attemptedTaskNotes: new Map(),
      answers: 0,
      attemptedAnswers: 0,
    };
    const load = writers(server.base, await signIn(server.base, 'unit.admin.1'), setup, acked);
    const deadline = Date.now() + 90_000;
    while (acked.evidence.size < 12 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(acked.evidence.size, 'the writers stalled before the kill').toBeGreaterThanOrEqual(12);
    await server.kill();
    const outcomes = await load.stop();
    const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []));
    // Only the kill may interrupt a writer: any other refusal is a defect of the test or the server.
    for (const failure of failures) expect(failure).toMatch(/fetch failed|terminated|other side closed|JSON/);
    expect(acked.taskNotes.size).toBe(setup.tasks.length);
    expect(acked.answers).toBeGreaterThan(0);

    // Back up on the same data: the acknowledged evidence is listed, the answers counted.
    server = await start();
    const again = await signIn(server.base, 'unit.admin.1');
    const listed = await again.query<{ items: { title: string }[] }>('evidence.list', {
      campaignId: setup.campaignId,
      q: 'crash-',
      limit: 200,
    });
    const titles = new Set(listed.data!.items.map((e) => e.title));
    for (const title of acked.evidence) expect(titles).toContain(title);
    const results = await again.query<{ responses: number }>('survey.results', { id: setup.surveyId });
    expect(results.data!.responses).toBeGreaterThanOrEqual(acked.answers);
    expect(results.data!.responses).toBeLessThanOrEqual(acked.attemptedAnswers);
    await server.stop();
    // The real process's own log, through a crash and a restart: no password, no session.
    // (The demo seed's own start-up line names the public demo password on purpose.)
    const log = logs
      .flat()
      .filter((line) => !line.includes('demo data seeded'))
      .join('');
    expect(log).toMatch(/Server listening/);
    expect(log).not.toContain('wenming-demo');
    expect(log).not.toMatch(/wenming_session=/);

    const database = createDb({
      databaseUrl: scratch.env.DATABASE_URL,
      dataDir: scratch.env.DATA_DIR ? `${scratch.env.DATA_DIR}/pglite` : undefined,
    });
    const store = new LocalDiskStore(scratch.env.FILES_DIR);
    try {
      const { db } = database;
      // Evidence: every acknowledged item is there with its file; an unacknowledged one is whole or absent.
      const items = await db
        .selectFrom('evidence_items as e')
        .select((eb) => [
          'e.title',
          eb
            .selectFrom('evidence_events as v')
            .whereRef('v.evidence_id', '=', 'e.id')
            .select(sql<number>`count(*)::int`.as('n'))
            .as('events'),
          eb
            .selectFrom('evidence_attachments as a')
            .whereRef('a.evidence_id', '=', 'e.id')
            .select(sql<number>`count(*)::int`.as('n'))
            .as('files'),
        ])
        .where('e.title', 'like', 'crash-%')
        .execute();
      const stored = new Map(items.map((i) => [i.title, i]));
      for (const title of acked.evidence) expect(stored.get(title)).toMatchObject({ events: 1, files: 1 });
      for (const item of items) {
        expect(acked.attemptedEvidence).toContain(item.title);
        expect(item).toMatchObject({ events: 1, files: 1 });
      }

      // Task updates: at least the last acknowledged step, at most the last one attempted.
      for (const [id, step] of acked.taskNotes) {
        const row = await db
          .selectFrom('tasks')
          .select('progress_note')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        const saved = Number(/^step (\d+)$/.exec(row.progress_note)?.[1]);
        expect(saved).toBeGreaterThanOrEqual(step);
        expect(saved).toBeLessThanOrEqual(acked.attemptedTaskNotes.get(id)!);
      }

      // Files: every recorded file has its bytes, and nothing unrecorded or half-streamed stayed behind.
      const recorded = new Set(
        (await db.selectFrom('files').select('sha256').execute()).map((f) => f.sha256),
      );
      const onDisk = objectsIn(scratch.env.FILES_DIR);
      expect(onDisk.sort()).toEqual([...recorded].sort());
      expect(readdirOrEmpty(join(scratch.env.FILES_DIR, 'tmp'))).toEqual([]);

      const verified = await verifyLedger(db, store);
      expect(verified.problems).toEqual([]);
      expect(verified.events).toBeGreaterThan(acked.evidence.size);
    } finally {
      await database.close();
    }
  }, 300_000);
});

function readdirOrEmpty(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function objectsIn(root: string): string[] {
  const objects = join(root, 'objects');
  return readdirOrEmpty(objects).flatMap((a) =>
    readdirOrEmpty(join(objects, a)).flatMap((b) => readdirOrEmpty(join(objects, a, b))),
  );
}
