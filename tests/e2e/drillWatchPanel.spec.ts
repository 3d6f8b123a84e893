// The trainer's dashboard with the reveal card open: opening a trainee's read-only chat brings the
// watch panel into view (it comes after the reveal card on the page), on a laptop (1280×800) and on
// a phone-wide window (390 px); the trainee's chat meanwhile says the trainer paused to go over answers.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { appUrl, logInTrainer, sendReply, settled, shot } from './helpers.ts';

async function newPage(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<Page> {
  return (await browser.newContext({ viewport })).newPage();
}

test('the watch panel opens in view below an open reveal card, at 1280×800 and at 390 px wide', async ({ browser }) => {
  const trainer = await newPage(browser);
  await logInTrainer(trainer);
  await trainer.locator('input[data-scenario="bargainer-easy"]').check();
  await trainer.getByLabel('练习模式').check();
  await trainer.getByRole('button', { name: '开场' }).click();
  await trainer.waitForURL(/\/trainer\/drill\/[\w-]+$/);
  const code = (await trainer.getByTestId('drill-code').textContent())?.trim() ?? '';
  const names = ['小明', '小红', '小刚'];
  const trainees: Page[] = [];
  for (const name of names) {
    const page = await newPage(browser);
    await page.goto(appUrl(`/join/${code}`));
    await page.getByLabel('你的昵称').fill(name);
    await page.getByRole('button', { name: '进入演练' }).click();
    await expect(page.getByTestId('drill-waiting')).toBeVisible();
    trainees.push(page);
  }
  await trainer.getByRole('button', { name: '开始演练' }).click();
  await expect(trainer.getByTestId('drill-setup-summary')).toContainText('练习模式');
  for (const page of trainees) {
    await expect(page.locator('li[data-from="buyer"]').first()).toBeVisible();
    // A real answer: a greeting alone is a holding line (rubric revision 5), which the reveal leaves out.
    await sendReply(page, '亲，两个码都有现货的，放心拍哦~');
    await settled(page);
  }

  await trainer.getByRole('button', { name: '冻结并收集回复' }).click();
  await expect(trainer.getByTestId('reveal-panel').getByTestId('reveal-entry')).toHaveCount(3);
  const trainee = trainees[0] as Page;
  await expect(trainee.getByTestId('drill-pause-notice')).toContainText('老师暂停了演练，正在和全班一起看这一步的回复');
  await shot(trainee, 'drill-paused-reveal-trainee');

  const watch = trainer.getByTestId('watch-panel');
  await trainer.getByRole('button', { name: `查看 ${names[2]} 的对话` }).click();
  await expect(watch).toBeInViewport({ ratio: 0.9 });
  await expect(watch.getByRole('heading', { name: `${names[2]} 的对话（只读）` })).toBeFocused();
  await shot(trainer, 'drill-watch-over-reveal');

  await watch.getByRole('button', { name: '关闭查看' }).click();
  await trainer.setViewportSize({ width: 390, height: 844 });
  await trainer.evaluate(() => window.scrollTo(0, 0));
  await trainer.getByRole('button', { name: `查看 ${names[0]} 的对话` }).click();
  await expect(watch).toBeInViewport({ ratio: 0.9 });
  await shot(trainer, 'drill-watch-over-reveal-narrow');

  await trainer.getByRole('button', { name: '继续' }).click();
  await expect(trainee.getByTestId('drill-pause-notice')).toHaveCount(0);
});
