import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { seedDemo } from '@wenming/api';
import type { Database } from '@wenming/db';
import { createTestDatabase } from '@wenming/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app';

/** Real HTTP against a real listening server, as a browser or any HTTP client would call it. */
let database: Database;
let app: FastifyInstance;
let base: string;
let spaRoot: string;
const logLines: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  spaRoot = mkdtempSync(join(tmpdir(), 'wenming-spa-'));
  writeFileSync(join(spaRoot, 'index.html'), '<!doctype html><title>console</title>');
  const logStream = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  app = await buildServer({
    database,
    logger: { level: 'info' },
    logStream,
    spas: [{ prefix: '/console/', root: spaRoot }],
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await app?.close();
  await database?.close();
  rmSync(spaRoot, { recursive: true, force: true });
});

interface TrpcBody {
  result?: { data: { items: { id: string; code: string }[] } };
  error?: { data: { code: string; fields: Record<string, string> } };
}

async function login(username: string, password = 'wenming-demo') {
  const res = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return { res, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '' };
}

async function query(path: string, input: unknown, cookie?: string) {
  const url = `${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await fetch(url, { headers: cookie ? { cookie } : {} });
  return { status: res.status, body: (await res.json()) as TrpcBody };
}

async function mutate(path: string, input: unknown, cookie?: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: (await res.json()) as TrpcBody };
}

describe('HTTP server', () => {
  it('answers health once the database answers', async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: database.engine });
  });

  it('sets an httpOnly, SameSite=Lax session cookie at sign-in', async () => {
    const { res } = await login('office.admin');
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^wenming_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('gives nobody unauthenticated any data', async () => {
    const list = await query('unit.list', {});
    expect(list.status).toBe(401);
    expect(list.body.error?.data.code).toBe('UNAUTHORIZED');
    expect(list.body.result).toBeUndefined();
  });

  it('keeps a unit admin, calling the API directly with their cookie, out of another unit', async () => {
    const { cookie } = await login('unit.admin.1');
    const own = await query('unit.list', {}, cookie);
    expect(own.body.result?.data.items.map((u) => u.code)).toEqual(['QH-SWJ']);
    const admin = await login('office.admin');
    const all = await query('unit.list', { limit: 100 }, admin.cookie);
    const court = all.body.result?.data.items.find((u) => u.code === 'YS-FY');
    const read = await query('unit.get', { id: court?.id }, cookie);
    expect(read.status).toBe(404);
    expect(read.body.error?.data.code).toBe('NOT_FOUND');
    const write = await mutate('unit.update', { id: court?.id, version: 1, name: '篡改' }, cookie);
    expect(write.status).toBe(404);
  });

  it('lets an analyst read but change nothing', async () => {
    const { cookie } = await login('analyst');
    const list = await query('unit.list', {}, cookie);
    expect(list.body.result?.data.items.length).toBeGreaterThan(10);
    const unit = list.body.result?.data.items[0];
    const write = await mutate('unit.update', { id: unit?.id, version: 1, name: '篡改' }, cookie);
    expect(write.status).toBe(403);
    expect(write.body.error?.data.code).toBe('FORBIDDEN');
  });

  it('answers bad input with 400 naming the field, never a stack trace or SQL', async () => {
    const { cookie } = await login('office.admin');
    const res = await mutate(
      'unit.create',
      { officeId: 'not-a-uuid', code: '', name: 'x', type: 'school' },
      cookie,
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error?.data.fields ?? {})).toEqual(
      expect.arrayContaining(['officeId', 'code']),
    );
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/stack|at \w+ \(|select |insert /i);
  });

  it('refuses mutations from another origin', async () => {
    const { cookie } = await login('office.admin');
    const res = await mutate('auth.logout', {}, cookie, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    const still = await query('auth.me', {}, cookie);
    expect(still.status).toBe(200);
    const sameOrigin = await mutate('auth.logout', {}, cookie, { origin: base });
    expect(sameOrigin.status).toBe(200);
    expect((await query('auth.me', {}, cookie)).status).toBe(401);
  });

  it('serves the SPA with security headers, and its client routes from index.html', async () => {
    for (const path of ['/console/', '/console/units/123']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>console</title>');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    }
  });

  it('never writes passwords, session tokens or cookies to the log', async () => {
    const { cookie } = await login('office.admin');
    await query('auth.me', {}, cookie);
    await login('office.admin', 'a-wrong-password');
    const log = logLines.join('');
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain('wenming-demo');
    expect(log).not.toContain('a-wrong-password');
    expect(log).not.toContain(cookie.split('=')[1]);
  });
});
