import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import { describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_IP } from '../auth/service';
import { callerAs, createFixture, FIXTURE_PASSWORD, failure } from '../testing/index';

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
