import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createContext } from '../create-context';
import { appRouter } from '../router';
import {
  callerAs,
  createFixture,
  FIXTURE_PASSWORD,
  type Fixture,
  failure,
  MemoryCookieJar,
} from '../testing/index';
import { createCallerFactory } from '../trpc';
import { SessionMemory } from './session-memory';

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
});
const createCaller = createCallerFactory(appRouter);
const clock = fixedClock('2026-11-27T08:00:00Z');

/** Signs `username` in and answers a way to make requests as one server instance would. */
async function signedIn(username: string) {
  const cookies = new MemoryCookieJar();
  await (await callerAs(t.db, null, { cookies, clock })).auth.login({ username, password: FIXTURE_PASSWORD });
  let sessionReads = 0;
  const counting: KyselyPlugin = {
    transformQuery({ node }) {
      if (node.kind === 'SelectQueryNode') sessionReads++;
      return node;
    },
    async transformResult({ result }) {
      return result;
    },
  };
  const sessions = new SessionMemory(t.db.withPlugin(counting));
  const request = async () =>
    createCaller(
      await createContext(
        { db: t.db, engine: 'pglite', clock, sessions },
        { cookies, request: { ip: '127.0.0.1', userAgent: 'vitest' } },
      ),
    );
  return { request, reads: () => sessionReads, cookies };
}

describe('sessions remembered between requests', () => {
  it('reads a session once for a run of requests, and again after a minute', async () => {
    const admin = await signedIn('d1.admin');
    for (let i = 0; i < 3; i++)
      expect((await (await admin.request()).auth.me()).user.username).toBe('d1.admin');
    expect(admin.reads()).toBe(1);
    clock.set(new Date(clock.now().getTime() + 61_000));
    await (await admin.request()).auth.me();
    expect(admin.reads()).toBe(2);
  });

  it('refuses a session signed out on another instance at its next request', async () => {
    const admin = await signedIn('d1.admin');
    const remembered = await admin.request();
    await remembered.auth.me();
    const elsewhere = await callerAs(t.db, null, {
      cookies: new MemoryCookieJar(admin.cookies.sessionToken),
      clock,
    });
    await elsewhere.auth.logout();
    expect((await failure((await admin.request()).unit.list({}))).code).toBe('UNAUTHORIZED');
  });

  it('refuses a session whose account was switched off, and one past its expiry', async () => {
    const member = await signedIn('u1.member');
    await (await member.request()).auth.me();
    await t.db.updateTable('users').set({ active: false }).where('id', '=', f.users.unit1Member).execute();
    expect((await failure((await member.request()).auth.me())).code).toBe('UNAUTHORIZED');

    const admin = await signedIn('u1.admin');
    await (await admin.request()).auth.me();
    await t.db
      .updateTable('sessions')
      .set({ expires_at: new Date(clock.now().getTime() - 1000) })
      .execute();
    expect((await failure((await admin.request()).auth.me())).code).toBe('UNAUTHORIZED');
  });

  it('applies a role taken away, and an office moved into the subtree, at the next request', async () => {
    const admin = await signedIn('d1.admin');
    const before = await (await admin.request()).auth.me();
    expect(before.scope.officeIds).toEqual([f.offices.D1]);

    await t.db
      .updateTable('offices')
      .set({ parent_id: f.offices.D1 })
      .where('id', '=', f.offices.D2)
      .execute();
    const moved = await (await admin.request()).auth.me();
    expect(moved.scope.officeIds.sort()).toEqual([f.offices.D1, f.offices.D2].sort());
    expect((await (await admin.request()).unit.list({})).items.map((u) => u.officeId)).toContain(
      f.offices.D2,
    );

    await t.db.deleteFrom('role_assignments').where('user_id', '=', f.users.district1Admin).execute();
    const after = await (await admin.request()).auth.me();
    expect(after.roles).toEqual([]);
    expect(after.scope.officeIds).toEqual([]);
    expect((await (await admin.request()).unit.list({})).items).toEqual([]);
  });

  it('shows a renamed user under the new name at once', async () => {
    const admin = await signedIn('d1.admin');
    await (await admin.request()).auth.me();
    await t.db
      .updateTable('users')
      .set({ display_name: '新名字' })
      .where('id', '=', f.users.district1Admin)
      .execute();
    expect((await (await admin.request()).auth.me()).user.displayName).toBe('新名字');
  });
});
