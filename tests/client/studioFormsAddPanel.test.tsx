// @vitest-environment jsdom
// Adding and removing whole parts from the form panel: a trainer fills in the new-rule form (id made
// from the English name, intents picked from the lexicon), a new reaction of a move and a nudge;
// each reaches the text as one change that passes the checks; removing asks first.
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { checkSource } from '../../client/features/studio/checks.ts';
import { button, click, field, fill, mountForms } from './formsHarness.tsx';
import { reactRoot } from './reactRoot.ts';
import { libraryContext, libraryCopy } from './studioFixture.ts';

const ctx = libraryContext();
const source = libraryCopy('bargainer-easy', 'my-easy');

const view = reactRoot();

const mount = (initial: string) => mountForms(view, initial, { lexicon: ctx.lexicon });

function pickIntent(scope: HTMLElement, id: string) {
  fill(scope, '意图（命中其中任意一个就算）', id);
  click(scope, '添加意图');
}

/** The new-rule form, opened from the rubric tab. */
function newRuleForm(host: HTMLElement): HTMLElement {
  click(host, '评分规则');
  click(host, '新增规则');
  const form = host.querySelector<HTMLElement>('[data-testid="new-rule"]');
  if (!form) throw new Error('no new-rule form');
  return form;
}

/** A move's card on the buyer-lines tab. */
function moveCard(host: HTMLElement, state: string): HTMLElement {
  click(host, '买家台词');
  const move = host.querySelector<HTMLElement>(`[data-state-lines="${state}"]`);
  if (!move) throw new Error('no move card');
  return move;
}

/** A move's new-reaction form, opened from its card. */
function newReactionForm(host: HTMLElement, state: string): HTMLElement {
  const move = moveCard(host, state);
  click(move, '新增反应');
  const form = move.querySelector<HTMLElement>(`[data-testid="new-reaction-${state}"]`);
  if (!form) throw new Error('no new-reaction form');
  return form;
}

const js = (text: string) => parseDocument(text).toJS() as { rubric: { rules: Record<string, unknown>[] }; states: Record<string, { on?: Record<string, unknown>[]; silence?: unknown }> };

const ID = '规则 ID（自动编号，例如 rule-1；填了英文规则名就按英文名生成；也可以自己改）';

describe('adding and removing from the form panel', () => {
  it('adds a rule from the new-rule form as one change that passes the checks', () => {
    const h = mount(source);
    const form = newRuleForm(h.host);
    expect(button(form, '添加规则').disabled).toBe(true);
    fill(form, '规则名（中文）', '主动推荐优惠券');
    fill(form, '规则名（英文，可不填）', 'Offer the coupon');
    expect(field(form, ID).value).toBe('offer-the-coupon');
    fill(form, '类别', 'sales');
    fill(form, '权重', '6');
    pickIntent(form, 'bar-real-deal');
    pickIntent(form, 'mention-promotion');
    expect([...form.querySelectorAll('.studio-form-chips li')].map((li) => li.textContent?.replace('×', ''))).toEqual(['指出真实优惠 bar-real-deal', '提及店铺活动 mention-promotion']);
    fill(form, '适用范围', 'state:hesitate');
    fill(form, '点评（中文）', '买家犹豫时，提一下关注店铺领20元券。');
    fill(form, '点评（英文，可不填，不填时英文界面显示中文）', 'Mention the 20-yuan follower coupon when she hesitates.');
    fill(form, '示范回复（中文）', '亲，关注店铺可以领20元券哦~');
    fill(form, '示范回复（英文，可不填）', 'Follow the shop for a 20-yuan coupon.');
    click(form, '添加规则');
    expect(h.changes).toHaveLength(1);
    expect(h.changes[0]?.from).toBe(h.changes[0]?.to);
    expect(js(h.text()).rubric.rules.at(-1)).toMatchObject({ id: 'offer-the-coupon', weight: 6, scope: { state: 'hesitate' }, require: { intent: ['bar-real-deal', 'mention-promotion'] } });
    expect(checkSource(h.text(), 'my-easy', ctx).diagnostics).toEqual([]);
    expect(h.host.querySelector('[data-testid="new-rule"]')).toBeNull();
    expect(h.host.querySelector('[data-rule="offer-the-coupon"]')).not.toBeNull();
  });

  it('adds a Chinese-only rule: English is optional and the id is numbered', () => {
    const h = mount(source);
    const form = newRuleForm(h.host);
    fill(form, '规则名（中文）', '主动推荐优惠券');
    expect(field(form, ID).value).toBe('rule-1');
    pickIntent(form, 'bar-real-deal');
    fill(form, '点评（中文）', '买家犹豫时，提一下关注店铺领20元券。');
    expect(form.textContent).toContain('还需要填写：示范回复（中文）');
    fill(form, '示范回复（中文）', '亲，关注店铺可以领20元券哦~');
    expect(form.textContent).not.toContain('还需要填写');
    expect(button(form, '添加规则').disabled).toBe(false);
    click(form, '添加规则');
    const added = js(h.text()).rubric.rules.at(-1);
    expect(added).toMatchObject({ id: 'rule-1', title: { 'zh-CN': '主动推荐优惠券' }, feedback: { 'zh-CN': '买家犹豫时，提一下关注店铺领20元券。' } });
    expect(added?.['feedback']).not.toHaveProperty('en');
    expect(checkSource(h.text(), 'my-easy', ctx).diagnostics).toEqual([]);
  });

  it('refuses a taken id until another is typed', () => {
    const h = mount(source);
    const form = newRuleForm(h.host);
    fill(form, ID, 'value-justification');
    expect(form.textContent).toContain('已经有规则用了这个 ID');
    fill(form, ID, 'Value Justification');
    expect(form.textContent).toContain('ID 只能用小写字母');
    click(form, '取消');
    expect(h.changes).toHaveLength(0);
  });

  it('removes a rule only after the confirm', () => {
    const h = mount(source);
    click(h.host, '评分规则');
    const card = h.host.querySelector<HTMLElement>('[data-rule="value-justification"]');
    if (!card) throw new Error('no rule card');
    click(card, '删除规则');
    click(card, '不删了');
    expect(h.changes).toHaveLength(0);
    click(card, '删除规则');
    expect(card.querySelector('[role="alertdialog"]')?.textContent).toContain('确定删除规则 value-justification？');
    click(card, '确定删除');
    expect(h.changes).toHaveLength(1);
    expect(h.text()).not.toContain('id: value-justification');
    expect(h.host.querySelector('[data-rule="value-justification"]')).toBeNull();
  });

  it('adds a reaction to a move, before its catch-all, and removes it again', () => {
    const h = mount(source);
    const form = newReactionForm(h.host, 'ask-shipping');
    // The scenario's own intents come first, then the lexicon's, with their descriptions.
    const options = [...field(form, '意图（命中其中任意一个就算）').querySelectorAll('option')].map((o) => o.textContent ?? '');
    expect(options[1]).toMatch(/^委婉坚持立场（bar-soft-firm） \[本剧本\] — /);
    expect(options.some((o) => o.startsWith('让价优惠（concede-discount） — '))).toBe(true);
    // An intent an earlier reaction of the move already takes is pointed out.
    pickIntent(form, 'bar-gift');
    expect(form.querySelector('.studio-error')?.textContent).toContain('bar-gift');
    click(form, '×');
    expect(form.querySelector('.studio-error')).toBeNull();
    pickIntent(form, 'bar-real-deal');
    fill(form, '买家说（每行一句，按顺序发出；之后可以再加说法）', '有券呀 那我去领\n\n领好了');
    fill(form, '然后买家转到', 'paying-promo');
    click(form, '添加反应');
    expect(h.changes).toHaveLength(1);
    const on = js(h.text()).states['ask-shipping']?.on ?? [];
    expect(on[4]).toEqual({ intent: 'bar-real-deal', say: [['有券呀 那我去领'], ['领好了']], goto: 'paying-promo' });
    expect(checkSource(h.text(), 'my-easy', ctx).diagnostics).toEqual([]);
    // The new reaction's lines are editable like the others.
    expect((h.host.querySelector('[aria-label="ask-shipping 反应3 第 2 句 说法 1"]') as HTMLInputElement | null)?.value).toBe('领好了');
    const group = h.host.querySelector('[aria-label="ask-shipping 反应3 第 1 句 说法 1"]')?.closest('.studio-form-group') as HTMLElement | null;
    if (!group) throw new Error('no reaction group');
    click(group, '删除这个反应');
    click(group, '确定删除');
    expect(h.text()).toBe(source);
  });

  it('says so, and keeps the form, when the YAML is written in a way it cannot add to', () => {
    const flow = source.replace(
      '    on:\n      - intent: rude-reply\n        goto: left-offended\n      - else: true\n        goto: bought-bad-deal\n',
      '    on: [{ intent: rude-reply, goto: left-offended }, { else: true, goto: bought-bad-deal }]\n',
    );
    expect(flow).not.toBe(source);
    const h = mount(flow);
    const form = newReactionForm(h.host, 'paying-bad');
    pickIntent(form, 'payment-nudge');
    fill(form, '买家说（每行一句，按顺序发出；之后可以再加说法）', '好的');
    click(form, '添加反应');
    expect(h.changes).toHaveLength(0);
    expect(form.querySelector('[role="alert"]')?.textContent).toContain('请在 YAML 里编辑');
  });

  it('adds a nudge to a move without one, asking for a delay only when none is in force', () => {
    const h = mount(source);
    const move = moveCard(h.host, 'hesitate');
    expect(() => button(h.host.querySelector<HTMLElement>('[data-state-lines="paying-promo"]') ?? h.host, '添加催促')).toThrow();
    click(move, '添加催促');
    expect(() => field(move, '沉默多少秒后催促')).toThrow();
    fill(move, 'hesitate 催促台词', '还在吗 我等你哦');
    click(move, '添加催促');
    expect(js(h.text()).states['hesitate']?.silence).toEqual({ nudge: [['还在吗 我等你哦']] });
    expect(checkSource(h.text(), 'my-easy', ctx).diagnostics).toEqual([]);
    expect((h.host.querySelector('[aria-label="hesitate 催促 第 1 句 说法 1"]') as HTMLInputElement | null)?.value).toBe('还在吗 我等你哦');
  });
});
