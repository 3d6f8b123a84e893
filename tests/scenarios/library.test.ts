// The persona library as a whole: every shipped scenario is walked with bounded path search over
// its compiled machine (guards honoured), and held to the library's shape requirements.
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { personaEvents, runEmbeddedTests, startSession } from '../../server/engine/index.ts';
import { listScenarioFiles, listShopFiles, scenariosDir } from '../../server/store/scenarioFiles.ts';
import { loadLevel, personaLevels } from './personaHarness.ts';

const personas = ['bargainer', 'size-hesitant', 'phisher', 'post-sale-complainer'];
const expectedIds = personas.flatMap((p) => personaLevels(p));
/** The persona an id belongs to: `<persona>`, `<persona>-easy`, `<persona>-hard`. */
const personaOf = (id: string) => personas.find((p) => id === p || id.startsWith(`${p}-`));

const shops = (await listShopFiles(scenariosDir())).map((path) => basename(path).replace(/\.ya?ml$/, ''));
const library = await Promise.all((await listScenarioFiles(scenariosDir())).map((file) => loadLevel(file)));

describe('the persona library', () => {
  it('ships the four personas at three levels each', () => {
    expect(library.map((l) => l.compiled.scenario.id).sort()).toEqual(expect.arrayContaining([...expectedIds].sort()));
  });
});

describe.each(library.map((l) => [l.compiled.scenario.id, l] as const))('%s', (id, { bundle, compiled: c }) => {
  const serialize = (s: { value: unknown; context: unknown }) => `${JSON.stringify(s.value)}|${JSON.stringify(s.context)}`;
  const paths = getShortestPaths(c.machine, { events: (s) => personaEvents(c, String(s.value)), serializeState: serialize, limit: 20_000 });
  const reached = new Set(paths.map((p) => String(p.state.value)));
  const outcomes = Object.entries(c.scenario.states).filter(([, s]) => s.outcome);

  it('has the shape of a library persona: 10+ states, 3+ distinct outcomes, 10+ embedded tests, 4–9 scenario rules', () => {
    expect(Object.keys(c.scenario.states).length).toBeGreaterThanOrEqual(10);
    expect(outcomes.length).toBeGreaterThanOrEqual(3);
    const distinct = new Set(outcomes.flatMap(([, s]) => (s.outcome ? [`${s.outcome.kind}:${s.outcome.label?.en ?? ''}`] : [])));
    expect(distinct.size).toBeGreaterThanOrEqual(3);
    expect(c.scenario.tests.length).toBeGreaterThanOrEqual(10);
    expect(c.scenario.tests.some((t) => t.kind === 'golden') && c.scenario.tests.some((t) => t.kind === 'bad')).toBe(true);
    expect(c.scenario.rubric.rules.length).toBeGreaterThanOrEqual(4);
    // Few enough that a report stays readable. Nine since the standard complainer also marks a
    // ship-first promise made on the agent's own say (digest rule 61), a risk its others do not cover.
    expect(c.scenario.rubric.rules.length).toBeLessThanOrEqual(9);
  });

  it('passes its embedded golden and bad reply tests', () => {
    const results = runEmbeddedTests(bundle);
    expect(results.length).toBeGreaterThanOrEqual(10);
    expect(results.filter((r) => r.failures.length > 0)).toEqual([]);
  });

  it('is set in an existing shop, and its persona is the one its id names', () => {
    expect(shops).toContain(c.scenario.shop);
    expect(bundle.shop.id).toBe(c.scenario.shop);
    expect(personaOf(id), 'the id starts with a library persona').toBeDefined();
    expect(c.scenario.persona).toBe(personaOf(id));
  });

  it('every buyer line has several variants', () => {
    const single = [...c.lines.entries()].flatMap(([key, lines]) => lines.filter((l) => l.variants.length < 2).map((l) => `${key}: ${l.variants[0]}`));
    expect(single).toEqual([]);
  });

  it('every state is reachable with the guards honoured', () => {
    expect([...reached].sort()).toEqual(Object.keys(c.scenario.states).sort());
  });

  it('every outcome is reached by some path, and ends the machine', () => {
    for (const [state] of outcomes) expect(paths.find((p) => p.state.value === state)?.state.status, state).toBe('done');
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
