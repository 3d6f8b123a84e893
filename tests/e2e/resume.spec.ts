// A reload, or a tab closed and opened again later, comes back to the same session at its own URL
// with its whole transcript, and the chat goes on from there.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { appUrl, confirmed, sendReply, settled, startChat, traineeLines } from './helpers.ts';

const ids = (page: Page) => confirmed(page).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['messageId']));

test('a reload mid-session keeps the transcript and the chat goes on', async ({ page }) => {
  const sessionId = await startChat(page, 'bargainer');
  await sendReply(page, '亲，您好！欢迎光临踏峰户外旗舰店，我是小峰~ 两个码都有现货哦😊');
  await sendReply(page, '亲，实在不好意思，现在已经是活动价了，两双一起还能再减80，价格真的没法再低了，请您理解哈~');
  await settled(page);
  const before = await ids(page);
  expect(before.length).toBeGreaterThan(4);

  await page.reload();
  expect(new URL(page.url()).pathname).toBe(`/chat/${sessionId}`);
  await expect(confirmed(page)).toHaveCount(before.length);
  expect(await ids(page)).toEqual(before);
  await expect(traineeLines(page, '两双一起还能再减80')).toHaveCount(1);

  await sendReply(page, '亲，每家的用料做工不一样哦，我们是官方旗舰店正品，性价比很高的');
  await expect(traineeLines(page, '官方旗舰店正品')).toHaveCount(1);
});

test('a closed tab opened again finds the session in the conversation list', async ({ page, context }) => {
  const sessionId = await startChat(page, 'size-hesitant');
  await sendReply(page, '亲，您好，欢迎光临踏峰户外~ 我帮您看看尺码');
  await settled(page);
  const before = await ids(page);
  await page.close();

  const again = await context.newPage();
  await again.goto(appUrl('/chat'));
  const item = again.locator(`a[href="/chat/${sessionId}"]`);
  await expect(item).toBeVisible();
  await item.click();
  await expect(again).toHaveURL(appUrl(`/chat/${sessionId}`));
  await expect(confirmed(again)).toHaveCount(before.length);
  expect(await ids(again)).toEqual(before);
});
