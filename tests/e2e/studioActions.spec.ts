// The studio's play-test takes the trainee's actions, not only replies: a trainer play-tests a copy
// of the phisher, declines its bulk-order file (the buyer pushes back, no red line), then, from the
// start, opens the buyer's checkout link and sees the red-line rule fire by its title, the buyer
// move to the scammed ending, and no "save as test" buttons on the action turn.
import { expect, test } from '@playwright/test';
import { createFromTemplate, openStudio, shot } from './helpers.ts';

test('a trainer play-tests the phisher: declines the file, opens the link and sees the red line', async ({ page }) => {
  await openStudio(page);
  await createFromTemplate(page, 'phisher', 'studio-phisher-actions');
  const turns = page.getByTestId('play-result');

  // The bulk-order file: declined from the buyer's line, the offer closes and the buyer pushes back.
  await page.getByLabel('买家所处环节').selectOption('bulk-file');
  await page.getByRole('button', { name: '拒收 采购清单.xlsx' }).click();
  await expect(turns).toHaveCount(1);
  await expect(turns.nth(0).getByTestId('play-action')).toHaveText('（拒收了买家的文件 采购清单.xlsx）');
  await expect(turns.nth(0).getByTestId('play-next')).toContainText('买家接下来去：发来采购清单文件（bulk-file）');
  await expect(turns.nth(0).locator('.studio-error')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^接收 / })).toHaveCount(0);

  // From the start: the checkout link, opened.
  await page.getByLabel('买家所处环节').selectOption('link-bait');
  await expect(turns).toHaveCount(0);
  await page.getByRole('button', { name: /^点开链接 http:\/\/tmall-0rder-fix\.top/ }).click();
  await expect(turns).toHaveCount(1);
  const turn = turns.nth(0);
  await expect(turn.getByTestId('play-action')).toContainText('点开了买家的链接 http://tmall-0rder-fix.top/pay/checkout');
  const redLine = turn.locator('li.studio-error').filter({ hasText: '不点钓鱼链接' });
  await expect(redLine).toContainText('no-phishing-link-click');
  await expect(redLine).toContainText('红线');
  await expect(turn.getByTestId('play-next')).toContainText('link-bait → scammed-link');
  await expect(page.getByTestId('play-outcome')).toHaveText('对话结束：店铺被骗了 · 点开了钓鱼链接（scammed-link）');
  // An action is not a reply: the embedded test format cannot hold it.
  await expect(turn.getByRole('button', { name: '存为正例测试' })).toHaveCount(0);
  // The chat is over: nothing more to open or send.
  await expect(page.getByRole('button', { name: /^点开链接 / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '核对收货地址' })).toBeDisabled();
  await shot(page, 'studio-play-open-link');
});
