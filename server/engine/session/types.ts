// Session state, events and effects. The state is plain JSON: the runtime stores it (or rebuilds it
// by replaying the event log), and (scenario version, seed, events) always give the same state.
import type { ActionKind, Attachment, LocalText, OutcomeKind } from '../scenario/schema.ts';
import type { Report, Verdict } from '../rubric/types.ts';
import type { RubricProgress } from '../rubric/index.ts';
import type { Vars } from './vars.ts';

/** An attachment as sent: buyer attachments from the scenario, or a trainee's card / coupon. */
export type SentAttachment =
  | Attachment
  | { kind: 'product-card'; product: string }
  | { kind: 'coupon'; coupon: string };

export interface Message {
  /** `m1`, `m2`, ... in transcript order */
  id: string;
  from: 'buyer' | 'trainee';
  text: string;
  /** ms (the runtime's clock); for buyer lines, the time the line is due to appear */
  at: number;
  /** for buyer lines, when the typing indicator starts */
  typingAt?: number;
  attachment?: SentAttachment;
  /** trainee actions that are not messages: opening a link, answering a file offer */
  action?: { kind: ActionKind; target?: string };
}

export interface Outcome {
  kind: OutcomeKind;
  state: string;
  /** the scenario counts this ending as the buyer served well */
  success: boolean;
  label?: LocalText;
}

export interface SessionState {
  scenario: string;
  version: number;
  seed: number;
  rng: number;
  speed: number;
  /** the rubric revision the session is scored by (rulesRevision.ts) */
  rulesRevision: number;
  startedAt: number;
  machine: { value: string; context: Vars };
  /** incremented each time the buyer enters a state, so the rubric knows a move's first reply */
  visit: number;
  answeredVisit: number;
  messages: Message[];
  /** the trainee's latest replies, normalised, to spot a repeated reply without re-normalising the chat */
  recentReplies: string[];
  turns: number;
  /** due time of the last buyer line, and of the last trainee turn */
  lastBuyerAt: number | null;
  lastTraineeAt: number | null;
  /**
   * `since`: set when the buyer nudges or leaves while waiting for an answer: the due time of the
   * line they were waiting on, which a nudge (在吗?) does not replace as the start of the wait.
   */
  silence: { stage: 'waiting' | 'nudged'; deadline: number | null; since?: number };
  /** how often the buyer nudged because nobody answered, and whether it gave up waiting */
  waited: { nudges: number; left: boolean };
  complaint: { pending: boolean; quality: boolean };
  offered: { unsafeLink: boolean; file: boolean };
  /** message ids of file offers not yet answered */
  openFileOffers: string[];
  rubric: RubricProgress;
  outcome: Outcome | null;
  ended: boolean;
  /**
   * Revision 4: the buyer's answer to the trainee's last turn entered a new move (`visit`) whose
   * first line is not on screen until `shownAt`. Until then the trainee still sees `seen`, the move
   * before it, and a turn they send is a follow-up to that move (crossed messages), not an answer
   * to a question they have not read.
   */
  pendingMove?: {
    visit: number;
    shownAt: number;
    seen: SeenMove;
    /**
     * A crossed turn that moved the buyer again: the earlier answers still unseen, in the order
     * they appear. Until `earlier[0].shownAt` the trainee sees `earlier[0].seen`, and so on.
     */
    earlier?: { shownAt: number; seen: SeenMove }[];
  };
  /**
   * Set at the end (rubric revision 3) when the buyer was still waiting for an answer: how long
   * (ms, from the line she waits on) and whether that reached the move's nudge time.
   */
  unanswered?: { waitMs: number; nudgeDue: boolean };
  /**
   * Revision 5: holding lines (analysis/holdingLine.ts) the trainee sent in move `visit` before
   * answering it; the buyer waits through at most HOLDING_LINES_PER_MOVE of them.
   */
  held?: { visit: number; count: number };
}

/** The buyer move a trainee turn answers, and how it stood, as the rubric reads it (TurnRecord). */
export interface SeenMove {
  state: string;
  firstInState: boolean;
  afterComplaint: boolean;
  qualityComplaint: boolean;
}

export type SessionEvent =
  | { type: 'reply'; text: string }
  | { type: 'link-opened'; messageId: string }
  | { type: 'file-accepted'; messageId?: string }
  | { type: 'file-declined'; messageId?: string }
  | { type: 'card-sent'; product: string }
  | { type: 'coupon-sent'; coupon: string }
  | { type: 'address-confirmed' }
  | { type: 'tick' }
  /**
   * `stoodStillAt`: the chat stood still from then (a drill seat the trainer removed): a wait still
   * open is measured up to it, not to the end (revision 3).
   */
  | { type: 'end'; stoodStillAt?: number };

export type SessionEffect =
  | { type: 'message'; message: Message }
  | { type: 'verdicts'; messageId: string; verdicts: Verdict[] }
  | { type: 'outcome'; outcome: Outcome }
  | { type: 'ended'; report: Report };

export interface StepResult {
  state: SessionState;
  effects: SessionEffect[];
}

export type SessionErrorCode = 'ended' | 'empty-reply' | 'no-such-link' | 'no-file-offer' | 'no-such-product' | 'no-such-coupon';

/** A trainee event that is impossible at this point; nothing changes. */
export class SessionError extends Error {
  constructor(
    readonly code: SessionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SessionError';
  }
}
