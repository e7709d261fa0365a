import { expect, test } from '@playwright/test';
import { shot, signIn } from './helpers';

test.describe('foundation: who sees what', () => {
  test('the office admin sees every unit of the city and drills into one with its status history', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, 'console', 'office.admin');
    const table = page.getByRole('table');
    await expect(table.getByRole('link', { name: '清河区税务局' })).toBeVisible();
    await expect(table.getByRole('link', { name: '云山区人民法院' })).toBeVisible();
    expect(await table.getByRole('row').count()).toBeGreaterThanOrEqual(15);
    await shot(page, 'console-unit-register-office-admin');

    await table.getByRole('link', { name: '清河区税务局' }).click();
    await expect(page).toHaveURL(/\/console\/units\//);
    await expect(page.getByText('江文明〔2024〕7号').first()).toBeVisible();
    await expect(page.getByText('0571-86012345')).toBeVisible();
    await shot(page, 'console-unit-detail-office-admin');
  });

  test('the side menu groups the work under headings, works from the keyboard, and speaks English too', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, 'console', 'office.admin');
    const menu = page.getByRole('navigation', { name: /^(菜单|Menu)$/ });
    await expect(menu.getByRole('menuitem', { name: '单位名录', exact: true })).toBeVisible();
    const headings = menu.locator('.ant-menu-item-group-title');
    await expect(headings).toHaveText([
      '单位与称号',
      '创建过程',
      '督查督办',
      '标准与考评',
      '分析',
      '系统管理',
    ]);
    // A list page names its menu heading in the breadcrumb, so every page says where it sits.
    await menu.getByRole('menuitem', { name: '整改督办' }).click();
    await expect(page.locator('.ant-breadcrumb')).toContainText('督查督办');
    await shot(page, 'console-menu-groups');

    // From the keyboard: the first Tab stop skips the menu; Enter on an entry opens it.
    await page.reload();
    await expect(menu.getByRole('menuitem', { name: '单位名录', exact: true })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('button', { name: '跳到正文' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main-content')).toBeFocused();
    await menu.getByRole('menuitem', { name: '通报' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/console\/bulletins/);

    await page.getByRole('button', { name: /语言/ }).click();
    await expect(headings.first()).toHaveText('Units & titles');
    await expect(menu.getByRole('menuitem', { name: 'Bulletins' })).toBeVisible();
    await expect(page.locator('.ant-breadcrumb')).toContainText('Supervision');
  });

  test('a visit to the register brings the menu and the first rows together, asking for them once', async ({
    page,
  }) => {
    await signIn(page, 'console', 'office.admin');
    await expect(page.getByRole('table').getByRole('link').first()).toBeVisible();
    // What the page showed before its first row: a spinner inside the page means the user
    // watched the shell wait for the page's code or its data.
    await page.addInitScript(`
      window.seen = { spinner: false, menu: false, rows: false };
      new MutationObserver((_, observer) => {
        if (document.querySelector('#main-content .ant-spin-spinning')) window.seen.spinner = true;
        if (document.querySelector('.ant-table-tbody tr.ant-table-row')) {
          window.seen.rows = true;
          window.seen.menu = Boolean(document.querySelector('nav .ant-menu'));
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    `);
    const lists: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('unit.list')) lists.push(request.url());
    });
    await page.goto('/console/?type=hospital');
    await expect(page.getByRole('table').getByRole('link', { name: '清河区人民医院' })).toBeVisible();
    expect(await page.evaluate('window.seen')).toEqual({
      spinner: false,
      menu: true,
      rows: true,
    });
    // The list asked for beside the sign-in check is the one the page shows.
    expect(lists).toHaveLength(1);
  });

  test('filters in the URL survive a reload', async ({ page }) => {
    await signIn(page, 'console', 'office.admin');
    await page.getByPlaceholder(/名称或编码|name or code/).fill('人民医院');
    await page.getByPlaceholder(/名称或编码|name or code/).press('Enter');
    await expect(page).toHaveURL(/q=/);
    await page.reload();
    const rows = page.getByRole('table').getByRole('link');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveText('清河区人民医院');
  });

  test('the analyst reads units without personal contact data and cannot register one', async ({ page }) => {
    await signIn(page, 'console', 'analyst');
    await expect(page.getByRole('table').getByRole('link', { name: '清河区税务局' })).toBeVisible();
    await expect(page.getByRole('button', { name: /新增单位|New unit/ })).toHaveCount(0);
    await page.getByRole('table').getByRole('link', { name: '清河区税务局' }).click();
    await expect(page.getByText('江州市清河区解放路 88 号')).toBeVisible();
    await expect(page.getByText('0571-86012345')).toHaveCount(0);
  });

  test('a unit admin sees only their own unit, in the portal, on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'portal', 'unit.admin.1');
    await expect(page.getByText('清河区税务局').first()).toBeVisible();
    await expect(page.getByText('纳税服务科').first()).toBeVisible();
    await expect(page.getByText('云山区人民法院')).toHaveCount(0);
    await shot(page, 'portal-home-unit-admin-phone');
  });

  test('a wrong password is refused with a translated message', async ({ page }) => {
    await signIn(page, 'console', 'office.admin', 'not-the-password');
    await expect(page.getByRole('alert')).toContainText(/用户名或密码错误|wrong username or password/i);
  });
});
