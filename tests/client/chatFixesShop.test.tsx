// @vitest-environment jsdom
// The shop tab reads as a shop's page, not as its data file: a promotion's end as a local date and
// time in the UI language, and no internal field names in the shop's texts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ShopTab } from '../../client/features/side/ShopTab.tsx';
import { appStore } from '../../client/store/index.ts';
import type { Shop } from '../../client/store/types.ts';
import { dateTime } from '../../client/ui/format.ts';
import { reactRoot } from './reactRoot.ts';

const shopFile = join(import.meta.dirname, '..', '..', 'scenarios', 'shops', 'trailpeak.yaml');
const shop = parse(readFileSync(shopFile, 'utf8')) as Shop;

afterEach(() => {
  act(() => appStore.setState({ lang: 'zh-CN' }));
});

const { host, render } = reactRoot();

/** Every bilingual text in the file: { zh-CN, en } pairs. */
function texts(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) texts(item, found);
  else if (node !== null && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o['zh-CN'] === 'string' && typeof o['en'] === 'string') found.push(o['zh-CN'], o['en']);
    else for (const v of Object.values(o)) texts(v, found);
  }
  return found;
}

describe('the shop tab', () => {
  it('shows when a promotion ends as a local date and time, in the UI language', () => {
    const endsAt = shop.promotions[0]?.endsAt as string;
    expect(endsAt).toBe('2026-12-12T23:59:59+08:00');
    render(<ShopTab shop={shop} />);
    const ends = () => [...host.querySelectorAll('.promo-list .muted')].map((p) => p.textContent);
    expect(ends()[0]).toBe(`截止 ${dateTime(Date.parse(endsAt), 'zh-CN')}`);
    expect(host.textContent).not.toContain('T23:59:59');
    expect(host.querySelector('.promo-list time')?.getAttribute('dateTime')).toBe(endsAt);
    act(() => appStore.setState({ lang: 'en' }));
    expect(ends()[0]).toBe(`until ${dateTime(Date.parse(endsAt), 'en')}`);
    expect(host.textContent).not.toContain('+08:00');
  });

  it('names no internal field in the shop’s texts', () => {
    const all = texts(shop);
    expect(all.length).toBeGreaterThan(10);
    for (const text of all) expect(text).not.toMatch(/promoPrice|listPrice|endsAt|[a-z][A-Z][a-z]+Price/);
    render(<ShopTab shop={shop} />);
    expect(host.textContent).not.toContain('promoPrice');
  });
});
