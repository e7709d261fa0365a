import { defineAbilityFor } from '@wenming/authz';
import { type Clock, systemClock } from '@wenming/core';
import type { Db, Engine } from '@wenming/db';
import { loadGrants } from '../auth/repository';
import type { Context, CookieJar, SessionUser } from '../context';
import { appRouter } from '../router';
import { createCallerFactory } from '../trpc';

const createCaller = createCallerFactory(appRouter);

/** A cookie jar that remembers what the API set, as a browser would. */
export class MemoryCookieJar implements CookieJar {
  sessionToken: string | undefined;
  expiresAt: Date | undefined;
  deviceToken: string | undefined;
  deviceExpiresAt: Date | undefined;
  constructor(token?: string, deviceToken?: string) {
    this.sessionToken = token;
    this.deviceToken = deviceToken;
  }
  setDevice(token: string, expiresAt: Date) {
    this.deviceToken = token;
    this.deviceExpiresAt = expiresAt;
  }
  setSession(token: string, expiresAt: Date) {
    this.sessionToken = token;
    this.expiresAt = expiresAt;
  }
  clearSession() {
    this.sessionToken = undefined;
    this.expiresAt = undefined;
  }
}

export interface CallerOptions {
  engine?: Engine;
  clock?: Clock;
  cookies?: CookieJar;
  ip?: string;
  /** The address the host would name in survey links (PUBLIC_URL). */
  publicUrl?: string;
  /** A read replica (DATABASE_READ_URL); default: `db`. */
  readDb?: Db;
}

export function contextFor(db: Db, user: SessionUser | null, options: CallerOptions = {}): Context {
  return {
    db,
    readDb: options.readDb ?? db,
    engine: options.engine ?? 'pglite',
    clock: options.clock ?? systemClock,
    cookies: options.cookies ?? new MemoryCookieJar(),
    request: { ip: options.ip ?? '127.0.0.1', userAgent: 'vitest', publicUrl: options.publicUrl },
    user,
    ability: defineAbilityFor(user),
    log: { warn() {}, error() {} },
  };
}

/** A router caller acting as `userId` (resolved like a real session), or anonymous. */
export async function callerAs(db: Db, userId: string | null, options: CallerOptions = {}) {
  let user: SessionUser | null = null;
  if (userId) {
    const row = await db
      .selectFrom('users')
      .select(['id', 'username', 'display_name'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    user = {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      sessionId: 'test',
      grants: await loadGrants(db, row.id),
    };
  }
  return createCaller(contextFor(db, user, options));
}

export type Caller = Awaited<ReturnType<typeof callerAs>>;
