// The move graph fits its box below 1280 px wide: at 1024 px (two columns) and at 390 px (a phone,
// one column) every move of the persona is in view inside the box, which has nothing to scroll.
import { expect, test } from '@playwright/test';
import { createFromTemplate, openStudio, shot } from './helpers.ts';

for (const width of [1024, 390]) {
  test(`the whole move graph fits its box at ${width} px wide`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await openStudio(page);
    await createFromTemplate(page, 'bargainer-easy', `studio-graph-${width}`);
    await page.getByRole('tab', { name: '流程图' }).click();
    const box = page.getByTestId('studio-graph');
    await expect(box.locator('[data-state="opening"]')).toBeVisible();
    // The box measures itself, then the graph is laid out for it: wait for that to settle.
    await expect
      .poll(() => box.evaluate((el) => ({ down: el.scrollHeight - el.clientHeight, across: el.scrollWidth - el.clientWidth })))
      .toEqual({ down: 0, across: 0 });
    const room = await box.boundingBox();
    const moves = box.locator('[data-state]');
    expect(await moves.count()).toBe(15);
    for (const move of await moves.all()) {
      const at = await move.boundingBox();
      expect(room && at).toBeTruthy();
      if (!room || !at) continue;
      expect(at.x).toBeGreaterThanOrEqual(room.x - 0.5);
      expect(at.y).toBeGreaterThanOrEqual(room.y - 0.5);
      expect(at.x + at.width).toBeLessThanOrEqual(room.x + room.width + 0.5);
      expect(at.y + at.height).toBeLessThanOrEqual(room.y + room.height + 0.5);
    }
    await box.scrollIntoViewIfNeeded();
    await shot(page, `studio-graph-${width}`);
  });
}
