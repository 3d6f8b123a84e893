// The workbench's tools: emoji and 旺旺表情, quick phrases kept in the browser, the catalogue with
// product cards, coupons and the size chart, keyboard use of the side panel, several buyers at once.
import { expect, test } from '@playwright/test';
import { confirmed, sendReply, settled, shot, startChat, traineeLines } from './helpers.ts';

test('emoji, quick phrases, product cards, coupons and the size chart', async ({ page }) => {
  await startChat(page, 'bargainer');
  const box = page.getByLabel('回复内容');

  // 旺旺表情 go in where the cursor is; Escape closes the panel and gives focus back to its button.
  await box.fill('亲，您好 ');
  await page.getByRole('button', { name: '表情' }).click();
  const emoji = page.getByRole('dialog', { name: '表情' });
  await expect(emoji).toBeVisible();
  await shot(page, 'workspace-emoji-panel');
  await emoji.getByRole('button', { name: '[微笑]' }).click();
  await expect(box).toHaveValue('亲，您好 [微笑]');
  await page.getByRole('button', { name: '表情' }).click();
  await page.keyboard.press('Escape');
  await expect(emoji).toBeHidden();
  await expect(page.getByRole('button', { name: '表情' })).toBeFocused();
  await box.press('Enter');
  await expect(page.locator('li[data-from="trainee"]').getByRole('img', { name: '[微笑]' })).toBeVisible();

  // Quick phrases: a new one survives a reload; clicking one puts it in the reply box.
  await page.getByRole('button', { name: '快捷短语' }).click();
  const phrases = page.getByRole('dialog', { name: '快捷短语' });
  await phrases.getByRole('button', { name: '管理' }).click();
  await phrases.getByLabel('新短语').fill('亲，今天16点前付款当天发货哦~');
  await phrases.getByRole('button', { name: '添加' }).click();
  await shot(page, 'workspace-phrases-manage');
  await page.reload();
  await page.getByRole('button', { name: '快捷短语' }).click();
  await page.getByRole('button', { name: '插入：亲，今天16点前付款当天发货哦~' }).click();
  await expect(box).toHaveValue('亲，今天16点前付款当天发货哦~');
  await box.press('Enter');
  await expect(traineeLines(page, '当天发货哦')).toHaveCount(1);

  // The buyer's product link opens the product in the catalogue; send it back as a card.
  await page.locator('li[data-from="buyer"]').getByRole('button', { name: '查看商品' }).first().click();
  const product = page.locator('[data-product="breeze-daily-runner"]');
  await expect(product.getByText('尺码建议')).toBeVisible();
  await product.getByRole('button', { name: /^发送商品卡片/ }).click();
  await expect(page.locator('li[data-from="trainee"] .att-card')).toHaveCount(1);
  await page.getByRole('button', { name: /^发送优惠券/ }).first().click();
  await expect(page.locator('li[data-from="trainee"] .att-coupon')).toHaveCount(1);
  await settled(page);
  await shot(page, 'workspace-catalogue');

  // The side panel's tabs work from the keyboard.
  await page.getByRole('tab', { name: '商品' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: '尺码' })).toBeFocused();
  await expect(page.getByRole('tab', { name: '尺码' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('columnheader', { name: '脚长（毫米）' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tabpanel')).toContainText('店铺规则');
  await shot(page, 'workspace-shop-tab');
});

test('several buyers sit in the list at once, each with its own chat and waiting timer', async ({ page }) => {
  const first = await startChat(page, 'bargainer');
  await sendReply(page, '亲，您好！欢迎光临踏峰户外旗舰店，我是小峰~ 两个码都有现货哦😊');
  const second = await startChat(page, 'post-sale-complainer');
  const list = page.getByRole('navigation', { name: '会话列表' });
  await expect(list.locator('li a')).toHaveCount(2);
  const current = list.locator(`a[href="/chat/${second}"]`);
  await expect(current).toHaveAttribute('aria-current', 'page');
  await expect(current.locator('.wait-timer')).toBeVisible();
  await expect(page.getByRole('tabpanel')).toContainText('3980126645581207');
  await shot(page, 'workspace-two-buyers');

  // "End this chat?" asked in one chat is not asked in the other.
  await page.getByRole('button', { name: '结束会话' }).click();
  await expect(page.getByRole('group', { name: /确定结束/ })).toBeVisible();

  await list.locator(`a[href="/chat/${first}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/chat/${first}$`));
  await expect(traineeLines(page, '两个码都有现货')).toHaveCount(1);
  await expect(confirmed(page).first()).toBeVisible();
  await expect(page.getByRole('group', { name: /确定结束/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '结束会话' })).toBeVisible();
});
