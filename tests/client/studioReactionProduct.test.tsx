// @vitest-environment jsdom
// A new reaction to a product card or a coupon can name which one, picked from the scenario's shop
// with the same picker the rule forms use (ProductPicker.tsx): "any" first, then the shop's products
// or coupons by name. The reaction is written with its `product:` and passes the checks.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { checkSource } from '../../client/features/studio/checks.ts';
import { appStore } from '../../client/store/index.ts';
import { click, field, fill, mountForms } from './formsHarness.tsx';
import { reactRoot } from './reactRoot.ts';
import { libraryContext, libraryCopy } from './studioFixture.ts';

const ctx = libraryContext();
const source = libraryCopy('bargainer-easy', 'my-easy');

afterEach(() => act(() => appStore.getState().setLang('zh-CN')));
const view = reactRoot();

const mount = (initial: string) => mountForms(view, initial, { lexicon: ctx.lexicon, catalog: ctx.shops });

function reactionForm(host: HTMLElement, state: string): HTMLElement {
  click(host, '买家台词');
  const move = host.querySelector<HTMLElement>(`[data-state-lines="${state}"]`);
  if (!move) throw new Error('no move card');
  click(move, '新增反应');
  const form = move.querySelector<HTMLElement>(`[data-testid="new-reaction-${state}"]`);
  if (!form) throw new Error('no new-reaction form');
  return form;
}

const options = (select: HTMLSelectElement) => [...select.options].map((o) => [o.value, o.textContent]);
const onOf = (text: string, state: string) => (parseDocument(text).toJS() as { states: Record<string, { on?: unknown[] }> }).states[state]?.on ?? [];

describe('a new reaction to a card or a coupon', () => {
  it("offers the shop's coupons, and writes the one picked", () => {
    const h = mount(source);
    const form = reactionForm(h.host, 'ask-shipping');
    fill(form, '检查什么', 'action');
    fill(form, '客服动作', 'coupon-sent');
    const coupon = field(form, '优惠券（只认这一张）') as HTMLSelectElement;
    expect(options(coupon)[0]).toEqual(['', '任意优惠券都算']);
    expect(options(coupon).map(([value]) => value)).toEqual(['', ...(ctx.shops['trailpeak']?.coupons ?? []).map((c) => c.id)]);
    fill(form, '优惠券（只认这一张）', 'follow-coupon-20');
    fill(form, '买家说（每行一句，按顺序发出；之后可以再加说法）', '领到券啦 那我拍了');
    fill(form, '然后买家转到', 'paying-promo');
    click(form, '添加反应');
    expect(onOf(h.text(), 'ask-shipping')).toContainEqual({ action: 'coupon-sent', product: 'follow-coupon-20', say: [['领到券啦 那我拍了']], goto: 'paying-promo' });
    expect(checkSource(h.text(), 'my-easy', ctx).diagnostics).toEqual([]);
  });

  it("offers the shop's products for a card by their names in the page language, and leaves product out for any", () => {
    act(() => appStore.getState().setLang('en'));
    const h = mount(source);
    click(h.host, 'Buyer lines');
    const move = h.host.querySelector<HTMLElement>('[data-state-lines="hesitate"]') as HTMLElement;
    click(move, 'Add a reaction');
    const form = move.querySelector<HTMLElement>('[data-testid="new-reaction-hesitate"]') as HTMLElement;
    fill(form, 'What to check', 'action');
    fill(form, 'Agent action', 'card-sent');
    const product = field(form, 'Product (only a card of this one counts)') as HTMLSelectElement;
    expect(options(product)).toContainEqual(['breeze-daily-runner', `${ctx.shops['trailpeak']?.products.find((p) => p.id === 'breeze-daily-runner')?.name.en ?? '?'} (breeze-daily-runner)`]);
    fill(form, 'The buyer says (one line each, sent in order; add wordings later)', '这双我看过了');
    click(form, 'Add reaction');
    const added = onOf(h.text(), 'hesitate').find((t) => (t as { action?: string }).action === 'card-sent');
    expect(added).toEqual({ action: 'card-sent', say: [['这双我看过了']] });
    expect(checkSource(h.text(), 'my-easy', ctx).diagnostics).toEqual([]);
  });
});
