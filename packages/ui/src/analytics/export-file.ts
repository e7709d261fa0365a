import { toCsv } from '@wenming/domain';

export interface ExportColumn {
  key: string;
  title: string;
}
export type ExportCell = string | number | null | undefined;
export type ExportRow = Record<string, ExportCell>;

/** File names keep letters of any script, digits and a few marks; the rest becomes `-`. */
export function safeFileName(name: string) {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'export';
}

export function saveBlob(fileName: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = safeFileName(fileName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadCsv(fileName: string, columns: ExportColumn[], rows: ExportRow[]) {
  const table = [columns.map((c) => c.title), ...rows.map((r) => columns.map((c) => r[c.key]))];
  saveBlob(`${fileName}.csv`, new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }));
}

export function downloadDataUrl(fileName: string, dataUrl: string) {
  const [head, body = ''] = dataUrl.split(',');
  const mime = /data:([^;]+)/.exec(head ?? '')?.[1] ?? 'image/png';
  const bytes = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  saveBlob(fileName, new Blob([bytes], { type: mime }));
}

/** A workbook of one sheet; exceljs (large) is fetched on the first export. */
export async function downloadXlsx(
  fileName: string,
  sheets: { name: string; columns: ExportColumn[]; rows: ExportRow[] }[],
) {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
    const ws = wb.addWorksheet(sheet.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet');
    ws.columns = sheet.columns.map((c) => ({
      header: c.title,
      key: c.key,
      width: Math.min(40, Math.max(10, c.title.length * 2 + 4)),
    }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of sheet.rows) ws.addRow(row);
  }
  const buffer = await wb.xlsx.writeBuffer();
  saveBlob(
    `${fileName}.xlsx`,
    new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
}
