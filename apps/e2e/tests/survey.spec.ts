import { type Browser, expect, type Page, test } from '@playwright/test';
import { shot, signIn } from './helpers';

/** The sign-in form is gone and the shell is there (its menu button, on phones too). */
async function signedIn(page: Page) {
  await expect(page.getByRole('button', { name: /菜单/ }).first()).toBeVisible();
}

/** A full-page screenshot from the top: scrolled, the sticky header would cover the page. */
async function snap(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)');
  await shot(page, name);
}

async function chooseOption(page: Page, text: string) {
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
    .first()
    .click();
}

/** A stranger's phone: its own browser, no session, nothing remembered. */
async function phone(browser: Browser) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  return { context, page: await context.newPage() };
}

test.describe('satisfaction surveys: build, answer on a phone, read the results', () => {
  test('a unit builds and opens a survey, a respondent answers once on a phone, staff see the result', async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, 'portal', 'unit.admin.1');
    await signedIn(page);
    await page.getByRole('menuitem', { name: '满意度测评' }).click();
    await page.getByRole('button', { name: '新建测评' }).first().click();

    // The builder starts from the overall score and a suggestions box; a choice question is added.
    await page.getByLabel('测评名称').fill('办税大厅窗口服务满意度测评');
    await expect(page.getByLabel('第 1 题题目')).toHaveValue(/满意/);
    await page.getByRole('button', { name: '添加题目' }).click();
    await page.getByLabel('第 3 题的题型').click();
    await chooseOption(page, '单选题');
    await page.getByLabel('第 3 题题目').fill('您今天办理的业务');
    await page.getByLabel('选项 1', { exact: true }).fill('申报纳税');
    await page.getByLabel('选项 2', { exact: true }).fill('发票业务');
    await page.getByRole('button', { name: '第 3 题上移' }).click();
    await expect(page.getByLabel('第 2 题题目')).toHaveValue('您今天办理的业务');
    await snap(page, 'portal-survey-builder');
    await page.getByRole('button', { name: '创建并开始收集' }).click();
    await expect(page.getByText('测评已创建，开始收集答卷')).toBeVisible();
    await expect(page.locator('.ant-tag', { hasText: '收集中' })).toBeVisible();

    await page.getByRole('tab', { name: /链接和二维码/ }).click();
    await expect(page.getByRole('img', { name: /测评二维码/ })).toBeVisible();
    const link = new URL((await page.locator('code').first().textContent()) ?? '');
    expect(link.pathname).toMatch(/^\/s\/[\w-]{8,}$/);
    const surveyPage = page.url();

    // The respondent: a phone, no account.
    const respondent = await phone(browser);
    const p = respondent.page;
    await p.goto(link.pathname);
    await expect(p.getByRole('heading', { name: '办税大厅窗口服务满意度测评' })).toBeVisible();
    await expect(p.getByText('本测评匿名填写')).toBeVisible();
    // Nothing answered: the required questions say so, in place.
    await p.getByRole('button', { name: '提交' }).click();
    await expect(p.getByText('请回答这道题')).toHaveCount(2);
    await p.getByRole('radio', { name: '满意', exact: true }).click();
    await p.getByRole('radio', { name: '发票业务' }).click();
    await p.getByLabel(/您对我们还有什么意见和建议/).fill('希望增加自助办税终端。');
    await expect(p.getByText('11/500')).toBeVisible();
    await expect(p.getByText('请回答这道题')).toHaveCount(0);
    await snap(p, 'public-survey-phone-filled');
    await p.getByRole('button', { name: '提交' }).click();
    await expect(p.getByText('提交成功，感谢您的参与！')).toBeVisible();
    await snap(p, 'public-survey-phone-thanks');

    // Again from the same phone: it remembers…
    await p.reload();
    await expect(p.getByText('您已经填写过这份测评')).toBeVisible();
    // …and without its memory of answering (only its random id kept), the server refuses a second answer.
    await p.evaluate(
      (key) => {
        const kept = JSON.parse(localStorage.getItem(key) ?? '{}');
        localStorage.setItem(key, JSON.stringify({ respondent: kept.respondent }));
      },
      `wenming.survey.${link.pathname.slice(3)}`,
    );
    await p.reload();
    await p.getByRole('radio', { name: '非常不满意', exact: true }).click();
    await p.getByRole('radio', { name: '申报纳税' }).click();
    await p.getByRole('button', { name: '提交' }).click();
    await expect(p.getByText('您已经填写过这份测评')).toBeVisible();
    await respondent.context.close();

    // The campaign office sees the one response.
    await page.goto(surveyPage);
    await page.getByRole('tab', { name: /测评结果/ }).click();
    await expect(page.getByRole('tab', { name: '测评结果（1）' })).toBeVisible();
    await expect(page.getByText('100%').first()).toBeVisible();
    await expect(page.getByText('希望增加自助办税终端。')).toBeVisible();
    await snap(page, 'portal-survey-results');

    // An analyst of the office sees the figures, not the free text.
    const analyst = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(analyst, 'console', 'analyst');
    await signedIn(analyst);
    await analyst.getByRole('menuitem', { name: '满意度测评' }).click();
    await analyst.getByRole('link', { name: '办税大厅窗口服务满意度测评' }).click();
    await expect(analyst.getByRole('tab', { name: '测评结果（1）' })).toBeVisible();
    await expect(analyst.getByText('100%').first()).toBeVisible();
    await expect(analyst.getByText('您的角色不能查看文字意见')).toBeVisible();
    await expect(analyst.getByText('希望增加自助办税终端。')).toHaveCount(0);
    await expect(analyst.getByRole('button', { name: '结束测评' })).toHaveCount(0);
    await snap(analyst, 'console-survey-results-analyst');
    await analyst.close();
  });

  test('the office surveys many units at once and compares them', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, 'console', 'office.admin');
    await signedIn(page);
    await page.getByRole('menuitem', { name: '满意度测评' }).click();
    await page.getByRole('button', { name: '新建测评' }).first().click();
    await page.getByLabel('测评名称').fill('全市窗口单位群众满意度测评');
    await page.getByRole('button', { name: /全选/ }).click();
    await expect(page.getByText(/已选 \d+ 个/)).toBeVisible();
    await page.getByRole('button', { name: '保存为草稿' }).click();
    await expect(page.getByText('测评已保存为草稿')).toBeVisible();
    await expect(page.locator('.ant-tag', { hasText: '草稿' })).toBeVisible();
    // A draft shows its links first: posters go up before answers are collected.
    await expect(page.getByRole('tab', { name: '各单位链接', selected: true })).toBeVisible();
    expect(await page.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(5);

    await page.getByRole('button', { name: '开始收集' }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: '开始收集' }).click();
    await expect(page.locator('.ant-tag', { hasText: '收集中' })).toBeVisible();
    await page.getByRole('tab', { name: /测评结果/ }).click();
    await expect(page.getByText('有答卷的单位')).toBeVisible();
    await expect(page.getByText('还没有答卷')).toBeVisible();
    await snap(page, 'console-survey-office');
  });
});
