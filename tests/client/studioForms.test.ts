// The studio's form views write to the YAML as minimal text changes: untouched text (comments,
// folding, quoting, key order) stays byte-identical, a variant edit changes one line, and the forms
// read a file back, or report where it stops parsing.
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { checkSource } from '../../client/features/studio/checks.ts';
import { problemsByPath, pathKey } from '../../client/features/studio/forms/fieldProblems.ts';
import { readForms } from '../../client/features/studio/forms/formModel.ts';
import { setMoveLabel } from '../../client/features/studio/forms/yamlAdd.ts';
import type { FormModel } from '../../client/features/studio/forms/formModel.ts';
import { addVariant, applyChange, removeVariant, renameKey, setValue } from '../../client/features/studio/forms/yamlEdit.ts';
import type { FormValue } from '../../client/features/studio/forms/yamlEdit.ts';
import type { YamlPath } from '../../client/features/studio/forms/yamlDoc.ts';
import { edited, libraryContext, libraryCopy } from './studioFixture.ts';

const ctx = libraryContext();
const source = libraryCopy('bargainer-easy', 'my-easy');

function model(text: string): FormModel {
  const read = readForms(text);
  if (!read.ok) throw new Error(`does not parse: ${read.error.message}`);
  return read.model;
}

const set = (text: string, path: YamlPath, value: FormValue) => edited(text, setValue(text, path, value));

/** The lines of `after` that differ from `before`, when both have the same number of lines. */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return b.filter((line, i) => line !== a[i]);
}

/** What the checks see at `path` after the edit. */
function dataAt(text: string, path: YamlPath): unknown {
  return parseDocument(text).getIn(path);
}

const comments = (text: string) => text.split('\n').filter((l) => /#\s/.test(l));

describe('form edits keep the rest of the YAML as written', () => {
  it('rewrites only the edited node: head, tail, comments and folding are byte-identical', () => {
    const change = setValue(source, ['title', 'en'], 'The bargainer: a student, hoping');
    if (!change) throw new Error('refused');
    const after = applyChange(source, change);
    expect(after.slice(0, change.from)).toBe(source.slice(0, change.from));
    expect(after.slice(change.from + change.insert.length)).toBe(source.slice(change.to));
    expect(changedLines(source, after)).toEqual(["  en: 'The bargainer: a student, hoping'"]);
    expect(comments(after)).toEqual(comments(source));
    expect(dataAt(after, ['title', 'en'])).toBe('The bargainer: a student, hoping');
    expect(checkSource(after, 'my-easy', ctx).diagnostics).toEqual([]);
  });

  it('writing back the value a field already has changes nothing', () => {
    const m = model(source);
    let text = source;
    for (const field of [m.meta.titleZh, m.meta.titleEn, m.meta.descriptionEn, m.meta.nickname, m.meta.buyerTypes]) {
      const change = setValue(text, field.path, field.value as FormValue);
      if (change) text = applyChange(text, change);
    }
    expect(text).toBe(source);
  });

  it('keeps a folded description folded and a new line break as a literal block', () => {
    const one = set(source, ['description', 'en'], 'Short and sweet.');
    expect(one).toContain('  en: >-\n    Short and sweet.\npersona: bargainer');
    const en = model(source).meta.descriptionEn.value as string;
    const word = set(source, ['description', 'en'], en.replace('Practise', 'Practice'));
    expect(changedLines(source, word)).toEqual(['    the shoe is worth and where the shipping fee goes, give her a gentle push, and she orders. Practice']);
    const two = set(source, ['description', 'zh-CN'], '第一行\n第二行');
    expect(two).toContain('  zh-CN: |-\n    第一行\n    第二行\n  en: >-');
    expect(dataAt(two, ['description', 'zh-CN'])).toBe('第一行\n第二行');
    expect(checkSource(two, 'my-easy', ctx).diagnostics).toEqual([]);
  });

  it('quotes only when the text needs it, in flow and block context', () => {
    const path = ['states', 'opening', 'say', 0, 1];
    const plain = set(source, path, '亲 在线吗');
    expect(changedLines(source, plain)).toEqual(['      - [你好呀, 亲 在线吗, hello~]']);
    const comma = set(source, path, '亲, 在吗: 有货 # 吗');
    expect(dataAt(comma, path)).toBe('亲, 在吗: 有货 # 吗');
    const number = set(source, ['buyer', 'nickname'], '39');
    expect(dataAt(number, ['buyer', 'nickname'])).toBe('39');
    const quote = set(source, ['title', 'en'], "it's \"fine\"");
    expect(dataAt(quote, ['title', 'en'])).toBe("it's \"fine\"");
  });

  it('writes values that read back exactly, whatever YAML would make of them unquoted', () => {
    const tricky = ['true', 'null', '12', '@at', "'q", 'a: b', '- dash', ' lead', 'x # y', '[list]', '中文，逗号, comma'];
    for (const value of tricky) {
      for (const path of [['buyer', 'nickname'], ['states', 'opening', 'say', 0, 1]]) {
        expect(dataAt(set(source, path, value), path)).toBe(value);
      }
    }
  });

  it('fills an empty value, keeps a trailing comment, and refuses a key where no mapping is', () => {
    expect(set('title:\n  zh-CN:\n  en: x\n', ['title', 'zh-CN'], '中文')).toBe('title:\n  zh-CN: 中文\n  en: x\n');
    expect(set('weight: 10 # heavy\n', ['weight'], 12)).toBe('weight: 12 # heavy\n');
    expect(set('d: x # note\nnext: 1\n', ['d'], 'two\nlines')).toBe('d: "two\\nlines" # note\nnext: 1\n');
    expect(setValue('title: plain\n', ['title', 'en'], 'x')).toBeNull();
    const read = readForms('title: plain\n');
    expect(read.ok && read.model.meta.titleEn.yamlOnly).toBe(true);
  });

  it('adds a missing key first when asked (a move label), else last; after `- ` it goes last', () => {
    const first = (text: string, path: YamlPath, value: FormValue) => edited(text, setValue(text, path, value, { first: true }));
    expect(first('s:\n  # why\n  note: n\n  say: [a]\n', ['s', 'label', 'en'], 'Asks')).toBe('s:\n  # why\n  label: { en: Asks }\n  note: n\n  say: [a]\n');
    expect(set('s:\n  note: n\n', ['s', 'label', 'en'], 'Asks')).toBe('s:\n  note: n\n  label: { en: Asks }\n');
    expect(first('s: { label: { en: Asks } }\n', ['s', 'label', 'zh-CN'], '问')).toBe('s: { label: { zh-CN: 问, en: Asks } }\n');
    expect(first('l:\n  - a: 1\n    b: 2\n', ['l', 0, 'c'], 'x')).toBe('l:\n  - a: 1\n    b: 2\n    c: x\n');
  });
});

describe('buyer line variants', () => {
  it('editing a variant changes only that line', () => {
    const path = ['states', 'opening', 'say', 1, 'variants', 1];
    const after = set(source, path, '轻风 雾霾蓝 39码 还有货吗');
    expect(changedLines(source, after)).toEqual(['          - 轻风 雾霾蓝 39码 还有货吗']);
    expect(model(after).states[0]?.groups[0]?.lines[1]?.variants.map((v) => v.value)).toEqual([
      '这双轻风跑鞋 39码雾霾蓝还有吗', '轻风 雾霾蓝 39码 还有货吗', '想要这个轻风跑鞋 雾霾蓝39的 还有不',
    ]);
  });

  it('adds and removes variants in a flow list, a block list and a single-string line', () => {
    const flow = ['states', 'opening', 'say', 0];
    const added = edited(source, addVariant(source, flow, '哈喽, 老板'));
    expect(changedLines(source, added)).toEqual(["      - [你好呀, 亲 在吗, hello~, '哈喽, 老板']"]);
    const removed = edited(added, removeVariant(added, flow, 0));
    expect(changedLines(source, removed)).toEqual(["      - [亲 在吗, hello~, '哈喽, 老板']"]);

    const block = ['states', 'opening', 'say', 1];
    const grown = edited(source, addVariant(source, block, '雾霾蓝39还有吗'));
    expect(grown.split('\n').length).toBe(source.split('\n').length + 1);
    expect(grown).toContain('          - 想要这个轻风跑鞋 雾霾蓝39的 还有不\n          - 雾霾蓝39还有吗\n        attachment:');
    const shrunk = edited(grown, removeVariant(grown, block, 0));
    expect(shrunk).toContain('      - variants:\n          - 轻风 雾霾蓝 39码 有货嘛\n');
    expect(dataAt(shrunk, [...block, 'variants'])).toBeDefined();
    expect(model(shrunk).states[0]?.groups[0]?.lines[1]?.attachment).toEqual({ kind: 'product-link', product: 'breeze-daily-runner' });
    expect(checkSource(shrunk, 'my-easy', ctx).diagnostics).toEqual([]);

    const nested = ['states', 'paying-promo', 'silence', 'nudge', 0];
    const nudged = edited(source, addVariant(source, nested, '来啦: 付了'));
    expect(changedLines(source, nudged)).toEqual(["    silence: { nudgeAfter: 60, nudge: [[付好啦, 我付款了哦, '来啦: 付了']], leaveAfter: 40, leave: bought-promo }"]);

    const single = source.replace('      - [你好呀, 亲 在吗, hello~]\n', '      - 你好呀 # greeting\n');
    const listed = edited(single, addVariant(single, flow, '在吗'));
    expect(changedLines(single, listed)).toEqual(['      - [你好呀, 在吗] # greeting']);
  });

  it('keeps comments between block variants, and leaves a variant that moved since the form read it', () => {
    const block = ['states', 'opening', 'say', 1];
    const commented = source.replace('          - 轻风 雾霾蓝 39码 有货嘛\n', '          # the trainer keeps this note\n          - 轻风 雾霾蓝 39码 有货嘛\n');
    expect(commented).not.toBe(source);
    const first = model(commented).states[0]?.groups[0]?.lines[1]?.variants[0]?.value as string;
    const removed = edited(commented, removeVariant(commented, block, 0, first));
    expect(removed).toContain('          # the trainer keeps this note\n');
    expect(removed).not.toContain(first);
    expect(removeVariant(commented, block, 0, 'a wording the form showed before someone typed in the YAML')).toBeNull();
  });

  it('never removes the last variant of a line', () => {
    const single = source.replace('      - [你好呀, 亲 在吗, hello~]\n', '      - [你好呀]\n');
    expect(removeVariant(single, ['states', 'opening', 'say', 0], 0)).toBeNull();
  });

  it('lists reactions and nudges with their triggers', () => {
    const m = model(source);
    const opening = m.states.find((s) => s.id === 'opening');
    expect(opening?.groups.map((g) => g.kind)).toEqual(['say', 'reaction']);
    expect(opening?.groups[1]?.trigger).toMatchObject({ intents: ['concede-discount', 'bar-price-cut', 'concede-free-shipping', 'bar-unlisted-gift'], goto: 'push-more' });
    expect(m.nudge?.lines[0]?.variants.map((v) => v.value)).toEqual(['亲 还在吗？', '在吗在吗', '客服小哥哥/小姐姐在吗~']);
    expect(m.states.find((s) => s.id === 'paying-promo')?.groups.map((g) => g.kind)).toEqual(['say', 'nudge']);
  });
});

describe('rubric rules', () => {
  it('edits a rule weight in place', () => {
    const m = model(source);
    const rule = m.rules.find((r) => r.id === 'value-justification');
    expect(rule?.weight.value).toBe(8);
    const after = set(source, rule?.weight.path ?? [], 12.5);
    expect(changedLines(source, after)).toEqual(['      weight: 12.5']);
    expect(model(after).rules.find((r) => r.id === 'value-justification')?.weight.value).toBe(12.5);
  });

  it('adds a missing red-line flag and title inside the rule, flips require/forbid and edits intents', () => {
    const m = model(source);
    const rule = m.rules[0];
    if (!rule) throw new Error('no rule');
    expect(rule.mode).toBe('require');
    expect(rule.checkKind).toBe('intent');
    const red = set(source, rule.redLine.path, true);
    expect(red.split('\n').length).toBe(source.split('\n').length + 1);
    expect(dataAt(red, [...rule.path, 'redLine'])).toBe(true);
    expect(dataAt(red, ['rubric', 'rules', 1, 'id'])).toBe('no-unauthorised-discount');

    const untitled = source.replace("      title: { zh-CN: 委婉拒绝议价, en: 'Tactful no to haggling' }\n", '');
    const titled = set(untitled, ['rubric', 'rules', 0, 'title', 'en'], 'Tactful no');
    expect(dataAt(titled, ['rubric', 'rules', 0, 'title', 'en'])).toBe('Tactful no');
    const half = set(untitled, ['rubric', 'rules', 0, 'title', 'zh-CN'], '委婉拒绝');
    const both = set(half, ['rubric', 'rules', 0, 'title', 'en'], 'Tactful');
    expect(changedLines(half, both)).toEqual(['      title: { zh-CN: 委婉拒绝, en: Tactful }']);

    const flipped = edited(source, renameKey(source, [...rule.path, 'require'], 'forbid'));
    expect(changedLines(source, flipped)).toEqual(['      forbid: { intent: [polite-refusal, bar-soft-firm] }']);
    const one = set(source, rule.param?.path ?? [], ['polite-refusal']);
    expect(changedLines(source, one)).toEqual(['      require: { intent: [polite-refusal] }']);
  });
});

describe('reading the forms', () => {
  it('shows the metadata, with a syntax error at its line instead of a stale form', () => {
    const m = model(source);
    expect(m.meta.id.value).toBe('my-easy');
    expect(m.meta.buyerTypes.value).toEqual(['price-sensitive', 'swayable', 'self-use', 'trusting']);
    const broken = source.replace('buyer:\n  nickname: 小雨同学', 'buyer:\n  nickname: [小雨同学');
    const read = readForms(broken);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.line).toBeGreaterThanOrEqual(source.split('\n').findIndex((l) => l.includes('nickname')) + 1);
    expect(read.error.message.length).toBeGreaterThan(0);
    expect(setValue(broken, ['title', 'en'], 'x')).toBeNull();
  });

  it('places a check diagnostic on the field it points into', () => {
    const bad = set(source, ['states', 'ask-discount', 'say', 0, 2], '');
    expect(changedLines(source, bad)).toEqual(["      - [那个…能便宜一点点吗, 可以优惠一下下嘛, '']"]);
    const result = checkSource(bad, 'my-easy', ctx, false);
    expect(result.diagnostics.length).toBeGreaterThan(0);
    const problems = problemsByPath(model(bad), bad, result.diagnostics);
    expect(problems.get(pathKey(['states', 'ask-discount', 'say', 0, 2]))?.length).toBe(1);
    const weight = set(source, ['rubric', 'rules', 0, 'weight'], -3);
    const weighed = checkSource(weight, 'my-easy', ctx, false);
    expect(problemsByPath(model(weight), weight, weighed.diagnostics).get(pathKey(['rubric', 'rules', 0, 'weight']))?.length).toBe(1);
  });
});

describe('a buyer move label', () => {
  const label = (text: string, state: string, lang: 'zh-CN' | 'en', value: string) => edited(text, setMoveLabel(text, state, lang, value));
  const shipping = "    label: { zh-CN: 要求包邮, en: 'Asks for free shipping' }\n";
  const unlabelled = source.replace(shipping, '');

  it('emptied in both languages is removed, so the move shows its id (no `{ zh-CN: "", en: "" }`)', () => {
    expect(unlabelled).not.toBe(source);
    const half = label(source, 'ask-shipping', 'zh-CN', '');
    expect(changedLines(source, half)).toEqual(["    label: { zh-CN: '', en: 'Asks for free shipping' }"]);
    const none = label(half, 'ask-shipping', 'en', '');
    expect(none).toBe(unlabelled);
    expect(model(none).states.find((s) => s.id === 'ask-shipping')?.labelSpan).toBeUndefined();
    expect(checkSource(none, 'my-easy', ctx, false).diagnostics).toEqual([]);
    // Spaces alone are no label either; with nothing written, clearing writes nothing.
    expect(label(label(source, 'ask-shipping', 'en', ' '), 'ask-shipping', 'zh-CN', '')).toBe(unlabelled);
    expect(setMoveLabel(unlabelled, 'ask-shipping', 'en', '')).toBeNull();
  });

  it('is removed whole in block style, with its comment, and inside a `{...}` move', () => {
    const moves = (text: string) => `states:\n${text.replace(/^(?=.)/gm, '  ')}`;
    const block = moves("s:\n  # shown on the dashboard\n  label:\n    zh-CN: 问\n    en: '' # later\n  say: [a]\n");
    expect(label(block, 's', 'zh-CN', '')).toBe(moves('s:\n  # shown on the dashboard\n  say: [a]\n'));
    expect(label(moves('s: { label: { en: Asks }, say: [a] }\n'), 's', 'en', '')).toBe(moves('s: { say: [a] }\n'));
    expect(label(moves('s: { say: [a], label: { en: Asks } }\n'), 's', 'en', '')).toBe(moves('s: { say: [a] }\n'));
    expect(label(moves('s:\n  say: [a]\n  label: { en: Asks }\nt:\n  say: [b]\n'), 's', 'en', '')).toBe(moves('s:\n  say: [a]\nt:\n  say: [b]\n'));
  });

  it('given in one language is written as typed, first in its move', () => {
    expect(label(unlabelled, 'ask-shipping', 'en', 'Free shipping?')).toContain("  ask-shipping:\n    label: { en: Free shipping? }\n    note: >-\n");
  });

  it('with one language missing, the check message lands on the label, not on the whole move', () => {
    const half = label(unlabelled, 'ask-shipping', 'en', 'Free shipping?');
    const { diagnostics } = checkSource(half, 'my-easy', ctx, false);
    expect(diagnostics.map((d) => d.message)).toEqual(['states.ask-shipping.label: missing key "zh-CN"']);
    const problems = problemsByPath(model(half), half, diagnostics);
    expect([...problems.keys()]).toEqual([pathKey(['states', 'ask-shipping', 'label'])]);
  });
});
