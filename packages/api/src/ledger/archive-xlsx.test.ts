import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { simpleXlsx } from './archive-xlsx';

it('writes a workbook a spreadsheet program reads back, with markup and control characters made safe', async () => {
  const xlsx = await simpleXlsx({
    name: '台账目录',
    title: '目录 <第一册>',
    header: ['序号', '材料名称', '文件'],
    widths: [6, 30, 30],
    rows: [
      [1, '“文明单位” & <创建> "方案"', 'a.pdf\nb.png'],
      [2, 'bell\u0007 and form\u000c feed', ''],
    ],
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('台账目录')!;
  expect(sheet.getCell('A1').value).toBe('目录 <第一册>');
  expect(sheet.getCell('B2').value).toBe('材料名称');
  expect(sheet.getCell('A3').value).toBe(1);
  expect(sheet.getCell('B3').value).toBe('“文明单位” & <创建> "方案"');
  expect(sheet.getCell('C3').value).toBe('a.pdf\nb.png');
  expect(sheet.getCell('B4').value).toBe('bell and form feed');
  expect(sheet.getCell('C4').value).toBeNull();
  expect(sheet.rowCount).toBe(4);
});
