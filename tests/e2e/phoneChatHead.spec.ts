// A phone (390x844), the post-sale complainer at the standard level: the chat header keeps the
// buyer's name and its drawer buttons on one line while the end is being confirmed (the confirmation
// takes a row of its own under it), and the screen never shows two 结束并评分: once the buyer has her
// outcome, the outcome banner alone ends the chat.
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { loadScript, playTurn, settled, shot, startChat } from './helpers.ts';

test.use({ viewport: { width: 390, height: 844 } });

/** The header's drawer buttons sit on the line of the buyer's name, not on a line of their own. */
async function expectHeadOnOneLine(page: Page): Promise<void> {
  const name = await page.locator('#chat-title').boundingBox();
  for (const label of ['会话列表', '客户与商品']) {
    const box = await page.getByRole('button', { name: label }).boundingBox();
    const middle = (box?.y ?? 0) + (box?.height ?? 0) / 2;
    expect(middle, `${label} on the name's line`).toBeGreaterThan((name?.y ?? 0) - 12);
    expect(middle, `${label} on the name's line`).toBeLessThan((name?.y ?? 0) + (name?.height ?? 0) + 12);
  }
}

test('the chat header fits one line and one 结束并评分 shows at a time', async ({ page }) => {
  await startChat(page, 'post-sale-complainer');
  await expectHeadOnOneLine(page);

  await page.getByRole('button', { name: '结束会话' }).click();
  const confirm = page.getByRole('group', { name: /确定结束/ });
  await expect(confirm).toContainText('买家还在等着');
  await expectHeadOnOneLine(page);
  await expect(page.getByRole('button', { name: '结束并评分' })).toHaveCount(1);
  await shot(page, 'phone-390-end-confirm');
  await confirm.getByRole('button', { name: '取消' }).click();

  for (const turn of loadScript('post-sale-complainer', 'normal-skilled')) await playTurn(page, turn);
  await settled(page);
  await expect(page.getByTestId('outcome-banner')).toBeVisible();
  await expectHeadOnOneLine(page);
  await expect(page.getByRole('button', { name: '结束会话' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '结束并评分' })).toHaveCount(1);
  await shot(page, 'phone-390-outcome');
});
