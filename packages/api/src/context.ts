import type { AppAbility, AuthUser } from '@wenming/authz';
import type { Clock } from '@wenming/core';
import type { Db, Engine } from '@wenming/db';
import type { SessionMemory } from './auth/session-memory';

export interface SessionUser extends AuthUser {
  username: string;
  displayName: string;
  sessionId: string;
  /** The command line acting for the operator: audit rows name no user. */
  system?: true;
  /**
   * The grant generation the session was read at (migration 2026_11_28_060000). Each
   * request's first statement confirms it, so a session remembered across requests
   * (SessionMemory) is never used after it was revoked or its grants changed.
   */
  generation?: string;
}

/** What a transport (Fastify, or a test's caller) lets the API do to the HTTP exchange. */
export interface CookieJar {
  /** The raw session token the client sent, if any. */
  readonly sessionToken: string | undefined;
  setSession(token: string, expiresAt: Date): void;
  clearSession(): void;
  /**
   * The browser's device token (set after a successful sign-in): sign-ins from a browser the
   * account used before are not blocked by strangers guessing its password. Transports
   * without a browser (the command line) leave these out.
   */
  readonly deviceToken?: string | undefined;
  setDevice?(token: string, expiresAt: Date): void;
}

export interface RequestInfo {
  ip: string;
  userAgent: string | undefined;
  /** Where respondents reach the platform (PUBLIC_URL or the request's own address), for survey links. */
  publicUrl?: string | undefined;
}

export interface Context {
  db: Db;
  /**
   * For heavy reads that may lag the primary by a moment (analytics): a read replica when
   * DATABASE_READ_URL is set, otherwise the same database as `db`.
   */
  readDb: Db;
  engine: Engine;
  clock: Clock;
  cookies: CookieJar;
  request: RequestInfo;
  user: SessionUser | null;
  ability: AppAbility;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** Where this transport remembers sessions between requests, if it does. */
  sessions?: SessionMemory;
}

export type AuthedContext = Context & { user: SessionUser };

/** The user to record as having acted: none for the operator at the command line. */
export function actorId(ctx: { user: SessionUser }): string | null {
  return ctx.user.system ? null : ctx.user.id;
}
