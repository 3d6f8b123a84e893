// The persona library as a whole: every shipped scenario is walked with bounded path search over
// its compiled machine (guards honoured), and held to the library's shape requirements.
import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { compileScenario, personaEvents, startSession } from '../../server/engine/index.ts';
import type { CompiledScenario } from '../../server/engine/index.ts';
import { listScenarioFiles, loadBundle, scenariosDir } from '../../server/store/scenarioFiles.ts';

const personas = ['bargainer', 'size-hesitant', 'phisher', 'post-sale-complainer'];
const expectedIds = personas.flatMap((p) => [`${p}-easy`, p, `${p}-hard`]);

const files = await listScenarioFiles(scenariosDir());
const library: CompiledScenario[] = [];
for (const file of files) {
  const loaded = await loadBundle(scenariosDir(), file);
  if (!loaded.ok) throw new Error(`${file}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  library.push(compileScenario(loaded.bundle));
}

describe('the persona library', () => {
  it('ships the four personas at three levels each', () => {
    expect(library.map((c) => c.scenario.id).sort()).toEqual(expect.arrayContaining([...expectedIds].sort()));
  });
});

describe.each(library.map((c) => [c.scenario.id, c] as const))('%s', (_id, c) => {
  const serialize = (s: { value: unknown; context: unknown }) => `${JSON.stringify(s.value)}|${JSON.stringify(s.context)}`;
  const paths = getShortestPaths(c.machine, { events: (s) => personaEvents(c, String(s.value)), serializeState: serialize, limit: 20_000 });
  const reached = new Set(paths.map((p) => String(p.state.value)));
  const outcomes = Object.entries(c.scenario.states).filter(([, s]) => s.outcome);

  it('has the shape of a library persona: 10+ states, 3+ outcomes, 10+ embedded tests', () => {
    expect(Object.keys(c.scenario.states).length).toBeGreaterThanOrEqual(10);
    expect(outcomes.length).toBeGreaterThanOrEqual(3);
    expect(c.scenario.tests.length).toBeGreaterThanOrEqual(10);
    expect(c.scenario.tests.some((t) => t.kind === 'golden') && c.scenario.tests.some((t) => t.kind === 'bad')).toBe(true);
  });

  it('every buyer line has several variants', () => {
    const single = [...c.lines.entries()].flatMap(([key, lines]) => lines.filter((l) => l.variants.length < 2).map((l) => `${key}: ${l.variants[0]}`));
    expect(single).toEqual([]);
  });

  it('every state is reachable with the guards honoured', () => {
    expect([...reached].sort()).toEqual(Object.keys(c.scenario.states).sort());
  });

  it('every outcome is reached by some path, and ends the machine', () => {
    for (const [id] of outcomes) expect(paths.find((p) => p.state.value === id)?.state.status, id).toBe('done');
  });

  it('ignoring the buyer makes it nudge, then end the chat', () => {
    const silence = c.scenario.silence;
    expect(silence.nudgeAfter, 'scenario silence.nudgeAfter').toBeDefined();
    expect(silence.leave, 'scenario silence.leave').toBeDefined();
    const leaveState = silence.leave ? c.scenario.states[silence.leave] : undefined;
    expect(leaveState?.outcome, 'the silence leave state ends the chat').toBeDefined();
  });

  it('different seeds read differently', () => {
    const openings = new Set<string>();
    for (let seed = 1; seed <= 8; seed++) openings.add(startSession(c, { seed, now: 0 }).state.messages.map((m) => m.text).join('|'));
    expect(openings.size).toBeGreaterThan(1);
  });
});
