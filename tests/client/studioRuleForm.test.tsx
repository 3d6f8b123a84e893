// @vitest-environment jsdom
// An existing rule in the form: an action check's product card or coupon is shown and picked from
// the scenario's shop (or left open); its intents are picked from the scenario's and the lexicon's
// like a new rule's, not typed; its scope is picked like a new rule's, and neither offers an
// ending, where no reply can happen. Each pick is one change to the YAML that the checks accept.
import { act } from 'react';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../client/features/studio/checks.ts';
import { click, control, mountForms } from './formsHarness.tsx';
import type { FormsHarness } from './formsHarness.tsx';
import { libraryContext, libraryCopy } from './studioFixture.ts';
import { reactRoot } from './reactRoot.ts';

const ctx = libraryContext();
const ID = 'my-easy';
const source = libraryCopy('bargainer-easy', ID);
const withCardRule = source.replace('      require: { intent: [polite-refusal, bar-soft-firm] }', '      require: { action: card-sent, product: breeze-daily-runner }');
const ENDINGS = ['paying-promo', 'paying-gift', 'paying-bad', 'bought-promo', 'bought-with-gift', 'bought-bad-deal', 'left-offended', 'left-impatient', 'left-silent'].filter((id) => {
  const states = (parse(source) as { states: Record<string, { outcome?: unknown }> }).states;
  return states[id]?.outcome !== undefined;
});

const view = reactRoot();

function mount(initial: string): FormsHarness {
  const harness = mountForms(view, initial, { lexicon: ctx.lexicon, catalog: ctx.shops });
  click(view.host, '评分规则');
  return harness;
}

const card = (id: string) => view.host.querySelector(`[data-rule="${id}"]`) as HTMLElement;

function choose(scope: HTMLElement, label: string, value: string) {
  const select = control<HTMLSelectElement>(scope, label);
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(select, value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const options = (select: HTMLSelectElement) => [...select.options].map((o) => o.value);
const lineOf = (text: string, id: string, key: string) => {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes(`- id: ${id}`));
  return lines.slice(start).find((l) => l.trimStart().startsWith(`${key}:`))?.trim();
};
const clean = (text: string) => checkSource(text, ID, ctx, false).diagnostics.map((d) => d.message);

describe("an existing rule's action check", () => {
  it("shows the product card it asks for and picks another from the shop's products", () => {
    const h = mount(withCardRule);
    const product = control<HTMLSelectElement>(card('bargain-tactful-refusal'), '商品（只认这件商品的卡片）');
    expect(product.value).toBe('breeze-daily-runner');
    expect(product.selectedOptions[0]?.textContent).toBe(`${ctx.shops['trailpeak']?.products.find((p) => p.id === 'breeze-daily-runner')?.name['zh-CN']}（breeze-daily-runner）`);
    expect(options(product)).toEqual(['', ...(ctx.shops['trailpeak']?.products.map((p) => p.id) ?? [])]);

    choose(card('bargain-tactful-refusal'), '商品（只认这件商品的卡片）', 'cloudpath-trail-runner');
    expect(lineOf(h.text(), 'bargain-tactful-refusal', 'require')).toBe('require: { action: card-sent, product: cloudpath-trail-runner }');
    expect(clean(h.text())).toEqual([]);

    // Any card will do: the product key goes.
    choose(card('bargain-tactful-refusal'), '商品（只认这件商品的卡片）', '');
    expect(lineOf(h.text(), 'bargain-tactful-refusal', 'require')).toBe('require: { action: card-sent }');
    expect(control<HTMLSelectElement>(card('bargain-tactful-refusal'), '商品（只认这件商品的卡片）').value).toBe('');
    choose(card('bargain-tactful-refusal'), '商品（只认这件商品的卡片）', 'stream-sandal');
    expect(lineOf(h.text(), 'bargain-tactful-refusal', 'require')).toBe('require: { action: card-sent, product: stream-sandal }');
    expect(clean(h.text())).toEqual([]);
  });

  it('drops the product when the action becomes a coupon, in one change, and picks a coupon', () => {
    const h = mount(withCardRule);
    choose(card('bargain-tactful-refusal'), '客服动作', 'coupon-sent');
    expect(h.changes).toHaveLength(1);
    expect(lineOf(h.text(), 'bargain-tactful-refusal', 'require')).toBe('require: { action: coupon-sent }');
    const coupon = control<HTMLSelectElement>(card('bargain-tactful-refusal'), '优惠券（只认这一张）');
    expect(options(coupon)).toEqual(['', ...(ctx.shops['trailpeak']?.coupons.map((c) => c.id) ?? [])]);
    choose(card('bargain-tactful-refusal'), '优惠券（只认这一张）', 'follow-coupon-20');
    expect(lineOf(h.text(), 'bargain-tactful-refusal', 'require')).toBe('require: { action: coupon-sent, product: follow-coupon-20 }');
    expect(clean(h.text())).toEqual([]);
  });
});

describe("an existing rule's intents", () => {
  it('are picked from the scenario and the lexicon, not typed', () => {
    const h = mount(source);
    const rule = card('bargain-tactful-refusal');
    expect([...rule.querySelectorAll('.studio-form-chips li .studio-mono')].map((c) => c.textContent)).toEqual(['polite-refusal', 'bar-soft-firm']);
    const pick = control<HTMLSelectElement>(rule, '意图（命中其中任意一个就算）');
    // The scenario's own intents first, then the lexicon's; those chosen already are not offered.
    expect(options(pick).slice(0, 3)).toEqual(['', 'bar-price-cut', 'bar-unlisted-gift']);
    expect(options(pick)).toContain('mention-promotion');
    expect(options(pick)).not.toContain('polite-refusal');
    choose(rule, '意图（命中其中任意一个就算）', 'mention-promotion');
    act(() => [...card('bargain-tactful-refusal').querySelectorAll('button')].find((b) => b.textContent === '添加意图')?.click());
    expect(lineOf(h.text(), 'bargain-tactful-refusal', 'require')).toBe('require: { intent: [polite-refusal, bar-soft-firm, mention-promotion] }');
    act(() => card('bargain-tactful-refusal').querySelector<HTMLButtonElement>('[aria-label="移除意图 polite-refusal"]')?.click());
    expect(lineOf(h.text(), 'bargain-tactful-refusal', 'require')).toBe('require: { intent: [bar-soft-firm, mention-promotion] }');
    expect(clean(h.text())).toEqual([]);
  });

  it('keep at least one: the last one cannot be taken away', () => {
    const h = mount(source.replace('require: { intent: [polite-refusal, bar-soft-firm] }', 'require: { intent: polite-refusal }'));
    const remove = card('bargain-tactful-refusal').querySelector<HTMLButtonElement>('[aria-label="移除意图 polite-refusal"]');
    expect(remove?.disabled).toBe(true);
    expect(h.changes).toEqual([]);
  });
});

describe("a rule's scope", () => {
  it('is picked for an existing rule, from the moves that are not endings', () => {
    expect(ENDINGS.length).toBeGreaterThan(3);
    const h = mount(source);
    const scope = control<HTMLSelectElement>(card('bargain-tactful-refusal'), '适用范围');
    expect(scope.value).toBe('state:ask-discount');
    expect(options(scope)).toEqual(expect.arrayContaining(['chat', 'first', 'state:hesitate', 'replyTo:hesitate']));
    for (const ending of ENDINGS) expect(options(scope).filter((o) => o.endsWith(`:${ending}`))).toEqual([]);

    choose(card('bargain-tactful-refusal'), '适用范围', 'replyTo:hesitate');
    expect(lineOf(h.text(), 'bargain-tactful-refusal', 'scope')).toBe('scope: { replyTo: hesitate }');
    choose(card('bargain-tactful-refusal'), '适用范围', 'first');
    expect(lineOf(h.text(), 'bargain-tactful-refusal', 'scope')).toBe('scope: first');
    expect(clean(h.text())).toEqual([]);

    // A rule with no scope (the whole chat) gets one.
    expect(control<HTMLSelectElement>(card('no-unauthorised-discount'), '适用范围').value).toBe('chat');
    choose(card('no-unauthorised-discount'), '适用范围', 'state:press-discount');
    expect(lineOf(h.text(), 'no-unauthorised-discount', 'scope')).toBe('scope: { state: press-discount }');
    expect(clean(h.text())).toEqual([]);
  });

  it('of a new rule offers no ending either', () => {
    mount(source);
    act(() => [...view.host.querySelectorAll('button')].find((b) => b.textContent === '新增规则')?.click());
    const scope = control<HTMLSelectElement>(view.host.querySelector('[data-testid="new-rule"]') as HTMLElement, '适用范围');
    expect(options(scope)).toContain('state:ask-discount');
    for (const ending of ENDINGS) expect(options(scope).filter((o) => o.endsWith(`:${ending}`))).toEqual([]);
  });

  it('still shows a scope written on an ending, for the check to explain', () => {
    mount(source.replace('      scope: { state: ask-discount }\n      require: { intent: [polite-refusal', '      scope: { state: bought-promo }\n      require: { intent: [polite-refusal'));
    const scope = control<HTMLSelectElement>(card('bargain-tactful-refusal'), '适用范围');
    expect(scope.value).toBe('state:bought-promo');
  });
});
