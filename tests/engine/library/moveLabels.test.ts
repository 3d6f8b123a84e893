// Every buyer move of the library has a short name in both languages: trainers read it on the drill
// dashboard and in class reveals instead of the state id. Labels differ within a scenario, so two
// moves never read alike on a tile or in the reveal picker.
import { describe, expect, it } from 'vitest';
import { listScenarioFiles, loadScenarioFile } from '../../../server/store/scenarioFiles.ts';
import { expectShortLabels } from './shortLabels.ts';

describe('buyer move labels in the library', () => {
  it('every state of every library scenario has a short label in zh-CN and en', async () => {
    const files = await listScenarioFiles('scenarios');
    expect(files.length).toBeGreaterThanOrEqual(12);
    let states = 0;
    for (const path of files) {
      const loaded = await loadScenarioFile(path);
      if (!loaded.ok) throw new Error(`${path}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
      states += expectShortLabels(path, Object.entries(loaded.value.states).map(([id, state]) => [id, state.label] as const));
    }
    expect(states).toBeGreaterThan(150);
  });
});
