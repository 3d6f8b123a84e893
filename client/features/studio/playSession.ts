// A multi-turn play-test, driven by the pure engine in the browser: start at any buyer move with
// chosen variables, then reply, stay silent or act (playAction.ts) turn after turn while the state,
// the variables and the rubric carry over exactly as in a real session (buyer lines instant, 3 s per
// reply or action). Each turn records what the trainer needs to see: normalised text, intents with
// negations, the verdicts it fired, where the buyer went and what it said.
import { analyzeText, nextDeadline, SessionError, sessionAt, step, THINK_MS, withDeadline } from '../../../server/engine/index.ts';
import type { Attachment, CompiledScenario, EmbeddedTest, LocalText, Message, Outcome, SessionEffect, SessionEvent, SessionState, Verdict } from '../../../server/engine/index.ts';
import type { IntentExplanation } from '../../../server/engine/analysis/index.ts';
import { initialVars, playReply, testFrom } from './playtest.ts';
import type { Vars } from './playtest.ts';

/** The think time of every reply, as in an embedded test: timeliness rules never interfere. */

export interface PlayStart {
  at: string;
  vars: Vars;
}

/** A trainee action other than typing, as the engine takes it (the trainee chat's buttons). */
export type TraineeAction = Exclude<SessionEvent, { type: 'reply' | 'tick' | 'end' }>;

/** A buyer line as the play-test shows it: its message id lets the trainer act on its link or file. */
export interface BuyerLine {
  id: string;
  text: string;
  attachment?: Attachment;
}

export interface PlayTurn {
  kind: 'reply' | 'silence' | 'action';
  /** the buyer move and variables the turn started from */
  at: string;
  varsBefore: Vars;
  /** the trainee's text (replies only) */
  reply?: string;
  normalized?: string;
  intents?: IntentExplanation[];
  /** how long the trainee stayed silent (silence only) */
  waitedMs?: number;
  /** what the trainee did (actions only), and what it was done to: a link's address, a file's name, a product or coupon's name */
  action?: TraineeAction;
  subject?: LocalText | string;
  verdicts: Verdict[];
  next: string;
  vars: Vars;
  buyerLines: BuyerLine[];
  /** the ending this turn reached, if any */
  outcome: Outcome | null;
}

export interface PlaySession {
  start: PlayStart;
  state: SessionState;
  now: number;
  /** what the buyer said on arriving at the start move */
  opening: BuyerLine[];
  turns: PlayTurn[];
}

export function startPlay(compiled: CompiledScenario, start: PlayStart): PlaySession {
  const placed = sessionAt(compiled, start.at, start.vars);
  // sessionAt arms no timer for the move it places the buyer in (an embedded test replies at once,
  // and a scenario's nudge may come sooner than that); a play-test may stay silent from there, so
  // arm that move's own nudge or leave deadline the way a step does.
  const state = withDeadline(compiled, { ...placed, silence: { stage: 'waiting', deadline: null } });
  return { start, state, now: placed.lastBuyerAt ?? 0, opening: buyerLines(placed.messages), turns: [] };
}

/** Whether the buyer would do anything if the trainee stayed silent now (nudge or leave). */
export function canWait(session: PlaySession): boolean {
  return nextDeadline(session.state) !== null;
}

export function isOver(session: PlaySession): boolean {
  return session.state.outcome !== null || session.state.ended;
}

/** When the trainee's next reply or action lands: THINK_MS after the buyer's last line, as in an embedded test. */
export function traineeTime(session: PlaySession): number {
  return Math.max(session.now, session.state.lastBuyerAt ?? 0) + THINK_MS;
}

/** The trainee replies THINK_MS after the buyer's last line. Throws SessionError for an empty reply. */
export function playTurn(compiled: CompiledScenario, session: PlaySession, reply: string): PlaySession {
  const now = traineeTime(session);
  const before = session.state;
  const { state, effects } = step(compiled, before, { type: 'reply', text: reply }, now);
  const features = analyzeText(reply);
  const turn: PlayTurn = {
    kind: 'reply',
    ...turnRecord(before, state, effects),
    reply,
    normalized: features.normalized,
    intents: compiled.lexicon.explain(features).filter((e) => e.matched || e.vetoedBy !== undefined || e.hits.length > 0),
  };
  return { ...session, state, now, turns: [...session.turns, turn] };
}

/** The trainee says nothing until the buyer's next deadline (a nudge, or leaving). */
export function playSilence(compiled: CompiledScenario, session: PlaySession): PlaySession {
  const deadline = nextDeadline(session.state);
  if (deadline === null) throw new SessionError('ended', 'the buyer waits here without a deadline');
  const before = session.state;
  const now = Math.max(session.now, deadline);
  const { state, effects } = step(compiled, before, { type: 'tick' }, now);
  const turn: PlayTurn = { kind: 'silence', ...turnRecord(before, state, effects), waitedMs: now - session.now };
  return { ...session, state, now, turns: [...session.turns, turn] };
}

/** One reply of the exchange as an embedded test: the test format holds one reply, played from its move. */
export function testFromTurn(compiled: CompiledScenario, turn: PlayTurn, kind: 'golden' | 'bad', name?: string): EmbeddedTest {
  if (turn.kind !== 'reply' || turn.reply === undefined) throw new Error('only a reply can become a test');
  // Expectations come from the reply played alone from that move, exactly as check:scenarios runs
  // it: earlier turns of the exchange can change a verdict (a greeting, a repeat), the test cannot.
  const alone = playReply(compiled, turn.at, turn.varsBefore, turn.reply);
  return testFrom(kind, turn.at, turn.varsBefore, initialVars(compiled), turn.reply, alone, name);
}

/** What every kind of turn records: the rules fired, where the buyer went, the variables and the buyer's lines. */
export function turnRecord(before: SessionState, after: SessionState, effects: SessionEffect[]) {
  return {
    at: before.machine.value,
    varsBefore: { ...before.machine.context },
    verdicts: effects.flatMap((e) => (e.type === 'verdicts' ? e.verdicts.filter((v) => v.verdict !== 'n/a') : [])),
    next: after.machine.value,
    vars: { ...after.machine.context },
    buyerLines: buyerLines(effects.flatMap((e) => (e.type === 'message' ? [e.message] : []))),
    outcome: before.outcome === null ? after.outcome : null,
  };
}

function buyerLines(messages: readonly Message[]): BuyerLine[] {
  return messages
    .filter((m) => m.from === 'buyer' && (m.text !== '' || m.attachment))
    .map((m) => ({ id: m.id, text: m.text, ...(m.attachment && isBuyerAttachment(m.attachment) ? { attachment: m.attachment } : {}) }));
}

/** Buyers send scenario attachments; product cards and coupons only ever come from the trainee. */
function isBuyerAttachment(a: NonNullable<Message['attachment']>): a is Attachment {
  return a.kind !== 'product-card' && a.kind !== 'coupon';
}
