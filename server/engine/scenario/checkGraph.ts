// Shape checks over the buyer's state graph (edges: goto of on/always and silence.leave, guards
// ignored): every move is reachable, every chat can end, terminal moves are really terminal, an
// ignored buyer eventually leaves, and rules watch moves and actions that can actually happen.
import { asList, forEachAttachment, isTerminal } from './checkWalk.ts';
import type { Reporter } from './checkWalk.ts';
import { eachCheck, ruleCheckKeys } from './schema.ts';
import type { Scenario, SilenceDef, StateDef } from './schema.ts';

/** The silence settings in force in a state (state-level entries override the scenario's). */
function silenceOf(s: Scenario, state: StateDef): SilenceDef | undefined {
  if (state.silence === false || isTerminal(state)) return undefined;
  return { ...s.silence, ...(state.silence ?? {}) };
}

function successors(s: Scenario, state: StateDef): string[] {
  const out: string[] = [];
  for (const t of state.on ?? []) if (t.goto !== undefined) out.push(t.goto);
  for (const t of state.always ?? []) out.push(t.goto);
  const leave = silenceOf(s, state)?.leave;
  if (leave !== undefined) out.push(leave);
  return out.filter((to) => to in s.states);
}

function closure(starts: readonly string[], next: (id: string) => readonly string[]): Set<string> {
  const seen = new Set<string>(starts);
  const queue = [...starts];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const to of next(id)) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}

function checkTerminal(id: string, state: StateDef, r: Reporter): void {
  const base = ['states', id];
  if ((state.on?.length ?? 0) > 0) r.at([...base, 'on'], `state "${id}" has an outcome, so it is terminal: it cannot have on transitions`);
  if ((state.always?.length ?? 0) > 0) r.at([...base, 'always'], `state "${id}" has an outcome, so it is terminal: it cannot have always transitions`);
  if (typeof state.silence === 'object') r.at([...base, 'silence'], `state "${id}" has an outcome, so it is terminal: the buyer does not nudge or leave any more (remove silence)`);
}

function checkSilence(s: Scenario, id: string, state: StateDef, r: Reporter): void {
  const silence = silenceOf(s, state);
  if (!silence) return;
  const base = ['states', id];
  if (silence.leave === undefined) {
    r.atKey(base, `state "${id}": the buyer never leaves when ignored: set silence.leave here or at the scenario level, or write silence: false if waiting forever is intended`);
  } else if (silence.leaveAfter === undefined) {
    r.atKey(base, `state "${id}": silence.leave is set but silence.leaveAfter is not, so the buyer never leaves when ignored`);
  }
  if (silence.nudge !== undefined && silence.nudgeAfter === undefined) {
    r.atKey(base, `state "${id}": silence.nudge lines are never said without silence.nudgeAfter`);
  }
}

function checkAlways(id: string, state: StateDef, r: Reporter): void {
  state.always?.forEach((t, i) => {
    if (t.goto === id) r.at(['states', id, 'always', i, 'goto'], `an always transition back to its own state "${id}" would loop for as long as its guard holds`);
  });
}

/** Which trainee actions can happen at all, given the attachments buyers send. */
function possibleActions(s: Scenario): Set<string> {
  const possible = new Set<string>(['card-sent', 'coupon-sent', 'address-confirmed']);
  forEachAttachment(s, (a) => {
    if (a.kind === 'link' && a.unsafe) possible.add('link-opened');
    if (a.kind === 'file') {
      possible.add('file-accepted');
      possible.add('file-declined');
    }
  });
  return possible;
}

const ACTION_NEEDS: Record<string, string> = {
  'link-opened': 'a buyer line with an unsafe link attachment',
  'file-accepted': 'a buyer line with a file attachment',
  'file-declined': 'a buyer line with a file attachment',
};

function checkRulesCanFire(s: Scenario, reachable: ReadonlySet<string>, r: Reporter): void {
  const possible = possibleActions(s);
  s.rubric.rules.forEach((rule, i) => {
    const base = ['rubric', 'rules', i];
    const kind = rule.redLine ? 'red-line rule' : 'rule';
    if (typeof rule.scope === 'object') {
      const key = 'state' in rule.scope ? 'state' : 'replyTo';
      const scoped = 'state' in rule.scope ? rule.scope.state : rule.scope.replyTo;
      // a list of states fires if any of them is reached (a missing one is checkStateRefs' to report)
      const targets = asList(scoped);
      const target = targets[0];
      if (target !== undefined && s.initial in s.states && targets.every((t) => t in s.states && !reachable.has(t))) {
        r.at([...base, 'scope', key], `${kind} "${rule.id}" can never fire: state "${target}" is never reached`);
      }
    }
    for (const key of ruleCheckKeys) {
      for (const [check, at] of eachCheck(rule[key])) {
        if (check.action !== undefined && !possible.has(check.action)) {
          r.at([...base, key, ...at, 'action'], `${kind} "${rule.id}" can never fire: action ${check.action} needs ${ACTION_NEEDS[check.action] ?? 'something the scenario never offers'}`);
        }
      }
    }
  });
}

export function checkGraph(s: Scenario, r: Reporter): void {
  const ids = Object.keys(s.states);
  const outcomes = ids.filter((id) => isTerminal(s.states[id] ?? {}));
  if (outcomes.length === 0) r.atKey(['states'], 'no state has an outcome: every scenario needs at least one ending');
  const noWayOut = new Set<string>();
  for (const [id, state] of Object.entries(s.states)) {
    if (isTerminal(state)) {
      checkTerminal(id, state, r);
      continue;
    }
    checkSilence(s, id, state, r);
    checkAlways(id, state, r);
    if (!successors(s, state).some((to) => to !== id)) {
      noWayOut.add(id);
      r.atKey(['states', id], `state "${id}" has no way out: add an outcome, a transition with goto, or silence.leave`);
    }
  }
  const reachable = s.initial in s.states ? closure([s.initial], (id) => successors(s, s.states[id] ?? {})) : new Set<string>();
  const predecessors = new Map<string, string[]>();
  for (const [id, state] of Object.entries(s.states)) {
    for (const to of successors(s, state)) predecessors.set(to, [...(predecessors.get(to) ?? []), id]);
  }
  const canEnd = closure(outcomes, (id) => predecessors.get(id) ?? []);
  if (s.initial in s.states) {
    for (const id of ids) {
      if (!reachable.has(id)) r.atKey(['states', id], `state "${id}" is never reached from the initial state "${s.initial}"`);
      else if (!canEnd.has(id) && !noWayOut.has(id) && outcomes.length > 0) {
        r.atKey(['states', id], `no outcome can be reached from state "${id}": the chat gets stuck in a loop without an ending`);
      }
    }
  }
  checkRulesCanFire(s, reachable, r);
}
