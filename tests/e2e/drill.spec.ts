// A classroom drill end to end: one trainer and three trainees in their own browser contexts. The
// trainer logs in (the bootstrap trainer of globalSetup.ts), opens a drill, the class joins with the
// code, plays, one trainee reloads mid-drill and keeps the seat, the trainer pauses, reveals, resumes,
// ends, reads the results and downloads the CSV.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { appUrl, logInTrainer, sendReply, settled, shot, traineeLines } from './helpers.ts';

const NAMES = ['小明', '小红', '小刚'];

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

async function joinDrill(page: Page, code: string, name: string): Promise<void> {
  await page.goto(appUrl(`/join/${code}`));
  await page.getByLabel('你的昵称').fill(name);
  await page.getByRole('button', { name: '进入演练' }).click();
  await expect(page.getByTestId('drill-waiting')).toBeVisible();
}

test('a trainer runs a drill with three trainees: join, start, reload, pause, reveal, end, export', async ({ browser }) => {
  const trainer = await newPage(browser);
  await logInTrainer(trainer);

  await trainer.locator('input[data-scenario="bargainer-easy"]').check();
  await trainer.getByLabel('考试模式').check();
  await trainer.getByRole('button', { name: '开场' }).click();
  await trainer.waitForURL(/\/trainer\/drill\/[\w-]+$/);
  const code = (await trainer.getByTestId('drill-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^\d{6}$/);
  await expect(trainer.getByTestId('join-url')).toHaveText(new RegExp(`/join/${code}$`));
  await expect(trainer.getByRole('img', { name: new RegExp(code) })).toBeVisible();

  const trainees = [await newPage(browser), await newPage(browser), await newPage(browser)];
  for (const [i, page] of trainees.entries()) await joinDrill(page, code, NAMES[i] as string);
  const tiles = trainer.getByTestId('tile');
  await expect(tiles).toHaveCount(3);
  for (const name of NAMES) await expect(trainer.locator(`[data-testid="tile"][data-name="${name}"]`)).toBeVisible();
  await shot(trainer, 'drill-lobby');

  await trainer.getByRole('button', { name: '开始演练' }).click();
  await expect(trainer.getByTestId('drill-status')).toHaveText('进行中');
  for (const page of trainees) await expect(page.locator('li[data-from="buyer"]').first()).toBeVisible();
  // The opening move reaches the dashboard before anyone answers: the reveal can pick it later. A
  // tile names the move by its label; the state id the YAML uses is its tooltip.
  for (const move of await trainer.getByTestId('tile-move').all()) {
    await expect(move).toHaveText('问尺码和颜色');
    await expect(move).toHaveAttribute('title', 'opening');
  }

  const replies = ['亲，您好，欢迎光临！请问有什么可以帮您？', '这款是我们店的热销款，质量很好的哦'];
  for (const page of trainees) {
    for (const text of replies) await sendReply(page, text);
    await settled(page);
  }

  // A reload keeps the seat and the whole transcript, and the chat goes on.
  const [reloader, paused, revealed] = trainees as [Page, Page, Page];
  await reloader.reload();
  await expect(reloader.getByTestId('drill-banner')).toBeVisible();
  for (const text of replies) await expect(traineeLines(reloader, text)).toHaveCount(1);
  await sendReply(reloader, '亲，现在下单还有优惠券可以用哦');
  await settled(reloader);
  await expect(trainer.getByTestId('tile-score').first()).toBeVisible();

  // Watch one trainee's chat, read-only and live.
  await trainer.getByRole('button', { name: `查看 ${NAMES[1]} 的对话` }).click();
  const watch = trainer.getByTestId('watch-panel');
  await expect(watch.locator('li[data-from="trainee"]').filter({ hasText: replies[0] as string })).toBeVisible();
  await expect(watch.getByRole('textbox')).toHaveCount(0);
  // Under each reply its verdicts, in an exam too: the trainer is not the examinee, who sees none.
  const firstReply = watch.locator('li[data-from="trainee"]').filter({ hasText: replies[0] as string });
  await expect(firstReply.getByRole('button', { name: /欢迎语/ })).toBeVisible();
  await expect(paused.locator('.verdicts')).toHaveCount(0);
  // Live: the watched trainee crosses a red line, and it shows under that reply, marked as one.
  await sendReply(paused, '亲，加我微信吧，私下给你便宜');
  await settled(paused);
  const crossed = watch.locator('li[data-from="trainee"]').filter({ hasText: '加我微信' });
  await expect(crossed.locator('.chip-redline').first()).toContainText('红线');
  await expect(watch.getByTestId('watch-summary')).toContainText('触碰红线');
  await expect(watch.getByTestId('watch-summary')).toContainText('学员要等考试结束后在报告里才看到');
  await expect(paused.locator('.verdicts')).toHaveCount(0);
  await shot(trainer, 'drill-dashboard', true);

  // In English the dashboard speaks English, rules by their titles (not their ids).
  await trainer.getByRole('button', { name: 'EN' }).click();
  await expect(trainer.getByTestId('drill-status')).toHaveText('Running');
  await expect(trainer.getByRole('heading', { name: 'Rules across the class' })).toBeVisible();
  await expect(trainer.locator('[data-rule="greeting"] th')).toContainText('Welcome greeting');
  await expect(trainer.getByRole('button', { name: 'Pause' })).toBeVisible();
  // Chat steps (buyer moves) by their English labels: the reveal picker lists the opening one first.
  await expect(trainer.getByLabel('Pick a chat step', { exact: true }).locator('option').first()).toHaveText('Asks about size and colour');
  await trainer.getByRole('button', { name: '中文' }).click();
  await expect(trainer.getByTestId('drill-status')).toHaveText('进行中');

  await trainer.getByRole('button', { name: '暂停' }).click();
  await expect(trainer.getByTestId('drill-status')).toHaveText('已暂停');
  await expect(paused.getByTestId('drill-banner')).toHaveAttribute('data-status', 'paused');
  await expect(paused.getByTestId('drill-banner')).toContainText('暂停');

  // The reveal: the opening move (first in the list, by its label alone), every trainee's reply anonymised.
  const picker = trainer.getByLabel('选择对话环节');
  await expect(picker).toHaveValue('bargainer-easy/opening');
  await expect(picker.locator('option').first()).toHaveText('问尺码和颜色');
  await trainer.getByRole('button', { name: '冻结并收集回复' }).click();
  const board = trainer.getByTestId('reveal-panel').getByTestId('reveal-entry');
  await expect(board).toHaveCount(3);
  await expect(trainer.getByTestId('reveal-panel').getByTestId('reveal-move')).toHaveText('对话环节：问尺码和颜色');
  for (const name of NAMES) await expect(trainer.getByTestId('reveal-panel')).not.toContainText(name);
  await trainer.getByRole('button', { name: '投屏给全班' }).click();
  // An exam still on: the trainer is told what it shows to whom, and confirms (focus is in the question).
  const ask = trainer.getByRole('alertdialog', { name: '考试还没结束，确定要投屏吗？' });
  await expect(ask).toContainText('全部学员（3 人）');
  await expect(ask.getByRole('button', { name: '先不投屏' })).toBeFocused();
  await expect(revealed.getByRole('dialog', { name: '全班回复对比' })).toBeHidden();
  await ask.getByRole('button', { name: '仍然投屏' }).click();
  await expect(ask).toBeHidden();
  const dialog = revealed.getByRole('dialog', { name: '全班回复对比' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('reveal-entry')).toHaveCount(3);
  await expect(dialog.getByTestId('reveal-move')).toHaveText('对话环节：问尺码和颜色');
  await trainer.getByTestId('reveal-panel').scrollIntoViewIfNeeded();
  await shot(trainer, 'drill-reveal', true);
  await shot(revealed, 'drill-reveal-trainee');
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();

  await trainer.getByRole('button', { name: '继续' }).click();
  await expect(trainer.getByTestId('drill-status')).toHaveText('进行中');
  await expect(paused.getByTestId('drill-banner')).toHaveAttribute('data-status', 'running');

  await trainer.getByRole('button', { name: '结束演练' }).click();
  await trainer.getByRole('group', { name: /确定结束/ }).getByRole('button', { name: '结束演练' }).click();
  await expect(trainer.getByTestId('drill-status')).toHaveText('已结束');
  for (const page of trainees) await expect(page.getByTestId('ended-banner')).toBeVisible();

  await trainer.getByRole('link', { name: '查看结果' }).click();
  await trainer.waitForURL(/\/trainer\/results\/[\w-]+$/);
  await expect(trainer.getByTestId('results-summary')).toBeVisible();
  await expect(trainer.getByTestId('result-seat')).toHaveCount(3);
  await trainer.getByLabel('显示排行榜').check();
  await expect(trainer.getByTestId('leaderboard').locator('li')).toHaveCount(3);
  await shot(trainer, 'drill-results', true);

  const downloading = trainer.waitForEvent('download');
  await trainer.getByRole('link', { name: '下载 CSV' }).click();
  const csv = readFileSync((await (await downloading).path()) as string, 'utf8').trim().split(/\r?\n/);
  expect(csv[0]).toBe('名次,学员,学员状态,演练得分,红线次数,红线（第几位买家）,第几位买家,买家剧本,剧本版本,这位买家,结局,得分,是否通过,本次红线,首次响应（秒）,平均响应（秒）,回复次数,座位 ID,对话 ID');
  expect(csv).toHaveLength(4);
  for (const name of NAMES) expect(csv.some((line) => line.includes(name))).toBe(true);

  // The results in English: labels and rule titles.
  await trainer.getByRole('button', { name: 'EN' }).click();
  await expect(trainer.getByRole('heading', { name: 'Pass rate per rule' })).toBeVisible();
  await expect(trainer.getByTestId('results-summary')).toContainText('Pass rate');
  await expect(trainer.locator('.results-rules')).toContainText('Welcome greeting');
  await expect(trainer.getByRole('link', { name: 'Download CSV' })).toBeVisible();
  await shot(trainer, 'drill-results-en', true);
});
