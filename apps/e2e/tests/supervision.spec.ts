import { type Browser, expect, type Page, test } from '@playwright/test';
import { shot, signIn } from './helpers';

const UNIT = '清河区税务局';

/** The sign-in form is gone and the shell is there (its menu button, on phones too). */
async function signedIn(page: Page) {
  await expect(page.getByRole('button', { name: /菜单/ }).first()).toBeVisible();
}

/** A full-page screenshot from the top: scrolled, the sticky header would cover the page. */
async function snap(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)');
  await shot(page, name);
}

/** Someone else, in their own browser: a desk (1366×768) or a phone (390×844). */
async function person(browser: Browser, app: 'console' | 'portal', username: string, phone = false) {
  const context = await browser.newContext({
    viewport: phone ? { width: 390, height: 844 } : { width: 1366, height: 768 },
    isMobile: phone,
    hasTouch: phone,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  await signIn(page, app, username);
  await signedIn(page);
  return { context, page };
}

/** A date some days ahead on China's calendar, as the date input takes it. */
function daysAhead(days: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

async function chooseOption(page: Page, text: string) {
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
    .first()
    .click();
}

test.describe('supervision: from an on-site finding to a closed rectification order', () => {
  test('an inspector records a finding, the office orders it fixed, the unit answers, the office sends it back once and closes it', async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const stamp = Date.now();
    const title = `窗口服务暗访（端到端 ${stamp}）`;
    const item = `窗口工作人员佩戴工牌（${stamp}）`;

    // The office plans an unannounced inspection of the unit with a custom checklist.
    const office = await person(browser, 'console', 'office.admin');
    await office.page.getByRole('menuitem', { name: '督查检查' }).click();
    await office.page.getByRole('button', { name: '新建督查' }).first().click();
    await office.page.getByLabel('督查名称').fill(title);
    await office.page.getByText('暗访', { exact: true }).click();
    await expect(office.page.getByText('暗访在完成前对被查单位完全不可见')).toBeVisible();
    await office.page.getByLabel('督查日期').fill(daysAhead(3));
    await office.page.getByLabel('被查单位').click();
    await office.page.keyboard.type(UNIT);
    await chooseOption(office.page, UNIT);
    await office.page.keyboard.press('Escape');
    await office.page.getByRole('button', { name: '添加检查项' }).click();
    await office.page.getByLabel('自定义检查项 1').fill(item);
    await snap(office.page, 'console-inspection-planner');
    await office.page.getByRole('button', { name: '安排督查' }).click();
    await expect(office.page.getByText('督查已安排')).toBeVisible();
    await expect(office.page.getByText('这是一次暗访：完成之前，被查单位看不到它。')).toBeVisible();
    const inspectionUrl = office.page.url();

    // The unit does not see the planned unannounced inspection.
    const unit = await person(browser, 'portal', 'unit.admin.1');
    await unit.page.getByRole('menuitem', { name: '督查记录' }).click();
    await expect(unit.page.getByRole('heading', { name: '督查记录' })).toBeVisible();
    await expect(unit.page.locator('.ant-table-row').first()).toBeVisible();
    await expect(unit.page.getByText(title)).toHaveCount(0);

    // On site, on a phone: a result saved as it is chosen, notes saved after a pause, a finding.
    const inspector = await person(browser, 'console', 'office.inspector', true);
    await inspector.page.goto(inspectionUrl);
    await inspector.page.getByRole('link', { name: /现场检查/ }).click();
    const card = inspector.page.locator(`[data-item="custom-1"]`);
    await expect(card.getByText(item)).toBeVisible();
    await card.getByPlaceholder('检查情况（可选）').fill('三号窗口工作人员未佩戴工牌');
    await expect(card.getByText('选择结果后保存')).toBeVisible();
    await card.getByText('不符合', { exact: true }).click();
    await expect(card.locator('[data-save="saved"]')).toBeVisible();
    await expect(inspector.page.getByText('全部已保存')).toBeVisible();
    await expect(inspector.page.getByText('已检查 1 / 1 项')).toBeVisible();
    // A lost connection loses nothing: the typing waits on the device and goes when it is back.
    await inspector.context.setOffline(true);
    await card.getByPlaceholder('检查情况（可选）').fill('三号窗口工作人员未佩戴工牌，已当场提醒');
    await expect(card.getByText('网络不通，已暂存在本机，恢复后自动保存')).toBeVisible();
    await inspector.context.setOffline(false);
    // Back online, it is sent by itself (the card also offers 重试 while it waits).
    await expect(card.locator('[data-save="saved"]')).toBeVisible();
    await inspector.page.reload();
    await expect(card.getByPlaceholder('检查情况（可选）')).toHaveValue(
      '三号窗口工作人员未佩戴工牌，已当场提醒',
    );
    await card.getByRole('button', { name: '记录问题' }).click();
    const dialog = inspector.page.getByRole('dialog');
    await dialog.getByLabel('问题描述').fill('三号窗口工作人员未佩戴工牌；服务指南未更新。');
    await dialog.getByRole('button', { name: /^记\s*录$/ }).click();
    await expect(inspector.page.getByText('问题已记录')).toBeVisible();
    await expect(inspector.page.getByText('本单位发现的问题（1）')).toBeVisible();
    await snap(inspector.page, 'console-onsite-phone');

    // Completing it is when the unit first learns of it.
    await inspector.page.goto(inspectionUrl);
    await inspector.page.getByRole('button', { name: '完成督查' }).click();
    await inspector.page.getByRole('button', { name: '完成督查' }).last().click();
    await expect(inspector.page.getByText('督查已完成')).toBeVisible();
    await unit.page.reload();
    await expect(unit.page.getByText(title)).toBeVisible();

    // The office turns the finding into an order with a deadline.
    await office.page.reload();
    await office.page.getByRole('button', { name: '下达整改' }).click();
    const order = office.page.getByRole('dialog');
    await expect(order.getByText(`整改单位：${UNIT}`)).toBeVisible();
    await expect(order.getByLabel('整改事项')).toHaveValue('三号窗口工作人员未佩戴工牌');
    await order.getByLabel('整改期限').fill(daysAhead(10));
    await order.getByRole('button', { name: /^下\s*达$/ }).click();
    await expect(office.page.getByText('整改通知已下达')).toBeVisible();
    await expect(office.page.getByText('等待单位提交整改情况。')).toBeVisible();
    const orderUrl = office.page.url();

    // The unit answers with a plan and an item from its ledger.
    await unit.page.getByRole('menuitem', { name: '整改任务' }).click();
    await unit.page.getByRole('link', { name: '三号窗口工作人员未佩戴工牌' }).click();
    await unit.page.getByLabel('整改措施和完成情况').fill('已为窗口工作人员统一制作工牌，每日班前检查。');
    await unit.page.getByLabel('佐证材料（从本单位台账中选择）').click();
    await unit.page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await unit.page.keyboard.press('Escape');
    await snap(unit.page, 'portal-order-answer');
    await unit.page.getByRole('button', { name: '提交整改' }).click();
    await expect(unit.page.getByText('已提交整改情况，等待文明办验收。')).toBeVisible();

    // The office sends it back once, saying what is missing…
    await office.page.goto(orderUrl);
    await office.page.getByText('未整改到位，退回重改').click();
    await office.page.getByRole('button', { name: '退回重改' }).click();
    await expect(office.page.getByText('退回时请写明还差什么')).toBeVisible();
    await office.page.getByLabel('还差什么（单位会看到）').fill('请补充服务指南更新后的照片');
    await office.page.getByRole('button', { name: '退回重改' }).click();
    await expect(office.page.getByText('已退回，单位会看到您的意见')).toBeVisible();

    // …the unit sees why, adds to its answer…
    await unit.page.reload();
    await expect(unit.page.getByText('请补充服务指南更新后的照片').first()).toBeVisible();
    await expect(unit.page.getByLabel('整改措施和完成情况')).toHaveValue(/统一制作工牌/);
    await unit.page
      .getByLabel('整改措施和完成情况')
      .fill('已为窗口工作人员统一制作工牌；服务指南已更新并张贴。');
    await unit.page.getByRole('button', { name: '提交整改' }).click();
    await expect(unit.page.getByText('已提交整改情况，等待文明办验收。')).toBeVisible();

    // …and the office closes it: the whole loop is on record.
    await office.page.reload();
    await office.page.getByRole('button', { name: '验收销号' }).click();
    await expect(office.page.getByText('已验收销号')).toBeVisible();
    await expect(office.page.locator('.ant-tag', { hasText: '已销号' })).toBeVisible();
    for (const step of ['下达整改', '单位提交整改', '退回重改', '验收销号'])
      await expect(
        office.page.locator('.ant-timeline').getByText(step, { exact: true }).first(),
      ).toBeVisible();
    await snap(office.page, 'console-order-closed');

    // A unit cannot close its own order: it sees the result, no verification form.
    await unit.page.reload();
    await expect(unit.page.getByText('整改已验收销号。')).toBeVisible();
    await expect(unit.page.getByRole('button', { name: '验收销号' })).toHaveCount(0);

    await Promise.all([office.context.close(), unit.context.close(), inspector.context.close()]);
  });

  test('the office publishes a bulletin, the unit finds it through the bell and acknowledges it, the office sees the receipt', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const title = `关于窗口服务情况的通报（端到端 ${Date.now()}）`;
    const office = await person(browser, 'console', 'office.admin');
    await office.page.getByRole('menuitem', { name: '通报' }).click();
    await office.page.getByRole('button', { name: '发布通报' }).first().click();
    await office.page.getByLabel('通报标题').fill(title);
    await office.page.getByText('批评', { exact: true }).click();
    await office.page.getByLabel('被通报单位').click();
    await office.page.keyboard.type(UNIT);
    await chooseOption(office.page, UNIT);
    await office.page.keyboard.press('Escape');
    await office.page
      .getByLabel('通报正文')
      .fill('暗访发现三号窗口工作人员未佩戴工牌，予以通报批评，请立即整改。');
    await office.page.getByRole('button', { name: /^发\s*布$/ }).click();
    await expect(office.page.getByText('通报已发布')).toBeVisible();
    await expect(office.page.getByText('签收情况（0 / 1 个单位已签收）')).toBeVisible();

    // The unit's header shows unread news; the inbox leads to the bulletin.
    const unit = await person(browser, 'portal', 'unit.admin.1', true);
    await unit.page.getByRole('button', { name: /通知：\d+ 条未读/ }).click();
    await unit.page.getByText(title).first().click();
    await expect(unit.page.getByRole('heading', { name: title })).toBeVisible();
    await unit.page.getByRole('button', { name: /签\s*收$/ }).click();
    await expect(unit.page.getByText(/已于 .* 签收/)).toBeVisible();
    await snap(unit.page, 'portal-bulletin-acknowledged-phone');

    await office.page.reload();
    await expect(office.page.getByText('签收情况（1 / 1 个单位已签收）')).toBeVisible();
    await snap(office.page, 'console-bulletin-receipts');
    await Promise.all([office.context.close(), unit.context.close()]);
  });
});
