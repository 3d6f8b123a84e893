// One generic compiler: scenario data -> an XState v5 machine. The machine decides only which buyer
// move comes next and which lines to say (as `say` actions naming a line group); the session step
// resolves variants with the seeded PRNG, paces them and scores replies. No persona is hand-written.
import { assign, createActor, initialTransition, setup } from 'xstate';
import type { ActorScope, ExecutableActionObject } from 'xstate';
import type { ActionKind, Attachment, Condition, Effect, LineSource, Scenario, StateDef } from '../scenario/schema.ts';
import type { Shop } from '../scenario/shopSchema.ts';
import type { Lexicon } from '../scenario/schema.ts';
import { compileLexicon } from '../analysis/index.ts';
import type { CompiledLexicon } from '../analysis/index.ts';
import { createRubric } from '../rubric/index.ts';
import type { Rubric } from '../rubric/index.ts';
import { memoizedMoves } from './machineMoves.ts';
import type { MachineMove } from './machineMoves.ts';
import { applyEffect, holds } from './vars.ts';
import type { Vars } from './vars.ts';

export interface Line {
  variants: string[];
  attachment?: Attachment;
}

/** Events the persona machine understands. Replies arrive already analysed into intents. */
export type MachineEvent =
  | { type: 'reply'; intents: string[] }
  | { type: 'action'; kind: ActionKind; product?: string }
  | { type: 'silence.nudge' }
  | { type: 'silence.leave' };

export interface Bundle {
  scenario: Scenario;
  shop: Shop;
  lexicon: Lexicon;
}

export interface CompiledScenario {
  scenario: Scenario;
  shop: Shop;
  /** global + scenario intents */
  lexicon: CompiledLexicon;
  rubric: Rubric;
  machine: PersonaMachine;
  /** line groups by key: `enter:<state>`, `on:<state>:<i>`, `always:<state>:<i>`, `nudge:<state>` */
  lines: ReadonlyMap<string, Line[]>;
  /** xstate's pure transition from a stored (state, variables), memoised: what a session step uses */
  move(value: string, context: Vars, event: MachineEvent): MachineMove;
  /** xstate's initialTransition(), computed once: a persona machine takes no input, so it never varies */
  start(): MachineMove;
}

interface TriggerParams {
  intents?: string[];
  kind?: ActionKind;
  product?: string;
  when?: Condition;
}

function makeMachine(scenario: Scenario) {
  const defs = scenario.variables;
  return setup({
    types: { context: {} as Vars, events: {} as MachineEvent },
    guards: {
      trigger: ({ context, event }, params: TriggerParams) => {
        if (params.intents && !(event.type === 'reply' && params.intents.some((i) => event.intents.includes(i)))) return false;
        if (params.kind && !(event.type === 'action' && event.kind === params.kind)) return false;
        if (params.product && !(event.type === 'action' && event.product === params.product)) return false;
        return holds(params.when, context);
      },
    },
    actions: {
      apply: assign(({ context }, params: { set: Effect }) => applyEffect(context, params.set, defs)),
      // Read from the pure transition result, never executed: the session step turns it into lines.
      say: (_args, _params: { key: string }) => undefined,
      entered: (_args, _params: { state: string }) => undefined,
    },
  });
}
type PersonaSetup = ReturnType<typeof makeMachine>;
export type PersonaMachine = ReturnType<PersonaSetup['createMachine']>;
export type PersonaSnapshot = ReturnType<PersonaMachine['resolveState']>;

/** xstate's pure transition(), without building a throw-away actor on every call. */
type Transition = (snapshot: PersonaSnapshot, event: MachineEvent) => [PersonaSnapshot, ExecutableActionObject[]];

/**
 * xstate's transition() creates an actor (and runs the initial transition) on every call to get an
 * actor scope: about 90 µs per reply. Persona machines spawn no children, so one inert scope per
 * compiled scenario, with a collecting action executor, gives the same pure result cheaply.
 */
function pureTransitioner(machine: PersonaMachine): Transition {
  const self = createActor(machine);
  let collected: ExecutableActionObject[] = [];
  const scope = {
    self,
    id: '',
    sessionId: '',
    logger: () => undefined,
    defer: () => undefined,
    emit: () => undefined,
    system: self.system,
    stopChild: () => undefined,
    actionExecutor: (action: ExecutableActionObject) => void collected.push(action),
  } as unknown as ActorScope<PersonaSnapshot, MachineEvent>;
  return (snapshot, event) => {
    collected = [];
    const next = machine.transition(snapshot, event, scope);
    return [next, collected];
  };
}

/** A transition's result, reduced to what a step reads, frozen because it is shared. */
function frozenMove(snapshot: PersonaSnapshot, actions: readonly ExecutableActionObject[]): MachineMove {
  return Object.freeze({
    value: String(snapshot.value),
    context: Object.freeze({ ...snapshot.context }),
    actions: Object.freeze(actions.map((a) => Object.freeze(a.params === undefined ? { type: a.type } : { type: a.type, params: a.params }))),
  });
}

function computeMove(machine: PersonaMachine, transition: Transition) {
  return (value: string, context: Vars, event: MachineEvent): MachineMove => {
    const [snapshot, actions] = transition(machine.resolveState({ value, context }), event);
    return frozenMove(snapshot, actions);
  };
}

export function normalizeLine(src: LineSource): Line {
  if (typeof src === 'string') return { variants: [src] };
  if (Array.isArray(src)) return { variants: src };
  return src.attachment ? { variants: src.variants, attachment: src.attachment } : { variants: src.variants };
}

function actionsFor(set: Effect | undefined, sayKey: string | undefined) {
  const list: ({ type: 'apply'; params: { set: Effect } } | { type: 'say'; params: { key: string } })[] = [];
  if (set) list.push({ type: 'apply', params: { set } });
  if (sayKey) list.push({ type: 'say', params: { key: sayKey } });
  return list;
}

export function effectiveSilence(scenario: Scenario, state: StateDef) {
  if (state.silence === false || state.outcome) return undefined;
  return { ...scenario.silence, ...(state.silence ?? {}) };
}

function stateConfig(scenario: Scenario, id: string, state: StateDef, lines: Map<string, Line[]>) {
  const remember = (key: string, src: LineSource[] | undefined): string | undefined => {
    if (!src) return undefined;
    lines.set(key, src.map(normalizeLine));
    return key;
  };
  const entry = [{ type: 'entered' as const, params: { state: id } }, ...actionsFor(undefined, remember(`enter:${id}`, state.say))];
  if (state.outcome) return { type: 'final' as const, entry };

  const reply: object[] = [];
  const action: object[] = [];
  (state.on ?? []).forEach((t, i) => {
    const params: TriggerParams = {};
    if (t.intent !== undefined) params.intents = Array.isArray(t.intent) ? t.intent : [t.intent];
    if (t.action !== undefined) params.kind = t.action;
    if (t.product !== undefined) params.product = t.product;
    if (t.when !== undefined) params.when = t.when;
    const def = {
      guard: { type: 'trigger' as const, params },
      actions: actionsFor(t.set, remember(`on:${id}:${i}`, t.say)),
      ...(t.goto ? { target: t.goto, reenter: true } : {}),
    };
    (t.action !== undefined ? action : reply).push(def);
  });
  const always = (state.always ?? []).map((a, i) => ({
    guard: { type: 'trigger' as const, params: { when: a.when } },
    actions: actionsFor(a.set, remember(`always:${id}:${i}`, a.say)),
    target: a.goto,
  }));
  const silence = effectiveSilence(scenario, state);
  const on: Record<string, unknown> = { reply, action };
  if (silence?.nudgeAfter !== undefined) on['silence.nudge'] = { actions: actionsFor(undefined, remember(`nudge:${id}`, silence.nudge)) };
  if (silence?.leave !== undefined) on['silence.leave'] = { target: silence.leave, reenter: true };
  return { entry, on, ...(always.length ? { always } : {}) };
}

export function compileScenario(bundle: Bundle): CompiledScenario {
  const { scenario, shop, lexicon } = bundle;
  const lines = new Map<string, Line[]>();
  const states: Record<string, object> = {};
  for (const [id, state] of Object.entries(scenario.states)) states[id] = stateConfig(scenario, id, state, lines);
  const machine = makeMachine(scenario).createMachine({
    id: scenario.id,
    initial: scenario.initial,
    context: () => {
      const vars: Vars = {};
      for (const [name, def] of Object.entries(scenario.variables)) vars[name] = def.initial;
      return vars;
    },
    // The generated config is validated by the checker; XState's config types cannot follow data.
    states: states as never,
  });
  const transition = pureTransitioner(machine);
  let first: MachineMove | undefined;
  return {
    scenario,
    shop,
    lexicon: compileLexicon({ ...lexicon.intents, ...scenario.intents }),
    rubric: createRubric(scenario),
    machine,
    lines,
    move: memoizedMoves(scenario, computeMove(machine, transition)),
    start: () => (first ??= frozenMove(...initialTransition(machine))),
  };
}
