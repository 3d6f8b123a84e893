// compileMatcher / compileLexicon / similarity: matcher semantics, negation modes, vetoes.
import { describe, expect, it } from 'vitest';
import type { IntentDef, MatcherDef } from '../../../server/engine/scenario/schema.ts';
import { analyzeText, compileLexicon, compileMatcher, similarity } from '../../../server/engine/analysis/index.ts';

const run = (def: MatcherDef, reply: string) => compileMatcher(def)(analyzeText(reply));

describe('compileMatcher', () => {
  it.each<[string, MatcherDef, string, boolean]>([
    ['any: one keyword is enough', { any: ['包邮', '免运费'] }, '亲，这款包邮哦', true],
    ['any: none present', { any: ['包邮', '免运费'] }, '运费10元', false],
    ['any: keyword in Traditional text', { any: ['尺码表'] }, '請參考尺碼表', true],
    ['any: keyword written in Traditional', { any: ['尺碼表'] }, '请参考尺码表', true],
    ['any: obfuscated text', { any: ['微信'] }, '加我V信', true],
    ['all: every keyword', { all: ['尺码表', '仅供参考'] }, '尺码表仅供参考哦', true],
    ['all: one missing', { all: ['尺码表', '仅供参考'] }, '请看尺码表', false],
    ['nOf: enough distinct keywords', { nOf: { n: 2, of: ['材料', '做工', '性价比'] } }, '材料好做工细', true],
    ['nOf: one keyword twice is one', { nOf: { n: 2, of: ['材料', '做工', '性价比'] } }, '材料材料', false],
    ['regex', { regex: '\\d{2}码' }, '推荐您拍42码', true],
    ['regex: no match', { regex: '\\d{2}码' }, '推荐您拍大一码', false],
    ['regex: written in Traditional', { regex: '尺碼' }, '尺码表', true],
    ['regex: upper-case pattern over lower-cased text', { regex: 'GORE-TEX' }, '这是gore-tex面料', true],
    ['regex: full-width ? is a literal', { regex: '吗？' }, '可以吗?', true],
    ['regex + unless vetoes', { regex: '包邮', unless: '不包邮' }, '这款不包邮', false],
    ['regex + unless that does not fire', { regex: '包邮', unless: '偏远' }, '这款包邮', true],
    ['any + unless', { any: ['优惠'], unless: '没有.{0,3}优惠' }, '现在没有任何优惠', false],
    ['negation exclude (default) drops negated hits', { any: ['微信'] }, '不能加微信', false],
    ['negation exclude keeps other hits', { any: ['微信'] }, '不能加微信，可以加微信吗', true],
    ['negation require needs a negated hit', { any: ['微信'], negation: 'require' }, '不能加微信', true],
    ['negation require ignores plain hits', { any: ['微信'], negation: 'require' }, '加微信', false],
    ['negation ignore counts both', { any: ['微信'], negation: 'ignore' }, '不能加微信', true],
    ['regex negation exclude', { regex: '加(?:qq|微信)' }, '不可以加微信', false],
    ['regex negation require', { regex: '加(?:qq|微信)', negation: 'require' }, '不可以加微信', true],
    ['all with negation exclude', { all: ['尺码', '合脚'] }, '尺码不一定合脚', false],
    ['negation exclude drops a post-posed denial', { any: ['赠品'] }, '赠品是没有的', false],
    ['negation require counts a post-posed denial', { any: ['优惠'], negation: 'require' }, '优惠这边确实没有哦', true],
    ['negation exclude keeps a question', { any: ['赠品'] }, '赠品没有吗？', true],
    ['regex negation exclude: a negator governing something else', { regex: '物流信息' }, '物流信息没有更新', true],
    ['regex negation exclude: denial right after the match', { regex: '小礼物' }, '小礼物这边没有哦', false],
    ['builtin rude: an insult', { builtin: 'rude' }, '你有病吧', true],
    ['builtin rude: negation ignored by default (爱买不买 holds 不)', { builtin: 'rude' }, '爱买不买', true],
    ['builtin rude: the list keeps its exclusions', { builtin: 'rude' }, '我再啰嗦一句哈，收到先试穿', false],
    ['builtin rude: the red line\'s own calls are not in it', { builtin: 'rude' }, '这颜色有点奇葩', false],
    ['builtin rude: a negated insult still counts by default', { builtin: 'rude' }, '不能说你傻', true],
    ['builtin rude: negation exclude when asked', { builtin: 'rude', negation: 'exclude' }, '不能说你傻', false],
    ['similar: close paraphrase', { similar: ['亲，这款鞋子包邮的哦'] }, '亲这款鞋子是包邮的哦', true],
    ['similar: unrelated', { similar: ['亲，这款鞋子包邮的哦'] }, '您穿多大码', false],
    ['similar: custom threshold', { similar: ['这款包邮'], threshold: 0.2 }, '包邮', true],
    ['similar: strict threshold', { similar: ['这款包邮'], threshold: 0.95 }, '这款包邮吗', false],
  ])('%s', (_name, def, reply, matched) => {
    expect(run(def, reply).matched).toBe(matched);
  });

  it('reports hits with index, keyword and negation', () => {
    expect(run({ any: ['微信'], negation: 'ignore' }, '不能加微信').hits).toEqual([{ keyword: '微信', index: 3, negated: true }]);
    expect(run({ regex: '\\d{2}码' }, '推荐42码').hits).toEqual([{ keyword: '42码', index: 2, negated: false }]);
    expect(run({ similar: ['包邮的哦', '不包邮'] }, '包邮的哦').hits[0]?.keyword).toBe('包邮的哦');
  });

  it.each<[MatcherDef, RegExp]>([
    [{ regex: '(unclosed' }, /invalid regex \/\(unclosed\//],
    [{ any: ['x'], unless: '[z-a]' }, /invalid unless regex/],
    [{ any: ['  '] }, /empty after normalisation/],
    [{}, /exactly one of/],
    [{ any: ['a'], all: ['b'] }, /exactly one of/],
  ])('rejects %j', (def, message) => {
    expect(() => compileMatcher(def)).toThrow(message);
  });
});

describe('compileLexicon', () => {
  const intents: Record<string, IntentDef> = {
    'ask-discount': { match: [{ any: ['便宜', '优惠'] }] },
    'refuse-discount': { match: [{ any: ['最低价', '不能再便宜'], negation: 'ignore' }] },
    'offer-discount': { match: [{ any: ['便宜', '打折'] }], unless: ['refuse-discount'] },
    greeting: { match: [{ any: ['您好'] }, { regex: '^亲' }] },
  };
  const lexicon = compileLexicon(intents);

  it.each([
    ['给您便宜点', ['ask-discount', 'offer-discount']],
    ['已经是最低价了，不能再便宜了', ['refuse-discount']],
    ['亲，欢迎', ['greeting']],
    ['您好，这款打折', ['offer-discount', 'greeting']],
    ['好的', []],
  ])('%j matches %j (definition order, after vetoes)', (reply, expected) => {
    expect(lexicon.match(analyzeText(reply))).toEqual(expected);
  });

  it('explains matches, vetoes and hits', () => {
    const byId = new Map(lexicon.explain(analyzeText('最低价了，比专柜便宜')).map((e) => [e.intent, e]));
    expect(byId.get('refuse-discount')).toMatchObject({ matched: true });
    expect(byId.get('refuse-discount')).not.toHaveProperty('vetoedBy');
    expect(byId.get('offer-discount')).toMatchObject({ matched: false, vetoedBy: 'refuse-discount' });
    expect(byId.get('offer-discount')?.hits.map((h) => h.keyword)).toEqual(['便宜']);
    expect(byId.get('greeting')).toEqual({ intent: 'greeting', matched: false, hits: [] });
    expect(lexicon.ids).toEqual(Object.keys(intents));
  });

  it('throws on an unless naming an unknown intent', () => {
    expect(() => compileLexicon({ a: { match: [{ any: ['x'] }], unless: ['nope'] } })).toThrow(/intent "a": unless names unknown intent "nope"/);
  });

  it('names the intent and matcher of an invalid regex', () => {
    expect(() => compileLexicon({ a: { match: [{ any: ['x'] }, { regex: '(' }] } })).toThrow(/intent "a", matcher 2: invalid regex/);
  });
});

describe('similarity', () => {
  it.each([
    ['亲，这款包邮的哦', '亲，这款包邮的哦', 1],
    ['这款包邮', '這款包郵', 1],
    ['包邮', '运费', 0],
    ['好', '好', 1],
    ['好', '好的', 2 / 3],
    ['abcd', 'abce', 2 / 3],
  ])('%j ~ %j = %d', (a, b, expected) => {
    expect(similarity(a, b)).toBeCloseTo(expected, 10);
    expect(similarity(b, a)).toBeCloseTo(expected, 10);
  });
});
