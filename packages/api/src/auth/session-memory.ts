import { type AppAbility, defineAbilityFor } from '@wenming/authz';
import type { Clock } from '@wenming/core';
import type { Db } from '@wenming/db';
import type { SessionUser } from '../context';
import { hashToken, resolveSession } from './service';

/**
 * How long a session is used from memory before it is read again. Under the five minutes
 * after which a read touches the session (service.ts), so a busy session still slides.
 */
const REMEMBER_MS = 60_000;
/** A bound on memory; past it the oldest session goes first. */
const MAX_SESSIONS = 10_000;

export interface ResolvedSession {
  user: SessionUser | null;
  ability: AppAbility;
}

interface Remembered extends ResolvedSession {
  until: number;
}

const anonymous = (): ResolvedSession => ({ user: null, ability: defineAbilityFor(null) });

/**
 * The signed-in sessions one server instance read in the last minute, with the abilities
 * built from them. Every request of a signed-in page read its session and grants again: a
 * round trip and a recursive query of its own, the largest part of what a quick read such as
 * the comparison costs over its SQL. Nothing is trusted from memory alone: every
 * signed-in request's first statement confirms the session is still live and no grant has
 * changed (`enterTenantScope`'s check), and the request reads it again when either has.
 */
export class SessionMemory {
  private readonly sessions = new Map<string, Remembered>();

  constructor(private readonly db: Db) {}

  async resolve(clock: Clock, token: string | undefined): Promise<ResolvedSession> {
    if (!token || token.length > 100) return anonymous();
    const key = hashToken(token);
    const now = clock.now().getTime();
    const known = this.sessions.get(key);
    if (known && known.until > now) return known;
    this.sessions.delete(key);
    const user = await resolveSession({ db: this.db, clock }, token);
    if (!user) return anonymous();
    const entry: Remembered = { user, ability: defineAbilityFor(user), until: now + REMEMBER_MS };
    if (this.sessions.size >= MAX_SESSIONS) {
      const oldest = this.sessions.keys().next();
      if (!oldest.done) this.sessions.delete(oldest.value);
    }
    this.sessions.set(key, entry);
    return entry;
  }

  /** Reads the session again, as when the scope statement found it revoked or changed. */
  async reread(clock: Clock, token: string | undefined): Promise<ResolvedSession> {
    if (token) this.sessions.delete(hashToken(token));
    return this.resolve(clock, token);
  }
}
