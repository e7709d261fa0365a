import { createHash, randomBytes } from 'node:crypto';
import { defineAbilityFor, packAbility } from '@wenming/authz';
import { AppError } from '@wenming/core';
import type { TLogin, TMe } from '@wenming/domain';
import type { AuthedContext, Context, SessionUser } from '../context';
import { loadRoleAssignments } from '../user/repository';
import { timingDummyHash, verifyPassword } from './password';
import * as repo from './repository';

export const SESSION_TTL_MS = 12 * 3600_000;
/** Sliding expiry is refreshed at most this often, so reads don't write on every request. */
const SESSION_TOUCH_MS = 5 * 60_000;
export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_USERNAME = 10;
export const MAX_FAILURES_PER_IP = 30;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** The user behind a session token, or null when it is unknown, expired or the account is off. */
export async function resolveSession(ctx: Pick<Context, 'db' | 'clock'>, token: string | undefined) {
  if (!token || token.length > 100) return null;
  const now = ctx.clock.now();
  const row = await repo.findActiveSession(ctx.db, hashToken(token), now);
  if (!row) return null;
  if (now.getTime() - row.last_seen_at.getTime() > SESSION_TOUCH_MS) {
    await repo.touchSession(ctx.db, row.session_id, now, new Date(now.getTime() + SESSION_TTL_MS));
  }
  const user: SessionUser = {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    sessionId: row.session_id,
    grants: await repo.loadGrants(ctx.db, row.id),
  };
  return user;
}

export async function login(ctx: Context, input: TLogin): Promise<TMe> {
  const now = ctx.clock.now();
  const username = input.username.toLowerCase();
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const failures = await repo.recentFailures(ctx.db, username, ctx.request.ip, since);
  if (failures.byUsername >= MAX_FAILURES_PER_USERNAME || failures.byIp >= MAX_FAILURES_PER_IP) {
    throw new AppError('LOGIN_THROTTLED', {
      message: 'too many failed sign-ins; try again in 15 minutes',
      params: { minutes: THROTTLE_WINDOW_MS / 60_000 },
    });
  }

  const found = await repo.findUserByUsername(ctx.db, username);
  const ok = await verifyPassword(input.password, found?.password_hash ?? (await timingDummyHash()));
  if (!found || !ok || !found.active) {
    await repo.recordAttempt(ctx.db, { username, ip: ctx.request.ip, succeeded: false, at: now });
    throw new AppError('INVALID_CREDENTIALS', { message: 'wrong username or password' });
  }
  await repo.recordAttempt(ctx.db, { username, ip: ctx.request.ip, succeeded: true, at: now });

  // Rotate: whatever session the browser held before is ended, a fresh token is issued.
  if (ctx.cookies.sessionToken) await repo.deleteSession(ctx.db, hashToken(ctx.cookies.sessionToken));
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await repo.insertSession(ctx.db, {
    id: hashToken(token),
    userId: found.id,
    expiresAt,
    ip: ctx.request.ip,
    userAgent: ctx.request.userAgent,
  });
  ctx.cookies.setSession(token, expiresAt);

  const user: SessionUser = {
    id: found.id,
    username: found.username,
    displayName: found.display_name,
    sessionId: hashToken(token),
    grants: await repo.loadGrants(ctx.db, found.id),
  };
  return me({ ...ctx, user, ability: defineAbilityFor(user) });
}

export async function logout(ctx: Context): Promise<{ ok: true }> {
  if (ctx.cookies.sessionToken) await repo.deleteSession(ctx.db, hashToken(ctx.cookies.sessionToken));
  ctx.cookies.clearSession();
  return { ok: true };
}

export async function me(ctx: AuthedContext): Promise<TMe> {
  const { user } = ctx;
  const unitGrant = user.grants.find((g) => g.unitId !== null);
  return {
    user: { id: user.id, username: user.username, displayName: user.displayName },
    roles: await loadRoleAssignments(ctx.db, [user.id]).then((m) => m.get(user.id) ?? []),
    scope: {
      officeIds: [...new Set(user.grants.filter((g) => g.unitId === null).flatMap((g) => g.officeIds))],
      unitId: unitGrant?.unitId ?? null,
      departmentIds: user.grants.flatMap((g) => (g.departmentId ? [g.departmentId] : [])),
    },
    rules: packAbility(ctx.ability) as unknown[][],
  };
}
