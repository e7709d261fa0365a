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
/** A browser's own wrong guesses before it is trusted no more (see `trustedDevice`). */
export const MAX_FAILURES_PER_DEVICE = 10;
/** A browser not signed in from for this long is a new browser again. */
export const DEVICE_TTL_MS = 180 * 24 * 3600_000;

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
    grants: row.grants,
    generation: row.generation,
  };
  return user;
}

/**
 * The hash of the browser's device token when the browser signed in to this account before
 * (OWASP "device cookies"), else null. Forged tokens and other accounts' tokens are null.
 */
async function trustedDevice(ctx: Context, username: string, now: Date): Promise<string | null> {
  const token = ctx.cookies.deviceToken;
  if (!token || token.length > 100) return null;
  const id = hashToken(token);
  const since = new Date(now.getTime() - DEVICE_TTL_MS);
  return (await repo.isDeviceTrusted(ctx.db, id, username, since)) ? id : null;
}

/** After a successful sign-in: trust this browser for the account, renewing its cookie. */
async function rememberDevice(ctx: Context, username: string, now: Date) {
  if (!ctx.cookies.setDevice) return;
  const since = new Date(now.getTime() - DEVICE_TTL_MS);
  // One token per browser, shared by the accounts signed in there (a shared office computer);
  // a token this server did not issue, or no longer honours, is never adopted.
  let token = ctx.cookies.deviceToken;
  if (!token || token.length > 100 || !(await repo.isDeviceIssued(ctx.db, hashToken(token), since))) {
    token = randomBytes(32).toString('base64url');
  }
  await repo.rememberDevice(ctx.db, { tokenHash: hashToken(token), username, at: now });
  await repo.forgetStaleDevices(ctx.db, username, since);
  ctx.cookies.setDevice(token, new Date(now.getTime() + DEVICE_TTL_MS));
}

export async function login(ctx: Context, input: TLogin): Promise<TMe> {
  const now = ctx.clock.now();
  const username = input.username.toLowerCase();
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const device = await trustedDevice(ctx, username, now);
  const ip = ctx.request.ip;
  const failures = await repo.recentFailures(ctx.db, { username, ip, device, since });
  // A browser that signed in here before answers only for its own guesses, so strangers
  // guessing the password from anywhere cannot lock the owner out; other browsers meet the
  // account-wide limit. The address limit holds for all.
  const accountLimited = device
    ? failures.byDevice >= MAX_FAILURES_PER_DEVICE
    : failures.byUsername >= MAX_FAILURES_PER_USERNAME;
  if (accountLimited || failures.byIp >= MAX_FAILURES_PER_IP) {
    throw new AppError('LOGIN_THROTTLED', {
      message: 'too many failed sign-ins; try again in 15 minutes',
      params: { minutes: THROTTLE_WINDOW_MS / 60_000 },
    });
  }

  const found = await repo.findUserByUsername(ctx.db, username);
  const ok = await verifyPassword(input.password, found?.password_hash ?? (await timingDummyHash()));
  if (!found || !ok || !found.active) {
    await repo.recordAttempt(ctx.db, { username, ip, device, succeeded: false, at: now });
    // A device that keeps guessing is trusted no more: a stolen cookie buys a few guesses,
    // not a few per window forever.
    if (device && failures.byDevice + 1 >= MAX_FAILURES_PER_DEVICE) {
      await repo.forgetDevice(ctx.db, device, username);
    }
    throw new AppError('INVALID_CREDENTIALS', { message: 'wrong username or password' });
  }
  await repo.recordAttempt(ctx.db, { username, ip, device, succeeded: true, at: now });

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
  await rememberDevice(ctx, found.username, now);

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
