import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import type { TImportFile } from '@wenming/domain';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import { verifyPassword } from '../auth/password';
import { callerAs, createFixture, type Fixture, failure } from '../testing/index';

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
});
const clock = fixedClock('2027-03-01T02:00:00Z');
const as = (who: keyof Fixture['users']) => callerAs(t.db, f.users[who], { clock });

async function xlsx(rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('单位');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** GB18030 bytes of a text, found through the decoder (Node has no GB18030 encoder). */
function gb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) table.set(decoder.decode(Uint8Array.from([a, b])), [a, b]);
  return Buffer.from(
    [...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)),
  );
}

const header = ['单位编码', '单位名称', '单位类型', '联系人', '科室'];
const unitFile = async (rows: string[][]): Promise<TImportFile> => ({
  kind: 'units',
  fileName: 'units.xlsx',
  dataBase64: await xlsx([['2027年新增单位名单'], header, ...rows]),
  officeId: f.offices.D1,
});

describe('unit import', () => {
  it('previews every row with its problems, and commits nothing while one is wrong', async () => {
    const admin = await as('cityAdmin');
    const file = await unitFile([
      ['QH-NEW-1', '清河一中', '学校', '张老师', '办公室、教务处'],
      ['QH-NEW-2', '清河医院', '工厂', '', ''],
      ['U1', '重名单位', '社区', '', ''],
      ['QH-NEW-1', '再来一次', 'school', '', ''],
    ]);
    const preview = await admin.import.preview(file);
    expect([preview.valid, preview.invalid, preview.missingColumns]).toEqual([1, 3, []]);
    expect(preview.rows.map((r) => [r.row, r.problems.map((p) => `${p.column}:${p.code}`)])).toEqual([
      [3, []],
      [4, ['type:unknown_type']],
      [5, ['code:taken']],
      [6, ['code:duplicate_in_file']],
    ]);
    const before = await t.db.selectFrom('units').select('id').execute();
    const refused = await failure(admin.import.commit(file));
    expect([refused.code, refused.appCode]).toEqual(['BAD_REQUEST', 'IMPORT_INVALID']);
    expect(await t.db.selectFrom('units').select('id').execute()).toHaveLength(before.length);
  });

  it('commits a clean file whole, through the same rules as the form, and refuses the same file twice', async () => {
    const admin = await as('cityAdmin');
    const file = await unitFile([
      ['QH-NEW-1', '清河一中', '学校', '张老师', '办公室、教务处'],
      ['QH-NEW-2', '清河医院', 'hospital', '', ''],
    ]);
    expect(await admin.import.commit(file)).toMatchObject({ kind: 'units', created: 2 });
    const unit = await t.db
      .selectFrom('units')
      .selectAll()
      .where('code', '=', 'QH-NEW-1')
      .executeTakeFirstOrThrow();
    expect([unit.office_id, unit.type, unit.contact_name]).toEqual([f.offices.D1, 'school', '张老师']);
    const departments = await t.db
      .selectFrom('departments')
      .select('name')
      .where('unit_id', '=', unit.id)
      .execute();
    expect(departments.map((d) => d.name).sort()).toEqual(['办公室', '教务处']);
    const history = await admin.unit.statusHistory({ id: unit.id });
    expect(history.items.map((h) => h.action)).toEqual(['initial']);

    expect((await admin.import.preview(file)).alreadyImported).toMatchObject({ rows: 2 });
    const again = await failure(admin.import.commit(file));
    expect([again.code, again.appCode]).toEqual(['CONFLICT', 'IMPORT_ALREADY_COMMITTED']);
  });

  it('refuses callers who may not register units, and offices outside their reach', async () => {
    const file = await unitFile([['QH-NEW-9', '新单位', '学校', '', '']]);
    expect((await failure((await as('cityAnalyst')).import.preview(file))).code).toBe('FORBIDDEN');
    expect((await failure((await as('unit1Admin')).import.preview(file))).code).toBe('NOT_FOUND');
    const foreign = { ...file, officeId: f.offices.C2 };
    expect((await failure((await as('cityAdmin')).import.preview(foreign))).code).toBe('NOT_FOUND');
    const named = await unitFile([['QH-NEW-9', '新单位', '学校', '', '']]);
    const sheet = await xlsx([
      ['单位编码', '单位名称', '单位类型', '所属文明办编码'],
      ['QH-NEW-9', '新单位', '学校', 'C2'],
    ]);
    const preview = await (await as('cityAdmin')).import.preview({ ...named, dataBase64: sheet });
    expect(preview.rows[0]!.problems.map((p) => `${p.column}:${p.code}`)).toEqual([
      'officeCode:office_not_found',
    ]);
  });
});

describe('user import', () => {
  it('reads a CSV saved by Chinese Excel (GB18030), resolves each role, never echoes passwords', async () => {
    const csv = [
      '用户名,姓名,角色,单位编码,科室,初始密码',
      'zhang.san,张三,单位职工,U1,,initial-pass-1',
      'li.si,李四,科室负责人,U1,科室A,initial-pass-2',
      'wang.wu,王五,单位职工,U4,,initial-pass-3',
      'zhao.liu,赵六,文明办督查员,,,initial-pass-4',
    ].join('\r\n');
    const file: TImportFile = {
      kind: 'users',
      fileName: '职工.csv',
      dataBase64: gb18030(csv).toString('base64'),
      officeId: f.offices.C,
    };
    const admin = await as('cityAdmin');
    const preview = await admin.import.preview(file);
    expect(preview.rows.map((r) => [r.values.displayName, r.problems.map((p) => p.code)])).toEqual([
      ['张三', []],
      ['李四', []],
      ['王五', ['unit_not_found']],
      ['赵六', []],
    ]);
    expect(JSON.stringify(preview)).not.toContain('initial-pass');

    const clean = {
      ...file,
      dataBase64: gb18030(csv.split('\r\n').toSpliced(3, 1).join('\r\n')).toString('base64'),
    };
    expect(await admin.import.commit(clean)).toMatchObject({ created: 3 });
    const li = await admin.user.list({ q: 'li.si' });
    expect(li.items[0]!.roles).toMatchObject([{ role: 'unit_department_head', departmentName: '科室A' }]);
    const stored = await t.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'zhang.san')
      .executeTakeFirstOrThrow();
    expect(await verifyPassword('initial-pass-1', stored.password_hash)).toBe(true);
  });

  it('lets a campaign office import its own staff only', async () => {
    const csv =
      '用户名,姓名,角色,单位编码,初始密码\nstaff.one,职工一,职工,U1,initial-pass-1\nboss,局长,文明办管理员,,initial-pass-2\n';
    const file: TImportFile = {
      kind: 'users',
      fileName: 'staff.csv',
      dataBase64: Buffer.from(csv).toString('base64'),
    };
    const preview = await (await as('unit1Admin')).import.preview(file);
    expect(preview.rows.map((r) => r.problems.map((p) => p.code))).toEqual([[], ['office_not_found']]);
  });
});

describe('files that are not what they claim', () => {
  const send = async (fileName: string, data: Buffer) =>
    failure(
      (await as('cityAdmin')).import.preview({
        kind: 'units',
        fileName,
        dataBase64: data.toString('base64'),
        officeId: f.offices.D1,
      }),
    );

  it('refuses a decompression bomb, an oversize file, garbage and an empty file with clear errors', async () => {
    const zip = new ZipFile();
    zip.addBuffer(Buffer.from('<workbook/>'), 'xl/workbook.xml');
    zip.addBuffer(Buffer.alloc(60 * 1024 * 1024, 'a'), 'xl/sharedStrings.xml');
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    const bomb = await (await as('cityAdmin')).import
      .preview({
        kind: 'units',
        fileName: 'bomb.xlsx',
        dataBase64: Buffer.concat(chunks).toString('base64'),
        officeId: f.offices.D1,
      })
      .catch((e: { cause: { code: string; params: { reason: string } } }) => e.cause);
    expect(bomb).toMatchObject({
      code: 'IMPORT_FILE_UNREADABLE',
      params: { reason: expect.stringContaining('unzips to more than 50 MB') },
    });

    const big = await failure(
      (await as('cityAdmin')).import.preview({
        kind: 'units',
        fileName: 'big.csv',
        dataBase64: 'A'.repeat(1_000_000),
      }),
    );
    expect(big.code).toBe('BAD_REQUEST');
    expect((await send('units.xlsx', Buffer.from('%PDF-1.7 not a workbook'))).appCode).toBe(
      'FILE_TYPE_REFUSED',
    );
    expect((await send('units.csv', Buffer.alloc(0))).code).toBe('BAD_REQUEST');
    const tall = `单位编码,单位名称,单位类型\n${'X1,名,学校\n'.repeat(2_001)}`;
    expect((await send('tall.csv', Buffer.from(tall))).appCode).toBe('IMPORT_TOO_MANY_ROWS');
  });
});
