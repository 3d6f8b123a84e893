// The TrailPeak mock shop: it must parse with the shop schema and hold the invariants persona
// authors and rules rely on (stable ids, honest promo prices, stock only for sizes that exist).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { shopSchema } from '../../../server/engine/scenario/shopSchema.ts';
import type { Shop } from '../../../server/engine/scenario/shopSchema.ts';

const file = fileURLToPath(new URL('../../../scenarios/shops/trailpeak.yaml', import.meta.url));
const source = readFileSync(file, 'utf8');
const shop: Shop = shopSchema.parse(parse(source));

/** Product ids persona scenarios reference; renaming one breaks them. */
const stableIds = [
  'ridge-gtx-high-boot',
  'trekker-low-wide',
  'breeze-daily-runner',
  'cloudpath-trail-runner',
  'urban-leather-casual',
  'stream-sandal',
  'junior-light-sneaker',
  'latex-cushion-insole',
  'outdoor-hiking-socks',
  'leather-care-kit',
];

const product = (id: string) => {
  const p = shop.products.find((x) => x.id === id);
  if (!p) throw new Error(`no product ${id}`);
  return p;
};

describe('scenarios/shops/trailpeak.yaml', () => {
  it('declares the editor schema on its first line', () => {
    expect(source.split('\n')[0]).toBe('# yaml-language-server: $schema=../shop.schema.json');
  });

  it('parses with shopSchema and matches its file name', () => {
    expect(shop.id).toBe('trailpeak');
    expect(shop.platform).toBe('tmall');
    expect(shop.agents.length).toBeGreaterThanOrEqual(2);
    expect(shop.agents.length).toBeLessThanOrEqual(3);
  });

  it('keeps the stable product ids', () => {
    expect(shop.products.length).toBeGreaterThanOrEqual(8);
    for (const id of stableIds) expect(shop.products.map((p) => p.id)).toContain(id);
  });

  it('has unique ids for products, promotions, coupons and policies', () => {
    for (const ids of [shop.products, shop.promotions, shop.coupons, shop.policies].map((xs) => xs.map((x) => x.id))) {
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('sells every promoted item below its list price', () => {
    for (const p of shop.products) {
      if (p.promoPrice !== undefined) expect(p.promoPrice, p.id).toBeLessThan(p.price);
    }
  });

  it('keeps stock only for sizes the product comes in', () => {
    for (const p of shop.products) {
      for (const size of Object.keys(p.stock ?? {})) expect(p.sizes, `${p.id} stock size ${size}`).toContain(size);
      expect(new Set(p.sizes).size, p.id).toBe(p.sizes.length);
    }
  });

  it('gives every shoe colours, a size advice and at least one honest weakness', () => {
    for (const p of shop.products.filter((x) => ['boots', 'shoes', 'running', 'sandals'].includes(x.category))) {
      expect(p.colours.length, p.id).toBeGreaterThan(0);
      expect(p.sizeAdvice, p.id).toBeDefined();
      expect(p.weaknesses.length, p.id).toBeGreaterThan(0);
      expect(p.highlights.length, p.id).toBeGreaterThan(0);
      expect(p.weightGrams, p.id).toBeDefined();
    }
  });

  it('encodes the fit facts the size persona relies on', () => {
    const boot = product('ridge-gtx-high-boot');
    expect(boot.category).toBe('boots');
    expect(boot.membrane?.en).toMatch(/GORE-TEX/);
    expect(boot.outsole?.en).toMatch(/Vibram/);
    expect(boot.weaknesses.some((w) => /heav/i.test(w.en))).toBe(true);
    expect(product('trekker-low-wide').fit).toBe('wide');
    expect(product('trekker-low-wide').sizeAdvice?.['zh-CN']).toContain('小一码');
    expect(product('breeze-daily-runner').fit).toBe('runs-small');
    expect(product('breeze-daily-runner').sizeAdvice?.['zh-CN']).toContain('大一码');
    expect(product('breeze-daily-runner').weaknesses.some((w) => w['zh-CN'].includes('不防水'))).toBe(true);
    expect(product('urban-leather-casual').fit).toBe('runs-large');
    expect(product('latex-cushion-insole').category).toBe('insoles');
    expect(product('outdoor-hiking-socks').category).toBe('socks');
  });

  it('has a nearly sold-out size for honest urgency', () => {
    const lowStock = shop.products.flatMap((p) => Object.values(p.stock ?? {})).filter((n) => n > 0 && n <= 2);
    expect(lowStock.length).toBeGreaterThan(0);
    expect(product('ridge-gtx-high-boot').stock?.['44']).toBe(1);
  });

  it('has a size chart marked as for reference, increasing with size', () => {
    const chart = shop.sizeChart;
    expect(chart).toBeDefined();
    expect(chart?.note['zh-CN']).toContain('仅供参考');
    const rows = chart?.rows ?? [];
    for (let i = 1; i < rows.length; i++) {
      expect(Number(rows[i]?.size)).toBeGreaterThan(Number(rows[i - 1]?.size));
      expect(rows[i]?.footLengthMm).toBeGreaterThan(rows[i - 1]?.footLengthMm ?? 0);
    }
    const shoeSizes = new Set(shop.products.filter((p) => p.category !== 'insoles' && p.category !== 'socks').flatMap((p) => p.sizes));
    for (const size of shoeSizes) if (/^\d+$/.test(size)) expect(rows.map((r) => r.size)).toContain(size);
  });

  it('has real promotions of several kinds, coupons and small gifts', () => {
    const kinds = new Set(shop.promotions.map((p) => p.kind));
    for (const k of ['discount', 'multi-buy', 'bundle'] as const) expect(kinds).toContain(k);
    expect(shop.coupons.length).toBeGreaterThanOrEqual(1);
    for (const c of shop.coupons) expect(c.amount).toBeLessThan(c.minSpend);
    expect(shop.gifts.length).toBeGreaterThan(0);
  });

  it('charges shipping with a free-over threshold above a single runner', () => {
    expect(shop.shipping.fee).toBeGreaterThan(0);
    expect(shop.shipping.dispatchCutoff).toMatch(/^\d{2}:\d{2}$/);
    expect(shop.shipping.freeOver).toBeGreaterThan(product('breeze-daily-runner').promoPrice ?? 0);
  });

  it('states the platform policies with the right numbers', () => {
    const text = (id: string) => shop.policies.find((p) => p.id === id)?.text['zh-CN'] ?? '';
    expect(text('seven-day-return')).toMatch(/7 ?天无理由/);
    expect(text('genuine-guarantee')).toContain('假一赔十');
    expect(text('quality-return')).toContain('来回运费');
    expect(text('size-exchange-shipping')).toContain('非质量问题');
    expect(text('size-exchange-shipping')).toContain('买家承担');
    expect(text('unpaid-auto-close')).toMatch(/1 ?天/);
    expect(text('auto-confirm')).toMatch(/10 ?天/);
  });
});
