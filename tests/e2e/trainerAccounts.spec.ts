// Accounts live on their own page (账号, /trainer/account), reached from the trainer's navigation in
// the top bar and by a deep link that survives a reload; the drills home no longer carries them. An
// admin adds a trainer there; the new trainer logs in with what was set there, is not an admin, and
// so sees only their own password on that page. A refused account or login says why in the page's
// language (the server's code picks the text), never in the server's English, in the app's error red.
// An admin disables a trainer, who is logged out and cannot log in; a trainer changes their own
// password and logs in with the new one, on a 390 px wide phone.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { appUrl, E2E_TRAINER, logInTrainer, shot } from './helpers.ts';

/** The app's error colour (--red in client/styles/base.css), not the amber of a warning. */
const ERROR_RED = 'rgb(200, 36, 43)';

/** From anywhere in the trainer area, the accounts page through the top bar's trainer navigation. */
async function openAccounts(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: '讲师导航' }).getByRole('link', { name: '账号' }).click();
  await page.waitForURL(/\/trainer\/account$/);
  await expect(page.getByRole('heading', { level: 1, name: '账号' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '讲师导航' }).getByRole('link', { name: '账号' })).toHaveAttribute('aria-current', 'page');
}

async function logIn(browser: Browser, name: string, password: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext(viewport ? { viewport } : {})).newPage();
  await logInTrainer(page, { name, password });
  await openAccounts(page);
  return page;
}

const PHONE = { width: 390, height: 844 };

/** The admin adds a trainer through the accounts section of the accounts page; returns that section. */
async function addTrainer(admin: Page, name: string, password: string) {
  const accounts = admin.getByRole('region', { name: '讲师账号' });
  await accounts.getByLabel('新讲师账号').fill(name);
  await accounts.getByLabel('初始密码（至少 8 个字符）').fill(password);
  await accounts.getByRole('button', { name: '添加讲师' }).click();
  await expect(accounts.getByRole('status')).toHaveText(`已添加讲师“${name}”。`);
  return accounts;
}

/** Nothing on the page is wider than the window (no sideways scrolling). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test('the drills home has no accounts; the accounts page opens from the top bar and from a deep link after a reload', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await logInTrainer(page);
  // The top bar carries the trainer's navigation, not the trainee's, and the page its one heading.
  await expect(page.getByRole('navigation', { name: '主导航' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: '讲师导航' }).getByRole('link', { name: '课堂演练' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('region', { name: '讲师账号' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: '我的账号' })).toHaveCount(0);

  await openAccounts(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '账号' })).toBeVisible();
  await expect(page.getByRole('region', { name: '我的账号' })).toBeVisible();
  await expect(page.getByRole('region', { name: '讲师账号' }).getByRole('listitem').filter({ hasText: E2E_TRAINER.name })).toBeVisible();
  await shot(page, 'trainer-accounts-admin');

  // On a tablet and just above where the bar takes a second row, the English links (the longest) still fit.
  await page.getByRole('button', { name: 'EN' }).click();
  for (const width of [761, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    for (const item of await page.getByRole('navigation', { name: 'Trainer navigation' }).locator('a, button').all()) await expect(item).toBeInViewport({ ratio: 1 });
    await expectNoSidewaysScroll(page);
    await shot(page, `trainer-accounts-${width}-en`);
  }
  await page.getByRole('button', { name: '中文' }).click();

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(appUrl('/trainer/account'));
  await fresh.getByLabel('账号', { exact: true }).fill(E2E_TRAINER.name);
  await fresh.getByLabel('密码', { exact: true }).fill(E2E_TRAINER.password);
  await fresh.getByRole('button', { name: '登录' }).click();
  // Logged in, the deep link's page, at its address.
  await expect(fresh.getByRole('region', { name: '讲师账号' })).toBeVisible();
  expect(new URL(fresh.url()).pathname).toBe('/trainer/account');
});

test('an admin adds a trainer in the browser, who then logs in without admin rights', async ({ browser }) => {
  const admin = await logIn(browser, E2E_TRAINER.name, E2E_TRAINER.password);
  const accounts = admin.getByRole('region', { name: '讲师账号' });
  await expect(accounts).toBeVisible();

  await accounts.getByLabel('新讲师账号').fill('重名');
  await accounts.getByLabel('初始密码（至少 8 个字符）').fill('short');
  await accounts.getByRole('button', { name: '添加讲师' }).click();
  await expect(accounts.getByRole('alert')).toHaveText('未能添加：密码至少要 8 个字符');
  await expect(accounts.getByRole('alert')).toHaveCSS('color', ERROR_RED);

  const name = `陈老师${Date.now() % 100_000}`;
  await accounts.getByLabel('新讲师账号').fill(name);
  await accounts.getByLabel('初始密码（至少 8 个字符）').fill('chen-laoshi-pass');
  await accounts.getByRole('button', { name: '添加讲师' }).click();
  await expect(accounts.getByRole('status')).toHaveText(`已添加讲师“${name}”。`);
  await expect(accounts.getByLabel('初始密码（至少 8 个字符）')).toHaveValue('');

  await accounts.getByLabel('新讲师账号').fill(name);
  await accounts.getByLabel('初始密码（至少 8 个字符）').fill('chen-laoshi-pass');
  await accounts.getByRole('button', { name: '添加讲师' }).click();
  await expect(accounts.getByRole('alert')).toHaveText(`未能添加：已经有叫“${name}”的讲师了`);

  const added = await logIn(browser, name, 'chen-laoshi-pass');
  await expect(added.getByRole('region', { name: '我的账号' })).toBeVisible();
  await expect(added.getByRole('region', { name: '讲师账号' })).toHaveCount(0);
});

test('a wrong password is refused in the page language', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(appUrl('/trainer'));
  await page.getByLabel('账号', { exact: true }).fill(E2E_TRAINER.name);
  await page.getByLabel('密码', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('登录失败：账号或密码不对，也可能是这个账号已被停用（请联系管理员）');
  await page.getByRole('button', { name: 'EN' }).click();
  await expect(page.getByRole('alert')).toHaveText('Login failed: wrong name or password, or this account has been disabled (ask an admin)');
});

test('an admin disables a trainer, who is logged out and then cannot log in', async ({ browser }) => {
  const name = `周老师${Date.now() % 100_000}`;
  const admin = await logIn(browser, E2E_TRAINER.name, E2E_TRAINER.password, PHONE);
  const accounts = await addTrainer(admin, name, 'zhou-laoshi-pass');
  const target = await logIn(browser, name, 'zhou-laoshi-pass');

  const row = accounts.getByRole('listitem').filter({ hasText: name });
  await expect(row).toContainText('讲师');
  await expectNoSidewaysScroll(admin);
  // Asked first; keyboard only from here: the confirm button has the focus.
  await row.getByRole('button', { name: `停用 ${name}` }).click();
  await expect(row.getByRole('button', { name: '确认停用' })).toBeFocused();
  await expectNoSidewaysScroll(admin);
  await shot(admin, 'trainer-accounts-phone-confirm', true);
  await admin.keyboard.press('Enter');
  await expect(accounts.getByRole('status')).toHaveText(`已停用“${name}”，TA 的登录都已结束。`);
  await expect(row).toContainText('已停用');
  await expect(row.getByRole('button', { name: `恢复 ${name}` })).toBeVisible();

  // Their open page is logged out without a reload (the server disconnects its drill socket); the
  // right password is then refused like a wrong one, the text naming both.
  await expect(target.getByRole('heading', { name: '讲师登录' })).toBeVisible();
  await target.getByLabel('账号', { exact: true }).fill(name);
  await target.getByLabel('密码', { exact: true }).fill('zhou-laoshi-pass');
  await target.getByRole('button', { name: '登录' }).click();
  await expect(target.getByRole('alert')).toHaveText('登录失败：账号或密码不对，也可能是这个账号已被停用（请联系管理员）');
  await expect(target.getByRole('alert')).toHaveCSS('color', ERROR_RED);
});

test('a trainer changes their own password on a phone and logs in with the new one', async ({ browser }) => {
  const name = `吴老师${Date.now() % 100_000}`;
  const admin = await logIn(browser, E2E_TRAINER.name, E2E_TRAINER.password);
  await addTrainer(admin, name, 'wu-laoshi-first');

  const page = await logIn(browser, name, 'wu-laoshi-first', PHONE);
  const mine = page.getByRole('region', { name: '我的账号' });
  await mine.getByLabel('当前密码').fill('wu-laoshi-first');
  await mine.getByLabel('新密码（至少 8 个字符）').fill('wu-laoshi-second');
  await mine.getByLabel('再输一次新密码').fill('wu-laoshi-second');
  await expectNoSidewaysScroll(page);
  // The trainer's navigation fits the phone in either language: every item on screen, nothing wider than the window.
  const nav = page.getByRole('navigation', { name: '讲师导航' });
  for (const item of await nav.locator('a, button').all()) await expect(item).toBeInViewport({ ratio: 1 });
  await shot(page, 'trainer-accounts-phone');
  await page.getByRole('button', { name: 'EN' }).click();
  const navEn = page.getByRole('navigation', { name: 'Trainer navigation' });
  await expect(navEn.getByRole('link', { name: 'Accounts' })).toHaveAttribute('aria-current', 'page');
  for (const item of await navEn.locator('a, button').all()) await expect(item).toBeInViewport({ ratio: 1 });
  await expectNoSidewaysScroll(page);
  await shot(page, 'trainer-accounts-phone-en');
  await page.getByRole('button', { name: '中文' }).click();
  await mine.getByRole('button', { name: '修改我的密码' }).click();
  await expect(mine.getByRole('status')).toHaveText('密码已修改，其他地方的登录已经结束。');
  await expect(mine.getByLabel('当前密码')).toHaveValue('');

  // This page stayed logged in; after logging out, only the new password works.
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('账号', { exact: true }).fill(name);
  await page.getByLabel('密码', { exact: true }).fill('wu-laoshi-first');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('登录失败：账号或密码不对，也可能是这个账号已被停用（请联系管理员）');
  await page.getByLabel('密码', { exact: true }).fill('wu-laoshi-second');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText(`${name}，你好`)).toBeVisible();
});
