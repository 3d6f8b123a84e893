// The parser turns every kind of authoring mistake into `line:col: message` at the node to edit.
import { describe, expect, it } from 'vitest';
import {
  formatDiagnostic, parseLexiconSource, parseScenarioSource, parseShopSource,
} from '../../../server/engine/index.ts';
import { edit, goodScenario, parseErrors, pos } from './helpers.ts';

describe('parseScenarioSource', () => {
  it('accepts the fixture scenario and applies defaults', () => {
    const parsed = parseScenarioSource(goodScenario, 'mini-haggle.yaml');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.id).toBe('mini-haggle');
    expect(parsed.value.rubric.passMark).toBe(70);
    expect(parsed.value.tests).toHaveLength(2);
  });

  it('formats diagnostics as path:line:col: message', () => {
    expect(formatDiagnostic({ path: 'scenarios/a.yaml', line: 3, col: 7, message: 'bad' })).toBe('scenarios/a.yaml:3:7: bad');
    const parsed = parseScenarioSource('id: [', 'scenarios/x.yaml');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(formatDiagnostic(parsed.diagnostics[0]!)).toMatch(/^scenarios\/x\.yaml:\d+:\d+: YAML syntax error: /);
  });

  it('reports a YAML syntax error where the parser stopped', () => {
    const src = edit(goodScenario, 'difficulty: easy', 'difficulty: [easy');
    const errors = parseErrors(src);
    expect(errors[0]).toBe(`${pos(src, 'shop: test-shop')}: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]`);
  });

  it('reports a wrong type at the value', () => {
    const src = edit(goodScenario, 'version: 1', 'version: one');
    expect(parseErrors(src)).toEqual([`${pos(src, 'one')}: version: expected a number, got text "one"`]);
  });

  it('reports an unknown key at the key, with a suggestion', () => {
    const src = edit(goodScenario, 'goto: bought\n      - intent: refuse', 'gotoo: bought\n      - intent: refuse');
    expect(parseErrors(src)).toEqual([`${pos(src, 'gotoo')}: states.ask.on[0]: unknown key "gotoo" (did you mean "goto"?)`]);
  });

  it('reports a missing key at its mapping', () => {
    const src = edit(goodScenario, 'buyer: { nickname: 阿测, avatar: fox,', 'buyer: { nickname: 阿测,');
    expect(parseErrors(src)).toEqual([`${pos(src, '{ nickname')}: buyer: missing key "avatar"`]);
    const top = edit(goodScenario, 'persona: bargainer\n', '');
    expect(parseErrors(top)).toEqual([`${pos(top, 'id: mini-haggle')}: missing key "persona"`]);
  });

  it('reports a bad kebab id: a value at the value, a state name at the key', () => {
    const value = edit(goodScenario, 'shop: test-shop', 'shop: Test_Shop');
    expect(parseErrors(value)).toEqual([
      `${pos(value, 'Test_Shop')}: shop: text "Test_Shop" must be kebab-case: lower-case letters, digits and single dashes`,
    ]);
    const key = edit(goodScenario, '  scammed:\n', '  Scammed:\n');
    expect(parseErrors(key)).toEqual([
      `${pos(key, 'Scammed:')}: states: key "Scammed" must be kebab-case: lower-case letters, digits and single dashes`,
    ]);
  });

  it('reports a duplicate key at the second occurrence', () => {
    const src = edit(goodScenario, '  scammed:\n', '  bought:\n');
    expect(parseErrors(src)).toEqual([`${pos(src, '  bought:', 2, 2)}: duplicate key "bought"`]);
  });

  it('explains a transition that names no trigger, at the transition', () => {
    const src = edit(goodScenario, '      - else: true\n        set: { patience: "-1" }\n        say', '      - set: { patience: "-1" }\n        say');
    expect(parseErrors(src)).toEqual([`${pos(src, 'set: { patience: "-1" }\n        say')}: states.ask.on[3]: a transition needs exactly one of intent, action or else`]);
  });

  it('explains a rule check whose product goes with no card or coupon, single or in a list', () => {
    const single = edit(goodScenario, 'forbid: { intent: give-discount }', 'forbid: { action: link-opened, product: trail-boot }');
    const why = 'product only applies to action card-sent (a product id) or coupon-sent (a coupon id)';
    expect(parseErrors(single)).toEqual([`${pos(single, 'link-opened, product', 1, 22)}: rubric.rules[0].forbid.product: ${why}`]);
    const listed = edit(goodScenario, 'forbid: { intent: give-discount }', 'forbid: [{ intent: give-discount }, { intent: greeting, product: trail-boot }]');
    expect(parseErrors(listed)).toEqual([`${pos(listed, 'greeting, product', 1, 19)}: rubric.rules[0].forbid[1].product: ${why}`]);
  });

  it('picks the union branch the author meant', () => {
    const kind = edit(goodScenario, 'kind: link,', 'kind: lnk,');
    expect(parseErrors(kind)).toEqual([
      `${pos(kind, 'lnk')}: states.link.say[0].attachment.kind: must be "product-link", "link", "file" or "photo", got text "lnk"`,
    ]);
    const type = edit(goodScenario, 'type: bool', 'type: boolean');
    expect(parseErrors(type)).toEqual([`${pos(type, 'boolean')}: variables.got-gift.type: must be "int" or "bool", got text "boolean"`]);
    const cmp = edit(goodScenario, '"<= 0"', '"<= none"');
    expect(parseErrors(cmp)).toEqual([
      `${pos(cmp, '"<= none"')}: states.link.always[0].when.patience: expected a comparison such as "<= 1", got text "<= none"`,
    ]);
    const line = edit(goodScenario, 'say: [袜子不错]', 'say: [42]');
    expect(parseErrors(line)).toEqual([`${pos(line, '42')}: states.ask.on[2].say[0]: expected text, a list or a mapping, got the number 42`]);
    const scope = edit(goodScenario, 'scope: { replyTo: ask }', 'scope: everything');
    expect(parseErrors(scope)).toEqual([
      `${pos(scope, 'everything')}: rubric.rules[0].scope: expected "chat", "first" or a mapping, got text "everything"`,
    ]);
  });

  it('words bounds, enums and empty values plainly', () => {
    const src = edit(edit(goodScenario, 'difficulty: easy', 'difficulty: extreme'), 'nudgeAfter: 30', 'nudgeAfter: 0');
    expect(parseErrors(src)).toEqual([
      `${pos(src, 'extreme')}: difficulty: must be "easy", "normal" or "hard", got text "extreme"`,
      `${pos(src, '0, nudge')}: silence.nudgeAfter: must be greater than 0, got the number 0`,
    ]);
    const empty = edit(goodScenario, 'say: [好吧那我拍了]', 'say: []');
    expect(parseErrors(empty)).toEqual([`${pos(empty, '[]')}: states.bought.say: needs at least one item`]);
    const nothing = edit(goodScenario, 'say: [好吧那我拍了]', 'say:');
    expect(parseErrors(nothing)).toEqual([`${pos(nothing, 'say:\n    outcome')}: states.bought.say: expected a list, got nothing (an empty value)`]);
  });

  it('reads a move label and reports a malformed one at the label, as path:line:col', () => {
    const good = parseScenarioSource(edit(goodScenario, '  link:\n', "  link:\n    label: { zh-CN: 发链接, en: 'Sends a link' }\n"), 'f.yaml');
    expect(good.ok && good.value.states['link']?.label).toEqual({ 'zh-CN': '发链接', en: 'Sends a link' });
    // Optional: the fixture's moves have none (the id is shown instead).
    const plain = parseScenarioSource(goodScenario, 'f.yaml');
    expect(plain.ok && plain.value.states['link']?.label).toBeUndefined();

    // Chinese alone is enough (trainers may not write English): the English reads the Chinese.
    const zhOnly = parseScenarioSource(edit(goodScenario, '  link:\n', '  link:\n    label: { zh-CN: 发链接 }\n'), 'scenarios/f.yaml');
    expect(zhOnly.ok && zhOnly.value.states['link']?.label).toEqual({ 'zh-CN': '发链接', en: '发链接' });
    const enOnly = edit(goodScenario, '  link:\n', '  link:\n    label: { en: Link }\n');
    expect(parseErrors(enOnly)).toEqual([`${pos(enOnly, '{ en: Link }')}: states.link.label: missing key "zh-CN"`]);
    const text = edit(goodScenario, '  link:\n', '  link:\n    label: 发链接\n');
    expect(parseErrors(text)).toEqual([`${pos(text, '发链接')}: states.link.label: expected a mapping, got text "发链接"`]);
    const empty = edit(goodScenario, '  link:\n', "  link:\n    label: { zh-CN: 发链接, en: '' }\n");
    expect(parseErrors(empty)).toEqual([`${pos(empty, "''")}: states.link.label.en: must not be empty`]);
  });

  it('explains empty files, lists and scalars at the top', () => {
    expect(parseErrors('')).toEqual(['1:1: the file is empty; expected a mapping']);
    expect(parseErrors('# only a comment\n')).toEqual(['1:1: the file is empty; expected a mapping']);
    expect(parseErrors('- a\n- b\n')).toEqual(['1:1: expected a mapping, got a list']);
  });

  it('stops alias bombs and absurd nesting with a message', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');
    expect(parseErrors(bomb)).toEqual(['1:1: too many aliases: the document expands to an excessive size']);
    const deep = parseErrors(`x: ${'['.repeat(20000)}${']'.repeat(20000)}`);
    expect(deep).toHaveLength(1);
    expect(deep[0]).toMatch(/^1:\d+: the document is nested too deeply$|^1:\d+: YAML syntax error/);
  });

  it('locates nodes reached through aliases', () => {
    const src = edit(goodScenario, 'title: { zh-CN: 小小议价, en: Tiny haggle }', 'title: &t { zh-CN: 小小议价, en: Tiny haggle }');
    const parsed = parseScenarioSource(edit(src, 'description: { zh-CN: 测试用的议价买家, en: A haggler for tests }', 'description: *t'), 'f.yaml');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(pos(src, 'Tiny haggle')).toBe(`${parsed.map.locate(['description', 'en']).line}:${parsed.map.locate(['description', 'en']).col}`);
  });

  it('caps a flood of problems', () => {
    const many = `id: x\nversion: 1\n${Array.from({ length: 80 }, (_, i) => `junk${i}: 1`).join('\n')}\n`;
    const errors = parseErrors(many);
    expect(errors).toHaveLength(51);
    expect(errors[50]).toMatch(/… and \d+ more problems$/);
  });
});

describe('SourceMap.locate', () => {
  it('finds values, list items and falls back to the nearest existing node', () => {
    const parsed = parseScenarioSource(goodScenario, 'f.yaml');
    if (!parsed.ok) throw new Error('fixture must parse');
    const { map } = parsed;
    expect(`${map.locate(['initial']).line}:${map.locate(['initial']).col}`).toBe(pos(goodScenario, 'ask\nstates'));
    const on1 = map.locate(['states', 'ask', 'on', 1]);
    expect(`${on1.line}:${on1.col}`).toBe(pos(goodScenario, 'intent: refuse-discount'));
    const missing = map.locate(['states', 'ask', 'on', 1, 'when']);
    expect(missing).toEqual(on1);
    expect(map.locate(['no', 'such', 'path'])).toEqual({ line: 2, col: 1 });
    const key = map.locateKey?.(['states', 'gone']);
    expect(key && `${key.line}:${key.col}`).toBe(pos(goodScenario, 'gone:\n', 1));
  });
});

describe('parseShopSource and parseLexiconSource', () => {
  it('validate with their own schemas', () => {
    const shop = parseShopSource('id: s\nname: { zh-CN: 店, en: Shop }\n', 'shops/s.yaml');
    expect(shop.ok).toBe(false);
    if (!shop.ok) expect(shop.diagnostics.map((d) => d.message)).toContain('missing key "brand"');
    const lexicon = parseLexiconSource('intents:\n  greet:\n    match:\n      - any: [您好]\n        all: [好]\n', 'intents.yaml');
    expect(lexicon.ok).toBe(false);
    if (!lexicon.ok) {
      expect(lexicon.diagnostics).toEqual([
        { path: 'intents.yaml', line: 4, col: 9, message: 'intents.greet.match[0]: a matcher needs exactly one of any, all, nOf, regex, similar or builtin' },
      ]);
    }
  });
});
