// A session's rule texts are those of the rules it is judged by: a global rule newer than the
// session's rubric revision (GLOBAL_RULE_SINCE, e.g. 不以利益换评价 from revision 7) is never judged in
// it, so its texts are not sent to it either.
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../server/engine/index.ts';
import { RULES_REVISION } from '../../server/engine/session/rulesRevision.ts';
import { rubricTexts } from '../../server/runtime/ruleTexts.ts';
import { loadBundle, scenariosDir } from '../../server/store/scenarioFiles.ts';

const loaded = await loadBundle(scenariosDir(), 'post-sale-complainer');
if (!loaded.ok) throw new Error('post-sale-complainer does not load');
const compiled = compileScenario(loaded.bundle);
const ids = (revision: number | undefined) => rubricTexts(compiled, revision).rules.map((r) => r.rule);

describe('rubricTexts by rubric revision', () => {
  it('sends 不以利益换评价 to revision 7 sessions only', () => {
    expect(ids(RULES_REVISION)).toContain('no-review-inducement');
    expect(ids(undefined)).toContain('no-review-inducement');
    for (const old of [5, 6]) {
      expect(ids(old)).not.toContain('no-review-inducement');
      // every other rule is still there
      expect(ids(old)).toEqual(ids(RULES_REVISION).filter((id) => id !== 'no-review-inducement'));
    }
  });

  it('keys the two sets apart, and computes each once', () => {
    expect(rubricTexts(compiled, 6).rubric).not.toBe(rubricTexts(compiled, 7).rubric);
    expect(rubricTexts(compiled, 6)).toBe(rubricTexts(compiled, 6));
  });
});
