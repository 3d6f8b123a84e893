// The lexicon runs a keyword matcher (any / all / n-of) only when the scan found one of its
// keywords. Skipping must never change an answer: on random lexicons mixing every matcher kind,
// negation mode, `unless` regex and intent veto, match() equals the plain path (explain(), which
// runs every matcher in full), including replies with none of the keywords and with all of them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText, compileLexicon } from '../../../server/engine/analysis/index.ts';
import type { IntentDef, MatcherDef } from '../../../server/engine/scenario/schema.ts';

const WORDS = ['便宜', '优惠', '包邮', '抱歉', '尺码', '42码', 'qq', '微信', '运费', '发货', '宜'];
const GLUE = ['不', '没', '别', '不能', '亲', '您', '，', '。', '？', '的', '了', '吗', ' ', '如果', '但是', '12345678'];

const negation = fc.constantFrom(undefined, 'exclude' as const, 'require' as const, 'ignore' as const);
const words = fc.uniqueArray(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 });
const withOptions = (m: MatcherDef, neg: MatcherDef['negation'], unless: string | undefined): MatcherDef => ({
  ...m,
  ...(neg === undefined ? {} : { negation: neg }),
  ...(unless === undefined ? {} : { unless }),
});
const matcher: fc.Arbitrary<MatcherDef> = fc
  .tuple(
    fc.oneof(
      words.map((any): MatcherDef => ({ any })),
      words.map((all): MatcherDef => ({ all })),
      fc.tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 3 })).map(([of, n]): MatcherDef => ({ nOf: { n, of } })),
      fc.constantFrom('便宜\\d*', '(包邮|运费).{0,4}(不|没)', '^亲', '\\d{8}').map((regex): MatcherDef => ({ regex })),
      fc.constantFrom('亲，这款不能再便宜了', '抱歉，运费需要您承担').map((example): MatcherDef => ({ similar: [example] })),
    ),
    negation,
    fc.constantFrom(undefined, undefined, '如果', '吗$'),
  )
  .map(([m, neg, unless]) => withOptions(m, m.similar === undefined ? neg : undefined, unless));

const lexicon: fc.Arbitrary<Record<string, IntentDef>> = fc
  .array(fc.tuple(fc.array(matcher, { minLength: 1, maxLength: 3 }), fc.array(fc.nat(5), { maxLength: 2 })), { minLength: 1, maxLength: 6 })
  .map((defs) => {
    const ids = defs.map((_, i) => `intent-${i}`);
    return Object.fromEntries(
      defs.map(([match, vetoes], i) => {
        const unless = [...new Set(vetoes.map((v) => ids[v % ids.length]!).filter((u) => u !== ids[i]))];
        return [ids[i]!, unless.length > 0 ? { match, unless } : { match }];
      }),
    );
  });

const reply = fc.array(fc.constantFrom(...WORDS, ...GLUE), { maxLength: 12 }).map((p) => p.join(''));

describe('lexicon keyword skipping', () => {
  it('match() equals the full plain path on random lexicons and replies', () => {
    fc.assert(
      fc.property(lexicon, fc.array(reply, { minLength: 1, maxLength: 6 }), (intents, replies) => {
        const lex = compileLexicon(intents);
        // several replies through one compiled lexicon: stamps from an earlier reply must not leak
        for (const text of [...replies, '', WORDS.join('，')]) {
          const f = analyzeText(text);
          const plain = lex.explain(f).filter((e) => e.matched).map((e) => e.intent);
          expect(lex.match(f), text).toEqual(plain);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('skips nothing a keyword found in this reply needs, after replies that found other keywords', () => {
    const lex = compileLexicon({
      cheap: { match: [{ any: ['便宜'] }] },
      both: { match: [{ all: ['包邮', '运费'] }] },
      two: { match: [{ nOf: { n: 2, of: ['尺码', '42码', '发货'] } }] },
    });
    const run = (text: string) => lex.match(analyzeText(text));
    expect(run('能便宜点吗')).toEqual(['cheap']);
    expect(run('运费和包邮')).toEqual(['both']);
    expect(run('尺码是42码')).toEqual(['two']);
    expect(run('您好')).toEqual([]);
    expect(run('便宜，包邮运费，尺码发货')).toEqual(['cheap', 'both', 'two']);
  });
});
