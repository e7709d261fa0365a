import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import { describe, expect, it } from 'vitest';
import {
  MAX_FAILURES_PER_DEVICE,
  MAX_FAILURES_PER_IP,
  MAX_FAILURES_PER_USERNAME,
  THROTTLE_WINDOW_MS,
} from '../auth/service';
import { callerAs, createFixture, FIXTURE_PASSWORD, failure, MemoryCookieJar } from '../testing/index';

const t = useTestDb(async (db) => {
  await createFixture(db);
});

describe('sign-in throttling per address', () => {
  it('stops one address spraying guesses over many accounts; other addresses and the accounts stay usable; it lifts', async () => {
    const clock = fixedClock('2026-11-27T08:00:00Z');
    const sprayer = await callerAs(t.db, null, { clock, ip: '203.0.113.50' });
    // Each account sees few failures, so only the address limit can stop this.
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await failure(sprayer.auth.login({ username: `user.${i}`, password: `guess-${i}` }));
    }
    expect(
      (await failure(sprayer.auth.login({ username: 'u1.admin', password: FIXTURE_PASSWORD }))).appCode,
    ).toBe('LOGIN_THROTTLED');

    // The owner, from their own address, signs in at once: the sprayer locked nobody out.
    const owner = await callerAs(t.db, null, { clock, ip: '198.51.100.20' });
    expect((await owner.auth.login({ username: 'u1.admin', password: FIXTURE_PASSWORD })).user.username).toBe(
      'u1.admin',
    );

    clock.set('2026-11-27T08:16:00Z');
    const later = await callerAs(t.db, null, { clock, ip: '203.0.113.50' });
    expect((await later.auth.login({ username: 'u1.admin', password: FIXTURE_PASSWORD })).user.username).toBe(
      'u1.admin',
    );
  });
});

describe('sign-in throttling cannot lock the owner out (device cookies)', () => {
  const clock = fixedClock('2026-11-27T09:00:00Z');
  const browser = (ip: string, cookies = new MemoryCookieJar()) =>
    callerAs(t.db, null, { clock, ip, cookies });
  const signIn = async (
    ip: string,
    cookies: MemoryCookieJar | undefined,
    username: string,
    password: string,
  ) => {
    const caller = await browser(ip, cookies);
    return caller.auth.login({ username, password }).then(
      (me) => me.user.username,
      async (e: unknown) => (await failure(Promise.reject(e))).appCode,
    );
  };
  /** Guesses from a botnet: a few per address, so the address limit never stops it. */
  let attackerIp = 0;
  const attack = async (username: string, guesses: number) => {
    for (let i = 0; i < guesses; i++) {
      await signIn(`203.0.113.${100 + (attackerIp++ % 100)}`, undefined, username, `guess-${i}`);
    }
  };

  it("keeps the account blocked for new browsers while the owner's browser signs in throughout; it lifts", async () => {
    clock.set('2026-11-27T09:00:00Z');
    const owner = new MemoryCookieJar();
    expect(await signIn('198.51.100.30', owner, 'd1.admin', FIXTURE_PASSWORD)).toBe('d1.admin');
    expect(owner.deviceToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    // Only the hash is stored.
    const rows = await t.db
      .selectFrom('login_devices')
      .selectAll()
      .where('username', '=', 'd1.admin')
      .execute();
    expect(rows.map((r) => r.token_hash)).not.toContain(owner.deviceToken);
    expect(rows).toHaveLength(1);

    await attack('d1.admin', MAX_FAILURES_PER_USERNAME + 5);
    // A new browser, even with the right password and a clean address, is refused...
    expect(await signIn('198.51.100.31', undefined, 'd1.admin', FIXTURE_PASSWORD)).toBe('LOGIN_THROTTLED');
    // ...the owner's browser is not, from home or from the office, however long the attack runs.
    for (let minute = 0; minute < 30; minute += 10) {
      clock.set(new Date(Date.parse('2026-11-27T09:01:00Z') + minute * 60_000));
      await attack('d1.admin', MAX_FAILURES_PER_USERNAME);
      expect(await signIn('198.51.100.31', undefined, 'd1.admin', FIXTURE_PASSWORD)).toBe('LOGIN_THROTTLED');
      expect(await signIn(`198.51.100.${40 + minute}`, owner, 'd1.admin', FIXTURE_PASSWORD)).toBe('d1.admin');
    }
    // The address limit still holds for the owner's browser.
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++)
      await signIn('192.0.2.77', undefined, `nobody.${i}`, 'x-guess');
    expect(await signIn('192.0.2.77', owner, 'd1.admin', FIXTURE_PASSWORD)).toBe('LOGIN_THROTTLED');

    // The attack stops; after the window new browsers sign in again.
    clock.set(new Date(clock.now().getTime() + THROTTLE_WINDOW_MS + 60_000));
    expect(await signIn('198.51.100.31', undefined, 'd1.admin', FIXTURE_PASSWORD)).toBe('d1.admin');
  });

  it("throttles the owner's browser by its own wrong guesses, then trusts it no more", async () => {
    clock.set('2026-11-28T09:00:00Z');
    const owner = new MemoryCookieJar();
    expect(await signIn('198.51.100.50', owner, 'u4.admin', FIXTURE_PASSWORD)).toBe('u4.admin');
    const first = owner.deviceToken;
    await attack('u4.admin', MAX_FAILURES_PER_USERNAME);
    for (let i = 0; i < MAX_FAILURES_PER_DEVICE - 1; i++) {
      expect(await signIn('198.51.100.50', owner, 'u4.admin', `typo-${i}`)).toBe('INVALID_CREDENTIALS');
    }
    expect(await signIn('198.51.100.50', owner, 'u4.admin', FIXTURE_PASSWORD)).toBe('u4.admin');
    expect(await signIn('198.51.100.50', owner, 'u4.admin', 'typo-last')).toBe('INVALID_CREDENTIALS');
    // Its own limit reached: from now on it is a new browser, blocked like the attacker.
    expect(await signIn('198.51.100.50', owner, 'u4.admin', FIXTURE_PASSWORD)).toBe('LOGIN_THROTTLED');
    const trusted = await t.db
      .selectFrom('login_devices')
      .select('token_hash')
      .where('username', '=', 'u4.admin')
      .execute();
    expect(trusted).toEqual([]);

    // After the window it signs in and is trusted again, under a fresh token.
    clock.set('2026-11-28T09:16:00Z');
    expect(await signIn('198.51.100.50', owner, 'u4.admin', FIXTURE_PASSWORD)).toBe('u4.admin');
    expect(owner.deviceToken).not.toBe(first);
  });

  it("gives no bypass to a forged device cookie or another account's, nor to one unused for months", async () => {
    clock.set('2026-11-29T09:00:00Z');
    const other = new MemoryCookieJar();
    expect(await signIn('198.51.100.60', other, 'u1.member', FIXTURE_PASSWORD)).toBe('u1.member');
    const victim = new MemoryCookieJar();
    expect(await signIn('198.51.100.61', victim, 'city.analyst', FIXTURE_PASSWORD)).toBe('city.analyst');
    await attack('city.analyst', MAX_FAILURES_PER_USERNAME);

    const forged = new MemoryCookieJar(undefined, 'A'.repeat(43));
    expect(await signIn('198.51.100.62', forged, 'city.analyst', FIXTURE_PASSWORD)).toBe('LOGIN_THROTTLED');
    // The stored hash as the cookie is no better than a guess.
    const [row] = await t.db
      .selectFrom('login_devices')
      .select('token_hash')
      .where('username', '=', 'city.analyst')
      .execute();
    const hashAsToken = new MemoryCookieJar(undefined, row!.token_hash);
    expect(await signIn('198.51.100.62', hashAsToken, 'city.analyst', FIXTURE_PASSWORD)).toBe(
      'LOGIN_THROTTLED',
    );
    const borrowed = new MemoryCookieJar(undefined, other.deviceToken);
    expect(await signIn('198.51.100.62', borrowed, 'city.analyst', FIXTURE_PASSWORD)).toBe('LOGIN_THROTTLED');
    expect(await signIn('198.51.100.61', victim, 'city.analyst', FIXTURE_PASSWORD)).toBe('city.analyst');

    // A browser last used over half a year ago is a new browser again.
    clock.set('2027-06-30T09:00:00Z');
    await attack('city.analyst', MAX_FAILURES_PER_USERNAME);
    expect(await signIn('198.51.100.61', victim, 'city.analyst', FIXTURE_PASSWORD)).toBe('LOGIN_THROTTLED');
  });
});
