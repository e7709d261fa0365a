import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { appRouter } from '@wenming/api';
import { createFixture, FIXTURE_PASSWORD } from '@wenming/api/testing';
import { fixedClock } from '@wenming/core';
import type { Database } from '@wenming/db';
import { createTestDatabase } from '@wenming/db/testing';
import { LocalDiskStore, SAMPLE_PNG } from '@wenming/storage';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app';
import { client, signIn } from './testing/http-client';

/** What an attacker or a careless script can send over HTTP, against a real listening server. */
let database: Database;
let app: FastifyInstance;
let base: string;
let dir: string;
const log: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await createFixture(database.db);
  dir = mkdtempSync(join(tmpdir(), 'wenming-abuse-'));
  app = await buildServer({
    database,
    store: new LocalDiskStore(join(dir, 'files')),
    maxUploadBytes: 64 * 1024,
    logger: { level: 'info' },
    logStream: new Writable({
      write(chunk, _enc, done) {
        log.push(String(chunk));
        done();
      },
    }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (path: string, body: string, headers: Record<string, string>) =>
  fetch(`${base}${path}`, { method: 'POST', headers, body });

/** A browser at its own address (behind a trusted proxy): keeps the cookies it is given. */
function browser(origin: () => string, ip: string, cookies: Record<string, string> = {}) {
  const jar = new Map(Object.entries(cookies));
  const call = async (path: string, input: unknown) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': ip };
    if (jar.size > 0) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(`${origin()}/trpc/${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(input),
    });
    const setCookie = res.headers.getSetCookie();
    for (const cookie of setCookie) {
      const pair = cookie.split(';')[0]!;
      jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    const body = (await res.json()) as { error?: { message: string; data?: { appCode?: string } } };
    return {
      status: res.status,
      appCode: body.error?.data?.appCode,
      message: body.error?.message,
      setCookie,
    };
  };
  return {
    jar,
    signIn: (username: string, password: string) => call('auth.login', { username, password }),
    signOut: () => call('auth.logout', {}),
  };
}

describe('sign-in throttling over HTTP cannot lock the owner out (device cookies)', () => {
  const clock = fixedClock('2026-11-27T10:00:00Z');
  let server: FastifyInstance;
  let origin = '';
  beforeAll(async () => {
    // The same database behind a proxy that names each client's address, on a clock the test moves.
    server = await buildServer({
      database,
      store: new LocalDiskStore(join(dir, 'files-lockout')),
      clock,
      trustProxy: true,
      logger: { level: 'info' },
      logStream: new Writable({
        write(chunk, _enc, done) {
          log.push(String(chunk));
          done();
        },
      }),
    });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const address = server.server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await server?.close();
  });
  const at = (ip: string, cookies?: Record<string, string>) => browser(() => origin, ip, cookies);
  let attacker = 0;
  /** A botnet guessing the password, one guess per address. */
  const attack = async (guesses: number) => {
    for (let i = 0; i < guesses; i++) {
      const res = await at(`203.0.113.${attacker++ % 250}`).signIn('d1.admin', `guess-${i}`);
      expect(res.status).toBeGreaterThanOrEqual(400);
    }
  };

  it("lets the owner's browser sign in during an attack from many addresses; new browsers stay blocked until the window passes", async () => {
    const owner = at('198.51.100.70');
    const first = await owner.signIn('d1.admin', FIXTURE_PASSWORD);
    expect(first.status).toBe(200);
    const device = first.setCookie.find((c) => c.startsWith('wenming_device='))!;
    expect(device).toMatch(/; HttpOnly/i);
    expect(device).toMatch(/; SameSite=Lax/i);
    expect(device).toMatch(/; Path=\//);
    const expires = Date.parse(/Expires=([^;]+)/.exec(device)![1]!);
    expect(expires - clock.now().getTime()).toBeGreaterThan(90 * 86_400_000);

    await attack(15);
    const stranger = await at('198.51.100.71').signIn('d1.admin', FIXTURE_PASSWORD);
    expect(stranger).toMatchObject({ status: 429, appCode: 'LOGIN_THROTTLED' });
    // Signing out ends the session, not the browser's standing.
    expect((await owner.signOut()).status).toBe(200);
    for (let minute = 5; minute <= 20; minute += 5) {
      clock.set(new Date(Date.parse('2026-11-27T10:00:00Z') + minute * 60_000));
      await attack(10);
      expect((await at('198.51.100.71').signIn('d1.admin', FIXTURE_PASSWORD)).status).toBe(429);
      expect((await owner.signIn('d1.admin', FIXTURE_PASSWORD)).status).toBe(200);
    }

    // A forged device cookie, and another account's, are no better than none; the refusal reads the same.
    const forged = await at('198.51.100.72', { wenming_device: 'A'.repeat(43) }).signIn(
      'd1.admin',
      FIXTURE_PASSWORD,
    );
    expect(forged).toMatchObject({ status: 429, appCode: 'LOGIN_THROTTLED', message: stranger.message });
    const colleague = at('198.51.100.73');
    expect((await colleague.signIn('city.inspector', FIXTURE_PASSWORD)).status).toBe(200);
    const borrowed = at('198.51.100.74', { wenming_device: colleague.jar.get('wenming_device')! });
    expect((await borrowed.signIn('d1.admin', FIXTURE_PASSWORD)).appCode).toBe('LOGIN_THROTTLED');

    // The attack stops; once the window has passed, any browser signs in again.
    clock.set('2026-11-27T10:36:00Z');
    expect((await at('198.51.100.71').signIn('d1.admin', FIXTURE_PASSWORD)).status).toBe(200);
  });

  it("throttles the owner's browser by its own wrong guesses", async () => {
    clock.set('2026-11-27T12:00:00Z');
    const owner = at('198.51.100.80');
    expect((await owner.signIn('d1.admin', FIXTURE_PASSWORD)).status).toBe(200);
    await attack(15);
    for (let i = 0; i < 10; i++) {
      expect((await owner.signIn('d1.admin', `typo-${i}`)).appCode).toBe('INVALID_CREDENTIALS');
    }
    const refused = await owner.signIn('d1.admin', FIXTURE_PASSWORD);
    expect(refused).toMatchObject({ status: 429, appCode: 'LOGIN_THROTTLED' });
  });
});

describe('abuse over HTTP', () => {
  it('refuses a request body over the limit with 413, and keeps serving', async () => {
    const huge = JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'y' });
    const res = await post('/trpc/auth.login', huge, { 'content-type': 'application/json' });
    expect(res.status).toBe(413);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });

  it('refuses cross-site mutations by Origin, by Sec-Fetch-Site, and in a form-like content type', async () => {
    const member = await signIn(base, 'u1.member', FIXTURE_PASSWORD);
    const evil = await member.mutate('auth.logout', {}, { origin: 'https://evil.example' });
    expect(evil).toMatchObject({ status: 403, error: undefined });
    const fetchMeta = await member.mutate('auth.logout', {}, { 'sec-fetch-site': 'cross-site' });
    expect(fetchMeta.status).toBe(403);
    // A cross-site <form> can only send simple content types; a mutation must not accept them.
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await post(
        '/trpc/auth.login',
        JSON.stringify({ username: 'u1.member', password: FIXTURE_PASSWORD }),
        {
          'content-type': type,
        },
      );
      expect(res.status, type).toBeGreaterThanOrEqual(400);
      expect(res.status, type).toBeLessThan(500);
      expect(res.headers.get('set-cookie'), type).toBeNull();
    }
    // The session survived all of it.
    expect((await member.query('auth.me', {})).status).toBe(200);
  });

  it('refuses zero-byte, disguised and path-traversal uploads cleanly, leaving nothing behind', async () => {
    const admin = await signIn(base, 'u1.admin', FIXTURE_PASSWORD);
    const empty = await admin.upload(Buffer.alloc(0), 'empty.pdf');
    expect(empty).toMatchObject({ status: 400, error: { appCode: 'FILE_EMPTY' } });
    // Typed by content, never by name: a shell script named .jpg is kept as the text it is.
    const script = await admin.upload(Buffer.from('#!/bin/sh\nrm -rf /\n'), 'photo.jpg');
    expect(script).toMatchObject({ status: 201, data: { mime: 'text/plain' } });
    const elf = await admin.upload(Buffer.concat([Buffer.from('\x7fELF'), Buffer.alloc(200, 1)]), 'scan.png');
    expect(elf.error?.appCode).toBe('FILE_TYPE_REFUSED');
    const traversal = await admin.upload(SAMPLE_PNG, '../../../etc/passwd.png');
    expect(traversal.status).toBe(201);
    expect(traversal.data!.name).not.toMatch(/[/\\]|\.\./);
    const staged = readdirSync(join(dir, 'files', 'tmp'));
    expect(staged).toEqual([]);
  });

  it('answers wrong-typed input to every procedure over HTTP with a 4xx naming the fields, never a 5xx', async () => {
    const admin = await signIn(base, 'city.admin', FIXTURE_PASSWORD);
    const procedures = Object.entries(
      appRouter._def.procedures as unknown as Record<
        string,
        { _def: { type: string; inputs: { safeParse(v: unknown): { success: boolean } }[] } }
      >,
    );
    // Long strings stay under the URL limit of a GET (a longer one gets 431, also a 4xx).
    const wrong = [['not', 'an', 'object'], 'x'.repeat(5_000), -1e308, null];
    let probed = 0;
    for (const [path, p] of procedures) {
      for (const input of wrong) {
        if (p._def.inputs.every((schema) => schema.safeParse(input).success)) continue;
        const res =
          p._def.type === 'query' ? await admin.query(path, input) : await admin.mutate(path, input);
        probed++;
        expect(res.status, `${path} ${JSON.stringify(input).slice(0, 20)}`).toBe(400);
        expect(Object.keys(res.error?.fields ?? {}).length, path).toBeGreaterThan(0);
      }
    }
    expect(probed).toBeGreaterThan(procedures.length * 3);
  });

  it('throttles sign-in guessing from one address across many accounts (password spraying)', async () => {
    // One address guessing many accounts (password spraying) is stopped by the address limit.
    let throttled = 0;
    for (let i = 0; i < 40; i++) {
      const res = await client(base).mutate('auth.login', {
        username: `nobody.${i}`,
        password: `guess-${i}`,
      });
      if (res.error?.appCode === 'LOGIN_THROTTLED') throttled++;
    }
    expect(throttled).toBeGreaterThan(0);
    const fromHere = await client(base).mutate('auth.login', {
      username: 'u1.admin',
      password: FIXTURE_PASSWORD,
    });
    expect(fromHere.error?.appCode).toBe('LOGIN_THROTTLED');
  });

  it('writes no password, session token or cookie to the log', () => {
    const text = log.join('');
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toContain(FIXTURE_PASSWORD);
    expect(text).not.toMatch(/wenming_session=[A-Za-z0-9_-]{16,}/);
    expect(text).not.toMatch(/wenming_device=[A-Za-z0-9_-]{16,}/);
    expect(text).not.toMatch(/typo-\d/);
    expect(text).not.toMatch(/guess-\d/);
  });
});
