// 放回 reaches the trainee's phone: removed, the page says so; let back in, it returns to the drill by
// itself, both while the page stayed open and after a reload made while still removed.
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { appUrl, logInTrainer, shot } from './helpers.ts';

async function removeAndAdmit(trainer: Page, trainee: Page, reloadWhileOut: boolean): Promise<void> {
  await trainer.getByRole('button', { name: '移出 小明' }).click();
  await trainer.getByTestId('tile-remove-confirm').getByRole('button', { name: '移出 小明' }).click();
  await expect(trainee.getByRole('heading', { name: '你已被移出本场演练' })).toBeVisible();
  if (reloadWhileOut) {
    await trainee.reload();
    await expect(trainee.getByRole('heading', { name: '你已被移出本场演练' })).toBeVisible();
  }
  await trainer.getByRole('button', { name: '放回 小明' }).click();
  await expect(trainee.getByTestId('drill-banner')).toBeVisible();
  await expect(trainee.getByRole('heading', { name: '你已被移出本场演练' })).toHaveCount(0);
  await expect(trainee.locator('li[data-from="buyer"]').first()).toBeVisible();
}

test('a removed trainee let back in returns to the drill without opening the link again', async ({ browser }) => {
  const trainer = await (await browser.newContext()).newPage();
  await logInTrainer(trainer);
  await trainer.locator('input[data-scenario="bargainer-easy"]').check();
  await trainer.getByRole('button', { name: '开场' }).click();
  await trainer.waitForURL(/\/trainer\/drill\/[\w-]+$/);
  const code = (await trainer.getByTestId('drill-code').textContent())?.trim() ?? '';

  const trainee = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await trainee.goto(appUrl(`/join/${code}`));
  await trainee.getByLabel('你的昵称').fill('小明');
  await trainee.getByRole('button', { name: '进入演练' }).click();
  await expect(trainee.getByTestId('drill-waiting')).toBeVisible();
  await trainer.getByRole('button', { name: '开始演练' }).click();
  await expect(trainee.locator('li[data-from="buyer"]').first()).toBeVisible();

  await removeAndAdmit(trainer, trainee, false);
  await removeAndAdmit(trainer, trainee, true);
  await shot(trainee, 'drill-readmitted-phone');
});
