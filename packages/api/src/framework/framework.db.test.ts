import { readdirSync, readFileSync } from 'node:fs';
import { useTestDb } from '@wenming/db/testing';
import type { TFrameworkFile } from '@wenming/domain';
import { describe, expect, it } from 'vitest';
import { callerAs, createFixture, type Fixture, failure } from '../testing/index';

const dir = new URL('../seed/frameworks/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((name) => ({ name, json: JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as TFrameworkFile }));
const clone = <T>(v: T): T => structuredClone(v);

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
});

async function problemsOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { code?: string; fields?: Record<string, string> } }).cause;
    return { code: cause?.code, fields: cause?.fields ?? {} };
  }
  throw new Error('expected the import to be refused');
}

describe('framework import', () => {
  it.each(files)(
    'imports $name unchanged, and exports it back equal (reconstructed flags included)',
    async ({ name, json }) => {
      const admin = await callerAs(t.db, f.users.cityAdmin);
      const result = await admin.framework.import({ file: json, fileName: name });
      expect(result.status).toBe('created');
      expect(result.framework).toMatchObject({ code: json.code, version: 1, totalPoints: json.totalPoints });
      expect(await admin.framework.export({ id: result.framework.id })).toEqual(json);
      const detail = await admin.framework.get({ code: json.code });
      expect(Object.keys(detail.indicatorIds)).toHaveLength(
        json.categories.reduce((n, c) => n + c.indicators.length, 0),
      );
    },
  );

  it('counts reconstructed parts so the UI can mark them', async () => {
    const admin = await callerAs(t.db, f.users.cityAdmin);
    const six = files.find((x) => x.json.code === 'CN-PROV-UNIT-SIX-ASPECTS')!;
    const { framework } = await admin.framework.import({ file: six.json });
    // Every category has reconstructed points and every indicator is reconstructed.
    expect(framework.reconstructedParts).toBe(12);
  });

  it('imports the same content again as a no-op, and a changed file only as a new version', async () => {
    const admin = await callerAs(t.db, f.users.cityAdmin);
    const { json } = files[0]!;
    await admin.framework.import({ file: json });
    expect((await admin.framework.import({ file: clone(json) })).status).toBe('unchanged');
    const changed = clone(json);
    changed.notes = `${changed.notes ?? ''} (revised)`;
    expect(await failure(admin.framework.import({ file: changed }))).toEqual({
      code: 'CONFLICT',
      appCode: 'FRAMEWORK_EXISTS',
    });
    const second = await admin.framework.import({ file: changed, newVersion: true });
    expect(second).toMatchObject({ status: 'new_version', framework: { version: 2 } });
    expect((await admin.framework.get({ code: json.code, version: 1 })).file).toEqual(json);
    expect((await admin.framework.get({ code: json.code })).version).toBe(2);
    const latest = await admin.framework.list({ latestOnly: true });
    expect(latest.items.filter((x) => x.code === json.code).map((x) => x.version)).toEqual([2]);
  });

  const base = files.find((x) => x.json.code === 'CN-NAT-UNIT-2012T')!.json;
  const broken: [string, (fw: TFrameworkFile) => void, string, RegExp][] = [
    [
      'a category sum',
      (fw) => (fw.categories[2]!.points += 3),
      'categories[2].points',
      /11 ≠ 8, the sum of its indicators/,
    ],
    ['the total', (fw) => (fw.totalPoints = 120), 'totalPoints', /120 ≠ 100/],
    [
      'a duplicate code',
      (fw) => (fw.categories[1]!.indicators[0]!.code = fw.categories[0]!.code),
      'categories[1].indicators[0].code',
      /already used at categories\[0\]\.code/,
    ],
    [
      'basic + special',
      (fw) => Object.assign(fw, { basicPoints: 80, specialPoints: 10 }),
      'basicPoints',
      /= 90 ≠ totalPoints 100/,
    ],
    ['the pass threshold', (fw) => (fw.passThreshold = 101), 'passThreshold', /outside 0 … 100/],
    [
      'an unknown key',
      (fw) => Object.assign(fw.categories[0]!, { weight: 3 }),
      'categories[0].weight',
      /unknown key "weight"/,
    ],
    ['a missing field', (fw) => delete (fw as Partial<TFrameworkFile>).source, 'source', /./],
    [
      'a wrong type',
      (fw) => Object.assign(fw.categories[0]!.indicators[0]!, { points: '4' }),
      'categories[0].indicators[0].points',
      /./,
    ],
  ];
  it.each(broken)(
    'refuses a file breaking %s, naming the path and the rule, importing nothing',
    async (_what, breakIt, path, message) => {
      const admin = await callerAs(t.db, f.users.cityAdmin);
      const file = clone(base);
      breakIt(file);
      const refused = await problemsOf(admin.framework.import({ file, fileName: 'broken.json' }));
      expect(refused.code).toBe('FRAMEWORK_INVALID');
      expect(refused.fields[path]).toMatch(message);
      expect(
        await t.db.selectFrom('frameworks').select('id').where('code', '=', base.code).execute(),
      ).toEqual([]);
      const indicators = await t.db
        .selectFrom('framework_indicators')
        .select('id')
        .where('code', 'like', 'N%')
        .execute();
      expect(indicators).toEqual([]);
    },
  );

  it('accepts other editions of the format: bonus points, scales, exemptions, term rules', async () => {
    const admin = await callerAs(t.db, f.users.cityAdmin);
    const fw = clone(base);
    fw.code = 'XX-PROV-2020';
    fw.categories.push({
      code: 'S1',
      name: { zh: '特色工作', en: 'Distinctive work' },
      points: 10,
      indicators: [
        {
          code: 'S1.1',
          name: { zh: '创新做法', en: 'Innovation' },
          points: 10,
          criteria: { zh: '有特色', en: '' },
          method: { zh: '材料审核', en: '' },
          evidence: [],
          veto: false,
        },
      ],
    });
    Object.assign(fw, {
      totalPoints: 110,
      basicPoints: 100,
      specialPoints: 10,
      passThreshold: 85,
      scoringScale: { zh: 'A/B/C/D = 100/66/33/0 %', en: 'A/B/C/D' },
      exemptions: [{ zh: '无窗口单位不测评优质服务', en: 'no counter' }],
      termRules: { zh: '三年一届', en: 'three-year term' },
      vetoItems: [{ code: 'V1', zh: '发生重大安全责任事故', en: 'major safety accident' }],
    });
    const { framework } = await admin.framework.import({ file: fw });
    const detail = await admin.framework.get({ id: framework.id });
    expect(detail.specialCategories).toEqual(['S1']);
    expect(detail.stats).toEqual({ categories: 14, indicators: 17, vetoItems: 1, totalPoints: 110 });
    expect(detail.file).toEqual(fw);
  });

  it('lets only office admins import', async () => {
    for (const who of ['cityInspector', 'cityAnalyst', 'unit1Admin'] as const) {
      const caller = await callerAs(t.db, f.users[who]);
      expect((await failure(caller.framework.import({ file: base }))).code, who).toBe('FORBIDDEN');
    }
  });
});

describe('framework publication', () => {
  it('applies the nearest office’s publication for a level and unit type, inherited downwards', async () => {
    const admin = await callerAs(t.db, f.users.cityAdmin);
    const [a, b] = [files[0]!.json, files[1]!.json];
    const fa = (await admin.framework.import({ file: a })).framework;
    const fb = (await admin.framework.import({ file: b })).framework;
    await admin.framework.publish({ officeId: f.offices.C, frameworkId: fa.id, targetLevel: 'city' });
    const d1 = await callerAs(t.db, f.users.district1Admin);
    await d1.framework.publish({
      officeId: f.offices.D1,
      frameworkId: fb.id,
      targetLevel: 'city',
      unitTypes: ['school'],
    });

    const inD1 = await d1.framework.assignments({ officeId: f.offices.D1 });
    const cityLevel = (items: typeof inD1.items) => items.filter((i) => i.targetLevel === 'city');
    expect(cityLevel(inD1.items).map((i) => [i.officeId, i.unitType, i.framework.code])).toEqual([
      [f.offices.D1, 'school', b.code],
      [f.offices.C, null, a.code],
    ]);
    // A district admin cannot publish for the city above it.
    expect(
      (
        await failure(
          d1.framework.publish({ officeId: f.offices.C, frameworkId: fb.id, targetLevel: 'city' }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    // Re-publishing a slot replaces it.
    await admin.framework.publish({ officeId: f.offices.C, frameworkId: fb.id, targetLevel: 'city' });
    const inC = await admin.framework.assignments({ officeId: f.offices.C });
    expect(cityLevel(inC.items).map((i) => i.framework.code)).toEqual([b.code]);
    // Levels the city did not publish for are inherited from the province.
    expect(inC.items.find((i) => i.targetLevel === 'national')?.officeId).toBe(f.offices.P);
  });
});
