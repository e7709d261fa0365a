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
    name: 'an account',
    editors: ['cityAdmin', 'unit1Admin'],
    read: async (c) => {
      const u = await c.user.get({ id: f.users.unit1Member });
      return { version: u.version, value: u.displayName };
    },
    save: (c, version, value) => c.user.update({ id: f.users.unit1Member, version, displayName: value }),
  },
];

describe('two people saving one record at once', () => {
  for (const record of editables) {
    it(`${record.name}: one saves, the other gets CONFLICT, nothing is lost`, async () => {
      const [a, b] = [await as(record.editors[0]), await as(record.editors[1])];
      for (let round = 0; round < 5; round++) {
        const { version } = await record.read(a);
        const values = [`甲-${round}`, `乙-${round}`];
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
    });
  }
});
