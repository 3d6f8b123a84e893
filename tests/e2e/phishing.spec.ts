// Opening the phisher's link never navigates: the simulator records it, says what just happened,
// and the report lists it as a red line.
import { expect, test } from '@playwright/test';
import { confirmed, endAndOpenReport, sendReply, settled, shot, startChat } from './helpers.ts';

test('the phishing link is recorded, not followed, and fails the chat as a red line', async ({ page, context }) => {
  await startChat(page, 'phisher');
  await sendReply(page, '亲，您好，我帮您看看');
  const link = page.locator('li[data-from="buyer"] .att-link').last();
  await expect(link).toBeVisible();
  const chatUrl = page.url();

  await link.click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('链接没有被打开');
  await expect(dialog).toContainText('这次操作已记录');
  await shot(page, 'workspace-phishing-notice');
  await dialog.getByRole('button', { name: '关闭' }).click();
  expect(page.url()).toBe(chatUrl);
  expect(context.pages()).toHaveLength(1);
  await expect(page.locator('li[data-action="link-opened"]')).toHaveCount(1);
  await settled(page);
  // Practice mode says so at once, under the action.
  await expect(page.locator('li[data-action="link-opened"] .chip-fail')).toContainText('不点钓鱼链接');
  await expect(confirmed(page).first()).toBeVisible();

  await endAndOpenReport(page);
  const redLines = page.getByTestId('report-redlines');
  await expect(redLines.locator('[data-rule="no-phishing-link-click"]')).toContainText('不点钓鱼链接');
  await expect(page.getByTestId('report-score')).toContainText('未通过');
  await shot(page, 'report-phishing-redline', true);
});
