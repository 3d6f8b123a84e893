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

test('a phone keeps the top bar and the chat header on one line each, and the end confirmation on screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 760 });
  await startChat(page, 'bargainer');
  const oneLine = async (locator: ReturnType<typeof page.locator>, maxHeight: number) => {
    const box = await locator.boundingBox();
    expect(box, 'laid out').not.toBeNull();
    expect(box?.height ?? Infinity).toBeLessThanOrEqual(maxHeight);
    return box;
  };
  // The bar: logo, both links, the status dot and the language switch fit its width (the bar's
  // height is fixed, so overflow is what would show a crowded bar); the brand name and the
  // connection words are still there for a screen reader.
  expect(await page.locator('.topbar').evaluate((bar) => bar.scrollWidth <= bar.clientWidth)).toBe(true);
  const lang = await page.getByRole('group', { name: '界面语言' }).boundingBox();
  expect((lang?.x ?? 0) + (lang?.width ?? 999)).toBeLessThanOrEqual(360);
  for (const link of ['首页', '工作台']) await oneLine(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: link }), 32);
  await expect(page.getByRole('link', { name: /客服道场/ })).toBeVisible();
  await expect(page.getByTestId('connection')).toContainText('在线');
  // The buyer's name reads as a name, not one character per line; the drawer buttons keep their names.
  const title = await oneLine(page.locator('#chat-title'), 26);
  expect(title?.width ?? 0).toBeGreaterThan(50);
  await expect(page.getByRole('button', { name: '客户与商品' })).toBeVisible();
  await expect(page.getByRole('button', { name: '会话列表' })).toBeVisible();
  // "End the session?" and its buttons stay inside the screen.
  await page.getByRole('button', { name: '结束会话' }).click();
  const confirm = page.getByRole('group', { name: /确定结束/ });
  await expect(confirm).toBeVisible();
  for (const button of await confirm.getByRole('button').all()) {
    const box = await button.boundingBox();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 360, 'inside the screen').toBe(true);
  }
  await oneLine(page.locator('#chat-title'), 26);
  await shot(page, 'small-screen-phone');
});

test('between phone and desktop, in English, the end confirmation wraps under the name instead of crowding it out', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 800 });
  await startChat(page, 'bargainer');
  await page.getByRole('button', { name: 'EN' }).click();
  await page.getByRole('button', { name: 'End chat' }).click();
  const confirm = page.getByRole('group', { name: /End the chat now/ });
  await expect(confirm).toBeVisible();
  const head = await page.locator('.chat-head').boundingBox();
  for (const button of await confirm.getByRole('button').all()) {
    const box = await button.boundingBox();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= (head?.x ?? 0) + (head?.width ?? 0), 'inside the header').toBe(true);
  }
  const title = await page.locator('#chat-title').boundingBox();
  expect(title?.width ?? 0).toBeGreaterThan(50);
  expect(title?.height ?? 99).toBeLessThanOrEqual(26);
  await shot(page, 'small-screen-640-en-confirm');
});
