// Model-based tests of compiled persona machines: pure transition() calls, and bounded path
// search with xstate/graph over abstract events (intents, actions, silence).
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { personaEvents } from '../../../server/engine/session/personaEvents.ts';
import type { MachineEvent } from '../../../server/engine/session/compile.ts';
import { compiled } from './fixture.ts';

const c = compiled();
// The generated machine's event type is wide; keep test events honest against the real union.
const ev = (e: MachineEvent) => e;
const serialize = (s: { value: unknown; context: unknown }) => `${JSON.stringify(s.value)}|${JSON.stringify(s.context)}`;

describe('compiled machine, pure transitions', () => {
  it('starts in the initial move with the initial variables', () => {
    const [s] = initialTransition(c.machine);
    expect(s.value).toBe('ask');
    expect(s.context).toEqual({ patience: 2 });
  });

  it('takes the first matching transition in file order', () => {
    const [s0] = initialTransition(c.machine);
    const [s1] = transition(c.machine, s0, ev({ type: 'reply', intents: ['give-discount', 'refuse-discount'] }));
    expect(s1.value).toBe('bought-cheap');
    expect(s1.status).toBe('done');
  });

  it('applies effects within bounds and evaluates guards', () => {
    const [s0] = initialTransition(c.machine);
    const [s1] = transition(c.machine, s0, ev({ type: 'reply', intents: ['refuse-discount'] }));
    expect(s1.value).toBe('link');
    expect(s1.context).toEqual({ patience: 1 });
    const [s2] = transition(c.machine, s1, ev({ type: 'reply', intents: [] }));
    expect(s2.value).toBe('gone');
  });

  it('emits say actions naming line groups, which the session resolves', () => {
    const [s0] = initialTransition(c.machine);
    const [, actions] = transition(c.machine, s0, ev({ type: 'reply', intents: [] }));
    expect((actions as { type: string; params?: unknown }[]).filter((a) => a.type === 'say').map((a) => (a.params as { key: string }).key)).toEqual(['on:ask:3']);
    expect(c.lines.get('on:ask:3')?.[0]?.variants).toHaveLength(2);
  });

  it('a restored snapshot behaves like the live one', () => {
    const [s0] = initialTransition(c.machine);
    const [s1] = transition(c.machine, s0, ev({ type: 'reply', intents: ['refuse-discount'] }));
    const restored = c.machine.resolveState({ value: 'link', context: { patience: 1 } });
    const next = (s: typeof s1) => transition(c.machine, s, ev({ type: 'action', kind: 'link-opened' }))[0].value;
    expect(next(restored)).toBe(next(s1));
  });
});

describe('bounded path search', () => {
  const paths = getShortestPaths(c.machine, { events: (s) => personaEvents(c, String(s.value)), serializeState: serialize, limit: 5000 });
  const reached = new Set(paths.map((p) => String(p.state.value)));

  it('reaches every state', () => {
    expect([...reached].sort()).toEqual(Object.keys(c.scenario.states).sort());
  });

  it('reaches every outcome, and every outcome path ends in a final state', () => {
    const outcomes = Object.entries(c.scenario.states).filter(([, s]) => s.outcome).map(([id]) => id);
    for (const id of outcomes) {
      const path = paths.find((p) => p.state.value === id);
      expect(path?.state.status, id).toBe('done');
    }
  });
});
