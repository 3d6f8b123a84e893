// Small screens: below 900 px the side panel leaves the grid and a header toggle brings it back as a
// drawer over the chat; below 700 px the conversation list does the same. Both open and close from
// the keyboard, Escape closes them, and focus goes back to the toggle.
import { expect, test } from '@playwright/test';
import { shot, startChat } from './helpers.ts';

test.use({ viewport: { width: 800, height: 900 } });

test('the side panel and the conversation list open as drawers on a small screen', async ({ page }) => {
  await startChat(page, 'bargainer');
  const sideToggle = page.getByRole('button', { name: '客户与商品' });
  const side = page.getByRole('dialog', { name: '客户与商品' });
  const buyerTab = page.getByRole('tab', { name: '客户' });

  // 800 px: the side panel is out of the grid, the conversation list still fits.
  await expect(buyerTab).toBeHidden();
  await expect(page.getByRole('navigation', { name: '会话列表' })).toBeVisible();
  await expect(page.getByRole('button', { name: '会话列表' })).toBeHidden();
  await expect(sideToggle).toHaveAttribute('aria-expanded', 'false');
  await shot(page, 'small-screen-800');

  // Open from the keyboard: focus moves into the drawer, Escape closes it and returns focus.
  await sideToggle.focus();
  await page.keyboard.press('Enter');
  await expect(side).toBeVisible();
  await expect(sideToggle).toHaveAttribute('aria-expanded', 'true');
  await expect(side.getByRole('button', { name: '收起' })).toBeFocused();
  await expect(side.getByRole('heading', { name: '买家资料' })).toBeVisible();
  await side.getByRole('tab', { name: '商品' }).click();
  await expect(side.getByRole('tabpanel')).toBeVisible();
  await shot(page, 'small-screen-side-drawer');
  await page.keyboard.press('Escape');
  await expect(side).toBeHidden();
  await expect(sideToggle).toBeFocused();
  await expect(sideToggle).toHaveAttribute('aria-expanded', 'false');

  // The buyer's product link brings the drawer out at the product; a click outside puts it away.
  await page.locator('li[data-from="buyer"]').getByRole('button', { name: '查看商品' }).first().click();
  await expect(side).toBeVisible();
  await expect(side.getByRole('tab', { name: '商品' })).toHaveAttribute('aria-selected', 'true');
  await page.mouse.click(100, 450);
  await expect(side).toBeHidden();

  // 640 px: the conversation list collapses too, behind its own toggle.
  await page.setViewportSize({ width: 640, height: 900 });
  const listToggle = page.getByRole('button', { name: '会话列表' });
  const list = page.getByRole('dialog', { name: '会话列表' });
  await expect(page.getByRole('navigation', { name: '会话列表' })).toBeHidden();
  await expect(listToggle).toBeVisible();
  await listToggle.focus();
  await page.keyboard.press('Space');
  await expect(list).toBeVisible();
  await expect(list.getByRole('navigation', { name: '会话列表' })).toBeVisible();
  await expect(list.getByRole('button', { name: '收起' })).toBeFocused();
  await shot(page, 'small-screen-list-drawer');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(listToggle).toBeFocused();

  // The close button works as well, and the chat itself stays usable at this width.
  await listToggle.click();
  await list.getByRole('button', { name: '收起' }).click();
  await expect(list).toBeHidden();
  await expect(listToggle).toBeFocused();
  await expect(page.getByLabel('回复内容')).toBeVisible();
  await shot(page, 'small-screen-chat');
});
