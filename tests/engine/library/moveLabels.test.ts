// Every buyer move of the library has a short name in both languages: trainers read it on the drill
// dashboard and in class reveals instead of the state id. Labels differ within a scenario, so two
// moves never read alike on a tile or in the reveal picker.
import { describe, expect, it } from 'vitest';
import { listScenarioFiles, loadScenarioFile } from '../../../server/store/scenarioFiles.ts';

const han = (s: string) => [...s].filter((c) => /\p{Script=Han}/u.test(c)).length;

describe('buyer move labels in the library', () => {
  it('every state of every library scenario has a short label in zh-CN and en', async () => {
    const files = await listScenarioFiles('scenarios');
    expect(files.length).toBeGreaterThanOrEqual(12);
    let states = 0;
    for (const path of files) {
      const loaded = await loadScenarioFile(path);
      if (!loaded.ok) throw new Error(`${path}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
      const seen = { 'zh-CN': new Set<string>(), en: new Set<string>() };
      for (const [id, state] of Object.entries(loaded.value.states)) {
        const what = `${path} ${id}`;
        expect(state.label, what).toBeDefined();
        if (!state.label) continue;
        const { 'zh-CN': zh, en } = state.label;
        expect(han(zh), `${what}: ${zh}`).toBeGreaterThan(0);
        expect([...zh].length, `${what}: ${zh}`).toBeLessThanOrEqual(12);
        expect(en.length, `${what}: ${en}`).toBeLessThanOrEqual(40);
        expect(en, what).not.toBe(id);
        expect(seen['zh-CN'].has(zh), `${what}: ${zh} twice`).toBe(false);
        expect(seen.en.has(en), `${what}: ${en} twice`).toBe(false);
        seen['zh-CN'].add(zh);
        seen.en.add(en);
        states += 1;
      }
    }
    expect(states).toBeGreaterThan(150);
  });
});
