// The rubric's running state and the shape every compiled rule shares. Progress is stored in the
// database and replayed, so it holds plain JSON only: null instead of undefined, no Maps or Sets,
// no functions. A rule's logic lives in its compiled form, never in the progress.
import type { LocalText, OutcomeKind, RuleCategory } from '../scenario/schema.ts';
import type { TurnRecord, VerdictValue } from './types.ts';

export interface RuleInfo {
  id: string;
  /** the short name a trainee sees; a scenario rule written without one has none */
  title?: LocalText;
  category: RuleCategory;
  weight: number;
  redLine: boolean;
  global: boolean;
  feedback: LocalText;
  modelReply?: LocalText;
}

/** Where one rule stands. `open` rules are settled by finalize. */
export interface RuleProgress {
  status: 'open' | 'pass' | 'fail';
  /** the rule has something to judge (its scope was reached, the buyer complained, ...) */
  reached: boolean;
  turn: number | null;
  messageId: string | null;
  evidence: string | null;
}

export interface RubricProgress {
  /** bumped if the shape changes, so an old stored progress is recognisable */
  v: 1;
  rules: Record<string, RuleProgress>;
  /** trainee turns seen (replies and actions) */
  turns: number;
  replies: number;
  /** replies that had a responseMs, and the running figures over them */
  timedReplies: number;
  responseMsSum: number;
  firstResponseMs: number | null;
  longestResponseMs: number | null;
  /** bare acknowledgements in a row, counted over replies only (actions do not break a run) */
  mechanicalRun: number;
}

/** Facts about the current turn that several rules need, computed once by the rubric. */
export interface TurnCtx {
  isFirstReply: boolean;
  isFirstTimedReply: boolean;
  /** the mechanical run including this turn */
  mechanicalRun: number;
}

/** Facts known at the end of a session. */
export interface EndCtx {
  replies: number;
  timedReplies: number;
  /** over the timed replies and a slow open wait (`unanswered.slow`) */
  avgResponseMs: number | null;
  offered: { unsafeLink: boolean; file: boolean };
  outcome: OutcomeKind | null;
  success: boolean;
  waited: { nudges: number; left: boolean };
  /** the buyer's wait still open at the end (EndContext.unanswered); `slow`: it counts as a slow response */
  unanswered: { waitMs: number; nudgeDue: boolean; slow: boolean } | null;
}

export interface Settled {
  verdict: VerdictValue;
  evidence?: string;
}

export interface CompiledRule {
  info: RuleInfo;
  /**
   * the rule's state after one turn; returns the same object when nothing changed. A state that is
   * decided and reached (as decide() leaves it) never changes: the rubric does not call step on it.
   * `unchanged`: a rule no turn can change (judged only at the end), left out of the turn loop.
   */
  step(state: RuleProgress, turn: TurnRecord, ctx: TurnCtx): RuleProgress;
  /** the verdict of a rule still open at the end */
  settle(state: RuleProgress, end: EndCtx): Settled;
}

/** The step of a rule that only settle() decides: no turn changes its state. */
export const unchanged = (state: RuleProgress): RuleProgress => state;

export const OPEN: RuleProgress = { status: 'open', reached: false, turn: null, messageId: null, evidence: null };

/** Decide a rule at this turn (only if still open: the first decision stands). */
export function decide(
  state: RuleProgress,
  status: 'pass' | 'fail',
  turn: TurnRecord,
  evidence: string | undefined,
): RuleProgress {
  if (state.status !== 'open') return state;
  return { status, reached: true, turn: turn.turn, messageId: turn.messageId, evidence: evidence ?? null };
}

export function markReached(state: RuleProgress): RuleProgress {
  return state.reached ? state : { ...state, reached: true };
}

/**
 * The rule states' object of initialProgress(), laid out once per rubric. An object given its keys
 * one by one, as initialProgress() builds it, is a hash table to V8 past a dozen keys, and copying
 * one (every turn that decides or reaches a rule copies `rules`) costs microseconds; a copy of this
 * layout is an ordinary object, and so is every copy made of it. Same keys, same order. Never
 * handed out: initialProgress() copies it.
 */
export function ruleStatesLayout(rules: readonly CompiledRule[]): Readonly<Record<string, RuleProgress>> {
  const states: Record<string, RuleProgress> = {};
  for (const r of rules) states[r.info.id] = OPEN;
  return { ...states };
}

export function initialProgress(rules: readonly CompiledRule[], layout: Readonly<Record<string, RuleProgress>> = ruleStatesLayout(rules)): RubricProgress {
  const states: Record<string, RuleProgress> = { ...layout };
  for (const r of rules) states[r.info.id] = { ...OPEN };
  return {
    v: 1,
    rules: states,
    turns: 0,
    replies: 0,
    timedReplies: 0,
    responseMsSum: 0,
    firstResponseMs: null,
    longestResponseMs: null,
    mechanicalRun: 0,
  };
}
