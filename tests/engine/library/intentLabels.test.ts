// Every intent of the library (the global lexicon and each scenario's own) has a short name in both
// languages: scenario authors pick intents in the studio by it rather than by the kebab id.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLexiconSource } from '../../../server/engine/index.ts';
import type { IntentDef } from '../../../server/engine/index.ts';
import { listScenarioFiles, loadScenarioFile } from '../../../server/store/scenarioFiles.ts';
import { expectShortLabels } from './shortLabels.ts';

const labelsOf = (intents: Record<string, IntentDef>) => Object.entries(intents).map(([id, def]) => [id, def.label] as const);

describe('intent labels in the library', () => {
  it('every intent of the global lexicon has a short label in zh-CN and en', () => {
    const lexicon = parseLexiconSource(readFileSync('scenarios/intents.yaml', 'utf8'), 'intents.yaml');
    if (!lexicon.ok) throw new Error(lexicon.diagnostics.map((d) => d.message).join('; '));
    expect(expectShortLabels('intents.yaml', labelsOf(lexicon.value.intents))).toBeGreaterThan(50);
  });

  it("every scenario's own intent has one too", async () => {
    const files = await listScenarioFiles('scenarios');
    expect(files.length).toBeGreaterThanOrEqual(12);
    let intents = 0;
    for (const path of files) {
      const loaded = await loadScenarioFile(path);
      if (!loaded.ok) throw new Error(`${path}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
      intents += expectShortLabels(path, labelsOf(loaded.value.intents));
    }
    expect(intents).toBeGreaterThan(50);
  });
});
