// Every intent of the library (the global lexicon and each scenario's own) has a short name in both
// languages: scenario authors pick intents in the studio by it rather than by the kebab id.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLexiconSource } from '../../../server/engine/index.ts';
import type { IntentDef } from '../../../server/engine/index.ts';
import { listScenarioFiles, loadScenarioFile } from '../../../server/store/scenarioFiles.ts';

const han = (s: string) => [...s].filter((c) => /\p{Script=Han}/u.test(c)).length;

function expectLabels(where: string, intents: Record<string, IntentDef>): number {
  const seen = { 'zh-CN': new Set<string>(), en: new Set<string>() };
  for (const [id, def] of Object.entries(intents)) {
    const what = `${where} ${id}`;
    expect(def.label, what).toBeDefined();
    if (!def.label) continue;
    const { 'zh-CN': zh, en } = def.label;
    expect(han(zh), `${what}: ${zh}`).toBeGreaterThan(0);
    expect([...zh].length, `${what}: ${zh}`).toBeLessThanOrEqual(12);
    expect(en.trim(), what).not.toBe('');
    expect(en.length, `${what}: ${en}`).toBeLessThanOrEqual(40);
    expect(en, what).not.toBe(id);
    expect(seen['zh-CN'].has(zh), `${what}: ${zh} twice`).toBe(false);
    expect(seen.en.has(en), `${what}: ${en} twice`).toBe(false);
    seen['zh-CN'].add(zh);
    seen.en.add(en);
  }
  return Object.keys(intents).length;
}

describe('intent labels in the library', () => {
  it('every intent of the global lexicon has a short label in zh-CN and en', () => {
    const lexicon = parseLexiconSource(readFileSync('scenarios/intents.yaml', 'utf8'), 'intents.yaml');
    if (!lexicon.ok) throw new Error(lexicon.diagnostics.map((d) => d.message).join('; '));
    expect(expectLabels('intents.yaml', lexicon.value.intents)).toBeGreaterThan(50);
  });

  it("every scenario's own intent has one too", async () => {
    const files = await listScenarioFiles('scenarios');
    expect(files.length).toBeGreaterThanOrEqual(12);
    let intents = 0;
    for (const path of files) {
      const loaded = await loadScenarioFile(path);
      if (!loaded.ok) throw new Error(`${path}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
      intents += expectLabels(path, loaded.value.intents);
    }
    expect(intents).toBeGreaterThan(50);
  });
});
