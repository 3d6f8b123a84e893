// The trainer studio end to end: a trainer makes a persona from a template, imports a copy with a
// seeded mistake, fixes it at the line the editor reports, play-tests a reply from a middle move,
// saves it as a test, publishes, and a trainee plays the new persona from the home page. Then: a
// two-turn play-test and the line diff between versions 1 and 2; and two pages saving the same
// draft, where the second save is refused (409) naming who saved first. And an unsafe regex typed
// into an intent is marked at its line while typing, before any publish, as publishing words it.
// Problems show in Chinese on the zh-CN page, each with the engine's English as its tooltip.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { appUrl, createFromTemplate, E2E_TRAINER, openStudio, sendReply, shot, startChat } from './helpers.ts';

const ROOT = join(import.meta.dirname, '..', '..');

async function trainerPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await openStudio(page);
  return page;
}

/** Two trainer pages (two browsers) on one new draft: `first` created it, then `second` opened it. */
async function twoPagesOnOneDraft(browser: Browser, id: string): Promise<{ first: Page; second: Page }> {
  const first = await trainerPage(browser);
  await createFromTemplate(first, 'bargainer-easy', id);
  const second = await trainerPage(browser);
  await second.goto(appUrl(`/trainer/studio/edit/${id}`));
  await expect(second.getByTestId('studio-problems')).toHaveText('检查通过，内置测试全部通过');
  return { first, second };
}

/** `first` saves an edit (and sees it saved), then `second`, which loaded the draft before that, saves another. */
async function saveInTurn(first: Page, firstEdit: string, second: Page, secondEdit: string): Promise<void> {
  await appendToYaml(first, firstEdit);
  await first.getByRole('button', { name: '保存草稿' }).click();
  await expect(first.getByText('草稿已保存')).toBeVisible();
  await appendToYaml(second, secondEdit);
  await second.getByRole('button', { name: '保存草稿' }).click();
}

/** Types at the very end of the YAML in the editor. */
async function appendToYaml(page: Page, text: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

test('a trainer authors, fixes, play-tests and publishes a persona; a trainee plays it', async ({ browser }) => {
  const trainer = await trainerPage(browser);

  // From a template: a copy of a library persona under a new id, clean from the start.
  await createFromTemplate(trainer, 'bargainer-easy', 'studio-template-copy');
  await trainer.getByRole('link', { name: '返回列表' }).click();

  // An imported file with a seeded mistake: a goto to a state that does not exist.
  const lines = readFileSync(join(ROOT, 'scenarios', 'bargainer-easy.yaml'), 'utf8').replace(/^id: .*$/m, 'id: studio-haggler').split('\n');
  const bad = lines.findIndex((l) => l.trim() === 'goto: hesitate');
  lines[bad] = (lines[bad] as string).replace('hesitate', 'hesitat');
  await trainer.getByLabel('导入 YAML 文件').setInputFiles({ name: 'studio-haggler.yaml', mimeType: 'application/yaml', buffer: Buffer.from(lines.join('\n')) });
  await trainer.waitForURL(/\/trainer\/studio\/edit\/studio-haggler$/);
  const problem = trainer.getByTestId('studio-problems').getByRole('button', { name: new RegExp(`^studio-haggler\\.yaml:${bad + 1}:\\d+: .*hesitat`) });
  await expect(problem).toBeVisible();
  // In the page's language, its tooltip too (a trainer who reads only Chinese met English there).
  await expect(problem).toContainText('goto 写的 "hesitat" 不是已有的环节（是不是想写 "hesitate"？）');
  await expect(problem).toHaveAttribute('title', new RegExp(`^studio-haggler\\.yaml:${bad + 1}:\\d+: goto 写的 "hesitat" 不是已有的环节`));

  // Publishing is refused while the mistake is there.
  await trainer.getByRole('button', { name: '发布', exact: true }).click();
  await expect(trainer.getByText('发布被拒绝：检查或内置测试没有通过')).toBeVisible();

  // The fix: jump to the reported place and retype the state name.
  await problem.click();
  // The editor scrolled there (it renders only what is in view): the line is underlined.
  await expect(trainer.locator('.cm-activeLine')).toContainText('goto: hesitat');
  await expect(trainer.locator('.cm-activeLine .cm-lintRange-error')).toHaveText('hesitat');
  // The mark's tooltip says it in Chinese, with the English under it.
  await trainer.locator('.cm-activeLine .cm-lintRange-error').hover();
  await expect(trainer.locator('.cm-tooltip-lint')).toContainText('goto 写的 "hesitat" 不是已有的环节');
  await expect(trainer.locator('.cm-tooltip-lint')).toContainText('goto "hesitat" is not a state');
  await problem.click();
  await shot(trainer, 'studio-seeded-error');
  await trainer.keyboard.press('Shift+End');
  await trainer.keyboard.type('hesitate');
  await expect(trainer.getByTestId('studio-problems')).toHaveText('检查通过，内置测试全部通过');

  // Play-test from a middle move, then keep the reply as a golden test.
  await trainer.getByLabel('买家所处环节').selectOption('ask-shipping');
  await trainer.getByLabel('客服回复').fill('亲，运费是快递公司按重量收的，我们只是代收哦');
  await trainer.getByRole('button', { name: '试一下' }).click();
  const result = trainer.getByTestId('play-result');
  await expect(result.getByText('系统读到的文字')).toBeVisible();
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

test('a two-turn play-test carries the buyer on; versions 1 and 2 are compared line by line', async ({ browser }) => {
  const trainer = await trainerPage(browser);
  await createFromTemplate(trainer, 'bargainer-easy', 'studio-diff-e2e');
  await trainer.getByRole('button', { name: '发布', exact: true }).click();
  await expect(trainer.getByText('已发布为第 1 版')).toBeVisible();

  // Two turns from the discount question: the second starts where the first left the buyer.
  await trainer.getByLabel('买家所处环节').selectOption('ask-discount');
  await trainer.getByLabel('客服回复').fill('亲，真不好意思呀，现在已经是冬季户外节的活动价399了，价格实在没法再低啦，请您理解哦~');
  await trainer.getByRole('button', { name: '试一下' }).click();
  const turns = trainer.getByTestId('play-result');
  await expect(turns).toHaveCount(1);
  await expect(turns.nth(0).getByTestId('play-next')).toContainText('买家接下来去：比价后再砍一次（press-discount）');
  // A fired rule is named by the title trainees see, with the YAML id beside it.
  await expect(turns.nth(0).getByText('委婉拒绝议价')).toBeVisible();
  await expect(turns.nth(0)).toContainText('bargain-tactful-refusal');
  await trainer.getByLabel('客服回复').fill('亲，我们是品牌正品，支持七天无理由退换，您放心');
  await trainer.getByRole('button', { name: '试一下' }).click();
  await expect(turns).toHaveCount(2);
  await expect(turns.nth(1)).toContainText('第 2 轮');
  await expect(turns.nth(1).getByTestId('play-next')).toContainText('press-discount →');
  await expect(turns.nth(1).getByText('系统读到的文字')).toBeVisible();
  await shot(trainer, 'studio-play-two-turns');
  // Starting over clears the exchange.
  await trainer.getByRole('button', { name: '重新开始' }).click();
  await expect(turns).toHaveCount(0);

  // Version 2: one added comment line (and the version number the server writes).
  await appendToYaml(trainer, '# 第二版：给买家加一句说明');
  await trainer.getByRole('button', { name: '发布', exact: true }).click();
  await expect(trainer.getByText('已发布为第 2 版')).toBeVisible();

  await trainer.getByRole('link', { name: '返回列表' }).click();
  await trainer.locator('li[data-scenario="studio-diff-e2e"]').getByRole('link', { name: '版本与对比' }).click();
  await trainer.waitForURL(/\/trainer\/studio\/versions\/studio-diff-e2e$/);
  await expect(trainer.getByLabel('旧版本', { exact: true })).toHaveValue('v1');
  await expect(trainer.getByLabel('新版本', { exact: true })).toHaveValue('v2');
  const diff = trainer.getByTestId('studio-diff');
  await expect(diff.locator('caption')).toContainText('从「第 1 版」到「第 2 版」');
  await expect(diff.locator('tr[data-kind="added"]').filter({ hasText: '第二版：给买家加一句说明' })).toHaveCount(1);
  await expect(diff.locator('tr[data-kind="removed"]').filter({ hasText: /^\s*\d*\s*−\s*version: 1$/ })).toHaveCount(1);
  await expect(diff.locator('tr[data-kind="added"]').filter({ hasText: 'version: 2' })).toHaveCount(1);
  await shot(trainer, 'studio-version-diff');
  // The other way round, the same lines swap sides.
  await trainer.getByLabel('旧版本', { exact: true }).selectOption('v2');
  await trainer.getByLabel('新版本', { exact: true }).selectOption('v1');
  await expect(diff.locator('tr[data-kind="removed"]').filter({ hasText: '第二版：给买家加一句说明' })).toHaveCount(1);
});

test('a save from a page that loaded an older draft is refused and names who saved since', async ({ browser }) => {
  // A second page (another trainer's browser) opens the same draft.
  const { first, second } = await twoPagesOnOneDraft(browser, 'studio-conflict-e2e');

  await saveInTurn(first, '# 第一个页面的修改', second, '# 第二个页面的修改');
  await expect(second.getByText(new RegExp(`${E2E_TRAINER.name}.*(保存|saved)`)).first()).toBeVisible();
  await expect(second.getByText('草稿已保存')).toHaveCount(0);
  await shot(second, 'studio-save-conflict');
  // The draft on the server is still the first page's.
  const stored = (await (await second.request.get(appUrl('/api/studio/scenarios/studio-conflict-e2e/source'))).json()) as { source: string };
  expect(stored.source).toContain('# 第一个页面的修改');
  expect(stored.source).not.toContain('# 第二个页面的修改');
});

test('the conflict dialog loads theirs or overwrites explicitly; the versions tab diffs the editor', async ({ browser }) => {
  const { first, second } = await twoPagesOnOneDraft(browser, 'studio-wired-e2e');
  await saveInTurn(first, '# A1', second, '# B1');
  const dialog = second.getByRole('alertdialog');
  await expect(dialog).toContainText('e2e-trainer 在你打开之后');
  await dialog.getByText('看看别处保存的版本和你的有什么不同').click();
  await expect(dialog.locator('tr[data-kind="removed"]').filter({ hasText: '# A1' })).toHaveCount(1);
  await shot(second, 'studio-conflict-dialog');
  await dialog.getByRole('button', { name: '载入别处保存的版本（放弃我的修改）' }).click();
  await expect(dialog).toBeHidden();
  await expect(second.locator('.cm-content')).toContainText('# A1');
  await expect(second.getByText('已载入别处保存的版本')).toBeVisible();
  await appendToYaml(second, '# B2');
  await second.getByRole('button', { name: '保存草稿' }).click();
  await expect(second.getByText('草稿已保存')).toBeVisible();
  await appendToYaml(first, '# A2');
  await first.getByRole('button', { name: '保存草稿' }).click();
  await first.getByRole('alertdialog').getByRole('button', { name: '用我的覆盖别处保存的' }).click();
  await expect(first.getByText('草稿已保存')).toBeVisible();
  const stored = (await (await first.request.get(appUrl('/api/studio/scenarios/studio-wired-e2e/source'))).json()) as { source: string };
  expect(stored.source).toContain('# A2');
  expect(stored.source).not.toContain('# B2');
  await first.getByRole('tab', { name: '版本' }).click();
  await expect(first.getByText('还没有发布过')).toBeVisible();
  await first.getByRole('button', { name: '发布', exact: true }).click();
  await expect(first.getByText('已发布为第 1 版')).toBeVisible();
  await appendToYaml(first, '# A3 unsaved');
  await first.getByRole('tab', { name: '试玩' }).click();
  await first.getByRole('tab', { name: '版本' }).click();
  await expect(first.getByTestId('studio-diff').locator('tr[data-kind="added"]').filter({ hasText: '# A3 unsaved' })).toHaveCount(1);
});

test('an unsafe regex typed into an intent is marked at its line before publishing, as publish says', async ({ browser }) => {
  const trainer = await trainerPage(browser);
  await createFromTemplate(trainer, 'bargainer-easy', 'studio-regex-e2e');
  // The coupon intent's pattern: typed into just before its closing quote, as a trainer would.
  const pattern = "      - regex: '\\d+\\s*(元|块)?\\s*(的)?\\s*(优惠|店铺|关注)?券|领[^,，。!！?？]{0,6}券'";
  // The copy starts with one header line instead of the library's comment lines (templateCopy.ts).
  const lines = ['# header', ...readFileSync(join(ROOT, 'scenarios', 'bargainer-easy.yaml'), 'utf8').split('\n').filter((l) => !/^\s*#/.test(l))];
  const line = lines.indexOf(pattern) + 1;
  expect(line).toBeGreaterThan(0);
  const col = pattern.indexOf("'") + 1;
  // The editor draws only the lines near its view: scroll down to the intent like a trainer would.
  const target = trainer.locator('.cm-line').filter({ hasText: '(优惠|店铺|关注)?券|领' });
  await trainer.locator('.cm-content').hover();
  for (let i = 0; i < 40 && (await target.count()) === 0; i++) await trainer.mouse.wheel(0, 200);
  await target.scrollIntoViewIfNeeded();
  await target.click();
  await trainer.keyboard.press('End');
  await trainer.keyboard.press('ArrowLeft');
  await trainer.keyboard.type('|(\\d+)+q');
  await expect(trainer.locator('.cm-content')).toContainText("{0,6}券|(\\d+)+q'");

  // Marked live, at the pattern's line, with the words publish uses (the server judged it, not the browser),
  // in Chinese on this page.
  const message = /regex：这个正则遇到某些回复时，耗时会成指数增长：嵌套的重复 `\(\\d\+\)\+`/;
  const problem = trainer.getByTestId('studio-problems').getByRole('button', { name: new RegExp(`^studio-regex-e2e\\.yaml:${line}:${col}: ${message.source}`) });
  await expect(problem).toBeVisible();
  await expect(trainer.locator('.cm-lintRange-error').first()).toContainText("'\\d+");
  await shot(trainer, 'studio-regex-live');

  // Publish refuses it with the same line.
  await trainer.getByRole('button', { name: '发布', exact: true }).click();
  const refused = trainer.getByRole('list', { name: '发布被拒绝：检查或内置测试没有通过' });
  await expect(refused.getByText(new RegExp(`^studio-regex-e2e\\.yaml:${line}:${col}: ${message.source}`))).toBeVisible();
  expect(await refused.textContent()).toContain((await problem.textContent()) ?? 'the live mark');

  // Rewritten without a repeat inside a repeat: the mark goes.
  await target.click();
  await trainer.keyboard.press('End');
  await trainer.keyboard.press('ArrowLeft');
  for (let i = 0; i < '(\\d+)+q'.length; i++) await trainer.keyboard.press('Backspace');
  await trainer.keyboard.type('\\d+q');
  await expect(trainer.getByTestId('studio-problems')).toHaveText('检查通过，内置测试全部通过');
});
