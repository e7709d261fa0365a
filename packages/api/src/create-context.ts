import { createMongoAbility } from '@casl/ability';
import { type AppAbility, defineAbilityFor } from '@wenming/authz';
import { type Clock, systemClock } from '@wenming/core';
import type { Db, Engine } from '@wenming/db';
import { resolveSession } from './auth/service';
import type { Context, CookieJar, RequestInfo } from './context';

export interface ApiDeps {
  db: Db;
  /** A read replica for analytics; defaults to `db`. */
  readDb?: Db;
  engine: Engine;
  clock?: Clock;
  log?: Context['log'];
}

const quietLog: Context['log'] = { warn() {}, error() {} };

/** Builds a request's context: who is calling (from the session cookie) and what they may do. */
export async function createContext(
  deps: ApiDeps,
  transport: { cookies: CookieJar; request: RequestInfo },
): Promise<Context> {
  const clock = deps.clock ?? systemClock;
  const user = await resolveSession({ db: deps.db, clock }, transport.cookies.sessionToken);
  return {
    db: deps.db,
    readDb: deps.readDb ?? deps.db,
    engine: deps.engine,
    clock,
    cookies: transport.cookies,
    request: transport.request,
    user,
    ability: defineAbilityFor(user),
    log: deps.log ?? quietLog,
  };
}

/**
 * The operator at the command line: may do anything, on every office. Used by the CLI
 * only; no HTTP request ever gets this context.
 */
export function createSystemContext(deps: ApiDeps): Context {
  return {
    db: deps.db,
    readDb: deps.readDb ?? deps.db,
    engine: deps.engine,
    clock: deps.clock ?? systemClock,
    cookies: { sessionToken: undefined, setSession() {}, clearSession() {} },
    request: { ip: 'cli', userAgent: 'wenming-cli' },
    user: {
      id: 'system',
      username: 'system',
      displayName: 'system',
      sessionId: 'cli',
      grants: [],
      system: true,
    },
    ability: createMongoAbility([{ action: 'manage', subject: 'all' }]) as AppAbility,
    log: deps.log ?? quietLog,
  };
}
