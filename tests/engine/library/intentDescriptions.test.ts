// Every intent of the library (the global lexicon and each scenario's own) is described in both
// languages: the studio shows authors the description in the page's language. The Chinese one quotes
// replies the intent catches in 「」 and replies it leaves alone in 『』; both are checked against the
// intent's own matchers, so a description cannot promise what the rules do not do.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText, compileLexicon } from '../../../server/engine/analysis/index.ts';
import { parseLexiconSource } from '../../../server/engine/index.ts';
import type { IntentDef } from '../../../server/engine/index.ts';
import { listScenarioFiles, loadScenarioFile } from '../../../server/store/scenarioFiles.ts';

const han = (s: string) => [...s].filter((c) => /\p{Script=Han}/u.test(c)).length;
const CJK = String.raw`\p{Script=Han}，。、；：！？（）「」『』“”`;
const STRAY_SPACE = new RegExp(`[${CJK}]\\s+[${CJK}]`, 'u');
const quoted = (text: string, open: string, close: string) => [...text.matchAll(new RegExp(`${open}([^${close}]+)${close}`, 'g'))].map((m) => m[1] as string);

function lexiconIntents(): Record<string, IntentDef> {
  const lexicon = parseLexiconSource(readFileSync('scenarios/intents.yaml', 'utf8'), 'intents.yaml');
  if (!lexicon.ok) throw new Error(lexicon.diagnostics.map((d) => d.message).join('; '));
  return lexicon.value.intents;
}

/** Checks the descriptions of `own`, matching their examples with `all` (own and global intents); returns how many examples there were. */
function expectDescribed(where: string, own: Record<string, IntentDef>, all: Record<string, IntentDef>): number {
  const compiled = compileLexicon(all);
  const matches = (reply: string) => compiled.match(analyzeText(reply));
  let examples = 0;
  for (const [id, def] of Object.entries(own)) {
    const what = `${where} ${id}`;
    const text = def.description;
    expect(typeof text === 'object' ? 'both languages' : text, what).toBe('both languages');
    if (typeof text !== 'object') continue;
    const zh = text['zh-CN'];
    expect(han(zh), `${what}: ${zh}`).toBeGreaterThan(8);
    expect(STRAY_SPACE.test(zh), `${what}: a space inside Chinese: ${zh}`).toBe(false);
    expect(han(text.en), `${what}: the en text is not the Chinese one`).toBeLessThan(han(zh));
    const caught = quoted(zh, '「', '」');
    expect(caught.length, `${what}: quote at least one reply it catches in 「」`).toBeGreaterThan(0);
    for (const reply of caught) expect(matches(reply), `${what}: 「${reply}」`).toContain(id);
    for (const reply of quoted(zh, '『', '』')) expect(matches(reply), `${what}: 『${reply}』`).not.toContain(id);
    examples += caught.length;
  }
  return examples;
}

describe('intent descriptions in the library', () => {
  it('describes every intent of the global lexicon in zh-CN and en, its Chinese examples true to its rules', () => {
    const intents = lexiconIntents();
    expect(Object.keys(intents).length).toBeGreaterThanOrEqual(58);
    expect(expectDescribed('intents.yaml', intents, intents)).toBeGreaterThan(100);
  });

  it("describes every scenario's own intent the same way", async () => {
    const global = lexiconIntents();
    const files = await listScenarioFiles('scenarios');
    expect(files.length).toBeGreaterThanOrEqual(12);
    let intents = 0;
    for (const path of files) {
      const loaded = await loadScenarioFile(path);
      if (!loaded.ok) throw new Error(`${path}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
      expectDescribed(path, loaded.value.intents, { ...global, ...loaded.value.intents });
      intents += Object.keys(loaded.value.intents).length;
    }
    expect(intents).toBeGreaterThanOrEqual(87);
  });
});

describe('the description field', () => {
  const lexicon = (description: string) => parseLexiconSource(`intents:\n  hello:\n    description: ${description}\n    match:\n      - any: [您好]\n`, 'intents.yaml');

  it('still takes one plain string (files written before it had two languages)', () => {
    const parsed = lexicon('Opens with a greeting.');
    expect(parsed.ok && parsed.value.intents['hello']?.description).toBe('Opens with a greeting.');
  });

  it('takes zh-CN and en; Chinese alone stands for both, English alone names the missing zh-CN', () => {
    const both = lexicon('{ zh-CN: 打招呼, en: Greets }');
    expect(both.ok && both.value.intents['hello']?.description).toEqual({ 'zh-CN': '打招呼', en: 'Greets' });
    // A trainer who writes Chinese only: the English UI shows the Chinese (schema.ts authoredText).
    const chineseOnly = lexicon('{ zh-CN: 打招呼 }');
    expect(chineseOnly.ok && chineseOnly.value.intents['hello']?.description).toEqual({ 'zh-CN': '打招呼', en: '打招呼' });
    const englishOnly = lexicon('{ en: Greets }');
    expect(englishOnly.ok).toBe(false);
    if (!englishOnly.ok) expect(englishOnly.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`).join('\n')).toMatch(/^3:\d+ .*zh-CN/m);
  });
});
