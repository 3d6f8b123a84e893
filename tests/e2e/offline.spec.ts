// Offline: a banner says so, replies typed meanwhile wait in a queue, and once the network is back
// each is sent exactly once (the server's transcript agrees after a reload).
import { expect, test } from '@playwright/test';
import { sendReply, settled, shot, startChat, traineeLines } from './helpers.ts';

const queued = ['亲，实在不好意思，现在已经是活动价了，价格这块真的没法再低了，请您理解哈~', '亲，两双一起还能再减80，比单买划算很多哦~'];

test('replies typed offline are queued and sent once when the connection is back', async ({ page, context }) => {
  await startChat(page, 'bargainer');
  await sendReply(page, '亲，您好！欢迎光临踏峰户外旗舰店，我是小峰~ 两个码都有现货哦😊');
  await settled(page);

  await context.setOffline(true);
  const banner = page.getByTestId('offline-banner');
  await expect(banner).toBeVisible();
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'offline');
  const box = page.getByLabel('回复内容');
  for (const text of queued) {
    await box.fill(text);
    await box.press('Enter');
  }
  await expect(page.locator('[data-pending="queued"]')).toHaveCount(queued.length);
  await expect(banner).toContainText('2 条待发送');
  await shot(page, 'workspace-offline');

  await context.setOffline(false);
  await expect(banner).toBeHidden();
  await settled(page);
  for (const text of queued) await expect(traineeLines(page, text)).toHaveCount(1);

  await page.reload();
  for (const text of queued) await expect(traineeLines(page, text)).toHaveCount(1);
});
