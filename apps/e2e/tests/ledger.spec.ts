import { expect, type Page, test } from '@playwright/test';
import { samplePdf } from '@wenming/storage/testing';
import { shot, signIn } from './helpers';

/** The sign-in form is gone and the shell is there (its menu button, on phones too). */
async function signedIn(page: Page) {
  await expect(page.getByRole('button', { name: /菜单/ }).first()).toBeVisible();
}

/** A date some days back on China's calendar, as the date input takes it. */
function daysAgo(days: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() - days * 86_400_000),
  );
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The number on the 还缺什么 tab (the badge's title: its digits are animated). */
async function gapCount(page: Page): Promise<number> {
  const badge = page.getByRole('tab', { name: /还缺什么/ }).locator('.ant-badge-count');
  await expect(badge).toBeVisible();
  return Number(await badge.getAttribute('title'));
}

test.describe('ledger: filing evidence as work happens, and the office reading it', () => {
  test('the campaign office files minutes with a file for a gap, sees the lag, and retracts it with a reason', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, 'portal', 'unit.admin.1');
    await signedIn(page);
    await page.getByRole('menuitem', { name: '创建台账' }).click();
    await expect(page.getByText('按测评指标')).toBeVisible();
    await page.getByRole('tab', { name: /还缺什么/ }).click();
    const gapsBefore = await gapCount(page);
    expect(gapsBefore).toBeGreaterThan(0);

    // Close the first gap: the form opens with its indicator and material already chosen.
    const fill = page.getByRole('button', { name: /^登记：/ }).first();
    const material = ((await fill.getAttribute('aria-label')) ?? '').replace(/^登记：/, '');
    await fill.click();
    const drawer = page.getByRole('dialog');
    await expect(drawer.getByText('录入时间以服务器时间为准')).toBeVisible();
    // Choose the kind by keyboard, and wait until the form shows it: a click on an option
    // that is still being filtered can be lost.
    await drawer.getByLabel('材料类型').click();
    await page.keyboard.type('会议纪要');
    await expect(
      page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '会议纪要' }),
    ).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(drawer.getByTitle('会议纪要', { exact: true })).toBeVisible();
    const title = `专题会议纪要（端到端 ${Date.now()}）`;
    await drawer.getByLabel('标题').fill(title);
    await drawer.getByLabel('事件日期').fill(daysAgo(10));
    await expect(drawer.getByText('事件发生在 10 天前，将标记为补录')).toBeVisible();
    await drawer.locator('input[type=file]').setInputFiles({
      name: '专题会议纪要.pdf',
      mimeType: 'application/pdf',
      buffer: samplePdf('Minutes of the special meeting'),
    });
    await expect(drawer.locator('[data-attachment="专题会议纪要.pdf"]')).toBeVisible();
    await expect(drawer.getByRole('checkbox', { name: new RegExp(literal(material)) })).toBeChecked();
    await drawer.getByLabel('说明').fill('会议纪要与领导讲话稿，一并归档');
    const submit = drawer.getByRole('button', { name: /^登\s*记$/ });
    await expect(submit).toBeEnabled();
    await submit.click();
    await expect(drawer).toBeHidden();
    await expect(page.getByText('已登记').first()).toBeVisible();
    await expect.poll(() => gapCount(page)).toBe(gapsBefore - 1);

    // In the list, with its late filing shown.
    await page.getByRole('tab', { name: '台账', exact: true }).click();
    await page.getByPlaceholder('搜索标题或内容').fill(title);
    await page.getByPlaceholder('搜索标题或内容').press('Enter');
    const row = page.getByRole('row', { name: new RegExp(literal(title)) });
    await expect(row).toBeVisible();
    await expect(row.getByText('补录 10 天')).toBeVisible();
    await expect(row.getByText('附件 1 个')).toBeVisible();
    await shot(page, 'portal-ledger-filed');

    // Retracting asks for a reason; the item stays, marked, with its history.
    await row.getByRole('link', { name: title }).click();
    await expect(page.getByRole('link', { name: /专题会议纪要\.pdf/ }).first()).toBeVisible();
    await page.getByRole('button', { name: '撤回台账' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '撤回台账' }).click();
    await expect(dialog.getByText('此项必填')).toBeVisible();
    await dialog.getByLabel('撤回原因').fill('误传到了本周期，改在下月重新登记');
    await dialog.getByRole('button', { name: '撤回台账' }).click();
    await expect(page.getByText('这条台账已撤回，不再计入完成度')).toBeVisible();
    await expect(page.getByText('原因：误传到了本周期，改在下月重新登记').first()).toBeVisible();
    await expect(page.getByRole('button', { name: /修\s*订/ })).toHaveCount(0);
    await shot(page, 'portal-ledger-retracted');

    // Gone from the ledger's count, still there when asked for.
    await page.getByRole('link', { name: '创建台账' }).first().click();
    await expect.poll(() => gapCount(page)).toBe(gapsBefore);
    await page.getByPlaceholder('搜索标题或内容').fill(title);
    await page.getByPlaceholder('搜索标题或内容').press('Enter');
    await expect(page.getByText('没有符合条件的台账材料。')).toBeVisible();
    await page.getByRole('checkbox', { name: '含已撤回' }).click();
    await expect(page.getByRole('checkbox', { name: '含已撤回' })).toBeChecked();
    await expect(page.getByRole('row', { name: /已撤回/ })).toBeVisible();
  });

  test('the office inspector reads a unit ledger without a way to file', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, 'console', 'office.inspector');
    await signedIn(page);
    await page.getByRole('menuitem', { name: '创建台账' }).click();
    await expect(page.getByRole('heading', { name: '创建台账总览' })).toBeVisible();
    const table = page.getByRole('table');
    await expect(table.getByRole('link', { name: '清河区税务局' })).toBeVisible();
    await shot(page, 'console-ledger-overview');

    await table.getByRole('link', { name: '清河区税务局' }).click();
    await expect(page.getByText('文明办只能查看单位的台账。')).toBeVisible();
    await expect(page.getByText('按测评指标')).toBeVisible();
    await expect(page.locator('[data-indicator="C1.1"]')).toBeVisible();
    await expect(page.getByRole('button', { name: '登记台账' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^登记/ })).toHaveCount(0);

    // An item opens read-only: content, files, history.
    await page.getByRole('tab', { name: '台账', exact: true }).click();
    await page.locator('a[href*="/items/"]').first().click();
    await expect(page.getByText('修订记录')).toBeVisible();
    await expect(page.getByRole('button', { name: /修\s*订|撤回/ })).toHaveCount(0);
    await shot(page, 'console-ledger-item');
  });
});
