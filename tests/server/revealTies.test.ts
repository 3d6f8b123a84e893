// The reveal ranks replies by how they were graded; two replies graded alike (say 26/26 each, no
// red line, nothing failed) share a rank rather than being told apart by their text.
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../server/engine/index.ts';
import { buildReveal } from '../../server/runtime/drills/reveal.ts';

const verdict = (rule: string, points: number, max: number, fail = false): Verdict => ({ rule, category: 'sales', verdict: fail ? 'fail' : 'pass', redLine: false, points, max, feedback: { 'zh-CN': '', en: '' } });
const reply = (text: string, verdicts: Verdict[]) => ({ text, verdicts });

describe('the ranks of a reveal', () => {
  it('gives replies graded alike one rank, and the next reply the rank after all of them', () => {
    const full = [verdict('a', 16, 16), verdict('b', 10, 10)];
    const reveal = buildReveal('d', 'sc', 'ask', [reply('亲，价格已经很实在了', full), reply('亲，这款不议价哦', full), undefined, reply('好的', [verdict('a', 16, 16), verdict('b', 0, 10, true)])]);
    expect(reveal.entries.map((e) => [e.rank, e.points, e.max])).toEqual([
      [1, 26, 26],
      [1, 26, 26],
      [3, 16, 26],
    ]);
    expect(reveal.unanswered).toBe(1);
  });
});
