// Driving the trainee UI the way a person does: pick a buyer on the home page, type replies and
// press Enter, click the cards a buyer sends, end the chat and open the report.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

const ROOT = join(import.meta.dirname, '..', '..');
const SHOTS = join(ROOT, 'test-results', 'screenshots');

export function appUrl(path: string): string {
  const base = process.env['E2E_BASE_URL'];
  if (!base) throw new Error('E2E_BASE_URL is not set: run the specs through playwright.config.ts (its global setup starts the server)');
  return new URL(path, base).href;
}

/** Screenshots kept as test artefacts in test-results/screenshots/. */
export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

/** The trainer the e2e server is started with (TRAINER_BOOTSTRAP in globalSetup.ts), an admin. */
export const E2E_TRAINER = { name: 'e2e-trainer', password: 'e2e-trainer-password' };

/** Logs in on /trainer (as the e2e trainer unless told otherwise) and waits for the trainer home. */
export async function logInTrainer(page: Page, account: { name: string; password: string } = E2E_TRAINER): Promise<void> {
  await page.goto(appUrl('/trainer'));
  await page.getByLabel('账号', { exact: true }).fill(account.name);
  await page.getByLabel('密码', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '课堂演练' })).toBeVisible();
}

/** Logs in as the e2e trainer and opens the studio from the trainer home. */
export async function openStudio(page: Page): Promise<void> {
  await logInTrainer(page);
  await page.getByRole('link', { name: '剧本工作室' }).click();
  await expect(page.getByRole('heading', { name: '剧本工作室' })).toBeVisible();
}

/** A new studio scenario from a library template; the page ends in its editor, checks passing. */
export async function createFromTemplate(page: Page, template: string, id: string): Promise<void> {
  await page.getByLabel('模板').selectOption(template);
  await page.getByLabel(/新剧本 ID/).fill(id);
  await page.getByRole('button', { name: '新建' }).click();
  await page.waitForURL(new RegExp(`/trainer/studio/edit/${id}$`));
  await expect(page.getByTestId('studio-problems')).toHaveText('检查通过，内置测试全部通过');
}

export type Turn =
  | { say: string }
  | { do: 'click-link' | 'accept-file' | 'decline-file' | 'confirm-address' }
  | { do: 'send-card'; product: string }
  | { do: 'send-coupon'; coupon: string };

/** The scripted trainees of the persona library (tests/scenarios/scripts/<persona>/<name>.json). */
export function loadScript(persona: string, name: string): Turn[] {
  const text = readFileSync(join(ROOT, 'tests', 'scenarios', 'scripts', persona, `${name}.json`), 'utf8');
  return (JSON.parse(text) as { turns: Turn[] }).turns;
}

export async function startChat(page: Page, scenarioId: string, options: { name?: string; mode?: 'practice' | 'exam' } = {}): Promise<string> {
  await page.goto(appUrl('/'));
  await page.getByLabel('你的客服昵称').fill(options.name ?? '小峰');
  await page.getByLabel(options.mode === 'exam' ? '考试模式' : '练习模式').check();
  await page.locator(`[data-scenario="${scenarioId}"]`).getByRole('button', { name: /^开始/ }).click();
  await page.waitForURL(/\/chat\/[\w-]+$/);
  await expect(page.locator('li[data-from="buyer"]').first()).toBeVisible();
  return new URL(page.url()).pathname.split('/').at(-1) as string;
}

export const confirmed = (page: Page) => page.locator('ol.chat-log > li[data-message-id]');
export const traineeLines = (page: Page, text: string) => page.locator('li[data-from="trainee"]').filter({ hasText: text });

/** Everything the trainee sent has been acknowledged by the server. */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('[data-pending]')).toHaveCount(0);
}

export async function sendReply(page: Page, text: string): Promise<void> {
  const box = page.getByLabel('回复内容');
  await box.fill(text);
  await box.press('Enter');
  await expect(box).toHaveValue('');
  await expect(traineeLines(page, text).last()).toBeVisible();
}

async function actionDone(page: Page, kind: string, before: number): Promise<void> {
  await expect(page.locator(`li[data-action="${kind}"]`)).toHaveCount(before + 1);
}

export async function closeNotice(page: Page): Promise<void> {
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();
}

export async function playTurn(page: Page, turn: Turn): Promise<void> {
  if ('say' in turn) return sendReply(page, turn.say);
  const count = (kind: string) => page.locator(`li[data-action="${kind}"]`).count();
  switch (turn.do) {
    case 'click-link': {
      const before = await count('link-opened');
      await page.locator('li[data-from="buyer"] .att-link').last().click();
      await closeNotice(page);
      return actionDone(page, 'link-opened', before);
    }
    case 'accept-file':
    case 'decline-file': {
      const kind = turn.do === 'accept-file' ? 'file-accepted' : 'file-declined';
      const before = await count(kind);
      await page.getByRole('button', { name: turn.do === 'accept-file' ? /^接收 / : /^拒绝 / }).last().click();
      if (turn.do === 'accept-file') await closeNotice(page);
      return actionDone(page, kind, before);
    }
    case 'confirm-address': {
      const before = await count('address-confirmed');
      await page.getByRole('button', { name: /核对地址/ }).click();
      return actionDone(page, 'address-confirmed', before);
    }
    case 'send-card': {
      const before = await page.locator('li[data-from="trainee"] .att-card').count();
      await page.getByRole('tab', { name: '商品' }).click();
      const row = page.locator(`[data-product="${turn.product}"]`);
      if ((await row.getByRole('button', { expanded: true }).count()) === 0) await row.getByRole('button').first().click();
      await row.getByRole('button', { name: /^发送商品卡片/ }).click();
      await expect(page.locator('li[data-from="trainee"] .att-card')).toHaveCount(before + 1);
      return;
    }
    case 'send-coupon': {
      const before = await page.locator('li[data-from="trainee"] .att-coupon').count();
      await page.getByRole('tab', { name: '商品' }).click();
      await page.getByRole('button', { name: /^发送优惠券/ }).first().click();
      await expect(page.locator('li[data-from="trainee"] .att-coupon')).toHaveCount(before + 1);
      return;
    }
  }
}

/** After an outcome: end the chat from the outcome banner and open the report. */
export async function endAndOpenReport(page: Page): Promise<void> {
  const banner = page.getByTestId('outcome-banner');
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: '结束并评分' }).click();
  await openReportAfterEnd(page);
}

/** End a chat that has no outcome yet, from the header. */
export async function endFromHeader(page: Page): Promise<void> {
  await page.getByRole('button', { name: '结束会话' }).click();
  await page.getByRole('group', { name: /确定结束/ }).getByRole('button', { name: '结束并评分' }).click();
  await openReportAfterEnd(page);
}

/**
 * End a chat whatever its state: once the buyer has her outcome only the banner offers the end (the
 * header's 结束会话 is gone), before it only the header does.
 */
export async function endChat(page: Page): Promise<void> {
  await settled(page);
  const banner = page.getByTestId('outcome-banner');
  const header = page.getByRole('button', { name: '结束会话' });
  await expect(banner.or(header).first()).toBeVisible();
  if (!(await banner.isVisible())) {
    // The outcome may still arrive between the look and the click, taking the header's button away:
    // a short try, then the banner.
    const clicked = await header.click({ timeout: 5000 }).then(
      () => true,
      () => false,
    );
    if (clicked) {
      await page.getByRole('group', { name: /确定结束/ }).getByRole('button', { name: '结束并评分' }).click();
      await openReportAfterEnd(page);
      return;
    }
  }
  await endAndOpenReport(page);
}

async function openReportAfterEnd(page: Page): Promise<void> {
  const ended = page.getByTestId('ended-banner');
  await expect(ended).toBeVisible();
  await ended.getByRole('link', { name: '查看报告' }).click();
  await page.waitForURL(/\/report\/[\w-]+$/);
  await expect(page.getByTestId('report-score')).toBeVisible();
}

/**
 * A buyer photo has loaded as a picture (not a broken image), opens larger in a dialog, and Escape
 * closes the dialog with focus back on the thumbnail. Screenshots the enlarged view.
 */
export async function expectPhoto(page: Page, key: string): Promise<void> {
  const opener = page.locator(`li[data-from="buyer"] .att-photo-open:has(img[src="/media/${key}.svg"])`);
  const thumb = opener.locator('img');
  await thumb.scrollIntoViewIfNeeded();
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await shot(page, `photo-in-chat-${key}`);
  await opener.click();
  const dialog = page.getByRole('dialog', { name: (await thumb.getAttribute('alt')) ?? '' });
  await expect(dialog).toBeVisible();
  const large = dialog.locator('img');
  await expect.poll(() => large.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await shot(page, `photo-dialog-${key}`);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
}
