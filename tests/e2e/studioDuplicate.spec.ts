// Duplicating a scenario in the studio asks for the copy's id in a dialog of the page, never the
// browser's prompt: the field is focused with a free id, Escape closes the dialog and gives focus
// back to the button, a malformed or taken id is explained beside the field, and a good id opens
// the copy in the editor.
import { expect, test } from '@playwright/test';
import { openStudio, shot } from './helpers.ts';

test('a trainer duplicates a library scenario through the in-page dialog', async ({ page }) => {
  const browserDialogs: string[] = [];
  page.on('dialog', (d) => {
    browserDialogs.push(d.type());
    void d.dismiss();
  });
  await openStudio(page);
  const library = page.locator('section', { has: page.getByRole('heading', { name: '角色库（模板）' }) });
  const row = library.locator('li').filter({ has: page.getByText('bargainer-easy', { exact: true }) });
  const duplicate = row.getByRole('button', { name: '复制' });

  await duplicate.click();
  const dialog = page.getByRole('dialog', { name: '复制 bargainer-easy' });
  await expect(dialog).toBeVisible();
  const id = dialog.getByLabel('新剧本 ID（小写字母、数字和连字符）');
  await expect(id).toBeFocused();
  await expect(id).toHaveValue('bargainer-easy-copy');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(duplicate).toBeFocused();

  await duplicate.click();
  await id.fill('Easy Copy');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('ID 只能用小写字母、数字和连字符，例如 my-bargainer');
  await expect(id).toHaveAttribute('aria-invalid', 'true');
  await id.fill('bargainer');
  await dialog.getByRole('button', { name: '复制', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('已经有 ID 为 bargainer 的剧本了，请换一个');
  await shot(page, 'studio-duplicate-dialog');

  await id.fill('studio-dup-e2e');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/trainer\/studio\/edit\/studio-dup-e2e$/);
  await expect(page.getByTestId('studio-problems')).toHaveText('检查通过，内置测试全部通过');
  await expect(page.locator('.cm-content')).toContainText('id: studio-dup-e2e');
  expect(browserDialogs).toEqual([]);
});
