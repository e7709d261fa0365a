import type { Database } from '@wenming/db';
import { createTestDatabase } from '@wenming/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, callerAs, createFixture, type Fixture, type FixtureUser } from '../testing/index';

/**
 * Two people save the same record from the same version at the same moment. Committed
 * data and separate transactions (on PostgreSQL, separate connections), not the per-test
 * rollback: the race must happen in the database.
 */
let database: Database;
let f: Fixture;
beforeAll(async () => {
  database = await createTestDatabase();
  f = await createFixture(database.db);
});
afterAll(async () => {
  await database?.close();
});

const as = (user: FixtureUser) => callerAs(database.db, f.users[user]);

interface Editable {
  name: string;
  editors: [FixtureUser, FixtureUser];
  read(caller: Caller): Promise<{ version: number; value: string }>;
  save(caller: Caller, version: number, value: string): Promise<unknown>;
  /** The two values saved in a round, where the record holds something other than free text. */
  values?(round: number): [string, string];
  /** Brings the record into a state where it can be edited, for the length of its test. */
  during?(): Promise<() => Promise<unknown>>;
}

/** Moderation needs the campaign under assessment; the campaign editables need it open again after. */
async function underAssessment() {
  const campaign = database.db.updateTable('campaigns').where('id', '=', f.campaigns.U1);
  const { phase } = await database.db
    .selectFrom('campaigns')
    .select('phase')
    .where('id', '=', f.campaigns.U1)
    .executeTakeFirstOrThrow();
  await campaign.set({ phase: 'under_assessment' }).execute();
  return () => campaign.set({ phase }).execute();
}

const editables: Editable[] = [
  {
    name: 'a unit',
    editors: ['cityAdmin', 'district1Admin'],
    read: async (c) => {
      const u = await c.unit.get({ id: f.units.U1 });
      return { version: u.version, value: u.address ?? '' };
    },
    save: (c, version, value) => c.unit.update({ id: f.units.U1, version, address: value }),
  },
  {
    name: 'a task',
    editors: ['unit1Admin', 'unit1HeadA'],
    read: async (c) => {
      const t = await c.task.get({ id: f.tasks.U1A });
      return { version: t.version, value: t.progressNote };
    },
    save: (c, version, value) => c.task.update({ id: f.tasks.U1A, version, progressNote: value }),
  },
  {
    name: "a campaign's plans",
    editors: ['unit1Admin', 'unit1Admin'],
    read: async (c) => {
      const campaign = await c.campaign.get({ id: f.campaigns.U1 });
      return { version: campaign.version, value: campaign.plan };
    },
    save: (c, version, value) => c.campaign.updatePlans({ id: f.campaigns.U1, version, plan: value }),
  },
  {
    name: "a campaign's leading group",
    editors: ['unit1Admin', 'unit1Admin'],
    read: async (c) => {
      const campaign = await c.campaign.get({ id: f.campaigns.U1 });
      return { version: campaign.version, value: campaign.leadingGroup[0]?.name ?? '' };
    },
    save: (c, version, value) =>
      c.campaign.setLeadingGroup({ id: f.campaigns.U1, version, members: [{ role: 'leader', name: value }] }),
  },
  {
    name: 'an account',
    editors: ['cityAdmin', 'unit1Admin'],
    read: async (c) => {
      const u = await c.user.get({ id: f.users.unit1Member });
      return { version: u.version, value: u.displayName };
    },
    save: (c, version, value) => c.user.update({ id: f.users.unit1Member, version, displayName: value }),
  },
  {
    name: "an office's assessment settings (the first save creates them)",
    editors: ['cityAdmin', 'cityAdmin'],
    read: async (c) => {
      const s = await c.assessment.settings({ officeId: f.offices.C, targetLevel: 'county' });
      return { version: s.version, value: String(s.passThreshold) };
    },
    save: (c, version, value) =>
      c.assessment.configure({
        officeId: f.offices.C,
        targetLevel: 'county',
        passThreshold: Number(value),
        version,
      }),
    values: (round) => [String(60 + round), String(80 + round)],
  },
  {
    name: "an indicator's moderation (the first one creates it)",
    editors: ['cityAdmin', 'cityAdmin'],
    during: underAssessment,
    read: async (c) => {
      const indicator = (await c.assessment.get({ campaignId: f.campaigns.U1 })).indicators[0]!;
      return { version: indicator.moderationVersion, value: indicator.moderated?.reason ?? '' };
    },
    save: async (c, version, value) => {
      const indicatorId = (await c.assessment.get({ campaignId: f.campaigns.U1 })).indicators[0]!.id;
      return c.assessment.moderate({
        campaignId: f.campaigns.U1,
        indicatorId,
        points: 1,
        reason: value,
        version,
      });
    },
  },
  {
    name: 'the reply to a suggestion',
    editors: ['unit1Admin', 'unit1Admin'],
    read: async (c) => {
      const s = (await c.suggestion.list({})).items.find((x) => x.id === f.suggestions.U1)!;
      return { version: s.version, value: s.reply ?? '' };
    },
    save: (c, version, value) =>
      c.suggestion.reply({ id: f.suggestions.U1, status: 'noted', reply: value, version }),
  },
];

describe('two people saving one record at once', () => {
  for (const record of editables) {
    it(`${record.name}: one saves, the other gets CONFLICT, nothing is lost`, async () => {
      const [a, b] = [await as(record.editors[0]), await as(record.editors[1])];
      const after = await record.during?.();
      try {
        await race(record, a, b);
      } finally {
        await after?.();
      }
    });
  }
});

async function race(record: Editable, a: Caller, b: Caller) {
  for (let round = 0; round < 5; round++) {
    const { version } = await record.read(a);
    const values = record.values?.(round) ?? [`甲-${round}`, `乙-${round}`];
    const outcomes = await Promise.allSettled([
      record.save(a, version, values[0]!),
      record.save(b, version, values[1]!),
    ]);
    const won = outcomes.findIndex((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o) => o.status === 'rejected');
    expect(won).toBeGreaterThanOrEqual(0);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'STALE_VERSION' },
    });
    // The winner's value is what everyone now reads, at exactly one version later.
    expect(await record.read(b)).toEqual({ version: version + 1, value: values[won] });
  }
}
