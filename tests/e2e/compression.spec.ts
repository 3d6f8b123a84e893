// The browser gets the app compressed: the entry script and stylesheet come gzip- or
// brotli-encoded (the build's forms, server/http/staticFiles.ts), and the app they make still runs.
import { expect, test } from '@playwright/test';
import { appUrl } from './helpers.ts';

test('the first page load downloads the app compressed, and the app runs', async ({ page }) => {
  const assets: { url: string; encoding: string | undefined; bytes: number }[] = [];
  page.on('response', async (res) => {
    if (!/\/assets\/index-[\w-]+\.(js|css)$/.test(res.url())) return;
    const headers = await res.allHeaders();
    const sizes = await res.request().sizes();
    assets.push({ url: res.url(), encoding: headers['content-encoding'], bytes: sizes.responseBodySize });
  });
  await page.goto(appUrl('/'));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect.poll(() => assets.length).toBeGreaterThanOrEqual(2);
  for (const a of assets) expect(['gzip', 'br'], a.url).toContain(a.encoding);
  // The entry script is about 300 KB as built; compressed it is about a third of that.
  const script = assets.find((a) => a.url.endsWith('.js'));
  expect(script?.bytes).toBeLessThan(150 * 1024);
});
