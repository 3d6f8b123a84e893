// What a Chinese-first trainer reads in the studio, in Chromium: the move graph, fitted whole into its
// box at 1024 and 390 px wide, draws every label and id at 10 px or more on screen however far the
// graph is scaled down; the new-rule form describes a picked intent in Chinese and narrows a coupon
// rule to one of the shop's coupons.
import { expect, test } from '@playwright/test';
import { createFromTemplate, openStudio, shot } from './helpers.ts';

for (const width of [1024, 390]) {
  test(`the move graph's text is readable at ${width} px wide`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await openStudio(page);
    await createFromTemplate(page, 'bargainer-hard', `studio-readable-${width}`);
    await page.getByRole('tab', { name: '流程图' }).click();
    const box = page.getByTestId('studio-graph');
    await expect(box.locator('[data-state="opening"]')).toBeVisible();
    await expect.poll(() => box.evaluate((el) => el.scrollHeight - el.clientHeight)).toBe(0);
    const sizes = await box.locator('svg').evaluate((svg) => {
      const drawn = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
      return { drawn, texts: [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * drawn) };
    });
    // bargainer-hard, the library's biggest graph, is drawn well below full size here.
    expect(sizes.drawn).toBeLessThan(0.7);
    expect(sizes.texts.length).toBeGreaterThan(20);
    expect(Math.min(...sizes.texts)).toBeGreaterThanOrEqual(9.9);
    await box.scrollIntoViewIfNeeded();
    await shot(page, `studio-readable-graph-${width}`);
  });
}

test('the new-rule form describes an intent in Chinese and narrows a coupon rule to one coupon', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 900 });
  await openStudio(page);
  await createFromTemplate(page, 'bargainer-easy', 'studio-readable-rule');
  await page.getByRole('tab', { name: '表单' }).click();
  const forms = page.getByTestId('studio-forms');
  await forms.getByRole('button', { name: '评分规则' }).click();
  await forms.getByRole('button', { name: '新增规则' }).click();
  const form = forms.getByTestId('new-rule');
  await form.getByLabel('意图（命中其中任意一个就算）').selectOption('polite-refusal');
  await expect(form.locator('.studio-form-intent-hint')).toContainText('带着歉意明确拒绝');
  await form.getByLabel('意图（命中其中任意一个就算）').scrollIntoViewIfNeeded();
  await shot(page, 'studio-readable-intent-hint');
  await expect(form.getByLabel('判定方式')).toContainText('范围内有一句回复命中就通过');
  await form.getByLabel('检查什么').selectOption('action');
  await expect(form.getByLabel('判定方式')).toContainText('范围内做过一次这个动作就通过');
  await form.getByLabel('优惠券（只认这一张）').selectOption('follow-coupon-20');
  await form.scrollIntoViewIfNeeded();
  await shot(page, 'studio-readable-new-rule');
});
