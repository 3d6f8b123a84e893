// Shared by the lexicon.*.test.ts files: the global intent lexicon (scenarios/intents.yaml),
// compiled once per test file, and the row format the persona tables use.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lexiconSchema } from '../../../server/engine/scenario/schema.ts';
import type { Lexicon } from '../../../server/engine/scenario/schema.ts';
import { analyzeText, compileLexicon } from '../../../server/engine/analysis/index.ts';

const file = fileURLToPath(new URL('../../../scenarios/intents.yaml', import.meta.url));
export const lexicon: Lexicon = lexiconSchema.parse(parse(readFileSync(file, 'utf8')));
const compiled = compileLexicon(lexicon.intents);
export const intentsOf = (reply: string): string[] => compiled.match(analyzeText(reply));

/** [reply, intents it must match, intents it must not match] */
export type Row = [reply: string, yes: string[], no?: string[]];

/** One test per row; unknown intent ids fail the row rather than passing vacuously. */
export function describeRows(name: string, rows: readonly Row[]): void {
  const known = new Set(Object.keys(lexicon.intents));
  describe(name, () => {
    it.each(rows)('%s', (reply, yes, no = []) => {
      for (const id of [...yes, ...no]) expect(known.has(id), `unknown intent ${id}`).toBe(true);
      const got = intentsOf(reply);
      for (const id of yes) expect(got, `expected ${id}`).toContain(id);
      for (const id of no) expect(got, `unexpected ${id}`).not.toContain(id);
    });
  });
}
