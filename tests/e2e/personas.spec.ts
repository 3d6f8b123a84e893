// Every persona of the library, at the normal level, played to an outcome through the UI by the
// library's own skilled trainee script, then ended and scored.
import { expect, test } from '@playwright/test';
import { endAndOpenReport, expectPhoto, loadScript, playTurn, settled, shot, startChat } from './helpers.ts';

// `photos`: the drawings the buyer sends on the way (client/public/media/<key>.svg).
const personas: { id: string; outcome: string; photos?: string[] }[] = [
  { id: 'bargainer', outcome: 'purchased' },
  { id: 'size-hesitant', outcome: 'purchased' },
  { id: 'phisher', outcome: 'left' },
  { id: 'post-sale-complainer', outcome: 'resolved', photos: ['ridge-boot-toe-split-overview', 'ridge-boot-toe-split-closeup'] },
];

for (const persona of personas) {
  test(`${persona.id}: a skilled trainee reaches an outcome and gets a passing report`, async ({ page }) => {
    await startChat(page, persona.id);
    for (const turn of loadScript(persona.id, 'normal-skilled')) await playTurn(page, turn);
    await settled(page);
    const banner = page.getByTestId('outcome-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toHaveAttribute('data-outcome', persona.outcome);
    // Practice mode: verdict chips under the trainee's replies.
    await expect(page.locator('li[data-from="trainee"] .chip').first()).toBeVisible();
    await shot(page, `workspace-${persona.id}`);
    for (const key of persona.photos ?? []) await expectPhoto(page, key);

    await endAndOpenReport(page);
    await expect(page.getByTestId('report-score')).toContainText('通过');
    await expect(page.getByTestId('report-redlines')).toContainText('没有触碰红线');
    await expect(page.getByRole('heading', { name: '逐条点评' })).toBeVisible();
    await shot(page, `report-${persona.id}`, true);
  });
}
