import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import { describe, expect, it } from 'vitest';
import {
  callerAs,
  createFixture,
  FIXTURE_PASSWORD,
  type Fixture,
  failure,
  MemoryCookieJar,
} from '../testing/index';
import { MAX_FAILURES_PER_USERNAME, resolveSession } from './service';

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
});

describe('auth', () => {
  it('signs in with the right password, sets a session cookie and answers who the user is', async () => {
    const cookies = new MemoryCookieJar();
    const caller = await callerAs(t.db, null, { cookies });
    const me = await caller.auth.login({ username: 'u1.admin', password: FIXTURE_PASSWORD });
    expect(me.user.username).toBe('u1.admin');
    expect(me.scope.unitId).toBe(f.units.U1);
    expect(me.roles.map((r) => r.role)).toEqual(['unit_admin']);
    expect(me.rules.length).toBeGreaterThan(0);
    expect(cookies.sessionToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const user = await resolveSession({ db: t.db, clock: fixedClock(new Date()) }, cookies.sessionToken);
    expect(user?.id).toBe(f.users.unit1Admin);
  });

  it('accepts the username in any case', async () => {
    const caller = await callerAs(t.db, null);
    const me = await caller.auth.login({ username: 'U1.Admin', password: FIXTURE_PASSWORD });
    expect(me.user.username).toBe('u1.admin');
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const caller = await callerAs(t.db, null);
    expect(await failure(caller.auth.login({ username: 'u1.admin', password: 'nope-nope' }))).toEqual({
      code: 'UNAUTHORIZED',
      appCode: 'INVALID_CREDENTIALS',
    });
    expect(await failure(caller.auth.login({ username: 'nobody', password: 'nope-nope' }))).toEqual({
      code: 'UNAUTHORIZED',
      appCode: 'INVALID_CREDENTIALS',
    });
  });

  it('refuses a deactivated account', async () => {
    await t.db.updateTable('users').set({ active: false }).where('id', '=', f.users.unit1Member).execute();
    const caller = await callerAs(t.db, null);
    expect(
      (await failure(caller.auth.login({ username: 'u1.member', password: FIXTURE_PASSWORD }))).appCode,
    ).toBe('INVALID_CREDENTIALS');
  });

  it('throttles password guessing per account, and lifts the throttle after the window', async () => {
    const clock = fixedClock('2026-11-27T08:00:00Z');
    const guesser = await callerAs(t.db, null, { clock, ip: '203.0.113.9' });
    for (let i = 0; i < MAX_FAILURES_PER_USERNAME; i++) {
      await failure(guesser.auth.login({ username: 'city.admin', password: `guess-${i}` }));
    }
    // Even the right password is refused while throttled, from anywhere.
    const owner = await callerAs(t.db, null, { clock, ip: '198.51.100.7' });
    expect(
      (await failure(owner.auth.login({ username: 'city.admin', password: FIXTURE_PASSWORD }))).appCode,
    ).toBe('LOGIN_THROTTLED');
    // Other accounts are not affected.
    await owner.auth.login({ username: 'u1.admin', password: FIXTURE_PASSWORD });
    clock.set('2026-11-27T08:16:00Z');
    const me = await owner.auth.login({ username: 'city.admin', password: FIXTURE_PASSWORD });
    expect(me.user.username).toBe('city.admin');
  });

  it('rotates the session at sign-in and ends it at sign-out', async () => {
    const cookies = new MemoryCookieJar();
    const caller = await callerAs(t.db, null, { cookies });
    await caller.auth.login({ username: 'u1.admin', password: FIXTURE_PASSWORD });
    const first = cookies.sessionToken;
    await caller.auth.login({ username: 'u1.admin', password: FIXTURE_PASSWORD });
    const second = cookies.sessionToken;
    expect(second).not.toBe(first);
    const clock = fixedClock(new Date());
    expect(await resolveSession({ db: t.db, clock }, first)).toBeNull();
    expect(await resolveSession({ db: t.db, clock }, second)).not.toBeNull();

    await caller.auth.logout();
    expect(cookies.sessionToken).toBeUndefined();
    expect(await resolveSession({ db: t.db, clock }, second)).toBeNull();
  });

  it('expires sessions after their lifetime', async () => {
    const cookies = new MemoryCookieJar();
    const clock = fixedClock('2026-11-27T08:00:00Z');
    const caller = await callerAs(t.db, null, { cookies, clock });
    await caller.auth.login({ username: 'u1.admin', password: FIXTURE_PASSWORD });
    expect(await resolveSession({ db: t.db, clock }, cookies.sessionToken)).not.toBeNull();
    clock.set('2026-11-28T08:00:00Z');
    expect(await resolveSession({ db: t.db, clock }, cookies.sessionToken)).toBeNull();
  });

  it('answers UNAUTHORIZED to anyone without a session', async () => {
    const caller = await callerAs(t.db, null);
    expect((await failure(caller.auth.me())).code).toBe('UNAUTHORIZED');
    expect((await failure(caller.unit.list({}))).code).toBe('UNAUTHORIZED');
  });
});
