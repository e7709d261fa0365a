import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { seedDemo } from '@wenming/api';
import type { Database } from '@wenming/db';
import { createTestDatabase } from '@wenming/db/testing';
import { LocalDiskStore, SAMPLE_PNG, samplePdf } from '@wenming/storage';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app';

/** Real HTTP against a real listening server, as a browser or any HTTP client would call it. */
let database: Database;
let app: FastifyInstance;
let base: string;
let spaRoot: string;
const logLines: string[] = [];
const ASSET = `export const labels = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `单位 ${i}`))};\n`;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  spaRoot = mkdtempSync(join(tmpdir(), 'wenming-spa-'));
  writeFileSync(join(spaRoot, 'index.html'), '<!doctype html><title>console</title>');
  // As the build leaves an asset: the file, and its brotli and gzip copies beside it.
  mkdirSync(join(spaRoot, 'assets'));
  writeFileSync(join(spaRoot, 'assets', 'app-1a2b.js'), ASSET);
  writeFileSync(join(spaRoot, 'assets', 'app-1a2b.js.br'), brotliCompressSync(ASSET));
  writeFileSync(join(spaRoot, 'assets', 'app-1a2b.js.gz'), gzipSync(ASSET));
  const logStream = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  app = await buildServer({
    database,
    store: new LocalDiskStore(join(spaRoot, 'files')),
    maxUploadBytes: 64 * 1024,
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

  it('sends each asset compressed as the browser accepts it, and as it is to a client that accepts none', async () => {
    const asset = `${base}/console/assets/app-1a2b.js`;
    for (const [accepts, encoding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['identity', null],
    ] as const) {
      // fetch() decodes the body itself, so the text is what the browser runs.
      const res = await fetch(asset, { headers: { 'accept-encoding': accepts } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(res.headers.get('vary')).toContain('accept-encoding');
      expect(res.headers.get('content-type')).toContain('javascript');
      expect(res.headers.get('cache-control')).toContain('immutable');
      expect(await res.text()).toBe(ASSET);
    }
    const brotli = await fetch(asset, { headers: { 'accept-encoding': 'br' } });
    expect(Number(brotli.headers.get('content-length'))).toBeLessThan(Buffer.byteLength(ASSET) / 3);
  });

  it('takes an evidence upload by streaming, refuses oversize and disguised files, and serves attachments only within scope', async () => {
    const { cookie } = await login('unit.admin.1');
    const post = async (bytes: Buffer, name: string, who = cookie) => {
      const form = new FormData();
      form.append('file', new Blob([bytes]), name);
      const res = await fetch(`${base}/api/files`, { method: 'POST', headers: { cookie: who }, body: form });
      return {
        status: res.status,
        body: (await res.json()) as {
          sha256: string;
          name: string;
          mime: string;
          error: { appCode: string };
        },
      };
    };
    const pdf = await post(samplePdf('minutes'), '会议纪要.pdf');
    expect(pdf).toMatchObject({ status: 201, body: { mime: 'application/pdf', name: '会议纪要.pdf' } });
    expect((await post(Buffer.alloc(65 * 1024, 65), 'big.txt')).body.error.appCode).toBe('FILE_TOO_LARGE');
    expect(
      (await post(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 1)]), 'photo.jpg')).body.error.appCode,
    ).toBe('FILE_TYPE_REFUSED');
    expect((await post(SAMPLE_PNG, 'x.png', '')).status).toBe(401);

    const campaigns = await query('campaign.list', { open: true }, cookie);
    const campaignId = campaigns.body.result?.data.items[0]?.id;
    const created = await mutate(
      'evidence.create',
      {
        campaignId,
        kind: 'meeting_minutes',
        title: '纪要',
        eventDate: '2026-11-20',
        attachments: [{ sha256: pdf.body.sha256, name: pdf.body.name }],
      },
      cookie,
    );
    const evidenceId = (created.body.result?.data as unknown as { id: string } | undefined)?.id;
    const url = `${base}/api/download/evidence.file?evidenceId=${evidenceId}&position=0`;
    const own = await fetch(url, { headers: { cookie } });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('application/pdf');
    expect(own.headers.get('content-disposition')).toContain(encodeURIComponent('会议纪要.pdf'));
    expect((await own.text()).startsWith('%PDF')).toBe(true);
    const other = await login('unit.admin.2');
    expect((await fetch(url, { headers: { cookie: other.cookie } })).status).toBe(404);
  });

  it('takes an inspector’s on-site photo and serves it only to those who may see the result', async () => {
    const inspector = await login('office.inspector');
    const form = new FormData();
    form.append('file', new Blob([SAMPLE_PNG]), '现场.png');
    const upload = await fetch(`${base}/api/files`, {
      method: 'POST',
      headers: { cookie: inspector.cookie },
      body: form,
    });
    expect(upload.status).toBe(201);
    const { sha256 } = (await upload.json()) as { sha256: string };
    type Listed = { items: { id: string; kind: string; status: string }[] };
    const listed = (await query('inspection.list', {}, inspector.cookie)).body.result
      ?.data as unknown as Listed;
    const unannounced = listed.items.find((i) => i.kind === 'unannounced' && i.status !== 'completed')!;
    type Detail = { units: { id: string }[]; checklist: { key: string }[] };
    const detail = (await query('inspection.get', { id: unannounced.id }, inspector.cookie)).body.result
      ?.data as unknown as Detail;
    const target = {
      inspectionId: unannounced.id,
      unitId: detail.units[0]!.id,
      itemKey: detail.checklist[0]!.key,
    };
    const recorded = await mutate(
      'inspection.recordResult',
      { ...target, result: 'partly', photos: [sha256] },
      inspector.cookie,
    );
    expect(recorded.status).toBe(200);
    const url = `${base}/api/download/inspection.photo?${new URLSearchParams({ ...target, index: '0' })}`;
    const own = await fetch(url, { headers: { cookie: inspector.cookie } });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/png');
    // The inspected unit learns nothing of an unannounced inspection before it is completed.
    const unit = await login('unit.admin.1');
    expect((await fetch(url, { headers: { cookie: unit.cookie } })).status).toBe(404);
  });

  it('downloads a ledger archive with its length known, and a survey link as a QR code', async () => {
    const { cookie } = await login('unit.admin.1');
    const campaigns = await query('campaign.list', { open: true }, cookie);
    const campaignId = campaigns.body.result?.data.items[0]?.id;
    const zip = await fetch(`${base}/api/download/ledger.zip?campaignId=${campaignId}`, {
      headers: { cookie },
    });
    expect(zip.status).toBe(200);
    const bytes = Buffer.from(await zip.arrayBuffer());
    expect(Number(zip.headers.get('content-length'))).toBe(bytes.length);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    // Written to the end: the archive closes with its end-of-central-directory record.
    expect(bytes.readUInt32LE(bytes.length - 22)).toBe(0x06054b50);
    expect(zip.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''.+\.zip$/);

    const unit = (await query('unit.list', {}, cookie)).body.result?.data.items[0]?.id;
    const created = await mutate(
      'survey.create',
      {
        unitIds: [unit],
        title: { zh: '满意度测评', en: '' },
        audience: 'public',
        questions: [{ id: 'q', kind: 'scale5', title: { zh: '满意度' } }],
        opensOn: '2026-01-01',
        closesOn: '2030-12-31',
      },
      cookie,
    );
    const token = (created.body.result?.data as unknown as { links: { token: string }[] } | undefined)
      ?.links[0]?.token;
    const png = await fetch(`${base}/api/download/survey.qr?token=${token}&format=png`, {
      headers: { cookie },
    });
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const svg = await fetch(`${base}/api/download/survey.qr?token=${token}&format=svg`, {
      headers: { cookie },
    });
    expect(await svg.text()).toMatch(/^<svg/);
    const other = await login('unit.admin.2');
    expect(
      (await fetch(`${base}/api/download/survey.qr?token=${token}`, { headers: { cookie: other.cookie } }))
        .status,
    ).toBe(404);
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
