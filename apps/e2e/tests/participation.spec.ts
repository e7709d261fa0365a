import { type Browser, expect, type Page, test } from '@playwright/test';
import { shot, signIn } from './helpers';

/** The sign-in form is gone and the shell is there (its menu button, on phones too). */
async function signedIn(page: Page) {
  await expect(page.getByRole('button', { name: /菜单/ }).first()).toBeVisible();
}

/** Another member of staff, in a browser of their own. */
async function staffBrowser(browser: Browser, username: string, phone = false) {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  await signIn(page, 'portal', username);
  await signedIn(page);
  return { context, page };
}

async function openParticipation(page: Page) {
  await page.goto('/portal/participation');
  await expect(page.getByRole('heading', { name: '员工参与' })).toBeVisible();
}

/** Answers yes in an antd confirmation dialog. */
async function confirm(page: Page) {
  await page
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
}

const stamp = () => String(Date.now()).slice(-6);

test.describe('staff participation: suggestions and selections', () => {
  test('a member of staff suggests on a phone, the campaign office adopts it into a task', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const title = `食堂增设文明餐桌提示牌 ${stamp()}`;
    const staff = await staffBrowser(browser, 'dept.head.1', true);
    await openParticipation(staff.page);
    await staff.page.getByRole('button', { name: '提建议' }).first().click();
    const form = staff.page.getByRole('dialog', { name: '我为创建献一计' });
    // Nothing typed: the required fields say so and nothing is sent.
    await form.getByRole('button', { name: '提建议' }).click();
    await expect(form.getByText('此项必填')).toHaveCount(2);
    await form.getByLabel('建议标题').fill(title);
    await form.getByLabel('建议内容').fill('在职工食堂每张餐桌放置"光盘行动"提示牌，倡导文明用餐。');
    await form.getByRole('button', { name: '提建议' }).click();
    await expect(staff.page.getByText('建议已提交，创建办会尽快答复')).toBeVisible();
    const mine = staff.page.getByTestId('suggestion').filter({ hasText: title });
    await expect(mine.getByText('待答复')).toBeVisible();
    await shot(staff.page, 'portal-participation-suggest-phone');

    const openReply = async (page: Page) => {
      await openParticipation(page);
      await page.getByText('待答复', { exact: true }).first().click();
      await page
        .getByTestId('suggestion')
        .filter({ hasText: title })
        .getByRole('button', { name: '答复' })
        .click();
      return page.getByRole('dialog', { name: '答复建议' });
    };
    const office = await staffBrowser(browser, 'unit.admin.1');
    await office.page.setViewportSize({ width: 1366, height: 768 });
    // A colleague opens the same suggestion to answer it at the same time.
    const colleague = await staffBrowser(browser, 'unit.admin.1');
    await colleague.page.setViewportSize({ width: 1366, height: 768 });
    const late = await openReply(colleague.page);
    const reply = await openReply(office.page);
    await expect(reply.getByRole('radio', { name: '已采纳' })).toBeChecked();
    await reply.getByLabel('答复内容').fill('采纳，由机关党委牵头落实。');
    await reply.getByLabel('纳入任务').click();
    const firstTask = office.page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    const taskTitle = (await firstTask.getAttribute('title')) ?? '';
    await firstTask.click();
    await reply.getByRole('button', { name: /^答\s*复$/ }).click();
    await expect(office.page.getByText('已答复', { exact: true })).toBeVisible();

    // The colleague's answer, started before that one, does not replace it: they are told, and see it.
    // Button-style radios hide their input: choose by the visible button.
    await late.locator('label.ant-radio-button-wrapper').filter({ hasText: '已记录' }).click();
    await late.getByLabel('答复内容').fill('已记录，下季度研究。');
    await late.getByRole('button', { name: /^答\s*复$/ }).click();
    await expect(late.getByText('刚才有人先保存了这项内容。已载入最新内容，请核对后再保存。')).toBeVisible();
    await expect(late.getByLabel('答复内容')).toHaveValue('采纳，由机关党委牵头落实。');
    await expect(late.getByRole('radio', { name: '已采纳' })).toBeChecked();
    await shot(colleague.page, 'portal-participation-reply-conflict');
    await late.getByRole('button', { name: /取\s*消/ }).click();
    await colleague.context.close();

    // The author sees the outcome, the reply and the task it became.
    await staff.page.reload();
    const answered = staff.page.getByTestId('suggestion').filter({ hasText: title });
    await expect(answered.getByText('已采纳')).toBeVisible();
    await expect(answered.getByText('采纳，由机关党委牵头落实。')).toBeVisible();
    await expect(answered.getByRole('link', { name: taskTitle })).toBeVisible();
    await shot(staff.page, 'portal-participation-adopted-phone');
    await staff.context.close();
    await office.context.close();
  });

  test('the campaign office runs a selection: nominate, staff vote once, publish into the ledger', async ({
    browser,
  }) => {
    test.setTimeout(150_000);
    const name = `2027年度第${stamp()}期道德模范评选`;
    const office = await staffBrowser(browser, 'unit.admin.1');
    const page = office.page;
    await page.setViewportSize({ width: 1366, height: 768 });
    await openParticipation(page);
    await page.getByText('评选活动', { exact: true }).click();
    await page.getByRole('button', { name: '发起评选' }).first().click();
    const create = page.getByRole('dialog', { name: '发起评选' });
    await create.getByLabel('类别').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '道德模范' })
      .click();
    await create.getByLabel('评选名称').fill(name);
    await create.getByRole('button', { name: /创\s*建/ }).click();
    await expect(page.getByRole('heading', { name })).toBeVisible();

    for (const [who, department, reason] of [
      ['刘芳', '纳税服务科', '长期照顾孤寡老人'],
      ['陈刚', '征收管理科', '见义勇为，救起落水儿童'],
    ] as const) {
      await page.getByRole('button', { name: '提名候选人' }).first().click();
      const form = page.getByRole('dialog', { name: '提名候选人' });
      await form.getByLabel('姓名或科室名称').fill(who);
      await form.getByLabel('所在科室').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: department })
        .click();
      await form.getByLabel('推荐理由').fill(reason);
      await form.getByRole('button', { name: '提名候选人' }).click();
      await expect(page.getByTestId('nominee').filter({ hasText: who })).toBeVisible();
    }
    await page.getByRole('button', { name: '开始投票' }).click();
    await confirm(page);
    await expect(page.getByText('投票已开始，请通知职工参与')).toBeVisible();

    // A member of staff votes on a phone; tallies stay hidden from them until the result is out.
    const staff = await staffBrowser(browser, 'dept.head.1', true);
    await staff.page.goto(page.url().replace(/^https?:\/\/[^/]+/, ''));
    const chen = staff.page.getByTestId('nominee').filter({ hasText: '陈刚' });
    await expect(staff.page.getByText('票数在公布结果后可见')).toBeVisible();
    await chen.getByRole('button', { name: /投\s*票/ }).click();
    await confirm(staff.page);
    await expect(staff.page.getByText('投票成功，谢谢参与')).toBeVisible();
    await expect(chen.getByText('我的选择')).toBeVisible();
    // One vote each: no vote buttons remain for them.
    await expect(staff.page.getByRole('button', { name: /投\s*票/ })).toHaveCount(0);
    await shot(staff.page, 'portal-participation-voted-phone');

    await page
      .getByTestId('nominee')
      .filter({ hasText: '陈刚' })
      .getByRole('button', { name: /投\s*票/ })
      .click();
    await confirm(page);
    await expect(page.getByText('投票成功，谢谢参与')).toBeVisible();
    await page.getByRole('button', { name: '公布结果' }).click();
    await confirm(page);
    await expect(page.getByText('结果已公布并归入台账')).toBeVisible();
    const winner = page.getByTestId('nominee').filter({ hasText: '陈刚' });
    await expect(winner.getByText('当选')).toBeVisible();
    await expect(winner.getByText('2 票')).toBeVisible();
    await expect(page.getByTestId('nominee').filter({ hasText: '刘芳' }).getByText('0 票')).toBeVisible();
    await shot(page, 'portal-participation-selection-published');

    // The result is an evaluation record in the ledger.
    await page.getByRole('link', { name: '查看台账记录' }).click();
    await expect(page.getByText(`${name}结果`).first()).toBeVisible();
    await expect(page.getByText(/当选：陈刚（征收管理科）/)).toBeVisible();
    await staff.context.close();
    await office.context.close();
  });
});
