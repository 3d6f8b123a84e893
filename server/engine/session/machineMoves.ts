// The persona machine's transitions as a memo. A move depends only on the buyer state, the
// variables and the part of the event the state's guards read: which of the intents its reply
// transitions name are present (nothing else about a reply), the action kind and product, or the
// silence kind. Restoring a snapshot and running xstate's macrostep cost a sixth of a step; the
// same (state, variables, event) comes back again and again, so each is computed once, through
// xstate itself, and replayed from the memo after that.
import type { Scenario } from '../scenario/schema.ts';
import type { MachineEvent } from './compile.ts';
import type { Vars } from './vars.ts';

/** A transition's outcome, as the session step reads it. */
export interface MachineMove {
  value: string;
  context: Vars;
  /** the `entered` / `say` (and assign) actions, in order: only `type` and `params` are kept */
  actions: readonly { type: string; params?: unknown }[];
}

/** The machine's own event type (a type-only import: no runtime cycle with compile.ts). */
type MoveEvent = MachineEvent;

/**
 * Distinct (state, variables, event) keys kept per scenario. Variables are bounded and guards
 * read few intents, so a persona has few reachable keys; the bound only guards against a scenario
 * with many variables (a miss costs what every transition used to cost).
 */
const MOVE_CACHE_LIMIT = 4096;

/** Names and values in order, told apart exactly (JSON would print NaN and Infinity as null). */
function varsKey(vars: Vars): string {
  let key = '';
  for (const name in vars) {
    const v = vars[name];
    key += `${name}\u0002${Object.is(v, -0) ? '-0' : String(v)}\u0003`;
  }
  return key;
}

/**
 * varsKey() of frozen variables, kept: a move's variables are frozen and the session state holds
 * them as they are (a state's variables are those of the move that led to it), so a step finds the
 * key of its state's variables here. Variables that are not frozen (a state read back from storage,
 * or built by hand) could change: their key is computed every time.
 */
const frozenKeys = new WeakMap<Vars, string>();

function contextKey(vars: Vars): string {
  if (!Object.isFrozen(vars)) return varsKey(vars);
  let key = frozenKeys.get(vars);
  if (key === undefined) {
    key = varsKey(vars);
    frozenKeys.set(vars, key);
  }
  return key;
}

/** `compute` runs xstate on a cache miss; the memo is per compiled scenario. */
export function memoizedMoves(
  scenario: Scenario,
  compute: (value: string, context: Vars, event: MoveEvent) => MachineMove,
): (value: string, context: Vars, event: MoveEvent) => MachineMove {
  // Per state: the intents its reply transitions test, in definition order.
  const tested = new Map<string, readonly string[]>();
  for (const [id, state] of Object.entries(scenario.states)) {
    const intents: string[] = [];
    for (const t of state.on ?? []) {
      if (t.intent === undefined) continue;
      for (const i of Array.isArray(t.intent) ? t.intent : [t.intent]) if (!intents.includes(i)) intents.push(i);
    }
    tested.set(id, intents);
  }
  // By state, then variables, then event: the keys are strings met before (their hashes kept),
  // not one string built and hashed anew on every step.
  const memo = new Map<string, Map<string, Map<string, MachineMove>>>();
  let size = 0;

  const eventKey = (value: string, event: MoveEvent): string => {
    switch (event.type) {
      case 'reply': {
        let key = 'r';
        for (const i of tested.get(value) ?? []) if (event.intents.includes(i)) key += `\u0001${i}`;
        return key;
      }
      case 'action':
        return event.product === undefined ? `a\u0001${event.kind}` : `a\u0001${event.kind}\u0001${event.product}`;
      case 'silence.nudge':
      case 'silence.leave':
        return event.type;
      default: {
        // A new event kind must say here which of its parts the guards read, or moves would be
        // replayed for events that differ: this fails to compile until it does.
        const unhandled: never = event;
        return unhandled;
      }
    }
  };

  return (value, context, event) => {
    // A state the scenario does not define is xstate's business (it throws): never memoised.
    if (!tested.has(value)) return compute(value, context, event);
    const vars = contextKey(context);
    const key = eventKey(value, event);
    const known = memo.get(value)?.get(vars)?.get(key);
    if (known !== undefined) return known;
    const move = compute(value, context, event);
    if (size >= MOVE_CACHE_LIMIT) {
      memo.clear();
      size = 0;
    }
    let byVars = memo.get(value);
    if (byVars === undefined) {
      byVars = new Map();
      memo.set(value, byVars);
    }
    let byEvent = byVars.get(vars);
    if (byEvent === undefined) {
      byEvent = new Map();
      byVars.set(vars, byEvent);
    }
    byEvent.set(key, move);
    size++;
    return move;
  };
}
