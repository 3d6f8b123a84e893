// The trainer's forms and the top bar as laid out in a real browser, at a desktop width and on a
// phone: the login's labels sit above their fields and its button under them, the card's width (it
// was squeezed beside the password field); the account page's fields have the app's field look,
// not the browser's bare one; the drill history keeps 已结束-like cells on one line at 390 px; and a
// connection that is not up keeps its word on a phone's bar, in both languages, without widening it.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { appUrl, logInTrainer } from './helpers.ts';

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  expect(b, 'laid out').not.toBeNull();
  return b ?? { x: 0, y: 0, width: 0, height: 0 };
}

/** The login's fields stacked: each label over its input, the button under the password, as wide as the fields. */
async function expectStackedLogin(page: Page): Promise<void> {
  await page.goto(appUrl('/trainer'));
  const name = await box(page.getByLabel('账号', { exact: true }));
  const password = await box(page.getByLabel('密码', { exact: true }));
  const nameLabel = await box(page.locator('label', { hasText: /^账号$/ }));
  const passwordLabel = await box(page.locator('label', { hasText: /^密码$/ }));
  const button = await box(page.getByRole('button', { name: '登录' }));
  expect(nameLabel.y + nameLabel.height).toBeLessThanOrEqual(name.y);
  expect(passwordLabel.y + passwordLabel.height).toBeLessThanOrEqual(password.y);
  expect(button.y).toBeGreaterThanOrEqual(password.y + password.height);
  expect(Math.abs(button.width - password.width)).toBeLessThanOrEqual(1);
  expect(Math.abs(name.width - password.width)).toBeLessThanOrEqual(1);
  expect(button.height).toBeGreaterThanOrEqual(36);
}

test('the login form is stacked, a narrow card on a desktop and the screen on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectStackedLogin(page);
  const card = await box(page.locator('.trainer-login'));
  expect(card.width).toBeLessThanOrEqual(420);
  expect(card.width).toBeGreaterThanOrEqual(320);

  await page.setViewportSize({ width: 390, height: 800 });
  await expectStackedLogin(page);
  const field = await box(page.getByLabel('账号', { exact: true }));
  expect(field.width).toBeGreaterThan(300);
});

test("the account page's fields and buttons have the app's look; the history fits a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await logInTrainer(page);
  // One drill in the history (still in its lobby is enough).
  await page.locator('input[data-scenario="bargainer-easy"]').check();
  await page.getByRole('button', { name: '开场' }).click();
  await page.waitForURL(/\/trainer\/drill\/[\w-]+$/);
  await page.goto(appUrl('/trainer'));
  const row = page.getByRole('table').getByRole('row').nth(1);
  for (const cell of await row.getByRole('cell').all()) {
    // The time may break between date and hour; every other cell is one line of about 21 px.
    if (/\d{4}\D\d{1,2}\D\d{1,2}/.test((await cell.textContent()) ?? '')) continue;
    expect((await box(cell)).height, (await cell.textContent()) ?? '').toBeLessThanOrEqual(36);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.goto(appUrl('/trainer/account'));
  const current = page.getByLabel('当前密码');
  const look = await current.evaluate((el) => {
    const s = getComputedStyle(el);
    return { radius: s.borderTopLeftRadius, padding: s.paddingLeft, color: s.borderTopColor, fontSize: s.fontSize };
  });
  expect(look).toEqual({ radius: '6px', padding: '10px', color: 'rgb(125, 133, 145)', fontSize: '16px' });
  const card = await box(page.locator('.trainer-card').first());
  const submit = await box(page.getByRole('button', { name: '修改我的密码' }));
  // On a phone the form's button spans the card's content, like its fields.
  expect(Math.abs(submit.width - (await box(current)).width)).toBeLessThanOrEqual(1);
  expect(submit.width).toBeGreaterThan(card.width - 60);

  await page.setViewportSize({ width: 1280, height: 800 });
  // A desktop: fields in one readable column, not the card's whole width.
  expect((await box(current)).width).toBeLessThanOrEqual(360);
  expect((await box(page.getByRole('button', { name: '修改我的密码' }))).width).toBeLessThan(200);
});

test("a phone's top bar: a working connection is the ticked dot, a lost one says so in words", async ({ page, context }) => {
  await page.setViewportSize({ width: 360, height: 760 });
  await page.goto(appUrl('/'));
  const connection = page.getByTestId('connection');
  const word = page.getByTestId('connection-word');
  await expect(connection).toHaveAttribute('data-state', 'online');
  // Online: the word is for a screen reader only (clipped to 1 px).
  expect((await box(word)).width).toBeLessThanOrEqual(1);
  for (const [language, offline] of [
    ['中文', '已断开'],
    ['EN', 'Offline'],
  ] as const) {
    await page.getByRole('button', { name: language, exact: true }).click();
    await context.setOffline(true);
    await expect(connection).toHaveAttribute('data-state', 'offline');
    await expect(word).toHaveText(offline);
    expect((await box(word)).width).toBeGreaterThan(20);
    // The pill fits: the bar is no wider than the phone, and the language switch stays on screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const switcher = await box(page.locator('.lang-switch'));
    expect(switcher.x + switcher.width).toBeLessThanOrEqual(360);
    await context.setOffline(false);
    await expect(connection).toHaveAttribute('data-state', 'online');
  }
});
