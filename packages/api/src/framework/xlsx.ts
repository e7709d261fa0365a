import { inflateRawSync } from 'node:zlib';
import type { TFrameworkFile } from '@wenming/domain';
import type ExcelJS from 'exceljs';
import { loadExcel } from '../lazy';
import {
  bilingual,
  COLUMNS,
  type ColumnKey,
  cellText,
  EMPTY_LIST,
  formatFields,
  formatFlag,
  formatOptText,
  HEADER_FIELDS,
  HEADER_MAX_LINES,
  type HeaderKey,
  LABEL_COL,
  linesNeeded,
  MAX_CELL_CHARS,
  MAX_CELLS_PER_SHEET,
  MAX_INPUT_BYTES,
  MAX_ROWS_PER_SHEET,
  MAX_UNZIPPED_BYTES,
  rowHeight,
  sheetName,
  VALUE_COL,
  VALUE_LAST_COL,
  VETO_NOT_RECONSTRUCTED,
  VETO_RECONSTRUCTED,
  YES,
} from './xlsx-layout';
import { readSheet, type XlsxImport } from './xlsx-read';

export type { XlsxImport, XlsxRowError } from './xlsx-read';

const LABEL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const FLAGGED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function checkedText<T>(value: T): T {
  if (typeof value === 'string' && value.length > MAX_CELL_CHARS) {
    throw new Error(
      `a text of ${value.length} characters exceeds Excel's ${MAX_CELL_CHARS}-character cell limit`,
    );
  }
  return value;
}

const pairLines = (items: { zh: string; en: string }[] | undefined) =>
  items === undefined
    ? undefined
    : items.length === 0
      ? EMPTY_LIST
      : items.map((i) => `${i.zh} | ${i.en}`).join('\n');

function headerValue(fw: TFrameworkFile, key: HeaderKey): string | number | undefined {
  switch (key) {
    case 'name.zh':
    case 'name.en':
      return fw.name[key === 'name.zh' ? 'zh' : 'en'];
    case 'scoringScale.zh':
    case 'scoringScale.en':
      return fw.scoringScale?.[key === 'scoringScale.zh' ? 'zh' : 'en'];
    case 'termRules.zh':
    case 'termRules.en':
      return fw.termRules?.[key === 'termRules.zh' ? 'zh' : 'en'];
    case 'appliesTo':
      return fw.appliesTo.join(', ');
    case 'edition':
    case 'notes':
      return formatOptText(fw[key]);
    case 'passThreshold':
      return fw.passThreshold ?? undefined;
    case 'scoringMethods':
    case 'exemptions':
      return pairLines(fw[key]);
    case 'vetoItems':
      return fw.vetoItems
        .map((v) => {
          const flag =
            v.reconstructed === undefined
              ? ''
              : ` | ${v.reconstructed ? VETO_RECONSTRUCTED : VETO_NOT_RECONSTRUCTED}`;
          return `${v.code} | ${v.zh} | ${v.en}${flag}`;
        })
        .join('\n');
    default:
      return fw[key];
  }
}

/**
 * One sheet: the framework's own fields as label/value rows, a blank row, then one row
 * per indicator with its category's fields repeated, so the sheet sorts and filters.
 */
export async function frameworkToXlsx(fw: TFrameworkFile): Promise<Buffer> {
  const Excel = await loadExcel();
  const tableHeaderRow = HEADER_FIELDS.length + 2;
  const wb = new Excel.Workbook();
  wb.creator = 'Wenming';
  const ws = wb.addWorksheet(sheetName(fw.code), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: tableHeaderRow, topLeftCell: `A${tableHeaderRow + 1}` }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.pageSetup.printTitlesRow = `${tableHeaderRow}:${tableHeaderRow}`;
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  const labelWidth = COLUMNS.slice(0, VALUE_COL - 1).reduce((acc, c) => acc + c.width, 0);
  const valueWidth = COLUMNS.slice(VALUE_COL - 1, VALUE_LAST_COL).reduce((acc, c) => acc + c.width, 0);

  HEADER_FIELDS.forEach((field, i) => {
    const row = ws.getRow(i + 1);
    ws.mergeCells(i + 1, LABEL_COL, i + 1, VALUE_COL - 1);
    ws.mergeCells(i + 1, VALUE_COL, i + 1, VALUE_LAST_COL);
    const label = row.getCell(LABEL_COL);
    label.value = bilingual(field);
    label.font = { bold: true };
    label.fill = LABEL_FILL;
    label.alignment = { vertical: 'top', wrapText: true };
    const value = row.getCell(VALUE_COL);
    value.value = checkedText(headerValue(fw, field.key));
    value.alignment = { vertical: 'top', horizontal: 'left', wrapText: true };
    if ('hint' in field) {
      const hint = row.getCell(VALUE_LAST_COL + 1);
      hint.value = field.hint;
      hint.font = { italic: true, color: { argb: 'FF808080' } };
      hint.alignment = { vertical: 'top' };
    }
    const lines = Math.max(
      linesNeeded(cellText(label.value), labelWidth),
      linesNeeded(cellText(value.value), valueWidth),
    );
    // The block sits inside the frozen pane, which cannot scroll: long values keep their full
    // text but show at most a few lines, so the pane leaves room for the indicators.
    row.height = rowHeight(Math.min(lines, HEADER_MAX_LINES));
  });
  // An outline group folds the whole block away with one click on small screens.
  ws.properties.outlineLevelRow = 1;
  for (let r = 1; r < tableHeaderRow; r++) ws.getRow(r).outlineLevel = 1;

  const header = ws.getRow(tableHeaderRow);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = bilingual(c);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  header.height = rowHeight(Math.max(...COLUMNS.map((c) => linesNeeded(bilingual(c), c.width))));
  ws.autoFilter = {
    from: { row: tableHeaderRow, column: 1 },
    to: { row: tableHeaderRow, column: COLUMNS.length },
  };

  let r = tableHeaderRow;
  for (const cat of fw.categories) {
    cat.indicators.forEach((ind, ii) => {
      const values: Record<ColumnKey, string | number | undefined> = {
        'c.code': cat.code,
        'c.name.zh': cat.name.zh,
        'c.name.en': cat.name.en,
        'c.points': cat.points,
        'c.reconstructed': formatFlag(cat.reconstructed),
        'c.reconstructedFields': formatFields(cat.reconstructedFields),
        code: ind.code,
        'name.zh': ind.name.zh,
        'name.en': ind.name.en,
        points: ind.points,
        'criteria.zh': ind.criteria.zh,
        'criteria.en': ind.criteria.en,
        'method.zh': ind.method.zh,
        'method.en': ind.method.en,
        evidence: ind.evidence.join('\n'),
        veto: formatFlag(ind.veto),
        evidenceSource: formatOptText(ind.evidenceSource),
        reconstructed: formatFlag(ind.reconstructed),
        reconstructedFields: formatFields(ind.reconstructedFields),
      };
      const row = ws.getRow(++r);
      let lines = 1;
      COLUMNS.forEach((c, ci) => {
        const cell = row.getCell(ci + 1);
        cell.value = checkedText(values[c.key]);
        cell.border = BORDER;
        const centred = 'number' in c || 'flag' in c;
        cell.alignment = { vertical: 'top', wrapText: 'wrap' in c, horizontal: centred ? 'center' : 'left' };
        if (c.key === 'veto' && cell.value === YES) cell.font = { bold: true, color: { argb: 'FFC00000' } };
        else if ('flag' in c && cell.value === YES) cell.fill = FLAGGED_FILL;
        // Later rows of a category repeat its fields; grey keeps the eye on the indicator.
        if (ii > 0 && c.key.startsWith('c.')) cell.font = { color: { argb: 'FF8C8C8C' } };
        if ('wrap' in c) lines = Math.max(lines, linesNeeded(cellText(cell.value), c.width));
      });
      row.height = rowHeight(lines);
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const fileError = (message: string): XlsxImport => ({
  ok: false,
  rowErrors: [{ sheet: '', row: 0, message }],
});

const NOT_XLSX = '不是 xlsx 文件（或已加密） / not an xlsx file (or it is password-protected)';

function countTags(xml: string, tag: RegExp, limit: number): number {
  let n = 0;
  while (tag.exec(xml) && ++n <= limit);
  return n;
}

/**
 * Walks the zip's central directory and inflates every entry under a byte budget before
 * exceljs sees the file: exceljs inflates whole entries into memory and trusts the sizes
 * the zip declares, so a small file could otherwise expand to gigabytes.
 */
export function zipProblem(buf: Buffer): string | undefined {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) return NOT_XLSX;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return NOT_XLSX;
  const corrupt = '文件已损坏 / the xlsx file is corrupt';
  const mb = MAX_UNZIPPED_BYTES / 1024 / 1024;
  const tooBig = `解压后超过 ${mb} MB / the workbook unzips to more than ${mb} MB`;
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || p === 0xffffffff) return '不支持 ZIP64 / ZIP64 workbooks are not supported';
  let total = 0;
  let hasWorkbook = false;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return corrupt;
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const packed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength).replace(/^\//, '');
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (flags & 1) return NOT_XLSX;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return corrupt;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + packed > buf.length) return corrupt;
    const raw = buf.subarray(start, start + packed);
    const budget = MAX_UNZIPPED_BYTES - total;
    let data: Buffer;
    if (method === 0) data = raw;
    else if (method === 8) {
      try {
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, budget) });
      } catch (e) {
        return (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? tooBig : corrupt;
      }
    } else return corrupt;
    if (data.length > budget) return tooBig;
    if (data.length !== size) return corrupt;
    total += data.length;
    if (name === 'xl/workbook.xml') hasWorkbook = true;
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      const xml = data.toString('utf8');
      const tooMany = `超过 ${MAX_ROWS_PER_SHEET} 行 / a sheet has more than ${MAX_ROWS_PER_SHEET} rows`;
      if (countTags(xml, /<(?:\w+:)?row[\s>/]/g, MAX_ROWS_PER_SHEET) > MAX_ROWS_PER_SHEET) return tooMany;
      if (countTags(xml, /<(?:\w+:)?c[\s>/]/g, MAX_CELLS_PER_SHEET) > MAX_CELLS_PER_SHEET) {
        return `超过 ${MAX_CELLS_PER_SHEET} 个单元格 / a sheet has more than ${MAX_CELLS_PER_SHEET} cells`;
      }
    }
  }
  return hasWorkbook ? undefined : '压缩包不是 Excel 工作簿 / the zip file is not an Excel workbook';
}

/**
 * Reads the first sheet back into the file format, validates it, and answers every problem
 * at the sheet row (and column) a person has to fix. Never throws.
 */
export async function xlsxToFramework(data: Buffer | Uint8Array): Promise<XlsxImport> {
  const Excel = await loadExcel();
  try {
    const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (buf.length === 0) return fileError('文件为空 / the file is empty');
    if (buf.length > MAX_INPUT_BYTES) {
      return fileError(`文件超过 10 MB / the file is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`);
    }
    const problem = zipProblem(buf);
    if (problem) return fileError(problem);
    const wb = new Excel.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    if (!ws) return fileError('工作簿没有工作表 / the workbook has no sheet');
    if (ws.rowCount > MAX_ROWS_PER_SHEET) {
      return fileError(`超过 ${MAX_ROWS_PER_SHEET} 行 / the sheet has more than ${MAX_ROWS_PER_SHEET} rows`);
    }
    return readSheet(ws);
  } catch (e) {
    // exceljs throws plain TypeErrors on malformed parts; the caller only needs to know the file is unusable.
    return fileError(
      `无法读取工作簿，文件可能已损坏 / cannot read the workbook, it may be damaged: ${(e as Error).message}`,
    );
  }
}
