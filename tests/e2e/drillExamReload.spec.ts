// The reported trainee path through an exam drill of two buyers, with reloads: the first buyer's chat
// stays readable after a reload (transcript, no score, "results after the drill"), the end dialog
// says the result comes later and that the next buyer follows; once the trainer ends the drill, a
// reloaded page shows that buyer's score, its report, and the trainee's drill score.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { appUrl, logInTrainer, sendReply, settled, shot, traineeLines } from './helpers.ts';

const FIRST_REPLY = '亲，您好，平时穿多大码呢？我帮您看看';

async function examDrill(browser: Browser): Promise<{ trainer: Page; code: string }> {
  const trainer = await (await browser.newContext()).newPage();
  await logInTrainer(trainer);
  for (const id of ['size-hesitant-easy', 'bargainer-easy']) await trainer.locator(`input[data-scenario="${id}"]`).check();
  await trainer.getByLabel('考试模式').check();
  await trainer.getByRole('button', { name: '开场' }).click();
  await trainer.waitForURL(/\/trainer\/drill\/[\w-]+$/);
  const code = (await trainer.getByTestId('drill-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^\d{6}$/);
  return { trainer, code };
}

const item = (page: Page, n: number) => page.locator('a.convo-item').nth(n);

test("an exam drill's earlier buyer stays readable across reloads, and its score comes with the drill's end", async ({ browser }) => {
  const { trainer, code } = await examDrill(browser);
  const page = await (await browser.newContext()).newPage();
  await page.goto(appUrl(`/join/${code}`));
  await page.getByLabel('你的昵称').fill('小明');
  await page.getByRole('button', { name: '进入演练' }).click();
  await expect(page.getByTestId('drill-waiting')).toBeVisible();
  await trainer.getByRole('button', { name: '开始演练' }).click();
  await expect(page.locator('li[data-from="buyer"]').first()).toBeVisible();

  await sendReply(page, FIRST_REPLY);
  await settled(page);
  const firstBuyer = (await page.locator('#chat-title').textContent()) ?? '';
  await page.getByRole('button', { name: '结束会话' }).click();
  const confirm = page.getByRole('group', { name: /结束这位买家/ });
  await expect(confirm).toContainText('成绩在演练结束后公布');
  await confirm.getByRole('button', { name: '结束并进入下一位' }).click();
  await expect(page.locator('#chat-title')).not.toHaveText(firstBuyer);
  await expect(page.locator('li[data-from="buyer"]').first()).toBeVisible();

  // Reloaded during the exam: the earlier buyer is listed as ended, not lost, and opens in place.
  await page.reload();
  await expect(page.getByTestId('drill-banner')).toBeVisible();
  await expect(page.locator('a.convo-item')).toHaveCount(2);
  await expect(item(page, 1)).not.toContainText('会话已失效');
  await expect(item(page, 1)).toContainText('已结束');
  await item(page, 1).click();
  await expect(page.locator('#chat-title')).toHaveText(firstBuyer);
  await expect(traineeLines(page, FIRST_REPLY)).toHaveCount(1);
  await expect(page.getByTestId('ended-banner')).toHaveText('考试进行中，成绩在演练结束后公布');
  await expect(page.locator('.chip')).toHaveCount(0);
  await expect(page.getByText('服务器上找不到这个会话了', { exact: false })).toHaveCount(0);
  await shot(page, 'drill-exam-earlier-buyer-held');

  // The trainer ends the drill; the trainee reloads again.
  await trainer.getByRole('button', { name: '结束演练' }).click();
  await trainer.getByRole('group', { name: /确定结束/ }).getByRole('button', { name: '结束演练' }).click();
  await expect(trainer.getByTestId('drill-status')).toHaveText('已结束');
  await page.reload();
  await expect(page.getByTestId('drill-banner')).toHaveAttribute('data-status', 'ended');
  await expect(item(page, 1).locator('.badge')).toHaveText(/^\d+(\.\d)? 分$/);
  await expect(page.getByTestId('drill-total')).toContainText('总分');
  await item(page, 1).click();
  await expect(traineeLines(page, FIRST_REPLY)).toHaveCount(1);
  const ended = page.getByTestId('ended-banner');
  await expect(ended).toContainText('分');
  await shot(page, 'drill-exam-released-after-reload');
  await ended.getByRole('link', { name: '查看报告' }).click();
  await page.waitForURL(/\/report\/[\w-]+$/);
  await expect(page.getByTestId('report-score')).toBeVisible();
});
