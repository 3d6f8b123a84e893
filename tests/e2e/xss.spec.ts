// An XSS corpus typed as replies and as the display name renders as text: no dialog opens, no script
// element is added, nothing the corpus would set on window is set, the text shows literally in the
// chat and the report, and the built app runs under the server's Content-Security-Policy without a
// single violation (script-src 'self', no inline script).
import { expect, test } from '@playwright/test';
import { appUrl, endChat, sendReply, startChat, traineeLines } from './helpers.ts';
import { captureDialogs, guardPages } from './xssGuards.ts';

const NAME = '<img src=x onerror=alert(1)>';
const CORPUS = [
  `<script>alert('script');window.pwned=1</script>`,
  `<img src=x onerror="alert('img');window.pwned=2">`,
  `<a href="javascript:alert('link')">点我领券</a> javascript:alert(document.domain)`,
  `<svg onload="alert('svg');window.pwned=3"><circle r=9 /></svg>`,
  `{{constructor.constructor('alert(1)')()}} \${alert('tpl')} <%= 7*7 %> #{7*7}`,
  `"><iframe src="javascript:alert('frame')"></iframe><style>*{display:none}</style>`,
];

test('an XSS corpus in replies and the display name renders inert', async ({ page }) => {
  const dialogs = captureDialogs(page);
  await guardPages(page);

  const response = await page.request.get(appUrl('/'));
  expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
  await startChat(page, 'bargainer', { name: NAME });
  await expect(page.getByText(NAME).first()).toBeVisible();
  for (const text of CORPUS) await sendReply(page, text);
  for (const text of CORPUS) await expect(traineeLines(page, text).first().getByText(text, { exact: true })).toBeVisible();
  await expect(page.locator('ol.chat-log img[src="x"], ol.chat-log svg circle, ol.chat-log iframe, ol.chat-log a[href^="javascript:"]')).toHaveCount(0);

  await endChat(page);
  await expect(page.getByText('评分报告', { exact: true })).toBeVisible();
  await expect(page.getByText(NAME).first()).toBeVisible();
  await expect(page.getByText(CORPUS[0] as string).first()).toBeVisible();
  await page.reload();
  await expect(page.getByText('评分报告', { exact: true })).toBeVisible();

  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => ({ pwned: window.pwned, added: window.addedScripts, csp: window.cspViolations }))).toEqual({ pwned: undefined, added: 0, csp: [] });
  expect(await page.locator('script:not([src])').count()).toBe(0);
});
