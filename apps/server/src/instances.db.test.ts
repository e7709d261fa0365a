import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFixture, FIXTURE_PASSWORD, type Fixture } from '@wenming/api/testing';
import type { Database } from '@wenming/db';
import { createTestDatabase } from '@wenming/db/testing';
import { LocalDiskStore } from '@wenming/storage';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app';

/**
 * Two instances on one database, over real HTTP, as behind a load balancer: each remembers
 * the sessions it read, and a change made through one must hold on the other at once.
 */
let database: Database;
let f: Fixture;
const apps: FastifyInstance[] = [];
const bases: string[] = [];
const files = mkdtempSync(join(tmpdir(), 'wenming-instances-'));

beforeAll(async () => {
  database = await createTestDatabase();
  f = await createFixture(database.db);
  for (let i = 0; i < 2; i++) {
    const app = await buildServer({
      database,
      store: new LocalDiskStore(files),
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    apps.push(app);
    bases.push(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
  }
});

afterAll(async () => {
  for (const app of apps) await app.close();
  await database?.close();
  rmSync(files, { recursive: true, force: true });
});

type Body = { result?: { data: Record<string, unknown> }; error?: { data: { code: string } } };

async function call(instance: number, path: string, input: unknown, cookie: string, mutation = false) {
  const url = `${bases[instance]}/trpc/${path}`;
  const res = mutation
    ? await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify(input),
      })
    : await fetch(`${url}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie } });
  return { status: res.status, body: (await res.json()) as Body };
}

async function login(instance: number, username: string) {
  const res = await fetch(`${bases[instance]}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: FIXTURE_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

const me = async (instance: number, cookie: string) => call(instance, 'auth.me', {}, cookie);

describe('two instances, one database', () => {
  it('refuses a session on one instance right after it was signed out through the other', async () => {
    const cookie = await login(0, 'u1.admin');
    expect((await call(1, 'unit.list', {}, cookie)).status).toBe(200);
    expect((await call(0, 'auth.logout', {}, cookie, true)).status).toBe(200);
    expect((await call(1, 'unit.list', {}, cookie)).status).toBe(401);
  });

  it('refuses an account switched off through the other instance at its next request', async () => {
    const member = await login(0, 'u1.member');
    expect((await me(1, member)).status).toBe(200);
    const admin = await login(0, 'city.admin');
    const user = await call(0, 'user.get', { id: f.users.unit1Member }, admin);
    const version = user.body.result!.data.version;
    const off = await call(
      0,
      'user.update',
      { id: f.users.unit1Member, version, active: false },
      admin,
      true,
    );
    expect(off.status).toBe(200);
    expect((await me(1, member)).status).toBe(401);
  });

  it('applies a role given through one instance on the other at once', async () => {
    const district = await login(1, 'd1.admin');
    const before = await me(1, district);
    expect((before.body.result!.data.scope as { officeIds: string[] }).officeIds).toEqual([f.offices.D1]);
    const admin = await login(0, 'city.admin');
    const given = await call(
      0,
      'user.assignRole',
      { userId: f.users.district1Admin, role: 'office_admin', officeId: f.offices.D2 },
      admin,
      true,
    );
    expect(given.status).toBe(200);
    const after = await me(1, district);
    expect((after.body.result!.data.scope as { officeIds: string[] }).officeIds.sort()).toEqual(
      [f.offices.D1, f.offices.D2].sort(),
    );
  });
});
