// A detector or word list that no rule reads is dead code: it is tested and maintained, it looks like
// a check the rubric makes, and it makes none (a superlative-claim list once sat here unread while
// the digest's own haggling advice says 「已经是最低价了」 is fine). Every detector the analysis
// layer exports must be read by a global rule, and every list in the lexicon files by a detector.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as detectors from '../../../server/engine/analysis/detectors.ts';
import * as promiseLexicon from '../../../server/engine/analysis/promiseLexicon.ts';
import * as reviewLexicon from '../../../server/engine/analysis/reviewLexicon.ts';

const source = (path: string): string => readFileSync(fileURLToPath(new URL(`../../../server/engine/${path}`, import.meta.url)), 'utf8');
/** The names a module imports (`import { a, b } from ...`), over all its import lines. */
function importedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from/gu)) {
    for (const n of (m[1] ?? '').split(',')) names.add(n.trim());
  }
  return names;
}

describe('no unread detectors or lists', () => {
  it('every exported detector is read by a global rule', () => {
    const used = importedNames(source('rubric/globalChecks.ts'));
    const exported = Object.keys(detectors).filter((k) => k.startsWith('detect'));
    expect(exported.length).toBeGreaterThan(5);
    expect(exported.filter((k) => !used.has(k))).toEqual([]);
  });

  it('every list of the promise and review lexicons is read by a detector', () => {
    const used = importedNames(source('analysis/detectors.ts'));
    const lists = [...Object.keys(promiseLexicon), ...Object.keys(reviewLexicon)];
    // TARGET is a piece of PROMISE_SOURCES, read through it
    expect(lists.filter((k) => k !== 'TARGET' && !used.has(k))).toEqual([]);
  });
});
