// The trainer's pages as a reviewer walked them: the buyers to pick are listed by persona and level; a
// tile says the buyer's waiting time once to a screen reader; the read-only view of a trainee's chat
// names the buyer by nickname and shows the product card from the shop; the reveal picker names moves
// by their labels; the results list only the rules the drill judged, red lines first. In a practice
// drill, chips show rule names for the trainee (seat token) and the watching trainer (cookie). In the studio,
// templates are listed by title and a malformed id is explained in the page's language.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { appUrl, logInTrainer, openStudio, sendReply, settled } from './helpers.ts';

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** The logged-in trainer opens a bargainer-easy drill in `mode`; one trainee joins; the drill starts. */
async function drillWithOneTrainee(browser: Browser, trainer: Page, mode: '练习模式' | '考试模式', name: string): Promise<Page> {
  await trainer.locator('input[data-scenario="bargainer-easy"]').check();
  await trainer.getByLabel(mode).check();
  await trainer.getByRole('button', { name: '开场' }).click();
  await trainer.waitForURL(/\/trainer\/drill\/[\w-]+$/);
  const code = (await trainer.getByTestId('drill-code').textContent())?.trim() ?? '';
  const trainee = await newPage(browser);
  await trainee.goto(appUrl(`/join/${code}`));
  await trainee.getByLabel('你的昵称').fill(name);
  await trainee.getByRole('button', { name: '进入演练' }).click();
  await expect(trainee.getByTestId('drill-waiting')).toBeVisible();
  await trainer.getByRole('button', { name: '开始演练' }).click();
  await expect(trainee.locator('li[data-from="buyer"]').first()).toBeVisible();
  return trainee;
}

test('a drill from the trainer side: buyer order, tile, watched chat, reveal picker, results', async ({ browser }) => {
  const trainer = await newPage(browser);
  await logInTrainer(trainer);

  // Persona by persona, each from easy through normal to hard.
  const boxes = trainer.getByRole('group', { name: /买家角色/ }).getByRole('checkbox');
  await expect(boxes.first()).toBeVisible();
  const ids = await boxes.evaluateAll((els) => els.map((el) => el.getAttribute('data-scenario')));
  const library = ids.filter((id) => id && /^(bargainer|size-hesitant|phisher|post-sale-complainer)(-easy|-hard)?$/.test(id));
  expect(library).toEqual(['bargainer', 'size-hesitant', 'phisher', 'post-sale-complainer'].flatMap((p) => [`${p}-easy`, p, `${p}-hard`]));

  const trainee = await drillWithOneTrainee(browser, trainer, '考试模式', '小明');

  // The waiting time: its term, then the time, said once.
  const facts = trainer.getByTestId('tile').locator('dl');
  await expect(facts).toMatchAriaSnapshot(`
    - term: 买家已等
    - definition: /\\d+:\\d{2}/
  `);
  expect((await facts.ariaSnapshot()).split('买家已等')).toHaveLength(2);

  // The watched chat: the buyer by nickname and avatar, the product link as the shop's product.
  await trainer.getByRole('button', { name: '查看 小明 的对话' }).click();
  const watch = trainer.getByTestId('watch-panel');
  const buyer = watch.locator('li[data-from="buyer"]');
  await expect(buyer.first().locator('.msg-meta span')).toHaveText('小雨同学');
  await expect(buyer.first().locator('.avatar')).toHaveText('小');
  await expect(watch.getByRole('log')).toHaveAccessibleName(/小雨同学/);
  const card = watch.locator('.att-product');
  await expect(card.locator('.product-name')).toHaveText('踏峰 轻风 日常缓震跑鞋');
  await expect(card.locator('.product-price')).toContainText('399');
  await expect(watch).not.toContainText('breeze-daily-runner');
  await expect(watch).not.toContainText('学生党想便宜点');

  await sendReply(trainee, '亲，您好，欢迎光临！39码雾霾蓝有货的哦');
  await settled(trainee);
  await expect(watch.locator('li[data-from="trainee"]')).toHaveCount(1);

  // The reveal picker: the label alone.
  await trainer.getByRole('button', { name: '暂停' }).click();
  await expect(trainer.getByLabel('选择对话环节').locator('option').first()).toHaveText('问尺码和颜色');
  await trainer.getByRole('button', { name: '继续' }).click();

  await trainer.getByRole('button', { name: '结束演练' }).click();
  await trainer.getByRole('group', { name: /确定结束/ }).getByRole('button', { name: '结束演练' }).click();
  await expect(trainer.getByTestId('drill-status')).toHaveText('已结束');
  await trainer.getByRole('link', { name: '查看结果' }).click();
  await trainer.waitForURL(/\/trainer\/results\/[\w-]+$/);

  // Only rules this bargainer drill judged: no complaint or phishing rule, no "—" rows.
  const rules = trainer.locator('.results-rules li');
  await expect(rules.first()).toBeVisible();
  await expect(trainer.locator('.results-rules')).not.toContainText('—');
  await expect(trainer.locator('.results-rules')).not.toContainText('投诉先致歉');
  await expect(trainer.locator('.results-rules')).not.toContainText('不点钓鱼链接');
  // Red lines first, then the weakest first.
  const rows = await rules.evaluateAll((lis) => lis.map((li) => ({ red: li.querySelector('.badge') !== null, rate: Number(li.querySelector('.mono')?.textContent?.replace('%', '')) })));
  const firstPlain = rows.findIndex((r) => !r.red);
  expect(rows.slice(firstPlain === -1 ? rows.length : firstPlain).every((r) => !r.red)).toBe(true);
  for (const part of [rows.filter((r) => r.red), rows.filter((r) => !r.red)]) {
    expect(part.map((r) => r.rate)).toEqual([...part.map((r) => r.rate)].sort((a, b) => a - b));
  }
});

test('watching a practice chat, the trainer sees its verdict chips by name (rule texts through the login cookie)', async ({ browser }) => {
  const trainer = await newPage(browser);
  await logInTrainer(trainer);
  const trainee = await drillWithOneTrainee(browser, trainer, '练习模式', '小红');
  await sendReply(trainee, '亲，您好，欢迎光临！39码雾霾蓝有货的哦');
  await settled(trainee);
  // The trainee's own chips, by the seat token.
  await expect(trainee.locator('li[data-from="trainee"] .chip').filter({ hasText: '欢迎语' })).toHaveCount(1);

  await trainer.getByRole('button', { name: '查看 小红 的对话' }).click();
  const watch = trainer.getByTestId('watch-panel');
  await expect(watch.locator('li[data-from="trainee"] .chip').filter({ hasText: '欢迎语' })).toHaveCount(1);
  await expect(watch.locator('.chip-pending')).toHaveCount(0);
});

test('the studio lists templates by title and explains a malformed id in the page language', async ({ page }) => {
  await openStudio(page);
  const template = page.getByLabel('模板');
  // A blank start first, then the library's templates by title.
  await expect(template.locator('option').first()).toHaveText(/^空白开始/);
  await expect(template.locator('option').nth(1)).toHaveText(/^议价买家（入门）/);
  expect(await template.locator('option').evaluateAll((os) => os.every((o) => o.textContent !== o.getAttribute('value')))).toBe(true);

  const id = page.getByLabel(/新剧本 ID/);
  await id.fill('My Bargainer');
  await page.getByRole('button', { name: '新建' }).click();
  await expect(page.getByRole('alert')).toHaveText('ID 只能用小写字母、数字和连字符，例如 my-bargainer');
  await expect(id).toHaveAttribute('aria-invalid', 'true');
  // Nothing for the browser to complain about in its own words.
  expect(await id.evaluate((el: HTMLInputElement) => el.validationMessage)).toBe('');
  await expect(page).toHaveURL(/\/trainer\/studio$/);
});
