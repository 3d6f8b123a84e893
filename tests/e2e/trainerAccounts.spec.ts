// An admin adds a trainer from the trainer home page; the new trainer logs in with what was set
// there, is not an admin, and so sees no form to add others. A refused account or login says why in
// the page's language (the server's code picks the text), never in the server's English.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { appUrl, E2E_TRAINER, logInTrainer } from './helpers.ts';

async function logIn(browser: Browser, name: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logInTrainer(page, { name, password });
  return page;
}

test('an admin adds a trainer in the browser, who then logs in without admin rights', async ({ browser }) => {
  const admin = await logIn(browser, E2E_TRAINER.name, E2E_TRAINER.password);
  const accounts = admin.getByRole('region', { name: '讲师账号' });
  await expect(accounts).toBeVisible();

  await accounts.getByLabel('新讲师账号').fill('重名');
  await accounts.getByLabel('初始密码（至少 8 个字符）').fill('short');
  await accounts.getByRole('button', { name: '添加讲师' }).click();
  await expect(accounts.getByRole('alert')).toHaveText('未能添加：密码至少要 8 个字符');

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
  await expect(added.getByText(`${name}，你好`)).toBeVisible();
  await expect(added.getByRole('region', { name: '讲师账号' })).toHaveCount(0);
});

test('a wrong password is refused in the page language', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(appUrl('/trainer'));
  await page.getByLabel('账号', { exact: true }).fill(E2E_TRAINER.name);
  await page.getByLabel('密码', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('登录失败：账号或密码不对');
  await page.getByRole('button', { name: 'EN' }).click();
  await expect(page.getByRole('alert')).toHaveText('Login failed: wrong name or password');
});
