// The studio's form views end to end: a trainer edits the title, a buyer line and a rule weight in
// the form and sees exactly that text change in the YAML (the checks stay green, Ctrl+Z in the
// editor undoes a form edit), saves and reloads; then types in the YAML and sees the form follow,
// and breaks the YAML to see the form point at the syntax error instead of going stale.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { appUrl, shot } from './helpers.ts';

const TRAINER = { name: 'e2e-trainer', password: 'e2e-trainer-password' };
const ID = 'studio-forms-copy';
const CLEAN = '检查通过，内置测试全部通过';

async function openStudio(page: Page): Promise<void> {
  await page.goto(appUrl('/trainer'));
  await page.getByLabel('账号').fill(TRAINER.name);
  await page.getByLabel('密码').fill(TRAINER.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('link', { name: '剧本工作室' }).click();
  await expect(page.getByRole('heading', { name: '剧本工作室' })).toBeVisible();
}

const yaml = (page: Page) => page.locator('.cm-content');

test('form edits reach the YAML and back, survive a reload, and a broken YAML pauses the form', async ({ page }) => {
  await openStudio(page);
  await page.getByLabel('模板').selectOption('bargainer-easy');
  await page.getByLabel(/新剧本 ID/).fill(ID);
  await page.getByRole('button', { name: '新建' }).click();
  await page.waitForURL(new RegExp(`/trainer/studio/edit/${ID}$`));
  await expect(page.getByTestId('studio-problems')).toHaveText(CLEAN);

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

  // After a reload the draft has all three changes, in the form as in the YAML.
  await page.reload();
  await expect(page.getByTestId('studio-problems')).toHaveText(CLEAN);
  await expect(yaml(page)).toContainText('zh-CN: 议价买家：表单里改的标题');
  await page.getByRole('tab', { name: '表单' }).click();
  await expect(forms.getByLabel('标题（中文）')).toHaveValue('议价买家：表单里改的标题');
  await forms.getByRole('button', { name: '买家台词' }).click();
  await expect(forms.getByLabel('opening 第 1 句 说法 2', { exact: true })).toHaveValue('亲 在线吗');
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
