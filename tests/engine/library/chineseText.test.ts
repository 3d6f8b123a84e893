// The library's Chinese prose reads as Chinese: no space inside a sentence between two characters
// or beside full-width punctuation. (YAML's folded `>-` style joins wrapped lines with a space, which
// is right for English and wrong for Chinese; wrapped Chinese uses a double-quoted string with a
// backslash at each line end instead.) A space beside a number or a Latin word stays allowed.
import { describe, expect, it } from 'vitest';
import type { LocalText } from '../../../server/engine/index.ts';
import { listScenarioFiles, loadScenarioFile } from '../../../server/store/scenarioFiles.ts';

const CJK = String.raw`\p{Script=Han}，。、；：！？（）「」“”`;
const STRAY_SPACE = new RegExp(`[${CJK}]\\s+[${CJK}]`, 'u');

describe('Chinese prose in the library', () => {
  it('has no stray spaces in scenario descriptions, titles, outcome labels and rule texts', async () => {
    const files = await listScenarioFiles('scenarios');
    expect(files.length).toBeGreaterThanOrEqual(12);
    const texts: { where: string; zh: string }[] = [];
    const add = (where: string, text: LocalText | undefined) => text && texts.push({ where, zh: text['zh-CN'] });
    for (const path of files) {
      const loaded = await loadScenarioFile(path);
      if (!loaded.ok) throw new Error(`${path}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
      const s = loaded.value;
      add(`${path} title`, s.title);
      add(`${path} description`, s.description);
      for (const [id, state] of Object.entries(s.states)) add(`${path} ${id} outcome`, state.outcome?.label);
      for (const rule of s.rubric.rules) {
        add(`${path} ${rule.id} feedback`, rule.feedback);
        add(`${path} ${rule.id} model reply`, rule.modelReply);
      }
    }
    expect(texts.length).toBeGreaterThan(50);
    for (const { where, zh } of texts) expect(STRAY_SPACE.test(zh), `${where}: ${zh}`).toBe(false);
  });
});
