// A trainee's seat in a practice drill, as the trainee sees it: the chat fills the window like the
// workbench (only the message list scrolls, the reply box stays on screen) on a desktop and on a
// phone; chips say passed/missed (not a rule id) while the rule texts load; a chip's feedback opens
// in view; an ended chat offers its report once; a reply typed during the trainer's pause says it waits for
// the drill and goes out on the resume; and the next scenario opens without the previous chat's
// end confirmation.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { appUrl, logInTrainer, sendReply, settled, shot, traineeLines } from './helpers.ts';

const REPLIES = ['亲，您好，欢迎光临！请问有什么可以帮您？', '这款是我们店的热销款，质量很好的哦', '两个颜色都有现货，尺码齐全的', '亲，您平时穿多大码呢？我帮您推荐一下'];

async function openDrill(browser: Browser, scenarios: string[], setup: { mode: '练习模式' | '考试模式'; minutes?: number } = { mode: '练习模式' }): Promise<{ trainer: Page; code: string }> {
  const trainer = await (await browser.newContext()).newPage();
  await logInTrainer(trainer);
  for (const id of scenarios) await trainer.locator(`input[data-scenario="${id}"]`).check();
  await trainer.getByLabel(setup.mode).check();
  if (setup.minutes !== undefined) await trainer.getByLabel('时间限制（分钟，可不填）').fill(String(setup.minutes));
  await trainer.getByRole('button', { name: '开场' }).click();
  await trainer.waitForURL(/\/trainer\/drill\/[\w-]+$/);
  const code = (await trainer.getByTestId('drill-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^\d{6}$/);
  return { trainer, code };
}

async function takeSeat(browser: Browser, code: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(appUrl(`/join/${code}`));
  await page.getByLabel('你的昵称').fill('小明');
  await page.getByRole('button', { name: '进入演练' }).click();
  await expect(page.getByTestId('drill-waiting')).toBeVisible();
  return page;
}

async function start(trainer: Page, trainee: Page): Promise<void> {
  await trainer.getByRole('button', { name: '开始演练' }).click();
  await expect(trainer.getByTestId('drill-status')).toHaveText('进行中');
  await expect(trainee.locator('li[data-from="buyer"]').first()).toBeVisible();
}

/** The window does not scroll; the message list does, and the reply box is inside the window. */
async function expectChatFitsWindow(page: Page): Promise<void> {
  const height = page.viewportSize()?.height ?? 0;
  const doc = await page.evaluate(() => ({ scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight }));
  expect(doc.scroll, 'the page itself does not scroll').toBeLessThanOrEqual(doc.client);
  expect(await page.locator('.chat-scroll').evaluate((el) => el.scrollHeight > el.clientHeight), 'the message list scrolls').toBe(true);
  for (const control of [page.getByLabel('回复内容'), page.locator('.composer')]) {
    const box = await control.boundingBox();
    expect(box, 'laid out').not.toBeNull();
    expect((box?.y ?? -1) >= 0 && (box?.y ?? 0) + (box?.height ?? Infinity) <= height, 'inside the window').toBe(true);
  }
}

test('a drill seat on a desktop: the chat fits the window, feedback opens in view, a pause holds replies, the next scenario starts clean', async ({ browser }) => {
  const { trainer, code } = await openDrill(browser, ['bargainer-easy', 'post-sale-complainer']);
  const page = await takeSeat(browser, code, { width: 1280, height: 800 });
  await start(trainer, page);

  for (const text of REPLIES) await sendReply(page, text);
  await settled(page);
  await expectChatFitsWindow(page);
  await shot(page, 'drill-seat-desktop');

  // A chip at the bottom edge of the list (a low window, so that there is room to scroll it there):
  // its feedback opens below it, and is brought into view.
  await page.setViewportSize({ width: 1280, height: 520 });
  await expectChatFitsWindow(page);
  const reply = page.locator('li[data-from="trainee"]:has(.chip)').last();
  const chip = reply.locator('.chip').first();
  await expect(chip).not.toHaveClass(/chip-pending/);
  const edge = await chip.evaluate((el) => {
    const list = el.closest('.chat-scroll') as HTMLElement;
    list.scrollTop += el.getBoundingClientRect().bottom - list.getBoundingClientRect().bottom;
    return Math.abs(el.getBoundingClientRect().bottom - list.getBoundingClientRect().bottom);
  });
  expect(edge, 'the chip sits at the bottom edge of the list').toBeLessThan(2);
  await chip.click();
  const detail = reply.locator('.verdict-detail');
  await expect(detail).toBeVisible();
  await expect
    .poll(async () => {
      const list = await page.locator('.chat-scroll').boundingBox();
      const box = await detail.boundingBox();
      return list && box ? box.y >= list.y - 1 && box.y + box.height <= list.y + list.height + 1 : false;
    }, 'the opened feedback is in view')
    .toBe(true);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectChatFitsWindow(page);

  // During the pause a reply waits for the drill, not for the network; it goes out on the resume.
  await trainer.getByRole('button', { name: '暂停' }).click();
  await expect(page.getByTestId('drill-banner')).toHaveAttribute('data-status', 'paused');
  const box = page.getByLabel('回复内容');
  await box.fill('亲，稍等我帮您查一下库存');
  await box.press('Enter');
  await expect(page.locator('[data-pending] .pending-status')).toHaveText('演练已暂停，继续后发送');
  await page.locator('[data-pending]').scrollIntoViewIfNeeded();
  await shot(page, 'drill-seat-paused-reply');
  await trainer.getByRole('button', { name: '继续' }).click();
  await expect(page.getByTestId('drill-banner')).toHaveAttribute('data-status', 'running');
  await expect(traineeLines(page, '帮您查一下库存')).toHaveCount(1);
  await settled(page);

  // Ending the first chat from its header moves the seat on; the next chat asks nothing yet.
  const firstBuyer = await page.locator('#chat-title').textContent();
  await page.getByRole('button', { name: '结束会话' }).click();
  await page.getByRole('group', { name: /确定结束/ }).getByRole('button', { name: '结束并评分' }).click();
  await expect(page.locator('#chat-title')).not.toHaveText(firstBuyer ?? '');
  await expect(page.locator('li[data-from="buyer"]').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '结束会话' })).toBeVisible();
  await expect(page.getByRole('group', { name: /确定结束/ })).toHaveCount(0);
  await shot(page, 'drill-seat-second-scenario');
});

test('a drill seat on a phone: chips wait for their names, the chat fits the screen, one report link at the end', async ({ browser }) => {
  const { trainer, code } = await openDrill(browser, ['bargainer-easy']);
  const page = await takeSeat(browser, code, { width: 360, height: 760 });
  // The rule texts come slowly: meanwhile the chips say passed/missed, never a rule id.
  let release: () => void = () => undefined;
  const texts = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/sessions/*/rules', async (route) => {
    await texts;
    await route.continue();
  });
  await start(trainer, page);
  await sendReply(page, REPLIES[0] as string);
  const chips = page.locator('li[data-from="trainee"]').first().locator('.chip');
  await expect(chips.first()).toHaveClass(/chip-pending/);
  for (const chip of await chips.all()) await expect(chip).toHaveText(/^[✓✗](通过|未通过)$/);
  await shot(page, 'drill-seat-phone-chips-loading');
  release();
  await expect(page.locator('.chip-pending')).toHaveCount(0);
  await expect(chips.filter({ hasText: '欢迎语' })).toHaveCount(1);

  for (const text of REPLIES.slice(1)) await sendReply(page, text);
  await settled(page);
  await expectChatFitsWindow(page);
  await shot(page, 'drill-seat-phone');

  // Ended, the chat offers its report once (in the banner), and still fits the screen.
  await page.getByRole('button', { name: '结束会话' }).click();
  await page.getByRole('group', { name: /确定结束/ }).getByRole('button', { name: '结束并评分' }).click();
  await expect(page.getByTestId('ended-banner')).toBeVisible();
  await expect(page.getByRole('link', { name: '查看报告' })).toHaveCount(1);
  await expect(page.getByTestId('ended-banner').getByRole('link', { name: '查看报告' })).toBeVisible();
  await expectChatFitsWindow(page);
  await shot(page, 'drill-seat-phone-ended');
});

test("a drill seat's lobby on a phone says what the drill is: the buyers in order, exam, the time limit", async ({ browser }) => {
  const { trainer, code } = await openDrill(browser, ['bargainer-easy', 'phisher-hard'], { mode: '考试模式', minutes: 15 });
  const page = await takeSeat(browser, code, { width: 390, height: 844 });
  const setup = page.getByTestId('drill-setup');
  await expect(setup.getByRole('heading', { name: '本场演练' })).toBeVisible();
  await expect(page.getByTestId('drill-setup-mode')).toContainText('考试模式');
  await expect(page.getByTestId('drill-setup-mode')).toContainText('成绩报告');
  await expect(page.getByTestId('drill-setup-limit')).toContainText('15 分钟');
  await expect(setup.getByRole('heading', { name: '你将依次接待的 2 位买家' })).toBeVisible();
  const buyers = setup.getByRole('listitem');
  await expect(buyers).toHaveCount(2);
  await expect(buyers.nth(0)).toContainText('议价买家（入门）');
  await expect(buyers.nth(0)).toContainText('议价买家');
  await expect(buyers.nth(0)).toContainText('简单');
  await expect(buyers.nth(1)).toContainText('难缠的钓鱼买家');
  await expect(buyers.nth(1)).toContainText('钓鱼/引流');
  await expect(buyers.nth(1)).toContainText('困难');
  // Nothing sticks out sideways on the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, 'drill-lobby-phone', true);

  await page.getByRole('button', { name: 'EN' }).click();
  await expect(setup.getByRole('heading', { name: 'About this drill' })).toBeVisible();
  await expect(page.getByTestId('drill-setup-mode')).toContainText('Exam');
  await expect(page.getByTestId('drill-setup-limit')).toContainText('15 min');
  await expect(buyers.nth(1)).toContainText('The persistent phisher');
  await expect(buyers.nth(1)).toContainText('Hard');
  await shot(page, 'drill-lobby-phone-en', true);

  // Once the trainer starts, the lobby gives way to the chat.
  await trainer.getByRole('button', { name: '开始演练' }).click();
  await expect(page.locator('li[data-from="buyer"]').first()).toBeVisible();
  await expect(page.getByTestId('drill-setup')).toHaveCount(0);
});
