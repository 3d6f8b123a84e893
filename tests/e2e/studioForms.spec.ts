// The studio's form views end to end: a trainer edits the title, a buyer line, a move's label and a
// rule weight in the form and sees exactly that text change in the YAML (the checks stay green, Ctrl+Z in the
// editor undoes a form edit), saves and reloads; then types in the YAML and sees the form follow,
// and breaks the YAML to see the form point at the syntax error instead of going stale. A second
// trainer adds a whole rule and a buyer reaction from the form (intents picked from the lexicon),
// sees the checks stay green, undoes and redoes the addition in the editor, removes a rule after a
// confirm, saves and reloads: all of it is still there. A third edits existing rules: intents picked
// from the list, the scope chosen among the moves that are not endings, a product card picked from
// the shop for an action rule.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { createFromTemplate, openStudio, shot } from './helpers.ts';

const ID = 'studio-forms-copy';
const CLEAN = '检查通过，内置测试全部通过';

const yaml = (page: Page) => page.locator('.cm-content');

test('form edits reach the YAML and back, survive a reload, and a broken YAML pauses the form', async ({ page }) => {
  await openStudio(page);
  await createFromTemplate(page, 'bargainer-easy', ID);

  // Metadata: the title in the form becomes the title line in the YAML, nothing else.
  await page.getByRole('tab', { name: '表单' }).click();
  const forms = page.getByTestId('studio-forms');
  await expect(forms.getByLabel('剧本 ID（不能修改）')).toHaveValue(ID);
  await forms.getByLabel('标题（中文）').fill('议价买家：表单里改的标题');
  await expect(yaml(page)).toContainText('zh-CN: 议价买家：表单里改的标题');
  await expect(yaml(page)).toContainText("en: 'The bargainer (easy): a student hoping for a little off'");

  // A buyer line: one wording of the opening greeting, then a new wording.
  await forms.getByRole('button', { name: '买家台词' }).click();
  await forms.getByLabel('opening 第 1 句 说法 2', { exact: true }).fill('亲 在线吗');
  await expect(yaml(page)).toContainText('- [你好呀, 亲 在线吗, hello~]');
  await expect(page.getByTestId('studio-problems')).toHaveText(CLEAN);

  // Undo in the editor takes back the form edit (the form, which reads the editor's text, follows);
  // redo brings it back.
  await page.locator('.cm-line', { hasText: '- [你好呀, 亲 在线吗, hello~]' }).click();
  await page.keyboard.press('Control+z');
  await expect(forms.getByLabel('opening 第 1 句 说法 2', { exact: true })).toHaveValue('亲 在吗');
  await page.keyboard.press('Control+y');
  await expect(forms.getByLabel('opening 第 1 句 说法 2', { exact: true })).toHaveValue('亲 在线吗');

  await forms.getByLabel('opening 第 1 句 新说法', { exact: true }).fill('老板在吗');
  await forms.getByRole('button', { name: '添加说法' }).first().click();
  await expect(yaml(page)).toContainText('- [你好呀, 亲 在线吗, hello~, 老板在吗]');
  await expect(forms.getByLabel('opening 第 1 句 说法 4', { exact: true })).toHaveValue('老板在吗');

  // The move's name for trainers (the drill dashboard shows it), on its label line.
  await expect(forms.getByLabel('opening 环节名称（中文）', { exact: true })).toHaveValue('问尺码和颜色');
  await forms.getByLabel('opening 环节名称（英文，可不填）', { exact: true }).fill('Asks for size 39');
  await expect(yaml(page)).toContainText("label: { zh-CN: 问尺码和颜色, en: 'Asks for size 39' }");
  await expect(forms.locator('[data-state-lines="opening"] summary')).toContainText('环节 问尺码和颜色 · opening');

  // A rubric rule's weight.
  await forms.getByRole('button', { name: '评分规则' }).click();
  const rule = forms.locator('[data-rule="value-justification"]');
  await rule.locator('summary').click();
  await rule.getByLabel('权重').fill('12');
  await expect(yaml(page)).toContainText('weight: 12');
  await expect(page.getByTestId('studio-problems')).toHaveText(CLEAN);
  await shot(page, 'studio-forms-rule');

  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByText('草稿已保存')).toBeVisible();

  // After a reload the draft has all the changes, in the form as in the YAML.
  await page.reload();
  await expect(page.getByTestId('studio-problems')).toHaveText(CLEAN);
  await expect(yaml(page)).toContainText('zh-CN: 议价买家：表单里改的标题');
  await page.getByRole('tab', { name: '表单' }).click();
  await expect(forms.getByLabel('标题（中文）')).toHaveValue('议价买家：表单里改的标题');
  await forms.getByRole('button', { name: '买家台词' }).click();
  await expect(forms.getByLabel('opening 第 1 句 说法 2', { exact: true })).toHaveValue('亲 在线吗');
  await expect(forms.getByLabel('opening 环节名称（英文，可不填）', { exact: true })).toHaveValue('Asks for size 39');
  await forms.getByRole('button', { name: '评分规则' }).click();
  await forms.locator('[data-rule="value-justification"] summary').click();
  await expect(forms.locator('[data-rule="value-justification"]').getByLabel('权重')).toHaveValue('12');

  // Typing in the YAML shows up in the form.
  await forms.getByRole('button', { name: '基本信息' }).click();
  await page.locator('.cm-line', { hasText: 'nickname: 小雨同学' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type('呀');
  await expect(forms.getByLabel('买家昵称')).toHaveValue('小雨同学呀');

  // A syntax error: the form points at it instead of showing stale fields; fixing it brings it back.
  await page.keyboard.type(': x');
  await expect(forms.getByRole('alert')).toContainText('YAML 现在读不懂');
  await expect(forms.getByLabel('买家昵称')).toHaveCount(0);
  await shot(page, 'studio-forms-parse-error');
  await forms.getByRole('button', { name: /^第 \d+ 行第 \d+ 列$/ }).click();
  await expect(page.locator('.cm-activeLine')).toContainText('nickname: 小雨同学呀: x');
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(forms.getByLabel('买家昵称')).toHaveValue('小雨同学呀');
  await expect(page.getByTestId('studio-problems')).toHaveText(CLEAN);
});

test('a whole rule and a buyer reaction added from the form pass the checks and survive a reload', async ({ page }) => {
  const id = 'studio-forms-added';
  await openStudio(page);
  await createFromTemplate(page, 'bargainer-easy', id);
  await page.getByRole('tab', { name: '表单' }).click();
  const forms = page.getByTestId('studio-forms');

  // A new rule: the id comes from the English name, the intents from the lexicon's list.
  await forms.getByRole('button', { name: '评分规则' }).click();
  await forms.getByRole('button', { name: '新增规则' }).click();
  const rule = forms.getByTestId('new-rule');
  await rule.getByLabel('规则名（中文）').fill('主动推荐优惠券');
  await rule.getByLabel('规则名（英文，可不填）').fill('Offer the coupon');
  await expect(rule.getByLabel(/^规则 ID/)).toHaveValue('offer-the-coupon');
  await rule.getByLabel('类别').selectOption('sales');
  await rule.getByLabel('权重').fill('6');
  const intents = rule.getByLabel('意图（命中其中任意一个就算）', { exact: true });
  await intents.selectOption('bar-real-deal');
  await rule.getByRole('button', { name: '添加意图' }).click();
  await intents.selectOption('mention-promotion');
  await rule.getByRole('button', { name: '添加意图' }).click();
  await rule.getByLabel('适用范围').selectOption('state:hesitate');
  await rule.getByLabel('点评（中文）').fill('买家犹豫时，提一下关注店铺领20元券。');
  await rule.getByLabel('点评（英文，可不填，不填时英文界面显示中文）').fill('Mention the 20-yuan follower coupon when she hesitates.');
  await rule.getByLabel('示范回复（中文）').fill('亲，关注店铺可以领20元券哦，下单直接抵扣~');
  await rule.getByLabel('示范回复（英文，可不填）').fill('Follow the shop for a 20-yuan coupon: it applies at checkout.');
  await shot(page, 'studio-forms-new-rule');
  await rule.getByRole('button', { name: '添加规则' }).click();
  await expect(yaml(page)).toContainText('- id: offer-the-coupon');
  await expect(yaml(page)).toContainText('require: { intent: [bar-real-deal, mention-promotion] }');
  await expect(page.getByTestId('studio-problems')).toHaveText(CLEAN);
  await expect(forms.locator('[data-rule="offer-the-coupon"]')).toHaveCount(1);

  // Undo in the editor takes the whole rule back in one step; redo restores it.
  await page.locator('.cm-line', { hasText: 'id: offer-the-coupon' }).click();
  await page.keyboard.press('Control+z');
  await expect(forms.locator('[data-rule="offer-the-coupon"]')).toHaveCount(0);
  await expect(yaml(page)).not.toContainText('offer-the-coupon');
  await page.keyboard.press('Control+y');
  await expect(forms.locator('[data-rule="offer-the-coupon"]')).toHaveCount(1);

  // Removing a rule asks first; the live checks then report the embedded tests that still name it,
  // and undo brings it back.
  const gift = forms.locator('[data-rule="gift-as-last-concession"]');
  await gift.locator('summary').click();
  await gift.getByRole('button', { name: '删除规则' }).click();
  await expect(gift.getByRole('alertdialog')).toContainText('确定删除规则 gift-as-last-concession？');
  await gift.getByRole('button', { name: '确定删除' }).click();
  await expect(forms.locator('[data-rule="gift-as-last-concession"]')).toHaveCount(0);
  await expect(yaml(page)).not.toContainText('id: gift-as-last-concession');
  await expect(page.getByTestId('studio-problems')).toContainText('规则 "gift-as-last-concession" 既不是本剧本的规则，也不是全局规则');
  await page.locator('.cm-line', { hasText: 'id: offer-the-coupon' }).click();
  await page.keyboard.press('Control+z');
  await expect(forms.locator('[data-rule="gift-as-last-concession"]')).toHaveCount(1);
  await expect(forms.locator('[data-rule="offer-the-coupon"]')).toHaveCount(1);
  await expect(page.getByTestId('studio-problems')).toHaveText(CLEAN);

  // A new reaction of the ask-shipping move: the coupon is mentioned -> she goes to pay.
  await forms.getByRole('button', { name: '买家台词' }).click();
  const move = forms.locator('[data-state-lines="ask-shipping"]');
  await move.locator('summary').click();
  await move.getByRole('button', { name: '新增反应' }).click();
  const reaction = forms.getByTestId('new-reaction-ask-shipping');
  await reaction.getByLabel('意图（命中其中任意一个就算）', { exact: true }).selectOption('bar-real-deal');
  await reaction.getByRole('button', { name: '添加意图' }).click();
  await reaction.getByLabel(/^买家说/).fill('有券呀 那我去领\n领好了 这就拍');
  await reaction.getByLabel('然后买家转到').selectOption('paying-promo');
  await reaction.getByRole('button', { name: '添加反应' }).click();
  await expect(yaml(page)).toContainText('- intent: bar-real-deal');
  await expect(yaml(page)).toContainText('- [领好了 这就拍]');
  await expect(page.getByTestId('studio-problems')).toHaveText(CLEAN);
  await expect(move.getByLabel('ask-shipping 反应3 第 2 句 说法 1', { exact: true })).toHaveValue('领好了 这就拍');
  await shot(page, 'studio-forms-added-reaction');

  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByText('草稿已保存')).toBeVisible();

  // (The editor draws only the lines in view; the form reads the whole reloaded text.)
  await page.reload();
  await expect(page.getByTestId('studio-problems')).toHaveText(CLEAN);
  await page.getByRole('tab', { name: '表单' }).click();
  await forms.getByRole('button', { name: '评分规则' }).click();
  await forms.locator('[data-rule="offer-the-coupon"] summary').click();
  await expect(forms.locator('[data-rule="offer-the-coupon"]').getByLabel('权重')).toHaveValue('6');
  await forms.getByRole('button', { name: '买家台词' }).click();
  await forms.locator('[data-state-lines="ask-shipping"] summary').click();
  await expect(forms.getByLabel('ask-shipping 反应3 第 1 句 说法 1', { exact: true })).toHaveValue('有券呀 那我去领');
});

test("an existing rule's intents, scope and product card are picked in the form", async ({ page }) => {
  const id = 'studio-forms-rule-edit';
  await openStudio(page);
  await createFromTemplate(page, 'bargainer-easy', id);
  await page.getByRole('tab', { name: '表单' }).click();
  const forms = page.getByTestId('studio-forms');
  await forms.getByRole('button', { name: '评分规则' }).click();

  // Intents: picked from the list like a new rule's, written at once.
  const refusal = forms.locator('[data-rule="bargain-tactful-refusal"]');
  await refusal.locator('summary').click();
  await refusal.getByLabel('意图（命中其中任意一个就算）', { exact: true }).selectOption('mention-promotion');
  await refusal.getByRole('button', { name: '添加意图' }).click();
  await expect(yaml(page)).toContainText('require: { intent: [polite-refusal, bar-soft-firm, mention-promotion] }');

  // The scope: every move where a reply can happen, no ending.
  const scope = refusal.getByLabel('适用范围');
  await expect(scope).toHaveValue('state:ask-discount');
  await expect(scope.locator('option[value="state:hesitate"]')).toHaveCount(1);
  await expect(scope.locator('option[value="state:bought-promo"], option[value="replyTo:left-silent"]')).toHaveCount(0);
  await scope.selectOption('replyTo:ask-discount');
  await expect(yaml(page)).toContainText('scope: { replyTo: ask-discount }');
  await shot(page, 'studio-forms-rule-edit');

  // A new rule on an action: its card then picks which product card counts, from the shop.
  await forms.getByRole('button', { name: '新增规则' }).click();
  const rule = forms.getByTestId('new-rule');
  await rule.getByLabel('规则名（中文）').fill('发跑鞋的卡片');
  await rule.getByLabel('规则名（英文，可不填）').fill('Send the runner card');
  await rule.getByLabel('检查什么').selectOption('action');
  await rule.getByLabel('客服动作').selectOption('card-sent');
  await rule.getByLabel('点评（中文）').fill('买家问款式时，把商品卡片发给她。');
  await rule.getByLabel('点评（英文，可不填，不填时英文界面显示中文）').fill('Send her the product card when she asks about the shoe.');
  await rule.getByLabel('示范回复（中文）').fill('亲，这是轻风跑鞋的链接，您看看~');
  await rule.getByLabel('示范回复（英文，可不填）').fill('Here is the Breeze runner: have a look.');
  await rule.getByRole('button', { name: '添加规则' }).click();
  const card = forms.locator('[data-rule="send-the-runner-card"]');
  await card.locator('summary').click();
  const product = card.getByLabel('商品（只认这件商品的卡片）');
  await expect(product).toHaveValue('');
  await product.selectOption('breeze-daily-runner');
  await expect(yaml(page)).toContainText('require: { action: card-sent, product: breeze-daily-runner }');
  await expect(page.getByTestId('studio-problems')).toHaveText(CLEAN);
  await shot(page, 'studio-forms-rule-product');
});
