// From a trainee's browser audit of the buyer misreading clear replies. The embedded tests in the
// scenario files hold the moves; what they cannot express lives here: the words the buyer says (a
// nag must not come back word for word) and the buyer profile the side panel shows.
import { describe, expect, it } from 'vitest';
import { playScript, sessionAt, step, THINK_MS } from '../../server/engine/index.ts';
import type { CompiledScenario } from '../../server/engine/index.ts';
import { buyerLines, loadLevels } from './personaHarness.ts';

const level = await loadLevels(['bargainer-easy', 'bargainer', 'bargainer-hard', 'size-hesitant-easy', 'phisher-easy', 'phisher', 'phisher-hard']);

// More seeds than the persona tests: a repeat needs two draws to agree, which few seeds may miss.
const MANY_SEEDS = Array.from({ length: 24 }, (_, i) => i + 1);

function linesAfter(compiled: CompiledScenario, replies: readonly string[], seed: number): string[] {
  const run = playScript(compiled, { turns: replies.map((say) => ({ say, afterMs: 5000 })) }, seed, 0);
  return buyerLines(run);
}

/** Two consecutive buyer lines with the same words. */
function repeatedLine(lines: readonly string[]): string | undefined {
  return lines.find((line, i) => i > 0 && line === lines[i - 1]);
}

describe('the buyer does not nag with the same words twice in a row', () => {
  it.each(MANY_SEEDS)('bargainer: two non-answers after an early discount (seed %i)', (seed) => {
    const lines = linesAfter(level.bargainer.compiled, ['亲，您好，有货的', '可以，给你便宜10块', '嗯嗯', '稍后'], seed);
    expect(repeatedLine(lines)).toBeUndefined();
  });

  it.each(MANY_SEEDS)('size-hesitant-easy: non-answers to "which size?" (seed %i)', (seed) => {
    const lines = linesAfter(level['size-hesitant-easy'].compiled, ['亲，您好，在的', '稍等', '嗯嗯', '好的呢'], seed);
    expect(repeatedLine(lines)).toBeUndefined();
  });
});

describe('a concession granted is not asked for again', () => {
  // Free shipping given at the shipping ask sends every bargainer to push for more; what he pushes
  // for must not be the free shipping he was just given (「那再包个邮可以吗」 right after 「给你包邮吧」).
  it.each(['bargainer-easy', 'bargainer', 'bargainer-hard'] as const)('%s: after 「行，给你包邮吧」 no line asks for free shipping', (id) => {
    for (const seed of MANY_SEEDS) {
      const at = sessionAt(level[id].compiled, 'ask-shipping', {}, seed);
      const { state } = step(level[id].compiled, at, { type: 'reply', text: '行，给你包邮吧' }, THINK_MS);
      const after = state.messages.slice(at.messages.length).filter((m) => m.from === 'buyer').map((m) => m.text);
      expect(after.length, `seed ${String(seed)}`).toBeGreaterThan(0);
      expect(after.filter((line) => /包邮|邮费|运费/.test(line)), `seed ${String(seed)}`).toEqual([]);
    }
  });
});

describe('a size named is not asked for again', () => {
  // 「随便拍41就行，保证合脚」: the guarantee is what she reacts to, but 41 was named; asking 拍几码 back misreads it.
  it('size-hesitant-easy: a guarantee that names 41 is not answered with 拍几码', () => {
    for (const seed of MANY_SEEDS) {
      const lines = linesAfter(level['size-hesitant-easy'].compiled, ['随便拍41就行，保证合脚'], seed);
      const reaction = lines.slice(3);
      expect(reaction.length, `seed ${String(seed)}`).toBeGreaterThan(0);
      expect(reaction.filter((line) => /几码|哪个码|多大/.test(line)), `seed ${String(seed)}`).toEqual([]);
    }
  });
});

describe('phisher buyer profile', () => {
  // A phisher is no real buyer: the side panel shows the cover he puts on. Sales traits would coach
  // the trainee to sell to him (let a price-insensitive, decisive buyer choose freely, digest §3.1);
  // the hurry is the pressure the trainee should learn to notice.
  const SALES_TRAITS = ['decisive', 'swayable', 'price-sensitive', 'price-insensitive', 'trusting', 'browsing'];
  it.each(['phisher-easy', 'phisher', 'phisher-hard'] as const)('%s shows a hurried cover, no sales traits', (id) => {
    const types = level[id].bundle.scenario.buyer.types;
    expect(types).toContain('urgent');
    expect(types.filter((ty) => SALES_TRAITS.includes(ty))).toEqual([]);
  });
});
