import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { shot, signIn } from './helpers';

/** The sign-in form is gone and the shell is there. */
async function signedIn(page: Page) {
  await expect(page.getByRole('button', { name: /菜单/ }).first()).toBeVisible();
}

async function snap(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)');
  await shot(page, name);
}

/** A units workbook as staff fill it in: a title row, the template's headers, the rows. */
async function unitsWorkbook(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('新增单位');
  ws.addRow(['2027年新增创建单位']);
  ws.addRow(['单位编码*', '单位名称*', '单位类型*', '地址', '联系人', '联系电话', '科室']);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test.describe('analytics and spreadsheets', () => {
  test('an analyst reads the overview, compares two units, reads the table view and exports it', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, 'console', 'analyst');
    await signedIn(page);
    await page.getByRole('menuitem', { name: '统计分析' }).click();

    // The overview: the figures, and the charts drawn (ECharts arrives on demand).
    await expect(page.getByText('单位总数')).toBeVisible();
    await expect(page.getByText('群众满意率')).toBeVisible();
    await expect(page.locator('canvas').first()).toBeVisible();
    await snap(page, 'console-analytics-overview');

    // A filter lands in the address, so the view can be shared.
    await page.getByLabel('单位类型').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '机关' }).click();
    await expect(page).toHaveURL(/type=agency/);
    await expect(page.getByText('单位总数')).toBeVisible();
    await page.getByRole('button', { name: '清除筛选' }).click();

    // Compare two units picked by name.
    await page.getByRole('tab', { name: '单位对比' }).click();
    const picker = page.getByLabel('选择要对比的单位（2–10 个）');
    for (const name of ['清河区税务局', '清河镇柳湾村']) {
      await picker.click();
      await picker.fill(name.slice(0, 4));
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).click();
    }
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/units=[0-9a-f-]+%2C[0-9a-f-]+|units=[0-9a-f-]+,[0-9a-f-]+/);
    const radar = page.locator('.ant-card', { hasText: '分类完成度雷达图' });
    await expect(radar.locator('canvas')).toBeVisible();
    const figures = page.locator('.ant-card', { hasText: '指标对比' });
    await expect(figures.getByRole('columnheader', { name: '清河区税务局' })).toBeVisible();
    await expect(figures.getByRole('cell', { name: '台账完成度' })).toBeVisible();
    // A category opens onto its indicators, each unit's readiness beside it.
    await expect(figures.locator('tr.ant-table-row-level-1')).toHaveCount(0);
    await figures.locator('.ant-table-row-expand-icon-collapsed').first().click();
    await expect(figures.locator('tr.ant-table-row-level-1').first()).toBeVisible();
    await snap(page, 'console-analytics-compare');

    // The radar's numbers as a table, then exported to Excel.
    await radar.getByText('表格').click();
    await expect(radar.getByRole('columnheader', { name: '测评项目' })).toBeVisible();
    await expect(radar.locator('canvas')).toHaveCount(0);
    await radar.getByRole('button', { name: /导出“分类完成度雷达图”/ }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: '导出 Excel（.xlsx）' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('compare-radar.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await file.path()) as never);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, '测评项目', '清河区税务局', '清河镇柳湾村']);
    expect(sheet.rowCount).toBeGreaterThan(3);

    // Rankings list every unit in scope, ranked by the chosen figure.
    await page.getByRole('tab', { name: '排名' }).click();
    await page.getByText('任务完成率').first().click();
    await expect(page).toHaveURL(/metric=taskCompletion/);
    await expect(page.locator('.ant-card', { hasText: '排名表' }).getByRole('link').first()).toBeVisible();
    await snap(page, 'console-analytics-ranking');
  });

  test('an office admin imports units from Excel: sees the bad row, fixes it, imports all at once', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, 'console', 'office.admin');
    await signedIn(page);
    await page.getByRole('button', { name: '导入' }).click();
    const wizard = page.getByRole('dialog', { name: '从 Excel 导入单位' });
    await expect(wizard).toBeVisible();

    // The template comes from the wizard itself.
    const template = page.waitForEvent('download');
    await wizard.getByRole('button', { name: '下载模板' }).click();
    expect((await template).suggestedFilename()).toBe('units-template.xlsx');

    const upload = wizard.locator('input[type=file]');
    const good = [
      'E2E-IMP-1',
      '清河区第二实验小学',
      '学校',
      '清河区学府路8号',
      '李老师',
      '0571-87654321',
      '办公室、德育处',
    ];
    await upload.setInputFiles({
      name: '新增单位.xlsx',
      mimeType: XLSX,
      buffer: await unitsWorkbook([good, ['E2E-IMP-2', '清河区机电厂', '工厂', '', '', '', '']]),
    });
    await expect(wizard.getByText('共 2 行：1 行无误，1 行有问题')).toBeVisible();
    await expect(wizard.getByText(/单位类型：应为/)).toBeVisible();
    await expect(wizard.getByRole('button', { name: '导入 1 行' })).toBeDisabled();
    await snap(page, 'console-import-errors');

    // Fixed in the file, chosen again: every row right, imported whole.
    await wizard.getByRole('button', { name: '换一个文件' }).click();
    await wizard.locator('input[type=file]').setInputFiles({
      name: '新增单位-已改.xlsx',
      mimeType: XLSX,
      buffer: await unitsWorkbook([good, ['E2E-IMP-2', '清河区机电厂', '企业', '', '', '', '']]),
    });
    await expect(wizard.getByText('全部 2 行无误，可以导入。')).toBeVisible();
    await wizard.getByRole('button', { name: '导入 2 行' }).click();
    await expect(wizard.getByText('已导入 2 条记录。')).toBeVisible();
    await wizard.getByRole('button', { name: /完\s*成/ }).click();

    await page.getByLabel('搜索单位名称或编码').fill('E2E-IMP');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('link', { name: '清河区第二实验小学' })).toBeVisible();
    await expect(page.getByRole('link', { name: '清河区机电厂' })).toBeVisible();

    // The register exports to Excel with every row the filter finds.
    const exported = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    expect((await exported).suggestedFilename()).toMatch(/\.xlsx$/);
  });
});
