// compiled.move() memoises persona transitions by (state, variables, the part of the event the
// state's guards read), and compiled.start() the initial transition. They must give what xstate
// gives for the same stored state and event, on a first call (computed) and on every later one
// (from the memo), for every shipped persona, every move, variables anywhere in their bounds, and
// replies carrying intents the guards do not test.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import type { CompiledScenario } from '../../../server/engine/index.ts';
import { compileScenario, personaEvents } from '../../../server/engine/index.ts';
import type { MachineEvent } from '../../../server/engine/session/compile.ts';
import { memoizedMoves } from '../../../server/engine/session/machineMoves.ts';
import type { Vars } from '../../../server/engine/session/vars.ts';
import { listScenarioFiles, loadBundle, scenariosDir } from '../../../server/store/scenarioFiles.ts';
import { compiled as fixtureScenario } from './fixture.ts';

const library = await Promise.all(
  (await listScenarioFiles(scenariosDir())).map(async (file) => {
    const loaded = await loadBundle(scenariosDir(), file);
    if (!loaded.ok) throw new Error(`${file}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
    return compileScenario(loaded.bundle);
  }),
);

/** What xstate itself says, with nothing memoised: a fresh snapshot from the stored state. */
function direct(c: CompiledScenario, value: string, context: Vars, event: MachineEvent) {
  const [next, actions] = transition(c.machine, c.machine.resolveState({ value, context }), event);
  return {
    value: String(next.value),
    context: JSON.stringify(next.context),
    actions: actions.map((a) => ({ type: a.type, params: a.params })),
  };
}

function viaMove(c: CompiledScenario, value: string, context: Vars, event: MachineEvent) {
  const m = c.move(value, context, event);
  return { value: m.value, context: JSON.stringify(m.context), actions: m.actions.map((a) => ({ type: a.type, params: a.params })) };
}

function varsArb(c: CompiledScenario): fc.Arbitrary<Vars> {
  const entries = Object.entries(c.scenario.variables).map(
    ([name, def]) => [name, def.type === 'bool' ? fc.boolean() : fc.integer({ min: def.min, max: def.max })] as const,
  );
  return fc.tuple(...entries.map(([, arb]) => arb as fc.Arbitrary<number | boolean>)).map((values) => {
    const vars: Vars = {};
    entries.forEach(([name], i) => (vars[name] = values[i] as number | boolean));
    return vars;
  });
}

/** The events of a move, plus replies with several intents (tested and untested) at once. */
function eventsArb(c: CompiledScenario, state: string): fc.Arbitrary<MachineEvent> {
  const base = personaEvents(c, state);
  const intents = [...new Set([...c.lexicon.ids, 'not-an-intent'])];
  const mixed = fc.subarray(intents, { maxLength: 6 }).map((list): MachineEvent => ({ type: 'reply', intents: list }));
  const actions = fc.constantFrom(...(['link-opened', 'file-accepted', 'file-declined', 'card-sent', 'coupon-sent', 'address-confirmed'] as const));
  const products = fc.constantFrom(undefined, ...c.shop.products.map((p) => p.id), ...c.shop.coupons.map((p) => p.id));
  const action = fc.tuple(actions, products).map(([kind, product]): MachineEvent => (product === undefined ? { type: 'action', kind } : { type: 'action', kind, product }));
  return base.length > 0 ? fc.oneof(fc.constantFrom(...base), mixed, action) : fc.oneof(mixed, action);
}

describe.each(library.map((c) => [c.scenario.id, c] as const))('moves of %s', (_id, c) => {
  const states = Object.keys(c.scenario.states).filter((s) => !c.scenario.states[s]?.outcome);

  it('equal xstate transitions from stored states, computed and then memoised', () => {
    const arb = fc.constantFrom(...states).chain((state) => fc.tuple(fc.constant(state), varsArb(c), eventsArb(c, state)));
    fc.assert(
      fc.property(arb, ([state, vars, event]) => {
        const expected = direct(c, state, vars, event);
        expect(viaMove(c, state, vars, event)).toEqual(expected);
        expect(viaMove(c, state, { ...vars }, event)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('starts as xstate starts the machine, every time', () => {
    const [snapshot, actions] = initialTransition(c.machine);
    const expected = { value: String(snapshot.value), context: JSON.stringify(snapshot.context), actions: actions.map((a) => ({ type: a.type, params: a.params })) };
    for (let i = 0; i < 2; i++) {
      const m = c.start();
      expect({ value: m.value, context: JSON.stringify(m.context), actions: m.actions.map((a) => ({ type: a.type, params: a.params })) }).toEqual(expected);
    }
  });

  it('covers every persona event of every move at the initial variables', () => {
    const vars: Vars = Object.fromEntries(Object.entries(c.scenario.variables).map(([n, d]) => [n, d.initial]));
    for (const state of states) {
      for (const event of personaEvents(c, state)) {
        expect(viaMove(c, state, vars, event), `${state} ${JSON.stringify(event)}`).toEqual(direct(c, state, vars, event));
      }
    }
  });
});

describe('memoizedMoves', () => {
  const c = fixtureScenario();
  const calls: string[] = [];
  const moves = memoizedMoves(c.scenario, (value, context, event) => {
    calls.push(`${value}:${JSON.stringify(event)}`);
    return { value, context, actions: [] };
  });

  it('computes once per state, variables and tested intents; untested intents share the entry', () => {
    const tested = c.scenario.states.ask?.on?.find((t) => t.intent !== undefined)?.intent;
    const intent = Array.isArray(tested) ? tested[0] : tested;
    expect(intent).toBeDefined();
    moves('ask', { patience: 2 }, { type: 'reply', intents: [intent ?? ''] });
    moves('ask', { patience: 2 }, { type: 'reply', intents: [intent ?? '', 'untested'] });
    moves('ask', { patience: 1 }, { type: 'reply', intents: [intent ?? ''] });
    moves('ask', { patience: 2 }, { type: 'reply', intents: [] });
    moves('ask', { patience: 2 }, { type: 'reply', intents: ['untested'] });
    expect(calls).toHaveLength(3);
  });

  it('tells -0, NaN and Infinity apart from the values JSON would confuse them with', () => {
    calls.length = 0;
    for (const v of [0, -0, Number.NaN, Number.POSITIVE_INFINITY, 1]) moves('ask', { patience: v }, { type: 'silence.nudge' });
    expect(calls).toHaveLength(5);
  });

  it('never memoises a state the scenario does not define', () => {
    calls.length = 0;
    moves('nowhere', {}, { type: 'silence.leave' });
    moves('nowhere', {}, { type: 'silence.leave' });
    expect(calls).toHaveLength(2);
  });
});
