import { createMongoAbility } from '@casl/ability';
import { type AppAbility, defineAbilityFor } from '@wenming/authz';
import { type Clock, systemClock } from '@wenming/core';
import type { Db, Engine } from '@wenming/db';
import { resolveSession } from './auth/service';
import type { ResolvedSession, SessionMemory } from './auth/session-memory';
import type { Context, CookieJar, RequestInfo } from './context';

export interface ApiDeps {
  db: Db;
  /** A read replica for analytics; defaults to `db`. */
  readDb?: Db;
  engine: Engine;
  clock?: Clock;
  log?: Context['log'];
  /** Remember sessions between requests (the tRPC endpoint); without, each request reads its own. */
  sessions?: SessionMemory;
}

const quietLog: Context['log'] = { warn() {}, error() {} };

/** Builds a request's context: who is calling (from the session cookie) and what they may do. */
export async function createContext(
  deps: ApiDeps,
  transport: { cookies: CookieJar; request: RequestInfo },
): Promise<Context> {
  const clock = deps.clock ?? systemClock;
  const token = transport.cookies.sessionToken;
  const { user, ability } = deps.sessions
    ? await deps.sessions.resolve(clock, token)
    : await readSession(deps.db, clock, token);
  return {
    db: deps.db,
    readDb: deps.readDb ?? deps.db,
    engine: deps.engine,
    clock,
    cookies: transport.cookies,
    request: transport.request,
    user,
    ability,
    log: deps.log ?? quietLog,
    ...(deps.sessions ? { sessions: deps.sessions } : {}),
  };
}

/** The session behind `token`, read from the database, with the ability it grants. */
export async function readSession(db: Db, clock: Clock, token: string | undefined): Promise<ResolvedSession> {
  const user = await resolveSession({ db, clock }, token);
  return { user, ability: defineAbilityFor(user) };
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
