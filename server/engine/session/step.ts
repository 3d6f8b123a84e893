// The functional core of a practice session: step(state, event, now) -> {state, effects}.
// The runtime stores events and delivers effects; this file decides everything else.
import { analyzeText } from '../analysis/index.ts';
import { buyerQuestionBefore } from '../rubric/buyerQuestion.ts';
import type { Report, TurnRecord } from '../rubric/types.ts';
import type { ActionKind } from '../scenario/schema.ts';
import type { CompiledScenario, MachineEvent } from './compile.ts';
import { effectiveSilence } from './compile.ts';
import { beforeMove, followUpInto, isCrossed, movesBuyer, notePendingMove, seenMove } from './crossed.ts';
import { heldMove, heldSince, holdInto, holdsMove } from './holding.ts';
import type { MachineMove } from './machineMoves.ts';
import { complaintAnswered, own, remember, silenceWith } from './ownedState.ts';
import { repeatsEarlierReply } from './repeats.ts';
import { RULES_REVISION } from './rulesRevision.ts';
import { speakInto } from './speak.ts';
import type { SessionEffect, Message, Outcome, SessionEvent, SessionState, StepResult } from './types.ts';
import type { Scenario, StateDef } from '../scenario/schema.ts';
import { SessionError } from './types.ts';
import { successfulOutcomeKinds } from '../scenario/schema.ts';

/**
 * Trainee actions the buyer cannot see (revision 3): opening a link she sent happens on the
 * trainee's side only. A product card, a coupon, an accepted or declined file and a confirmed
 * address all show in her chat window, so they answer her like a reply.
 */
const UNSEEN_ACTIONS: ReadonlySet<ActionKind> = new Set<ActionKind>(['link-opened']);

export interface StartOptions {
  seed: number;
  now: number;
  /** 1 = human pacing, 0 = instant */
  speed?: number;
  /** the rubric revision to score by: a stored session's own; new sessions the latest */
  rulesRevision?: number;
}

export function startSession(compiled: CompiledScenario, opts: StartOptions): StepResult {
  const first = compiled.start();
  const base: SessionState = {
    scenario: compiled.scenario.id,
    version: compiled.scenario.version,
    seed: opts.seed >>> 0,
    rng: opts.seed >>> 0,
    speed: opts.speed ?? 1,
    rulesRevision: opts.rulesRevision ?? RULES_REVISION,
    startedAt: opts.now,
    // The move's variables, frozen and shared (machineMoves.ts keeps their key): plain data all the same.
    machine: { value: first.value, context: first.context },
    visit: 0,
    answeredVisit: 0,
    messages: [],
    recentReplies: [],
    turns: 0,
    lastBuyerAt: null,
    lastTraineeAt: null,
    silence: { stage: 'waiting', deadline: null },
    waited: { nudges: 0, left: false },
    complaint: { pending: false, quality: false },
    offered: { unsafeLink: false, file: false },
    openFileOffers: [],
    rubric: compiled.rubric.initial(),
    outcome: null,
    ended: false,
  };
  const effects: SessionEffect[] = [];
  const state = afterMachine(compiled, base, first, opts.now, effects, true);
  return { state, effects };
}

/** Apply one event at time `now`. Throws SessionError (and changes nothing) for impossible events. */
export function step(compiled: CompiledScenario, state: SessionState, event: SessionEvent, now: number): StepResult {
  if (state.ended) throw new SessionError('ended', 'the session has ended');
  const effects: SessionEffect[] = [];
  switch (event.type) {
    case 'tick':
      return { state: onTick(compiled, state, now, effects), effects };
    case 'end':
      return { state: endSession(compiled, state, now, effects, event.stoodStillAt), effects };
    case 'reply':
      return { state: onReply(compiled, state, event.text, now, effects), effects };
    default:
      return { state: onAction(compiled, state, event, now, effects), effects };
  }
}

export function sessionReport(compiled: CompiledScenario, state: SessionState): Report {
  return compiled.rubric.finalize(state.rubric, {
    outcome: state.outcome?.kind ?? null,
    success: state.outcome?.success ?? false,
    offered: state.offered,
    waited: state.waited,
    rulesRevision: state.rulesRevision,
    ...(state.unanswered === undefined ? {} : { unanswered: state.unanswered }),
  });
}

/** The time the runtime should wake this session with a tick, if any. */
export function nextDeadline(state: SessionState): number | null {
  return state.ended || state.outcome ? null : state.silence.deadline;
}

function onReply(compiled: CompiledScenario, state: SessionState, text: string, now: number, effects: SessionEffect[]): SessionState {
  if (text.trim() === '') throw new SessionError('empty-reply', 'a reply cannot be empty');
  const features = analyzeText(text);
  const intents = compiled.lexicon.match(features);
  const message = traineeMessage(state, now, text, undefined, undefined);
  const responseMs = responseTime(state, now);
  const holding = holdsMove(compiled, state, features, intents, now);
  const seen = holding ? heldMove(state) : seenMove(state, now);
  const turn: TurnRecord = {
    rulesRevision: state.rulesRevision,
    turn: state.turns + 1,
    messageId: message.id,
    state: seen.state,
    firstInState: seen.firstInState,
    afterComplaint: seen.afterComplaint,
    qualityComplaint: seen.qualityComplaint,
    reply: { features, intents, repeated: repeatsEarlierReply(state.recentReplies, features.normalized) },
  };
  if (responseMs !== undefined) turn.responseMs = responseMs;
  if (holding) turn.holding = true;
  const asked = buyerQuestionBefore(state.messages, now);
  if (asked !== undefined) turn.buyerAsked = asked;
  // The state this step builds: one copy of the input, filled in place (see own()).
  const draft = own(state);
  draft.recentReplies = remember(state.recentReplies, features.normalized);
  return traineeTurn(compiled, draft, message, turn, { type: 'reply', intents }, now, effects);
}

function onAction(
  compiled: CompiledScenario,
  state: SessionState,
  event: Exclude<SessionEvent, { type: 'reply' | 'tick' | 'end' }>,
  now: number,
  effects: SessionEffect[],
): SessionState {
  const draft = own(state);
  let message: Message;
  let unsafe = false;
  let product: string | undefined;
  switch (event.type) {
    case 'link-opened': {
      const target = state.messages.find((m) => m.id === event.messageId && m.from === 'buyer' && m.at <= now);
      const att = target?.attachment;
      if (!target || !att || (att.kind !== 'link' && att.kind !== 'product-link')) {
        throw new SessionError('no-such-link', `no link from the buyer in message ${event.messageId}`);
      }
      unsafe = att.kind === 'link' && att.unsafe;
      message = traineeMessage(state, now, '', undefined, { kind: event.type, target: target.id });
      break;
    }
    case 'file-accepted':
    case 'file-declined': {
      const target = event.messageId ?? state.openFileOffers.find((id) => isDelivered(state, id, now));
      if (!target || !state.openFileOffers.includes(target) || !isDelivered(state, target, now)) {
        throw new SessionError('no-file-offer', 'the buyer has not offered a file to answer');
      }
      draft.openFileOffers = state.openFileOffers.filter((id) => id !== target);
      message = traineeMessage(state, now, '', undefined, { kind: event.type, target });
      break;
    }
    case 'card-sent':
      if (!compiled.shop.products.some((p) => p.id === event.product)) {
        throw new SessionError('no-such-product', `the shop has no product "${event.product}"`);
      }
      product = event.product;
      message = traineeMessage(state, now, '', { kind: 'product-card', product }, undefined);
      break;
    case 'coupon-sent':
      if (!compiled.shop.coupons.some((c) => c.id === event.coupon)) {
        throw new SessionError('no-such-coupon', `the shop has no coupon "${event.coupon}"`);
      }
      product = event.coupon;
      message = traineeMessage(state, now, '', { kind: 'coupon', coupon: product }, undefined);
      break;
    case 'address-confirmed':
      message = traineeMessage(state, now, '', undefined, { kind: event.type });
      break;
  }
  const kind = event.type;
  const turn: TurnRecord = {
    rulesRevision: state.rulesRevision,
    turn: state.turns + 1,
    messageId: message.id,
    ...seenMove(state, now),
    action: { kind, unsafe, ...(product === undefined ? {} : { product }) },
  };
  const machineEvent: MachineEvent = product === undefined ? { type: 'action', kind } : { type: 'action', kind, product };
  return traineeTurn(compiled, draft, message, turn, machineEvent, now, effects);
}

/** `state`: the step's own copy (own()), changed in place and returned. */
function traineeTurn(
  compiled: CompiledScenario,
  state: SessionState,
  message: Message,
  turn: TurnRecord,
  machineEvent: MachineEvent,
  now: number,
  effects: SessionEffect[],
): SessionState {
  effects.push({ type: 'message', message });
  const scored = compiled.rubric.onTurn(state.rubric, turn);
  if (scored.verdicts.length > 0) effects.push({ type: 'verdicts', messageId: message.id, verdicts: scored.verdicts });
  // Revision 3: an action the buyer cannot see does not answer her. Her wait goes on: the silence
  // timer (stage and deadline), the line she waits on and the clock of the next reply stay as they
  // were. The machine still moves on it and the rules still judge it (a phishing link opened).
  const unseen = state.rulesRevision >= 3 && turn.action !== undefined && UNSEEN_ACTIONS.has(turn.action.kind);
  // Revision 4: a turn sent before the buyer's next line appears follows up the move the trainee saw.
  const crossed = !unseen && isCrossed(state, now);
  // Revision 5: a holding line (holding.ts) answers nothing yet; the buyer waits for the answer.
  const held = turn.holding === true;
  const visit = state.visit;
  const complaint = state.complaint;
  const hadOutcome = state.outcome;
  const { value, context } = state.machine;
  // recorded
  state.messages.push(message);
  state.turns = turn.turn;
  state.rubric = scored.progress;
  // answered
  if (unseen) {
    // as it was
  } else if (held) {
    holdInto(state, now);
  } else if (crossed) {
    followUpInto(state, now);
  } else {
    state.answeredVisit = visit;
    state.lastTraineeAt = now;
    state.silence = { stage: 'waiting', deadline: null };
    state.complaint = complaintAnswered(complaint);
  }
  if (hadOutcome || held) return setDeadline(compiled, state);
  if (crossed && machineEvent.type === 'reply' && !movesBuyer(compiled, state, machineEvent.intents)) return setDeadline(compiled, state);
  const move = compiled.move(value, context, machineEvent);
  return afterMachine(compiled, state, move, now, effects, false);
}

function onTick(compiled: CompiledScenario, state: SessionState, now: number, effects: SessionEffect[]): SessionState {
  let current = state;
  // A late tick may find both the nudge and the leave deadline passed; take them in order.
  for (let i = 0; i < 3; i++) {
    const deadline = nextDeadline(current);
    if (deadline === null || now < deadline) break;
    const silence = compiled.scenario.states[current.machine.value] ? silenceOf(compiled.scenario, current.machine.value) : effectiveSilence(compiled.scenario, {});
    const nudge = current.silence.stage === 'waiting' && silence?.nudgeAfter !== undefined;
    const move = compiled.move(current.machine.value, current.machine.context, { type: nudge ? 'silence.nudge' : 'silence.leave' });
    const waited = nudge ? { ...current.waited, nudges: current.waited.nudges + 1 } : { ...current.waited, left: true };
    const since = current.rulesRevision >= 2 ? (current.silence.since ?? awaitedLineAt(current) ?? heldSince(current)) : undefined;
    const moved = current === state ? own(state) : current;
    moved.waited = waited;
    moved.silence = since === undefined ? { stage: 'nudged', deadline: null } : { stage: 'nudged', deadline: null, since };
    // Act at the deadline itself, as if the timer had fired on time: a late wake-up (a restart) replays the same.
    current = afterMachine(compiled, moved, move, deadline, effects, false);
    if (!nudge && !current.outcome) break;
  }
  return current;
}

function endSession(compiled: CompiledScenario, state: SessionState, now: number, effects: SessionEffect[], stoodStillAt?: number): SessionState {
  const unanswered = state.rulesRevision >= 3 ? openWait(compiled, state, Math.min(now, stoodStillAt ?? now)) : undefined;
  // Buyer lines not yet due were never seen by the trainee: they are not part of the chat.
  const ended: SessionState = {
    ...state,
    messages: state.messages.filter((m) => m.at <= now),
    ended: true,
    silence: { ...state.silence, deadline: null },
    ...(unanswered === undefined ? {} : { unanswered }),
  };
  effects.push({ type: 'ended', report: sessionReport(compiled, ended) });
  return ended;
}

/**
 * Revision 3: the wait of a buyer still waiting for an answer when the chat ends (the trainee closed
 * it, or a drill's time ran out), measured as a reply at `now` would have been (from the line she
 * waits on, not from a nudge); and whether it reached the time this move makes her nudge (or leave,
 * with no nudge), so the rubric can judge it as if she had. None once the buyer reached an ending.
 */
function openWait(compiled: CompiledScenario, state: SessionState, now: number): SessionState['unanswered'] {
  if (state.outcome) return undefined;
  // A live session acts at its silence deadline (a tick), so an end that comes later found a
  // session whose clock stood still and did not say since when (a removed drill seat rebuilt on
  // another node): the buyer did not wait on through that time, and nothing counts.
  if (state.silence.deadline !== null && now > state.silence.deadline) return undefined;
  const waitMs = responseTime(state, now);
  if (waitMs === undefined || waitMs <= 0) return undefined;
  const def = compiled.scenario.states[state.machine.value];
  const silence = def ? effectiveSilence(compiled.scenario, def) : undefined;
  const afterSec = silence?.nudgeAfter ?? (silence?.leave ? silence.leaveAfter : undefined);
  return { waitMs, nudgeDue: afterSec !== undefined && waitMs >= afterSec * 1000 };
}

/**
 * Turn the machine's pure transition result into buyer lines, outcome and the next deadline.
 * `state`: a state this step owns (own(), or a new one): changed in place; the result may be a copy.
 */
function afterMachine(
  compiled: CompiledScenario,
  state: SessionState,
  move: MachineMove,
  now: number,
  effects: SessionEffect[],
  initial: boolean,
): SessionState {
  const before = initial ? undefined : beforeMove(state, now);
  const hadOutcome = state.outcome;
  let next = state;
  next.machine = { value: move.value, context: move.context };
  const spokenFrom = effects.length;
  speakInto(compiled, next, move.actions, now, effects, initial);
  if (before !== undefined) next = notePendingMove(before, next, effects, spokenFrom, now);
  const def = compiled.scenario.states[next.machine.value];
  if (def?.outcome && !hadOutcome) {
    const { kind, label, success } = def.outcome;
    const outcome: Outcome = { kind, state: next.machine.value, success: success ?? successfulOutcomeKinds.includes(kind) };
    if (label) outcome.label = label;
    next.outcome = outcome;
    effects.push({ type: 'outcome', outcome });
  }
  return setDeadline(compiled, next);
}

type Silence = ReturnType<typeof effectiveSilence>;
/** effectiveSilence() of each state, per scenario: the same on every step. */
const silences = new WeakMap<Scenario, Map<string, Silence>>();

function silenceOf(scenario: Scenario, value: string): Silence {
  let known = silences.get(scenario);
  if (known === undefined) {
    known = new Map();
    silences.set(scenario, known);
  }
  if (known.has(value)) return known.get(value);
  const def: StateDef | undefined = scenario.states[value];
  const silence = def ? effectiveSilence(scenario, def) : undefined;
  known.set(value, silence);
  return silence;
}

/** The state with its silence deadline set for the move it is in (none once there is an outcome). */
export function withDeadline(compiled: CompiledScenario, state: SessionState): SessionState {
  return setDeadline(compiled, { ...state });
}

/** withDeadline() on a state the step owns: set in place. */
function setDeadline(compiled: CompiledScenario, state: SessionState): SessionState {
  const silence = silenceOf(compiled.scenario, state.machine.value);
  if (!silence || state.outcome) {
    state.silence = silenceWith(state.silence, null);
    return state;
  }
  const base = Math.max(state.lastBuyerAt ?? state.startedAt, state.lastTraineeAt ?? state.startedAt);
  const waiting = state.silence.stage === 'waiting';
  const afterSec = waiting ? (silence.nudgeAfter ?? (silence.leave ? silence.leaveAfter : undefined)) : silence.leave ? silence.leaveAfter : undefined;
  state.silence = silenceWith(state.silence, afterSec === undefined ? null : base + afterSec * 1000);
  return state;
}

function traineeMessage(state: SessionState, now: number, text: string, attachment: Message['attachment'], action: Message['action']): Message {
  const message: Message = { id: `m${state.messages.length + 1}`, from: 'trainee', text, at: now };
  if (attachment) message.attachment = attachment;
  if (action) message.action = action;
  return message;
}

function isDelivered(state: SessionState, id: string, now: number): boolean {
  return state.messages.some((m) => m.id === id && m.at <= now);
}

/** The due time of the buyer's last line if it still waits for an answer (the trainee has not spoken since). */
function awaitedLineAt(state: SessionState): number | undefined {
  const { lastBuyerAt, lastTraineeAt } = state;
  return lastBuyerAt !== null && (lastTraineeAt === null || lastBuyerAt >= lastTraineeAt) ? lastBuyerAt : undefined;
}

/**
 * Time since the buyer line being answered; undefined if the buyer has not spoken since the last
 * turn. Lines the buyer sent only because nobody answered (a nudge, a parting line) do not restart
 * the clock: the wait counts from the line they were waiting on.
 */
function responseTime(state: SessionState, now: number): number | undefined {
  if (state.silence.since !== undefined) return now - state.silence.since;
  for (let i = state.messages.length - 1; i >= 0; i--) {
    const m = state.messages[i];
    if (!m || m.from !== 'buyer' || m.at > now) continue;
    if (state.lastTraineeAt !== null && m.at < state.lastTraineeAt) return undefined;
    return now - m.at;
  }
  return undefined;
}
