import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { type TFrameworkFile, validateFramework } from '@wenming/domain';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { frameworkToXlsx, xlsxToFramework } from './xlsx';
import { COLUMNS, HEADER_FIELDS, sheetName } from './xlsx-layout';

const FIXTURES = ['national-unit-2012-trial.json', 'city-unit-template.json', 'generic-six-aspects.json'];
const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`../seed/frameworks/${name}`, import.meta.url), 'utf8')) as TFrameworkFile;

const TABLE_HEADER_ROW = HEADER_FIELDS.length + 2;
const col = (key: (typeof COLUMNS)[number]['key']) => COLUMNS.findIndex((c) => c.key === key) + 1;
const letter = (key: (typeof COLUMNS)[number]['key']) => String.fromCharCode(64 + col(key));

/** Exports, lets the test edit the real workbook with exceljs, and hands back its bytes. */
async function edited(fw: TFrameworkFile, edit: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await frameworkToXlsx(fw)) as unknown as ExcelJS.Buffer);
  edit(wb.worksheets[0]!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const synthetic: TFrameworkFile = {
  code: 'TEST/ALL:OPTIONAL*FIELDS[2025]-with-a-very-long-code',
  name: { zh: '全字段测试体系', en: '' },
  appliesTo: ['unit', 'school', 'community'],
  level: 'city',
  edition: '',
  source: '合成数据 | synthetic\n第二行',
  totalPoints: 110.5,
  basicPoints: 100,
  specialPoints: 10.5,
  passThreshold: 60,
  scoringScale: { zh: 'A/B/C/D = 100/66/33/0 %', en: '' },
  scoringMethods: [
    { zh: '材料审核', en: 'document review' },
    { zh: '实地考察', en: '' },
  ],
  exemptions: [],
  termRules: { zh: '三年一届', en: 'three-year term; renewal by review' },
  notes: '多行备注\n第二行',
  vetoItems: [
    { code: 'V1', zh: '重大事故', en: 'Major accident', reconstructed: true },
    { code: 'V2', zh: '违法违纪', en: '', reconstructed: false },
    { code: 'V3', zh: '失信', en: 'Dishonesty' },
  ],
  categories: [
    {
      code: '1',
      name: { zh: '基础指标', en: 'Basic' },
      points: 100,
      reconstructed: false,
      reconstructedFields: [],
      indicators: [
        {
          code: '1.1',
          name: { zh: '组织领导', en: 'Leadership' },
          points: 60.25,
          criteria: { zh: '有领导小组', en: '' },
          method: { zh: '材料审核', en: 'document review' },
          evidence: [],
          veto: true,
          evidenceSource: '',
          reconstructed: true,
          reconstructedFields: ['points', 'criteria'],
        },
        {
          code: '1.2',
          name: { zh: '志愿服务', en: 'Volunteering' },
          points: 39.75,
          criteria: { zh: '注册志愿者比例', en: 'Share of registered volunteers' },
          method: { zh: '网络查看', en: 'online check' },
          evidence: ['名册', '活动记录'],
          veto: false,
          evidenceSource: '《测评体系》2025 版',
          reconstructedFields: [],
        },
      ],
    },
    {
      code: '2',
      name: { zh: '特色指标', en: 'Special' },
      points: 10.5,
      reconstructed: true,
      reconstructedFields: ['points'],
      indicators: [
        {
          code: '2.1',
          name: { zh: '创新做法', en: 'Innovation' },
          points: 10.5,
          criteria: { zh: '有特色', en: 'Distinctive' },
          method: { zh: '实地考察', en: 'site visit' },
          evidence: ['案例材料'],
          veto: false,
        },
      ],
    },
  ],
};

describe('frameworkToXlsx / xlsxToFramework', () => {
  it.each(FIXTURES)('round-trips %s losslessly', async (name) => {
    const fw = load(name);
    expect(validateFramework(fw).ok).toBe(true);
    const back = await xlsxToFramework(await frameworkToXlsx(fw));
    expect(back).toStrictEqual({ ok: true, framework: fw });
  });

  it('round-trips every optional field, empty strings and empty lists', async () => {
    expect(validateFramework(synthetic).ok).toBe(true);
    const bytes = await frameworkToXlsx(synthetic);
    expect(await xlsxToFramework(bytes)).toStrictEqual({ ok: true, framework: synthetic });
    expect(await xlsxToFramework(new Uint8Array(bytes))).toStrictEqual({ ok: true, framework: synthetic });
  });

  it('writes one sheet named after the code, a frozen bold table header and the header block', async () => {
    const fw = load('national-unit-2012-trial.json');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await frameworkToXlsx(fw)) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([fw.code]);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('体系编码 / Code');
    expect(ws.getCell('C1').value).toBe(fw.code);
    expect(ws.getRow(TABLE_HEADER_ROW - 1).values).toEqual([]);
    const header = ws.getRow(TABLE_HEADER_ROW);
    expect(header.getCell(1).value).toBe('类别编码 / Category code');
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: TABLE_HEADER_ROW });
    const indicators = fw.categories.flatMap((c) => c.indicators);
    expect(ws.getCell(TABLE_HEADER_ROW + 1, col('code')).value).toBe(indicators[0]!.code);
    expect(ws.rowCount).toBe(TABLE_HEADER_ROW + indicators.length);

    const veto = await frameworkToXlsx(synthetic);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(veto as unknown as ExcelJS.Buffer);
    const ws2 = wb2.worksheets[0]!;
    expect(ws2.name).toBe(sheetName(synthetic.code));
    expect(ws2.name.length).toBeLessThanOrEqual(31);
    expect(ws2.name).not.toMatch(/[\\/?*[\]:]/);
    const vetoRow = HEADER_FIELDS.findIndex((f) => f.key === 'vetoItems') + 1;
    expect(ws2.getCell(vetoRow, 3).value).toBe(
      'V1 | 重大事故 | Major accident | reconstructed\nV2 | 违法违纪 |  | not reconstructed\nV3 | 失信 | Dishonesty',
    );
    expect(ws2.getCell(TABLE_HEADER_ROW + 1, col('veto')).value).toBe('是');
    expect(ws2.getCell(TABLE_HEADER_ROW + 1, col('c.reconstructedFields')).value).toBe('[]');
    expect(ws2.getCell(TABLE_HEADER_ROW + 3, col('c.reconstructed')).value).toBe('是');
    expect(ws2.getCell(TABLE_HEADER_ROW + 3, col('reconstructed')).value).toBeNull();
  });

  it('names the category row and the ≠ rule when an indicator edit breaks the category sum', async () => {
    const fw = load('city-unit-template.json');
    // A category past the first with two indicators, so the edited row is not the category's own row.
    const ci = fw.categories.findIndex((c, i) => i > 0 && c.indicators.length > 1);
    expect(ci).toBeGreaterThan(0);
    const before = fw.categories.slice(0, ci).reduce((acc, c) => acc + c.indicators.length, 0);
    const firstRowOfCategory = TABLE_HEADER_ROW + 1 + before;
    const target = firstRowOfCategory + 1;
    const bytes = await edited(fw, (ws) => {
      const cell = ws.getCell(target, col('points'));
      cell.value = Number(cell.value) + 1;
    });
    const result = await xlsxToFramework(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rowErrors).toHaveLength(1);
    expect(result.rowErrors[0]).toMatchObject({
      sheet: sheetName(fw.code),
      row: firstRowOfCategory,
      column: letter('c.points'),
    });
    expect(result.rowErrors[0]!.message).toContain('≠');
    expect(result.rowErrors[0]!.message).toContain(`categories[${ci}].points`);
  });

  it('names row and column of an unparseable cell, and of a bad flag', async () => {
    const fw = load('city-unit-template.json');
    const row = TABLE_HEADER_ROW + 3;
    const bytes = await edited(fw, (ws) => {
      ws.getCell(row, col('points')).value = 'abc';
      ws.getCell(row + 1, col('veto')).value = 'maybe';
      ws.getCell(row + 2, col('criteria.zh')).value = null;
    });
    const result = await xlsxToFramework(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const sheet = sheetName(fw.code);
    expect(result.rowErrors).toContainEqual({
      sheet,
      row,
      column: letter('points'),
      message: expect.stringContaining('abc'),
    });
    expect(result.rowErrors).toContainEqual({
      sheet,
      row: row + 1,
      column: letter('veto'),
      message: expect.stringContaining('maybe'),
    });
    expect(result.rowErrors).toContainEqual({
      sheet,
      row: row + 2,
      column: letter('criteria.zh'),
      message: expect.stringContaining('必填 / required'),
    });
    // The unparseable cell is reported once, not again as a missing number.
    expect(result.rowErrors.filter((e) => e.row === row)).toHaveLength(1);
  });

  it('maps header-block problems to their row', async () => {
    const fw = load('generic-six-aspects.json');
    const totalRow = HEADER_FIELDS.findIndex((f) => f.key === 'totalPoints') + 1;
    const thresholdRow = HEADER_FIELDS.findIndex((f) => f.key === 'passThreshold') + 1;
    const bytes = await edited(fw, (ws) => {
      ws.getCell(totalRow, 3).value = 99;
      ws.getCell(thresholdRow, 3).value = 120;
    });
    const result = await xlsxToFramework(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rowErrors.map((e) => [e.row, e.column])).toEqual([
      [totalRow, 'C'],
      [thresholdRow, 'C'],
    ]);
    expect(result.rowErrors[0]!.message).toContain('≠');
  });

  it('lets later rows of a category leave the category cells empty, but not contradict them', async () => {
    const fw = load('national-unit-2012-trial.json');
    const second = TABLE_HEADER_ROW + 2;
    const blanked = await edited(fw, (ws) => {
      for (const key of ['c.code', 'c.name.zh', 'c.points'] as const)
        ws.getCell(second, col(key)).value = null;
    });
    expect(await xlsxToFramework(blanked)).toStrictEqual({ ok: true, framework: fw });
    const contradicted = await edited(fw, (ws) => {
      ws.getCell(second, col('c.name.zh')).value = '别的名称';
    });
    const result = await xlsxToFramework(contradicted);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.rowErrors).toMatchObject([{ row: second, column: letter('c.name.zh') }]);
  });

  it('answers a single clear error for bytes that are not a workbook', async () => {
    const notZip = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const emptyZip = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
    for (const bytes of [notZip, Buffer.alloc(0), emptyZip, zip({ 'hello.txt': 'not a workbook' })]) {
      const result = await xlsxToFramework(bytes);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.rowErrors).toHaveLength(1);
      expect(result.rowErrors[0]!.message).toMatch(/\S/);
    }
    const result = await xlsxToFramework(zip({ 'hello.txt': 'x' }));
    expect(!result.ok && result.rowErrors[0]!.message).toContain('not an Excel workbook');
  });

  it('refuses oversized input, decompression bombs and sheets with too many rows', async () => {
    const big = await xlsxToFramework(Buffer.alloc(10 * 1024 * 1024 + 1));
    expect(!big.ok && big.rowErrors[0]!.message).toContain('10 MB');

    const bomb = await xlsxToFramework(
      zip({ 'xl/workbook.xml': '', 'xl/sharedStrings.xml': 'a'.repeat(60 * 1024 * 1024) }),
    );
    expect(!bomb.ok && bomb.rowErrors[0]!.message).toContain('unzips to more than');

    const rows = Array.from(
      { length: 5001 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`,
    ).join('');
    const tall = zip({
      'xl/workbook.xml': '<workbook/>',
      'xl/worksheets/sheet1.xml': `<worksheet><sheetData>${rows}</sheetData></worksheet>`,
    });
    const many = await xlsxToFramework(tall);
    expect(!many.ok && many.rowErrors[0]!.message).toContain('more than 5000 rows');
  });
});

/** A minimal deflate zip writer, so the guards are tested on real zip bytes exceljs did not make. */
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const raw = Buffer.from(content);
    const packed = deflateRawSync(raw);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
