// Cancelling a drill in its lobby, in real browsers: the trainer sees the drill's setup, cancels
// (asked first), and the trainee already seated is told at once that the trainer cancelled it and
// goes back to the home page from there; someone who comes with the code afterwards is told the
// drill was cancelled before being asked for a name; the trainer's history lists it as cancelled
// with nothing to open.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { appUrl, logInTrainer, shot } from './helpers.ts';

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function joinAs(page: Page, code: string, name: string): Promise<void> {
  await page.goto(appUrl(`/join/${code}`));
  await page.getByLabel('你的昵称').fill(name);
  await page.getByRole('button', { name: '进入演练' }).click();
}

test('the trainer cancels a drill in its lobby and the seated trainee is told', async ({ browser }) => {
  const trainer = await newPage(browser);
  await logInTrainer(trainer);
  await trainer.locator('input[data-scenario="bargainer-easy"]').check();
  await trainer.locator('input[data-scenario="phisher-easy"]').check();
  await trainer.getByLabel('考试模式').check();
  await trainer.getByLabel('时间限制（分钟，可不填）').fill('20');
  await trainer.getByRole('button', { name: '开场' }).click();
  await trainer.waitForURL(/\/trainer\/drill\/[\w-]+$/);
  const code = (await trainer.getByTestId('drill-code').textContent())?.trim() ?? '';

  // The trainer's lobby shows what the trainees' does: exam, 20 minutes, the two buyers in order.
  const setup = trainer.getByTestId('drill-setup');
  await expect(setup.getByTestId('drill-setup-mode')).toContainText('考试模式');
  await expect(setup.getByTestId('drill-setup-limit')).toContainText('20 分钟');
  await expect(setup.getByRole('heading', { name: '学员依次接待的 2 位买家' })).toBeVisible();
  await expect(setup.locator('li[data-scenario]')).toHaveCount(2);
  await expect(setup.locator('li[data-scenario]').first()).toHaveAttribute('data-scenario', 'bargainer-easy');

  const trainee = await newPage(browser);
  await joinAs(trainee, code, '小明');
  await expect(trainee.getByTestId('drill-waiting')).toBeVisible();
  await expect(trainee.getByTestId('drill-headcount')).toHaveText('目前只有你入座');
  const second = await newPage(browser);
  await joinAs(second, code, '小红');
  await expect(trainee.getByTestId('drill-headcount')).toHaveText('已有 2 名学员入座（包括你）');
  await expect(trainer.getByTestId('tile')).toHaveCount(2);
  await shot(trainer, 'drill-lobby-setup', true);

  // Asked first: "keep it" changes nothing.
  await trainer.getByRole('button', { name: '取消演练' }).click();
  const ask = trainer.getByRole('group', { name: /确定取消这场演练/ });
  await ask.getByRole('button', { name: '先不取消' }).click();
  await expect(trainer.getByTestId('drill-status')).toHaveText('候场中');
  await trainer.getByRole('button', { name: '取消演练' }).click();
  await trainer.getByRole('group', { name: /确定取消这场演练/ }).getByRole('button', { name: '确定取消' }).click();
  await expect(trainer.getByTestId('drill-status')).toHaveText('已取消');
  await expect(trainer.getByTestId('drill-cancelled')).toContainText(`演练码 ${code} 不能再加入`);
  await expect(trainer.getByRole('button', { name: '开始演练' })).toHaveCount(0);
  await shot(trainer, 'drill-cancelled-trainer', true);

  for (const page of [trainee, second]) {
    const notice = page.getByTestId('drill-cancelled');
    await expect(notice.getByRole('heading', { name: '老师取消了这场演练' })).toBeVisible();
    await expect(notice).toContainText(`演练码 ${code} 已经不能再加入了`);
  }
  await shot(trainee, 'drill-cancelled-trainee');
  await trainee.getByRole('link', { name: '回到首页' }).click();
  await trainee.waitForURL(appUrl('/'));
  // Back with the code later (a reload, a classmate late): told it was cancelled, not "no such code",
  // and at once, before being asked for a name; on the code step as soon as the six digits are in.
  const late = await newPage(browser);
  await late.goto(appUrl(`/join/${code}`));
  await expect(late.getByTestId('drill-cancelled').getByRole('heading', { name: '这场演练已取消' })).toBeVisible();
  await expect(late.getByLabel('你的昵称')).toHaveCount(0);
  await late.goto(appUrl('/drill'));
  await late.getByLabel('演练码').fill(code);
  await expect(late.getByTestId('drill-code-check')).toHaveText('这场演练已经被取消，这个演练码不能再用了。');
  await expect(late.getByRole('button', { name: '下一步' })).toBeDisabled();

  await trainer.goto(appUrl('/trainer'));
  const row = trainer.locator('tbody tr').filter({ hasText: code });
  await expect(row).toContainText('已取消');
  await expect(row.getByRole('link')).toHaveCount(0);
});
