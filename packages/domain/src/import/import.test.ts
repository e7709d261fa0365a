import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv';
import { readTable, unitRow, userRow } from './rows';

describe('CSV', () => {
  it('reads what Excel writes: BOM, quotes, commas and line breaks inside quotes, CRLF', () => {
    const text = '\uFEFF单位编码,单位名称\r\n"A,1","第一""小学""\n分校"\r\n,\r\nB2,二中';
    expect(parseCsv(text)).toEqual([
      ['单位编码', '单位名称'],
      ['A,1', '第一"小学"\n分校'],
      ['', ''],
      ['B2', '二中'],
    ]);
  });

  it('writes what it reads back', () => {
    const rows = [
      ['a,b', 'say "hi"'],
      ['line\nbreak', ''],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});

describe('readTable', () => {
  it('finds the header by Chinese, English or key, below a title row, and names sheet rows', () => {
    const sheet = readTable('units', [
      ['2027年新增单位'],
      ['Unit code', '单位名称*', 'type', '备注'],
      ['QH-1', '一中', '学校', '不导入'],
      ['', '', '', ''],
      ['QH-2', '二中', 'school'],
    ]);
    expect(sheet.columns).toEqual(['code', 'name', 'type']);
    expect(sheet.missingColumns).toEqual([]);
    expect(sheet.rows).toEqual([
      { row: 3, values: { code: 'QH-1', name: '一中', type: '学校' } },
      { row: 5, values: { code: 'QH-2', name: '二中', type: 'school' } },
    ]);
  });

  it('says which required columns are missing', () => {
    expect(readTable('users', [['用户名', '姓名']]).missingColumns).toEqual(['role', 'password']);
  });
});

describe('rows', () => {
  it('checks a unit row with the registration schema and names the column at fault', () => {
    expect(
      unitRow({ code: 'QH-1', name: '一中', type: '学校', departments: '办公室、教务处' }).draft,
    ).toMatchObject({
      type: 'school',
      departments: ['办公室', '教务处'],
    });
    const bad = unitRow({ code: 'QH 1', type: '工厂', contactPhone: 'call me' });
    expect(bad.problems.map((p) => `${p.column}:${p.code}`).sort()).toEqual([
      'code:invalid',
      'contactPhone:invalid',
      'name:required',
      'type:unknown_type',
    ]);
  });

  it('checks an account row with the account schema', () => {
    expect(
      userRow({ username: 'wang.fang', displayName: '王芳', role: '单位职工', password: 'long-enough' })
        .draft,
    ).toMatchObject({ role: { role: 'unit_member' } });
    const bad = userRow({ username: 'Wang Fang', displayName: '王芳', role: '局长', password: 'short' });
    expect(bad.problems.map((p) => `${p.column}:${p.code}`).sort()).toEqual([
      'password:invalid',
      'role:unknown_role',
      'username:invalid',
    ]);
  });
});
