import { AppError } from '@wenming/core';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, parseCsv } from '@wenming/domain';
import type ExcelJS from 'exceljs';
import { zipProblem } from '../framework/xlsx';
import { cellText } from '../framework/xlsx-layout';
import { loadExcel } from '../lazy';

const unreadable = (reason: string) =>
  new AppError('IMPORT_FILE_UNREADABLE', {
    message: `the file cannot be read: ${reason}`,
    params: { reason },
  });

const tooMany = () =>
  new AppError('IMPORT_TOO_MANY_ROWS', {
    message: `at most ${MAX_IMPORT_ROWS} rows per import; split the file`,
    params: { max: MAX_IMPORT_ROWS },
  });

/**
 * Excel in China saves "CSV" in GB18030 unless told otherwise: UTF-8 is tried first (a
 * byte-order mark or valid UTF-8 wins), then GB18030.
 */
function decodeText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

/**
 * The cells of the first sheet of an XLSX workbook, or of a CSV file, as text. The zip is
 * checked entry by entry before exceljs inflates it, so a decompression bomb is refused
 * with a clear message instead of filling the memory.
 */
export async function readImportFile(fileName: string, data: Buffer): Promise<string[][]> {
  const Excel = await loadExcel();
  if (data.length === 0) throw new AppError('FILE_EMPTY', { message: 'the file is empty' });
  if (data.length > MAX_IMPORT_BYTES) {
    throw new AppError('FILE_TOO_LARGE', {
      message: `the file is larger than ${MAX_IMPORT_BYTES / 1024} KB`,
      params: { max: `${MAX_IMPORT_BYTES / 1024} KB` },
    });
  }
  const isZip = data.length >= 4 && data.readUInt32LE(0) === 0x04034b50;
  if (!isZip) {
    if (!/\.(csv|txt)$/i.test(fileName) || data.includes(0)) {
      throw new AppError('FILE_TYPE_REFUSED', { message: 'send an Excel workbook (.xlsx) or a CSV file' });
    }
    const rows = parseCsv(decodeText(data));
    if (rows.length > MAX_IMPORT_ROWS + 10) throw tooMany();
    return rows;
  }
  const problem = zipProblem(data);
  if (problem) throw unreadable(problem);
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw unreadable(`无法读取工作簿 / cannot read the workbook: ${(e as Error).message}`);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw unreadable('工作簿没有工作表 / the workbook has no sheet');
  if (ws.actualRowCount > MAX_IMPORT_ROWS + 10) throw tooMany();
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}
