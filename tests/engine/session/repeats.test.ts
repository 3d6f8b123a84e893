// The repeat check prepares each text once (similarityKey) and refuses pairs whose sizes alone keep
// Dice below the threshold; it must answer exactly what the plain form answers: similarity() of the
// two texts against the threshold, for every earlier reply. Checked over real replies, near-copies
// of them, random text, and more distinct texts than the prepared-text cache holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText, similarity } from '../../../server/engine/analysis/index.ts';
import { similarAtLeast, similarityKey } from '../../../server/engine/analysis/similarity.ts';
import { REPEAT_SIMILARITY, repeatsEarlierReply } from '../../../server/engine/session/repeats.ts';
import { benchReplies } from '../../../server/cli/benchReplies.ts';

/** The check as step() first wrote it. */
function plain(recent: readonly string[], normalized: string): boolean {
  if ([...normalized].length < 6) return false;
  return recent.some((earlier) => similarity(earlier, normalized) >= REPEAT_SIMILARITY);
}

const norm = (text: string) => analyzeText(text).normalized;
// Near-copies: the same line with a particle, punctuation or a word changed, in Traditional script.
const EDITS = ['', '！', '哦', '亲', '，好吗', '~', '呢', '。。。', ' '];
const near = fc.tuple(fc.constantFrom(...benchReplies), fc.constantFrom(...EDITS), fc.nat()).map(([line, edit, cut]) => {
  const at = cut % (line.length + 1);
  return line.slice(0, at) + edit + line.slice(at);
});
const anyText = fc.oneof(near, fc.constantFrom(...benchReplies), fc.string({ unit: fc.constantFrom(...'亲您好的这款鞋不能便宜包邮！？。 ~[微笑]qQ扣'), maxLength: 24 }));

describe('repeatsEarlierReply', () => {
  it('agrees with similarity() >= threshold on the bench replies against each other', () => {
    const recent: string[] = [];
    for (const reply of [...benchReplies, ...benchReplies.map((r) => `${r}！`)]) {
      const n = norm(reply);
      expect(repeatsEarlierReply(recent, n), reply).toBe(plain(recent, n));
      recent.push(n);
      if (recent.length > 8) recent.shift();
    }
  });

  it('agrees with the plain check on random histories of near-copies and random text', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 8 }), anyText, (history, reply) => {
        const recent = history.map(norm);
        const n = norm(reply);
        expect(repeatsEarlierReply(recent, n)).toBe(plain(recent, n));
      }),
      { numRuns: 600 },
    );
  });

  it('finds real repeats (so the agreement is not all "no")', () => {
    const line = norm(benchReplies[0] ?? '');
    expect(repeatsEarlierReply([norm('好的'), line], norm(`${benchReplies[0] ?? ''}！`))).toBe(true);
    expect(repeatsEarlierReply([norm('好的')], line)).toBe(false);
  });

  it('stays right once more distinct texts went through it than its cache holds', () => {
    const recent: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const n = norm(`${benchReplies[i % benchReplies.length] ?? ''}${i}`);
      if (i % 97 === 0) expect(repeatsEarlierReply(recent, n)).toBe(plain(recent, n));
      else repeatsEarlierReply(recent, n);
      recent.push(n);
      if (recent.length > 8) recent.shift();
    }
    // the oldest texts were evicted and are prepared again: still the same answers
    const early = benchReplies.slice(0, 8).map(norm);
    for (const r of benchReplies.slice(0, 8)) expect(repeatsEarlierReply(early, norm(r))).toBe(plain(early, norm(r)));
  });
});

describe('similarAtLeast', () => {
  it('is similarity(a, b) >= t for prepared texts, at any threshold, including the size bound', () => {
    fc.assert(
      fc.property(anyText, anyText, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, t) => {
        expect(similarAtLeast(similarityKey(a), similarityKey(b), t)).toBe(similarity(a, b) >= t);
      }),
      { numRuns: 800 },
    );
  });

  it('compares at exactly the similarity of the texts (thresholds at the value itself)', () => {
    for (const [a, b] of [['亲，这款鞋子现在有活动哦', '亲，这款鞋子现在有活动哦！'], ['好', '好的'], ['!!', '??'], ['嗯', '亲，两双一起买还能再减80元']]) {
      const s = similarity(a ?? '', b ?? '');
      expect(similarAtLeast(similarityKey(a ?? ''), similarityKey(b ?? ''), s)).toBe(true);
      expect(similarAtLeast(similarityKey(a ?? ''), similarityKey(b ?? ''), s + 1e-12)).toBe(false);
    }
  });
});
