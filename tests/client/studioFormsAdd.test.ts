// Whole parts added from the forms: a rubric rule, a buyer reaction and a move's nudge are each one
// text change in the file's indentation, placed where they belong (a reaction before the catch-all
// `else`, a new rubric before the tests); the rest of the YAML stays byte-identical, the result
// parses to what was asked for and passes the same checks as `check:scenarios`. Removing takes back
// exactly those lines.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { checkSource } from '../../client/features/studio/checks.ts';
import { addNudge, addReaction, addRule, removeReaction, removeRule, ruleIdFor, ruleIdProblem } from '../../client/features/studio/forms/yamlAdd.ts';
import type { NewReaction, NewRule } from '../../client/features/studio/forms/yamlAdd.ts';
import { applyChange } from '../../client/features/studio/forms/yamlEdit.ts';
import type { TextChange } from '../../client/features/studio/forms/yamlEdit.ts';
import { edited, libraryContext, libraryCopy } from './studioFixture.ts';

const ctx = libraryContext();
const source = libraryCopy('bargainer-easy', 'my-easy');

/** The change touches nothing outside its range: head and tail are the old text's. */
function expectOnlyInserted(before: string, change: TextChange | null): string {
  if (!change) throw new Error('the edit was refused');
  const after = applyChange(before, change);
  expect(after.slice(0, change.from)).toBe(before.slice(0, change.from));
  expect(after.slice(change.from + change.insert.length)).toBe(before.slice(change.to));
  return after;
}

const js = (text: string): Record<string, unknown> => parseDocument(text).toJS() as Record<string, unknown>;
const clean = (text: string) => expect(checkSource(text, 'my-easy', ctx).diagnostics).toEqual([]);

const rule: NewRule = {
  id: 'offer-coupon',
  title: { zh: '主动推荐优惠券', en: 'Offer the coupon' },
  category: 'sales',
  weight: 6,
  redLine: false,
  scope: { state: 'hesitate' },
  mode: 'require',
  check: { intents: ['bar-real-deal', 'mention-promotion'] },
  feedback: { zh: '买家犹豫时，提一下关注店铺领20元券。', en: 'When she hesitates, mention the 20-yuan follower coupon.' },
  modelReply: { zh: '亲，关注店铺可以领20元券哦，下单直接抵扣~', en: 'Follow the shop for a 20-yuan coupon: it applies at checkout.' },
};

describe('adding a rubric rule', () => {
  it('appends one rule in the file indentation, byte-identical elsewhere, and it passes the checks', () => {
    const change = addRule(source, rule);
    const after = expectOnlyInserted(source, change);
    expect(change?.from).toBe(change?.to);
    expect(change?.insert).toBe(
      [
        '    - id: offer-coupon',
        '      title: { zh-CN: 主动推荐优惠券, en: Offer the coupon }',
        '      category: sales',
        '      weight: 6',
        '      scope: { state: hesitate }',
        '      require: { intent: [bar-real-deal, mention-promotion] }',
        '      feedback:',
        '        zh-CN: 买家犹豫时，提一下关注店铺领20元券。',
        '        en: When she hesitates, mention the 20-yuan follower coupon.',
        '      modelReply:',
        '        zh-CN: 亲，关注店铺可以领20元券哦，下单直接抵扣~',
        "        en: 'Follow the shop for a 20-yuan coupon: it applies at checkout.'",
        '',
      ].join('\n'),
    );
    // It lands after the last rule, before the blank line and `tests:`.
    expect(after).toContain('hesitate }\n      require');
    expect(after).toMatch(/is a real bargain\.\n {4}- id: offer-coupon\n/);
    const rules = (js(after)['rubric'] as { rules: { id: string }[] }).rules;
    expect(rules.map((r) => r.id).slice(-2)).toEqual(['gift-as-last-concession', 'offer-coupon']);
    expect(rules.at(-1)).toEqual({
      id: 'offer-coupon',
      title: { 'zh-CN': '主动推荐优惠券', en: 'Offer the coupon' },
      category: 'sales',
      weight: 6,
      scope: { state: 'hesitate' },
      require: { intent: ['bar-real-deal', 'mention-promotion'] },
      feedback: { 'zh-CN': rule.feedback.zh, en: rule.feedback.en },
      modelReply: { 'zh-CN': rule.modelReply.zh, en: rule.modelReply.en },
    });
    clean(after);
  });

  it('writes a red line, an action check, a one-intent check and multi-line feedback as the checks read them', () => {
    const red = edited(source, addRule(source, { ...rule, id: 'no-coupon-promise', redLine: true, mode: 'forbid', scope: 'chat', check: { intents: ['concede-discount'] } }));
    const last = (text: string) => (js(text)['rubric'] as { rules: Record<string, unknown>[] }).rules.at(-1);
    expect(last(red)).toMatchObject({ redLine: true, forbid: { intent: 'concede-discount' } });
    expect(last(red)?.['scope']).toBeUndefined();
    clean(red);
    const action = edited(source, addRule(source, { ...rule, id: 'send-the-coupon', scope: 'first', check: { action: 'coupon-sent' }, feedback: { zh: '第一行\n第二行', en: 'one: two' } }));
    expect(last(action)).toMatchObject({ scope: 'first', require: { action: 'coupon-sent' }, feedback: { 'zh-CN': '第一行\n第二行', en: 'one: two' } });
    expect(action).toContain('        zh-CN: |-\n          第一行\n          第二行\n');
    clean(action);
  });

  it('writes a Chinese-only rule without en lines, and the checks accept it', () => {
    const zhOnly = { ...rule, id: 'rule-1', title: { zh: '主动推荐优惠券', en: '' }, feedback: { zh: '提一下优惠券。', en: '' }, modelReply: { zh: '亲，关注店铺领券哦~', en: '' } };
    const change = addRule(source, zhOnly);
    expect(change?.insert).toContain('      title: { zh-CN: 主动推荐优惠券 }\n');
    expect(change?.insert).toContain('      feedback:\n        zh-CN: 提一下优惠券。\n      modelReply:');
    expect(change?.insert).not.toContain('en:');
    clean(edited(source, change));
  });

  it('creates rules: and rubric: where missing, keeping the file indentation and placing rubric before tests', () => {
    const start = source.indexOf('rubric:\n');
    const end = source.indexOf('tests:\n');
    const noRubric = source.slice(0, start) + source.slice(end);
    const after = expectOnlyInserted(noRubric, addRule(noRubric, rule));
    expect(after).toContain('\nrubric:\n  rules:\n    - id: offer-coupon\n');
    expect(after.indexOf('rubric:')).toBeLessThan(after.indexOf('tests:'));
    const four = 'id: x\nstates:\n    a:\n        say:\n        -   hi\nrubric:\n    passMark: 70\n';
    const grown = edited(four, addRule(four, rule));
    expect(grown).toContain('rubric:\n    passMark: 70\n    rules:\n    -   id: offer-coupon'.replace('-   id', '- id'));
    expect((js(grown)['rubric'] as { rules: unknown[] }).rules).toHaveLength(1);
    const empty = 'rubric:\n  rules: []\ntests: []\n';
    const filled = edited(empty, addRule(empty, rule));
    expect(filled.startsWith('rubric:\n  rules:\n    - id: offer-coupon\n')).toBe(true);
    expect(filled.endsWith('\ntests: []\n')).toBe(true);
    expect((js(filled)['rubric'] as { rules: unknown[] }).rules).toHaveLength(1);
  });

  it('removes a rule by its lines, and the last one leaves an empty list', () => {
    const added = edited(source, addRule(source, rule));
    const index = (js(added)['rubric'] as { rules: unknown[] }).rules.length - 1;
    expect(edited(added, removeRule(added, index, 'offer-coupon'))).toBe(source);
    const middle = edited(source, removeRule(source, 1, 'no-unauthorised-discount'));
    expect(middle).not.toContain('id: no-unauthorised-discount');
    expect(middle.split('\n').length).toBe(source.split("\n").length - 12);
    expect(source.replace(/ {4}- id: no-unauthorised-discount\n(?: {6}.*\n)+/, '')).toBe(middle);
    // A rule that is no longer where the form saw it (the YAML changed meanwhile) is left alone.
    expect(removeRule(source, 1, 'value-justification')).toBeNull();
    const one = 'rubric:\n  rules:\n    - id: a\n      weight: 1\n  # kept\ntests: []\n';
    expect(edited(one, removeRule(one, 0, 'a'))).toBe('rubric:\n  rules: []\n  # kept\ntests: []\n');
  });

  it('makes a kebab-case id from the title that no rule uses yet', () => {
    expect(ruleIdFor('Offer the coupon!', [])).toBe('offer-the-coupon');
    expect(ruleIdFor('Offer the coupon', ['offer-the-coupon', 'offer-the-coupon-2'])).toBe('offer-the-coupon-3');
    expect(ruleIdFor('Greeting', [])).toBe('greeting-2');
    // A Chinese-only rule name gives a numbered id, never pinyin.
    expect(ruleIdFor('主动推荐', [])).toBe('rule-1');
    expect(ruleIdFor('', ['rule-1', 'offer-coupon'])).toBe('rule-2');
    expect(ruleIdProblem('Offer coupon', [])).toBe('format');
    expect(ruleIdProblem('greeting', [])).toBe('global');
    expect(ruleIdProblem('value-justification', ['value-justification'])).toBe('taken');
    expect(ruleIdProblem('offer-coupon', ['value-justification'])).toBeUndefined();
  });
});

const reaction: NewReaction = { check: { intents: ['bar-real-deal'] }, lines: ['有券呀 那我去领', '领好了'], goto: 'paying-promo' };

describe('adding a buyer reaction', () => {
  it('goes before the first else of the move, in its indentation, and passes the checks', () => {
    const change = addReaction(source, 'ask-shipping', reaction);
    const after = expectOnlyInserted(source, change);
    expect(change?.insert).toBe('      - intent: bar-real-deal\n        say:\n          - [有券呀 那我去领]\n          - [领好了]\n        goto: paying-promo\n');
    const on = (js(after)['states'] as Record<string, { on: Record<string, unknown>[] }>)['ask-shipping']?.on ?? [];
    expect(on.map((t) => t['intent'] ?? (t['else'] ? 'else' : t['action']))).toEqual([
      'rude-reply',
      ['concede-free-shipping', 'concede-discount', 'bar-price-cut', 'bar-unlisted-gift'],
      'bar-gift',
      ['shipping-fee-explained', 'refuse-free-shipping', 'polite-refusal', 'bar-soft-firm', 'firm-price'],
      'bar-real-deal',
      'else',
      'else',
    ]);
    expect(on[4]).toEqual({ intent: 'bar-real-deal', say: [['有券呀 那我去领'], ['领好了']], goto: 'paying-promo' });
    clean(after);
  });

  it('writes an action trigger and a stay-here reaction, creating on: in a move without it', () => {
    const coupon = edited(source, addReaction(source, 'push-more', { check: { action: 'coupon-sent' }, lines: ['谢谢券~'], goto: undefined }));
    const push = (js(coupon)['states'] as Record<string, { on: Record<string, unknown>[] }>)['push-more']?.on ?? [];
    expect(push.find((t) => t['action'] === 'coupon-sent')).toEqual({ action: 'coupon-sent', say: [['谢谢券~']] });
    clean(coupon);
    const commented = 'states:\n  a:\n    on:\n      - intent: x\n        goto: b\n      # anything else: stay\n      - else: true\n';
    expect(edited(commented, addReaction(commented, 'a', { check: { intents: ['y'] }, lines: ['嗯'], goto: undefined }))).toBe(
      'states:\n  a:\n    on:\n      - intent: x\n        goto: b\n      - intent: y\n        say:\n          - [嗯]\n      # anything else: stay\n      - else: true\n',
    );
    const bare = 'states:\n  a:\n    say:\n      - hi\n    silence: false\n  b:\n    outcome: { kind: left }\n';
    const grown = edited(bare, addReaction(bare, 'a', { check: { intents: ['x', 'y'] }, lines: ['ok: fine'], goto: 'b' }));
    expect(grown).toBe("states:\n  a:\n    say:\n      - hi\n    on:\n      - intent: [x, y]\n        say:\n          - ['ok: fine']\n        goto: b\n    silence: false\n  b:\n    outcome: { kind: left }\n");
  });

  it('removes a reaction by its lines; the last one takes on: with it', () => {
    const added = edited(source, addReaction(source, 'ask-shipping', reaction));
    expect(removeReaction(added, 'ask-shipping', 3, { intents: ['bar-real-deal'], goto: 'paying-promo' })).toBeNull();
    expect(edited(added, removeReaction(added, 'ask-shipping', 4, { intents: ['bar-real-deal'], goto: 'paying-promo' }))).toBe(source);
    const bare = 'states:\n  a:\n    on:\n      - intent: x\n        goto: b\n    silence: false\n';
    expect(edited(bare, removeReaction(bare, 'a', 0, { intents: ['x'], goto: 'b' }))).toBe('states:\n  a:\n    silence: false\n');
  });
});

describe('adding a nudge to a move', () => {
  it('creates silence.nudge in a move without silence, and the checks pass', () => {
    const change = addNudge(source, 'hesitate', '还在吗 我等你哦');
    const after = expectOnlyInserted(source, change);
    expect(change?.insert).toBe('    silence:\n      nudge:\n        - [还在吗 我等你哦]\n');
    expect((js(after)['states'] as Record<string, { silence: unknown }>)['hesitate']?.silence).toEqual({ nudge: [['还在吗 我等你哦']] });
    clean(after);
  });

  it('adds to a flow silence mapping and writes nudgeAfter when asked', () => {
    const flow = source.replace('    silence: { nudgeAfter: 60, nudge: [[付好啦, 我付款了哦]], leaveAfter: 40, leave: bought-promo }', '    silence: { leaveAfter: 40, leave: bought-promo }');
    const after = edited(flow, addNudge(flow, 'paying-promo', '付好啦', 30));
    expect(after).toContain('    silence: { leaveAfter: 40, leave: bought-promo, nudgeAfter: 30, nudge: [[付好啦]] }\n');
    clean(after);
    const block = edited(source, addNudge(source, 'hesitate', '在吗', 45));
    expect(block).toContain('    silence:\n      nudgeAfter: 45\n      nudge:\n        - [在吗]\n');
    expect((js(block)['states'] as Record<string, { silence: unknown }>)['hesitate']?.silence).toEqual({ nudgeAfter: 45, nudge: [['在吗']] });
    expect(addNudge(source, 'paying-promo', '再来一句')).toBeNull();
    const mapped = source.replace(
      '    silence: { nudgeAfter: 60, nudge: [[付好啦, 我付款了哦]], leaveAfter: 40, leave: bought-promo }\n',
      '    silence:\n      leaveAfter: 40 # short\n      leave: bought-promo\n',
    );
    const inMap = expectOnlyInserted(mapped, addNudge(mapped, 'paying-promo', '付好啦'));
    expect(inMap).toContain('    silence:\n      leaveAfter: 40 # short\n      leave: bought-promo\n      nudge:\n        - [付好啦]\n    on:\n');
    clean(inMap);
  });
});

describe('every library scenario', () => {
  const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml') && f !== 'intents.yaml');

  it('takes a new rule, reaction and nudge as inserts only, and the static checks stay clean', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    let nudged = 0;
    for (const file of files) {
      const id = file.replace(/\.yaml$/, '');
      const text = readFileSync(`scenarios/${file}`, 'utf8');
      const doc = js(text) as { initial: string; states: Record<string, { outcome?: unknown; silence?: unknown }> };
      const lexiconOnly = { intents: ['mention-promotion'] };
      const withRule = expectOnlyInserted(text, addRule(text, { ...rule, id: 'studio-added-rule', scope: 'chat', check: lexiconOnly }));
      const state = doc.initial;
      const withReaction = expectOnlyInserted(withRule, addReaction(withRule, state, { ...reaction, check: lexiconOnly, goto: undefined }));
      const quiet = Object.keys(doc.states).find((s) => doc.states[s]?.outcome === undefined && doc.states[s]?.silence === undefined);
      const all = quiet ? expectOnlyInserted(withReaction, addNudge(withReaction, quiet, '在吗', 30)) : withReaction;
      const parsed = js(all) as { rubric: { rules: { id: string }[] }; states: Record<string, { on: Record<string, unknown>[]; silence?: unknown }> };
      expect(parsed.rubric.rules.at(-1)?.id, file).toBe('studio-added-rule');
      expect(parsed.states[state]?.on.filter((t) => JSON.stringify(t) === JSON.stringify({ intent: 'mention-promotion', say: [['有券呀 那我去领'], ['领好了']] })), file).toHaveLength(1);
      if (quiet) {
        nudged++;
        expect(parsed.states[quiet]?.silence, file).toMatchObject({ nudgeAfter: 30, nudge: [['在吗']] });
      }
      // Static checks only: a new reaction may well change where an embedded test's reply leads.
      expect(checkSource(all, id, ctx, false).diagnostics, file).toEqual([]);
    }
    expect(nudged).toBeGreaterThanOrEqual(6);
  });
});
