// Revision 7: the buyer never says a line word for word twice in a row when the line has another
// variant (「行不行嘛」, then 「行不行嘛」 again, reads like a machine). Played over every scenario of
// the library with the same curt replies and many seeds; revision 6 sessions keep their lines.
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileScenario, startSession, step } from '../../../server/engine/index.ts';
import type { CompiledScenario } from '../../../server/engine/index.ts';
import { listScenarioFiles, loadBundle, scenariosDir } from '../../../server/store/scenarioFiles.ts';

const SEEDS = 30;
const REPLIES = ['嗯', '还行', '嗯', '再看看', '嗯', '好'];

/** Buyer texts that belong to a line with more than one variant: the lines that could be put differently. */
function variedTexts(c: CompiledScenario): Set<string> {
  const texts = new Set<string>();
  for (const lines of c.lines.values()) for (const line of lines) if (line.variants.length > 1) for (const v of line.variants) texts.add(v);
  return texts;
}

/** Pairs of the same varied line said twice in a row by the buyer, over all seeds. */
function repeats(c: CompiledScenario, rulesRevision: number): string[] {
  const varied = variedTexts(c);
  const found: string[] = [];
  for (let seed = 1; seed <= SEEDS; seed++) {
    let state = startSession(c, { seed, now: 0, speed: 0, rulesRevision }).state;
    let now = 0;
    for (const text of REPLIES) {
      if (state.ended || state.outcome) break;
      now += 4000;
      state = step(c, state, { type: 'reply', text }, now).state;
    }
    const buyer = state.messages.filter((m) => m.from === 'buyer').map((m) => m.text);
    for (let i = 1; i < buyer.length; i++) if (buyer[i] === buyer[i - 1] && varied.has(buyer[i] ?? '')) found.push(`seed ${seed}: ${buyer[i]}`);
  }
  return found;
}

async function compiledLibrary(): Promise<{ id: string; c: CompiledScenario }[]> {
  const out: { id: string; c: CompiledScenario }[] = [];
  for (const path of await listScenarioFiles(scenariosDir())) {
    const loaded = await loadBundle(scenariosDir(), path);
    if (!loaded.ok) throw new Error(`${path} does not load`);
    out.push({ id: basename(path, '.yaml'), c: compileScenario(loaded.bundle) });
  }
  return out;
}

const compiled = await compiledLibrary();

describe('a buyer line is not said twice in a row (revision 7)', () => {
  it.each(compiled.map(({ id, c }) => [id, c] as const))('%s', (_id, c) => {
    expect(repeats(c, 7)).toEqual([]);
  });

  it('did happen before, and revision 6 sessions keep their lines', () => {
    const before = compiled.flatMap(({ c }) => repeats(c, 6));
    expect(before.length).toBeGreaterThan(0);
  });
});
