import { mkdirSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'wenming-demo';
const SHOTS = new URL('../artifacts/screenshots/', import.meta.url);

/** Signs in through the real login form of an SPA (`/console/` or `/portal/`). */
export async function signIn(page: Page, app: 'console' | 'portal', username: string, password = PASSWORD) {
  await page.goto(`/${app}/`);
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
}

/** Keeps a screenshot as a CI artifact, under apps/e2e/artifacts/screenshots. */
export async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname, fullPage: true });
}

export async function expectNoErrorAlert(page: Page) {
  await expect(page.getByRole('alert').filter({ hasText: /错误|失败|error/i })).toHaveCount(0);
}
