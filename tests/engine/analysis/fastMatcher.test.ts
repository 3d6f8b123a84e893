// The lexicon's fast path (one keyword scan per reply, lazy cached negation, early exits) must give
// exactly the answer of the plain path: every matcher compiled alone by compileMatcher, run in full,
// vetoes applied afterwards. Checked for the global lexicon and every scenario's own intents, over
// real replies (scenario files, persona scripts, bench replies), recombinations of their pieces, and
// random text built from the lexicon's own keywords, negators and clause breaks.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intentDef, lexiconSchema } from '../../../server/engine/scenario/schema.ts';
import type { IntentDef } from '../../../server/engine/scenario/schema.ts';
import type { TextFeatures } from '../../../server/engine/analysis/index.ts';
import { analyzeText, compileLexicon, compileMatcher, normalize } from '../../../server/engine/analysis/index.ts';
import { benchReplies } from '../../../server/cli/benchReplies.ts';

const dir = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
const scriptsDir = fileURLToPath(new URL('../../scenarios/scripts/', import.meta.url));
const global = lexiconSchema.parse(parse(readFileSync(`${dir}intents.yaml`, 'utf8'))).intents;
const scenarioFiles = readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'intents.yaml');

function strings(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') {
    if (/\p{Script=Han}/u.test(value)) out.push(value);
  } else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

const docs = scenarioFiles.map((f) => parse(readFileSync(`${dir}${f}`, 'utf8')) as Record<string, unknown>);
const scripts = readdirSync(scriptsDir).flatMap((p) =>
  readdirSync(`${scriptsDir}${p}`).map((f) => JSON.parse(readFileSync(`${scriptsDir}${p}/${f}`, 'utf8')) as unknown));
const corpus = [...new Set([...benchReplies, ...strings(docs, []), ...strings(scripts, [])])];

/** The lexicons the server compiles: the global one alone and with each scenario's intents. */
const lexicons: [string, Record<string, IntentDef>][] = [
  ['intents.yaml', global],
  ...scenarioFiles.map((f, i): [string, Record<string, IntentDef>] => {
    const own = (docs[i]!.intents ?? {}) as Record<string, unknown>;
    return [f, { ...global, ...Object.fromEntries(Object.entries(own).map(([id, d]) => [id, intentDef.parse(d)])) }];
  }),
];

/** The straightforward implementation: every matcher on its own, then vetoes on the raw results. */
function reference(intents: Record<string, IntentDef>): (f: TextFeatures) => string[] {
  const compiled = Object.entries(intents).map(([id, def]) => ({ id, matchers: def.match.map(compileMatcher), unless: def.unless ?? [] }));
  return (f) => {
    const raw = new Set(compiled.filter((c) => c.matchers.some((m) => m(f).matched)).map((c) => c.id));
    return compiled.filter((c) => raw.has(c.id) && !c.unless.some((u) => raw.has(u))).map((c) => c.id);
  };
}

// Pieces for random replies: the keywords themselves (so many keywords meet in one reply, overlap
// and repeat), negators and denials around them, conditionals, clause breaks and digits.
const keywords = [...new Set(Object.values(global).flatMap((d) => d.match.flatMap((m) => [...(m.any ?? []), ...(m.all ?? []), ...(m.nOf?.of ?? [])])))];
const GLUE = [
  '不', '没', '没有', '别', '不能', '不会', '不了', '不行', '是没有的', '的话', '如果', '要是', '但是', '不过', '，', '。', '？', '!', ' ',
  '亲', '您', '我们这边', '确实', '哦', '呢', '的', '了', '给您', '送', '加', '微信', 'qq', '12345678', 'tp_xf88', '20', '元', '码', '好的',
];
const piece = fc.oneof(fc.constantFrom(...keywords), fc.constantFrom(...GLUE), fc.string({ unit: fc.constantFrom(...'不没别是的了给您加送码元包邮抱歉保证'), maxLength: 3 }));
const built = fc.array(piece, { maxLength: 14 }).map((p) => p.join(''));
const spliced = fc.tuple(fc.constantFrom(...corpus), fc.constantFrom(...corpus), fc.nat(), fc.nat()).map(([a, b, i, j]) => a.slice(0, i % (a.length + 1)) + b.slice(j % (b.length + 1)));

describe.each(lexicons)('fast lexicon matching agrees with the plain path for %s', (_name, intents) => {
  const fast = compileLexicon(intents);
  const slow = reference(intents);
  const same = (reply: string) => {
    const f = analyzeText(reply);
    expect(fast.match(f), reply).toEqual(slow(f));
  };

  it('on every reply of the corpus, and again after the scratch buffers were reused', () => {
    expect(corpus.length).toBeGreaterThan(500);
    for (const reply of corpus) same(reply);
    for (const reply of [...corpus].reverse()) same(reply);
  });

  it('on random replies built from keywords, negators and clause breaks', () => {
    fc.assert(fc.property(built, same), { numRuns: 300 });
  });

  it('on spliced corpus replies', () => {
    fc.assert(fc.property(spliced, same), { numRuns: 300 });
  });
});

describe('fast lexicon matching, edge cases', () => {
  const intents: Record<string, IntentDef> = {
    // overlapping and repeated occurrences: indexOf finds 哈哈 twice in 哈哈哈哈 and once in 哈哈哈
    laugh: { match: [{ all: ['哈哈', '哈'] }] },
    // only the overlapping occurrence at 1 (包包|不行的) is denied; indexOf never reports it
    bags: { match: [{ any: ['包包'], negation: 'require' }] },
    neg: { match: [{ any: ['包邮'], negation: 'require' }] },
    plain: { match: [{ any: ['包邮'] }], unless: ['neg'] },
    two: { match: [{ nOf: { n: 2, of: ['赠品', '礼物', '袜子', '礼物'] } }] },
    empty: { match: [{ regex: '(?:)', negation: 'require' }] },
    emoji: { match: [{ regex: '😀?' }] },
    like: { match: [{ similar: ['亲，这款已经是最低价了'] }] },
  };
  const fast = compileLexicon(intents);
  const slow = reference(intents);
  it.each(['包包包不行的', '哈哈哈哈', '哈哈哈', '不包邮，包邮', '包邮不行的', '没有包邮，但包邮', '赠品礼物', '礼物礼物', '😀😀', '', '不', '这款已经是最低价了', normalize('ＧＯＲＥ')])(
    '%j',
    (reply) => {
      const f = analyzeText(reply);
      expect(fast.match(f)).toEqual(slow(f));
    },
  );
});
