// @vitest-environment jsdom
// The rubric's rule forms: a new rule's action check picks its product card or coupon from the shop
// as an existing rule's does; 判定方式 is worded for what the rule checks (an action is taken, not
// "said in a sentence"); the red-line sign and the problem count on a rule's card say what they mean.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../server/engine/index.ts';
import { checkSource } from '../../client/features/studio/checks.ts';
import { appStore } from '../../client/store/index.ts';
import { click, control, mountForms } from './formsHarness.tsx';
import { libraryContext, libraryCopy } from './studioFixture.ts';
import { reactRoot } from './reactRoot.ts';

const ctx = libraryContext();
const ID = 'my-easy';
const source = libraryCopy('bargainer-easy', ID);
const INTENT_CHECK = 'require: { intent: [polite-refusal, bar-soft-firm] }';
const withCardRule = source.replace(INTENT_CHECK, 'require: { action: card-sent, product: breeze-daily-runner }');
const shop = ctx.shops['trailpeak'];
if (!shop) throw new Error('no trailpeak shop');

afterEach(() => appStore.setState({ lang: 'zh-CN' }));
const view = reactRoot();

function mount(initial: string, diagnostics: readonly Diagnostic[] = []): { text(): string } {
  const harness = mountForms(view, initial, { lexicon: ctx.lexicon, catalog: ctx.shops, diagnostics });
  click(view.host, '评分规则');
  return harness;
}

function set(scope: HTMLElement, label: string, value: string) {
  const input = control<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(scope, label);
  const proto = input instanceof HTMLSelectElement ? HTMLSelectElement.prototype : input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

const card = (id: string) => view.host.querySelector(`[data-rule="${id}"]`) as HTMLElement;
const values = (select: HTMLSelectElement) => [...select.options].map((o) => o.value);
const texts = (select: HTMLSelectElement) => [...select.options].map((o) => o.textContent);
const lineOf = (text: string, id: string, key: string) => {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes(`- id: ${id}`));
  return lines.slice(start).find((l) => l.trimStart().startsWith(`${key}:`))?.trim();
};

function newRuleForm(): HTMLElement {
  click(view.host, '新增规则');
  return view.host.querySelector('[data-testid="new-rule"]') as HTMLElement;
}

/** An existing rule's 判定方式 select (the label wraps it). */
function modeOf(rule: HTMLElement): HTMLSelectElement {
  const label = [...rule.querySelectorAll('label')].find((l) => l.textContent?.startsWith('判定方式') || l.textContent?.startsWith('Judged as'));
  const select = label?.querySelector('select');
  if (!select) throw new Error('no mode select');
  return select;
}

describe("a new rule's action check", () => {
  it("narrows a coupon or a product card to one of the shop's, like an existing rule, and writes it", () => {
    const h = mount(source);
    const form = newRuleForm();
    set(form, '检查什么', 'action');
    expect(control<HTMLSelectElement>(form, '客服动作').value).toBe('coupon-sent');
    const coupon = control<HTMLSelectElement>(form, '优惠券（只认这一张）');
    expect(values(coupon)).toEqual(['', ...shop.coupons.map((c) => c.id)]);
    expect(texts(coupon)[0]).toBe('任意优惠券都算');
    set(form, '优惠券（只认这一张）', 'follow-coupon-20');

    // Another action starts from any: a coupon id means nothing to a product card.
    set(form, '客服动作', 'card-sent');
    const product = control<HTMLSelectElement>(form, '商品（只认这件商品的卡片）');
    expect(product.value).toBe('');
    expect(values(product)).toEqual(['', ...shop.products.map((p) => p.id)]);
    set(form, '商品（只认这件商品的卡片）', 'breeze-daily-runner');

    set(form, '规则名（中文）', '发商品卡片');
    set(form, '规则名（英文，可不填）', 'Send the product card');
    set(form, '点评（中文）', '买家问款式时，直接发商品卡片更清楚。');
    set(form, '点评（英文，可不填，不填时英文界面显示中文）', 'Send the product card when she asks about the model.');
    set(form, '示范回复（中文）', '亲，给您发一下这款的卡片~');
    set(form, '示范回复（英文，可不填）', 'Here is the card of this model.');
    click(form, '添加规则');
    expect(lineOf(h.text(), 'send-the-product-card', 'require')).toBe('require: { action: card-sent, product: breeze-daily-runner }');
    expect(checkSource(h.text(), ID, ctx, false).diagnostics.map((d) => d.message)).toEqual([]);
  });

  it('offers no product for an action that names none', () => {
    mount(source);
    const form = newRuleForm();
    set(form, '检查什么', 'action');
    set(form, '客服动作', 'link-opened');
    expect([...form.querySelectorAll('label')].map((l) => l.textContent)).not.toContain('商品（只认这件商品的卡片）');
    expect([...form.querySelectorAll('label')].map((l) => l.textContent)).not.toContain('优惠券（只认这一张）');
  });
});

describe('判定方式', () => {
  it('speaks of replies for an intent check and of an action for an action check, in a new rule', () => {
    mount(source);
    const form = newRuleForm();
    expect(texts(control<HTMLSelectElement>(form, '判定方式'))).toEqual(['必须做到（范围内有一句回复命中就通过）', '不许出现（范围内有一句回复命中就不通过）']);
    set(form, '检查什么', 'action');
    expect(texts(control<HTMLSelectElement>(form, '判定方式'))).toEqual(['必须做到（范围内做过一次这个动作就通过）', '不许出现（范围内做了一次这个动作就不通过）']);
  });

  it('does the same for existing rules, in both languages', () => {
    mount(withCardRule);
    expect(texts(modeOf(card('bargain-tactful-refusal')))).toEqual(['必须做到（范围内做过一次这个动作就通过）', '不许出现（范围内做了一次这个动作就不通过）']);
    expect(texts(modeOf(card('no-unauthorised-discount')))[1]).toBe('不许出现（范围内有一句回复命中就不通过）');
    act(() => appStore.setState({ lang: 'en' }));
    expect(texts(modeOf(card('bargain-tactful-refusal')))).toEqual(['Required (passes once the agent takes the action in scope)', 'Forbidden (fails the first time the agent takes the action in scope)']);
  });
});

describe("a rule card's signs", () => {
  it('names the red-line sign', () => {
    mount(source);
    const sign = card('no-unauthorised-discount').querySelector('summary [role="img"]');
    expect(sign?.textContent?.trim()).toBe('⚠');
    expect(sign?.getAttribute('aria-label')).toBe('红线规则（一旦违反，整场不及格）');
    expect(sign?.getAttribute('title')).toBe('红线规则（一旦违反，整场不及格）');
    expect(card('bargain-tactful-refusal').querySelector('summary [role="img"]')).toBeNull();
  });

  it("lists what is wrong in the problem count's tooltip, in the page's language", () => {
    const broken = source.replace(INTENT_CHECK, 'require: { intent: [polite-refusal, no-such-intent] }');
    const diagnostics = checkSource(broken, ID, ctx, false).diagnostics;
    expect(diagnostics.length).toBeGreaterThan(0);
    mount(broken, diagnostics);
    const count = card('bargain-tactful-refusal').querySelector('summary [data-testid="problem-count"]');
    expect(count?.textContent).toContain('1 个问题');
    const tip = count?.getAttribute('title') ?? '';
    expect(tip).toMatch(/^\d+:\d+ /);
    expect(tip).toContain('no-such-intent');
    expect(tip).toMatch(/\p{Script=Han}/u);
  });
});
