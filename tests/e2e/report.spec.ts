// The report at its stable URL, in Chinese and in English, with "try again".
import { expect, test } from '@playwright/test';
import { endFromHeader, sendReply, shot, startChat } from './helpers.ts';

test('the report renders in zh-CN and en at a stable URL, and "try again" starts a new chat', async ({ page, context }) => {
  await startChat(page, 'bargainer', { mode: 'exam' });
  await sendReply(page, '亲，您好！欢迎光临踏峰户外旗舰店，我是小峰~ 两个码都有现货哦😊');
  // Exam mode: no verdicts while chatting.
  await expect(page.locator('li[data-from="trainee"]').first()).toBeVisible();
  await expect(page.locator('.chip')).toHaveCount(0);
  await endFromHeader(page);
  const reportUrl = page.url();

  await expect(page.getByText('评分报告', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: /红线/ })).toBeVisible();
  await expect(page.getByTestId('report-redlines')).toContainText('没有触碰红线');
  await expect(page.getByRole('heading', { name: '分项得分' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '关键指标' })).toBeVisible();
  await expect(page.getByText('首次响应', { exact: true })).toBeVisible();
  // Exam verdicts arrive with the report, beside the reply they concern.
  await expect(page.locator('.report-line.from-trainee .chip-pass').first()).toBeVisible();
  await shot(page, 'report-zh-CN', true);

  await page.getByRole('button', { name: 'EN' }).click();
  await expect(page.getByText('Score report', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Red lines/ })).toBeVisible();
  await expect(page.getByTestId('report-redlines')).toContainText('No red line crossed');
  await expect(page.getByRole('heading', { name: 'Points by category' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Reply by reply' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await shot(page, 'report-en', true);

  // The same URL in another tab shows the same report (the language choice is remembered).
  const other = await context.newPage();
  await other.goto(reportUrl);
  await expect(other.getByText('Score report', { exact: true })).toBeVisible();
  await other.emulateMedia({ media: 'print' });
  await expect(other.getByRole('button', { name: 'Try again' })).toBeHidden();
  await other.emulateMedia({ media: 'screen' });
  await other.getByRole('button', { name: '中文' }).click();

  await other.getByRole('button', { name: '再练一次' }).click();
  await other.waitForURL(/\/chat\/[\w-]+$/);
  expect(other.url()).not.toBe(reportUrl);
  await expect(other.locator('li[data-from="buyer"]').first()).toBeVisible();
});
