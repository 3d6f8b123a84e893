// The trainer studio end to end: a trainer makes a persona from a template, imports a copy with a
// seeded mistake, fixes it at the line the editor reports, play-tests a reply from a middle move,
// saves it as a test, publishes, and a trainee plays the new persona from the home page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { appUrl, sendReply, shot, startChat } from './helpers.ts';

const TRAINER = { name: 'e2e-trainer', password: 'e2e-trainer-password' };
const ROOT = join(import.meta.dirname, '..', '..');

test('a trainer authors, fixes, play-tests and publishes a persona; a trainee plays it', async ({ browser }) => {
  const trainer = await (await browser.newContext()).newPage();
  await trainer.goto(appUrl('/trainer'));
  await trainer.getByLabel('账号').fill(TRAINER.name);
  await trainer.getByLabel('密码').fill(TRAINER.password);
  await trainer.getByRole('button', { name: '登录' }).click();
  await trainer.getByRole('link', { name: '剧本工作室' }).click();
  await expect(trainer.getByRole('heading', { name: '剧本工作室' })).toBeVisible();

  // From a template: a copy of a library persona under a new id, clean from the start.
  await trainer.getByLabel('模板').selectOption('bargainer-easy');
  await trainer.getByLabel(/新剧本 ID/).fill('studio-template-copy');
  await trainer.getByRole('button', { name: '新建' }).click();
  await trainer.waitForURL(/\/trainer\/studio\/edit\/studio-template-copy$/);
  await expect(trainer.getByTestId('studio-problems')).toHaveText('检查通过，内置测试全部通过');
  await trainer.getByRole('link', { name: '返回列表' }).click();

  // An imported file with a seeded mistake: a goto to a state that does not exist.
  const lines = readFileSync(join(ROOT, 'scenarios', 'bargainer-easy.yaml'), 'utf8').replace(/^id: .*$/m, 'id: studio-haggler').split('\n');
  const bad = lines.findIndex((l) => l.trim() === 'goto: hesitate');
  lines[bad] = (lines[bad] as string).replace('hesitate', 'hesitat');
  await trainer.getByLabel('导入 YAML 文件').setInputFiles({ name: 'studio-haggler.yaml', mimeType: 'application/yaml', buffer: Buffer.from(lines.join('\n')) });
  await trainer.waitForURL(/\/trainer\/studio\/edit\/studio-haggler$/);
  const problem = trainer.getByTestId('studio-problems').getByRole('button', { name: new RegExp(`^studio-haggler\\.yaml:${bad + 1}:\\d+: .*hesitat`) });
  await expect(problem).toBeVisible();

  // Publishing is refused while the mistake is there.
  await trainer.getByRole('button', { name: '发布', exact: true }).click();
  await expect(trainer.getByText('发布被拒绝：检查或内置测试没有通过')).toBeVisible();

  // The fix: jump to the reported place and retype the state name.
  await problem.click();
  // The editor scrolled there (it renders only what is in view): the line is underlined.
  await expect(trainer.locator('.cm-activeLine')).toContainText('goto: hesitat');
  await expect(trainer.locator('.cm-activeLine .cm-lintRange-error')).toHaveText('hesitat');
  await shot(trainer, 'studio-seeded-error');
  await trainer.keyboard.press('Shift+End');
  await trainer.keyboard.type('hesitate');
  await expect(trainer.getByTestId('studio-problems')).toHaveText('检查通过，内置测试全部通过');

  // Play-test from a middle move, then keep the reply as a golden test.
  await trainer.getByLabel('买家所处环节').selectOption('ask-shipping');
  await trainer.getByLabel('客服回复').fill('亲，运费是快递公司按重量收的，我们只是代收哦');
  await trainer.getByRole('button', { name: '试一下' }).click();
  const result = trainer.getByTestId('play-result');
  await expect(result.getByText('规范化文本')).toBeVisible();
  await expect(result.getByTestId('play-next')).toContainText('买家接下来去：');
  await shot(trainer, 'studio-play-test');
  await result.getByRole('button', { name: '存为正例测试' }).click();
  await expect(trainer.locator('.cm-content')).toContainText('at: ask-shipping');
  await expect(trainer.getByTestId('studio-problems')).toHaveText('检查通过，内置测试全部通过');

  // The graph draws every move; a click on one jumps to it.
  await trainer.getByRole('tab', { name: '流程图' }).click();
  await expect(trainer.locator('[data-state="hesitate"]')).toBeVisible();
  await trainer.locator('[data-state="hesitate"]').click();

  await trainer.getByRole('button', { name: '发布', exact: true }).click();
  await expect(trainer.getByText('已发布为第 1 版')).toBeVisible();
  await shot(trainer, 'studio-published');

  // A trainee finds the new persona on the home page and plays it.
  const trainee = await (await browser.newContext()).newPage();
  await startChat(trainee, 'studio-haggler', { name: '小试' });
  await sendReply(trainee, '亲，您好，欢迎光临~');
});
