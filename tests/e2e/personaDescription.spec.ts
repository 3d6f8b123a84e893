// A persona card's description is clamped to a few lines on the home page; on a phone (390 px) a
// card whose text is cut offers "展开全文", a real button reached with Tab and pressed with Enter,
// that shows the whole text and folds it again.
import { expect, test } from '@playwright/test';
import { appUrl, shot } from './helpers.ts';

test.use({ viewport: { width: 390, height: 844 } });

test('a clamped persona description opens and closes from the keyboard on a phone', async ({ page }) => {
  await page.goto(appUrl('/'));
  const card = page.locator('article[data-scenario="phisher-hard"]');
  const text = card.locator('.persona-desc');
  await expect(text).toBeVisible();
  const toggle = card.getByRole('button', { name: /^展开全文：/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  const clampedHeight = (await text.boundingBox())?.height ?? 0;
  expect(await text.evaluate((el) => el.scrollHeight > el.clientHeight + 1), 'the clamp hides some of it').toBe(true);

  // Keyboard: Tab reaches the toggle (a real button in the tab order), Enter opens it.
  for (let i = 0; i < 80 && !(await toggle.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Enter');
  const collapse = card.getByRole('button', { name: /^收起全文：/ });
  await expect(collapse).toHaveAttribute('aria-expanded', 'true');
  await expect(collapse).toBeFocused();
  expect((await text.boundingBox())?.height ?? 0).toBeGreaterThan(clampedHeight);
  expect(await text.evaluate((el) => el.scrollHeight <= el.clientHeight + 1), 'the whole text shows').toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, 'home-persona-expanded-phone');

  await page.keyboard.press('Space');
  await expect(card.getByRole('button', { name: /^展开全文：/ })).toHaveAttribute('aria-expanded', 'false');
  expect(Math.abs(((await text.boundingBox())?.height ?? 0) - clampedHeight)).toBeLessThan(1);

  // A description that fits has no button.
  const short = page.locator('article.persona-card').filter({ has: page.locator('.persona-desc') });
  const fits = await short.evaluateAll((cards) =>
    cards.filter((c) => {
      const p = c.querySelector('.persona-desc') as HTMLElement;
      return p.scrollHeight <= p.clientHeight + 1;
    }).map((c) => c.querySelector('.persona-more') === null),
  );
  expect(fits.every(Boolean)).toBe(true);
});
