// A trainer who writes Chinese only starts a scenario blank (空白开始): it opens with the checks
// passing, its move names have no English and the form does not ask for any; English typed into the
// title and then cleared leaves no `en:` behind, and the scenario publishes as version 1.
import { expect, test } from '@playwright/test';
import { openStudio, shot } from './helpers.ts';

const ID = 'studio-blank-e2e';
const CLEAN = '检查通过，内置测试全部通过';

test('a blank start checks clean, takes Chinese only, and publishes', async ({ page }) => {
  await openStudio(page);
  await page.getByLabel('模板').selectOption({ label: '空白开始（最简剧本，只写中文也行）' });
  await page.getByLabel(/新剧本 ID/).fill(ID);
  await page.getByRole('button', { name: '新建' }).click();
  await page.waitForURL(new RegExp(`/trainer/studio/edit/${ID}$`));
  await expect(page.getByTestId('studio-problems')).toHaveText(CLEAN);
  const yaml = page.locator('.cm-content');
  await expect(yaml).toContainText('version: 1');
  await expect(yaml).not.toContainText('en:');

  await page.getByRole('tab', { name: '表单' }).click();
  const forms = page.getByTestId('studio-forms');
  await forms.getByLabel('标题（英文，可不填）').fill('My scenario');
  await expect(yaml).toContainText('title: { zh-CN: 新剧本, en: My scenario }');
  await forms.getByLabel('标题（英文，可不填）').fill('');
  await expect(yaml).toContainText('title: { zh-CN: 新剧本 }');
  await expect(page.getByTestId('studio-problems')).toHaveText(CLEAN);

  await forms.getByRole('button', { name: '买家台词' }).click();
  await expect(forms.getByLabel('opening 环节名称（中文）', { exact: true })).toHaveValue('开场提问');
  await expect(forms.getByLabel('opening 环节名称（英文，可不填）', { exact: true })).toHaveValue('');
  await expect(forms.locator('[data-state-lines="opening"] summary')).not.toContainText('个问题');
  await shot(page, 'studio-blank-start');

  await page.getByRole('button', { name: '发布' }).click();
  await expect(page.getByText('已发布为第 1 版')).toBeVisible();
});
