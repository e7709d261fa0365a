import { type TFrameworkFile, validateFramework } from '@wenming/domain';
import type ExcelJS from 'exceljs';
import {
  bilingual,
  COLUMNS,
  type ColumnKey,
  cellText,
  EMPTY_LIST,
  HEADER_FIELDS,
  type HeaderKey,
  isBlank,
  LABEL_COL,
  labelMatcher,
  parseFields,
  parseFlag,
  parseList,
  parseNumber,
  parseOptText,
  splitLines,
  splitParts,
  VALUE_COL,
  VETO_NOT_RECONSTRUCTED,
  VETO_RECONSTRUCTED,
} from './xlsx-layout';

export interface XlsxRowError {
  sheet: string;
  /** 1-based sheet row; 0 when the problem is the file itself. */
  row: number;
  /** Column letter, when the problem is one cell. */
  column?: string;
  message: string;
}

export type XlsxImport = { ok: true; framework: TFrameworkFile } | { ok: false; rowErrors: XlsxRowError[] };

type Obj = Record<string, unknown>;

/** Sets `a.b` on an object, creating `a`; undefined is skipped so absent keys stay absent. */
function put(target: Obj, path: string, value: unknown) {
  if (value === undefined) return;
  const [head, tail] = path.split('.') as [string, string | undefined];
  if (tail === undefined) target[head] = value;
  else {
    target[head] ??= {};
    (target[head] as Obj)[tail] = value;
  }
}

export const columnLetter = (col: number) => {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
};

const matchHeader = labelMatcher(HEADER_FIELDS);
const matchColumn = labelMatcher(COLUMNS);
const columnDef = (key: string) => COLUMNS.find((c) => c.key === key);
const CATEGORY_KEYS = COLUMNS.filter((c) => c.key.startsWith('c.')).map((c) => c.key);

interface Sheet {
  ws: ExcelJS.Worksheet;
  fail: (row: number, message: string, column?: number) => void;
}

/** Where a JSON path of the rebuilt file lives on the sheet. */
interface Layout {
  headerRows: Map<HeaderKey, number>;
  tableHeaderRow: number;
  columns: Map<ColumnKey, number>;
  categoryRows: number[];
  indicatorRows: number[][];
}

/**
 * Rebuilds the file from a sheet in the layout of `xlsx-layout.ts` (labels and headers are
 * found by text, so moved or extra columns and rows are fine), validates it, and reports
 * every problem at the row and column a person has to fix.
 */
export function readSheet(ws: ExcelJS.Worksheet): XlsxImport {
  const errors: XlsxRowError[] = [];
  const sheet: Sheet = {
    ws,
    fail: (row, message, column) =>
      errors.push({ sheet: ws.name, row, ...(column ? { column: columnLetter(column) } : {}), message }),
  };
  let tableHeaderRow = 0;
  for (let r = 1; r <= ws.rowCount && !tableHeaderRow; r++) {
    if (matchColumn(cellText(ws.getCell(r, 1).value)) === 'c.code') tableHeaderRow = r;
  }
  if (!tableHeaderRow) {
    sheet.fail(0, `找不到指标表头 / no indicator table header ("${bilingual(COLUMNS[0])}" in column A)`);
    return { ok: false, rowErrors: errors };
  }
  const columns = new Map<ColumnKey, number>();
  ws.getRow(tableHeaderRow).eachCell((cell, col) => {
    const key = matchColumn(cellText(cell.value));
    if (key && !columns.has(key)) columns.set(key, col);
  });
  const missing = COLUMNS.filter((c) => 'required' in c && !columns.has(c.key));
  if (missing.length > 0) {
    sheet.fail(tableHeaderRow, `缺少列 / missing columns: ${missing.map(bilingual).join('; ')}`);
    return { ok: false, rowErrors: errors };
  }
  const layout: Layout = {
    headerRows: new Map(),
    tableHeaderRow,
    columns,
    categoryRows: [],
    indicatorRows: [],
  };
  const fw = readHeader(sheet, layout);
  fw.categories = readTable(sheet, layout);

  const result = validateFramework(fw);
  if (result.ok && errors.length === 0) return { ok: true, framework: result.framework };
  // A cell that failed to parse is already reported; validation would only repeat it as missing.
  const reported = new Set(errors.map((e) => `${e.row}:${e.column ?? ''}`));
  for (const problem of result.ok ? [] : result.problems) {
    const at = locate(layout, problem.path);
    const column = at.column ? columnLetter(at.column) : undefined;
    if (reported.has(`${at.row}:${column ?? ''}`)) continue;
    const blank =
      at.column !== undefined &&
      problem.rule === 'shape' &&
      isBlank(cellText(ws.getCell(at.row, at.column).value));
    const message = `${at.label ? `${at.label}: ` : ''}${blank ? '必填 / required — ' : ''}${problem.message} [${problem.path}]`;
    errors.push({ sheet: ws.name, row: at.row, ...(column ? { column } : {}), message });
  }
  return { ok: false, rowErrors: errors.sort((a, b) => a.row - b.row) };
}

function readHeader({ ws, fail }: Sheet, layout: Layout): Obj {
  const fw: Obj = {};
  for (let r = 1; r < layout.tableHeaderRow; r++) {
    const key = matchHeader(cellText(ws.getCell(r, LABEL_COL).value));
    if (!key) continue;
    const first = layout.headerRows.get(key);
    if (first !== undefined) {
      fail(r, `重复的字段 / field repeated (first at row ${first})`, LABEL_COL);
      continue;
    }
    layout.headerRows.set(key, r);
    const field = HEADER_FIELDS.find((f) => f.key === key)!;
    const raw = ws.getCell(r, VALUE_COL).value;
    const text = cellText(raw);
    const bad = (message: string) => fail(r, `${bilingual(field)}: ${message}`, VALUE_COL);
    switch (field.kind) {
      case 'text':
        put(fw, key, isBlank(text) ? '' : text);
        break;
      case 'optText':
        put(fw, key, parseOptText(text));
        break;
      case 'pairText':
        put(fw, key, isBlank(text) ? undefined : text);
        break;
      case 'list':
        put(fw, key, parseList(text));
        break;
      case 'number':
      case 'optNumber':
      case 'threshold': {
        const none = field.kind === 'threshold' && (isBlank(text) || /^(null|none|无)$/i.test(text.trim()));
        const parsed = none ? { value: null } : parseNumber(raw);
        if ('error' in parsed) bad(parsed.error);
        else put(fw, key, parsed.value);
        break;
      }
      case 'pairs': {
        if (isBlank(text)) break;
        const pairs = splitLines(text).map((line) => {
          const [zh = '', ...en] = splitParts(line);
          return { zh, en: en.join(' | ') };
        });
        put(fw, key, text.trim() === EMPTY_LIST ? [] : pairs);
        break;
      }
      case 'veto': {
        const items = splitLines(text).map((line) => {
          const [code = '', zh = '', en = '', flag] = splitParts(line);
          const item: Obj = { code, zh, en };
          const lower = flag?.toLowerCase();
          if (lower === VETO_RECONSTRUCTED) item.reconstructed = true;
          else if (lower === VETO_NOT_RECONSTRUCTED) item.reconstructed = false;
          else if (flag) {
            const parsed = parseFlag(flag);
            if ('error' in parsed) bad(`"${line}": ${parsed.error}`);
            else put(item, 'reconstructed', parsed.value);
          }
          return item;
        });
        put(fw, key, items);
        break;
      }
    }
  }
  // A bilingual pair exists when either half is filled; the other half is then an empty string.
  for (const pair of ['name', 'scoringScale', 'termRules']) {
    const value = fw[pair] as Obj | undefined;
    if (value) fw[pair] = { zh: value.zh ?? '', en: value.en ?? '' };
  }
  return fw;
}

/** Consecutive rows with one category code form a category, in row order. */
function readTable({ ws, fail }: Sheet, layout: Layout): Obj[] {
  const { columns, categoryRows, indicatorRows } = layout;
  const categories: Obj[] = [];
  let firstRowTexts = new Map<ColumnKey, string>();
  for (let r = layout.tableHeaderRow + 1; r <= ws.rowCount; r++) {
    const raw = (key: ColumnKey) => {
      const col = columns.get(key);
      return col ? ws.getCell(r, col).value : undefined;
    };
    const text = (key: ColumnKey) => cellText(raw(key));
    if (COLUMNS.every((c) => isBlank(text(c.key)))) continue;

    const read = (target: Obj, key: ColumnKey) => {
      const def = columnDef(key)!;
      const value = text(key);
      let parsed: { value: unknown } | { error: string };
      if ('number' in def) parsed = parseNumber(raw(key));
      else if ('flag' in def) parsed = parseFlag(raw(key));
      else if (key.endsWith('reconstructedFields')) parsed = { value: parseFields(value) };
      else if (key === 'evidence') parsed = { value: splitLines(value) };
      else if (key === 'evidenceSource') parsed = { value: parseOptText(value) };
      else parsed = { value: isBlank(value) ? '' : value };
      if ('error' in parsed) fail(r, `${bilingual(def)}: ${parsed.error}`, columns.get(key));
      else put(target, key.replace(/^c\./, ''), parsed.value);
    };

    const code = text('c.code').trim();
    const firstRow = categoryRows.at(-1);
    if (firstRow !== undefined && (code === '' || code === firstRowTexts.get('c.code'))) {
      // Later rows of a category may leave its cells empty, but must not contradict them.
      for (const key of CATEGORY_KEYS) {
        const value = text(key).trim();
        if (value && value !== firstRowTexts.get(key)) {
          const message = `与本类别首行（第 ${firstRow} 行）不一致 / differs from the category's first row (row ${firstRow})`;
          fail(r, `${bilingual(columnDef(key)!)}: ${message}`, columns.get(key));
        }
      }
    } else if (code === '') {
      const message = '首个指标行缺少类别编码 / the first indicator row needs a category code';
      fail(r, `${bilingual(COLUMNS[0])}: ${message}`, columns.get('c.code'));
      continue;
    } else {
      const category: Obj = {};
      for (const key of CATEGORY_KEYS) read(category, key);
      category.indicators = [];
      categories.push(category);
      categoryRows.push(r);
      indicatorRows.push([]);
      firstRowTexts = new Map(CATEGORY_KEYS.map((key) => [key, text(key).trim()]));
    }
    const indicator: Obj = {};
    for (const c of COLUMNS) if (!c.key.startsWith('c.')) read(indicator, c.key);
    (categories.at(-1)!.indicators as Obj[]).push(indicator);
    indicatorRows.at(-1)!.push(r);
  }
  return categories;
}

function locate(layout: Layout, path: string): { row: number; column?: number; label?: string } {
  const m = /^categories\[(\d+)\](?:\.indicators\[(\d+)\])?(?:\.(.+))?$/.exec(path);
  if (m) {
    const ci = Number(m[1]);
    const ii = m[2] === undefined ? undefined : Number(m[2]);
    const rest = (m[3] ?? '').replace(/\[\d+\].*$/, '');
    const key = (ii === undefined ? `c.${rest}` : rest) as ColumnKey;
    const def = columnDef(key);
    const row = ii === undefined ? layout.categoryRows[ci] : layout.indicatorRows[ci]?.[ii];
    return {
      row: row ?? layout.tableHeaderRow,
      column: layout.columns.get(key),
      label: def && bilingual(def),
    };
  }
  if (path === 'categories') return { row: layout.tableHeaderRow, label: '指标表 / indicator table' };
  const key = /^(name|scoringScale|termRules)\.(zh|en)/.exec(path)?.[0] ?? path.replace(/[[.].*$/, '');
  const field = HEADER_FIELDS.find((f) => f.key === key);
  const row = layout.headerRows.get(key as HeaderKey);
  if (!field) return { row: 1 };
  if (row === undefined) return { row: 1, label: `${bilingual(field)}: 缺少此行 / row missing` };
  return { row, column: VALUE_COL, label: bilingual(field) };
}
