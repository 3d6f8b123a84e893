// The rubric's inputs (one record per trainee turn) and outputs (verdicts, the report).
import type { ActionKind, LocalText, OutcomeKind, RuleCategory } from '../scenario/schema.ts';
import type { TextFeatures } from '../analysis/types.ts';

export type VerdictValue = 'pass' | 'fail' | 'n/a';

/** One trainee turn as the rubric sees it. */
export interface TurnRecord {
  /** 1-based count of trainee turns (replies and actions) */
  turn: number;
  /** transcript message id of the reply, or of the buyer message an action refers to */
  messageId: string;
  /** the buyer state (move) the trainee was answering */
  state: string;
  /** true for the first trainee turn after the buyer entered `state` */
  firstInState: boolean;
  /** `repeated`: near-identical to one of the trainee's earlier replies (copy-paste answering) */
  reply?: { features: TextFeatures; intents: string[]; repeated?: boolean };
  action?: { kind: ActionKind; product?: string; unsafe?: boolean };
  /** ms from the buyer line being answered to this turn; undefined when the buyer had not spoken */
  responseMs?: number;
  /** the buyer's last line before this turn was a complaint (post-sale scenarios) */
  afterComplaint: boolean;
  /** the buyer has complained about product quality before this turn */
  qualityComplaint: boolean;
  /**
   * Revision 5: a holding line (亲，您好~ 稍等我查一下) sent before the move's answer. It counts as a
   * response (timeliness, greeting) but answers nothing: firstInState and afterComplaint are false.
   */
  holding?: true;
  /** the rubric revision the session is scored by (session/rulesRevision.ts); absent: the latest */
  rulesRevision?: number;
  /**
   * Revision 7: what the buyer asked in her lines on screen since the trainee last spoke (replies
   * only; absent: she asked nothing), so a terse answer (能的, 3天) is told from a fragment.
   */
  buyerAsked?: BuyerQuestion;
}

/** A question of the buyer's: one answered by yes or no (能退吗), one answered by a number (几天到). */
export interface BuyerQuestion {
  yesNo: boolean;
  amount: boolean;
}

export interface Verdict {
  rule: string;
  /** the rule's short name (every global rule and every library rule has one) */
  title?: LocalText;
  category: RuleCategory;
  verdict: VerdictValue;
  redLine: boolean;
  /** the trainee turn it refers to (undefined for whole-chat verdicts with no single turn) */
  turn?: number;
  messageId?: string;
  points: number;
  max: number;
  feedback: LocalText;
  modelReply?: LocalText;
  evidence?: string;
}

export interface Kpis {
  firstResponseMs: number | null;
  avgResponseMs: number | null;
  longestResponseMs: number | null;
  replies: number;
  outcome: OutcomeKind | null;
}

export interface CategoryTotal {
  category: RuleCategory;
  points: number;
  max: number;
}

/**
 * Why a chat cannot pass whatever its points: `no-reply` the trainee never answered (there is
 * nothing to score, so there are no category totals either); `no-ending` the chat ended (the trainee
 * closed it, or a drill's time ran out) before the buyer reached an ending, so the skills the rest
 * of the chat would have tested were never tried (rubric revision 3).
 */
export type Unfinished = 'no-reply' | 'no-ending';

export interface Report {
  score: number;
  passed: boolean;
  /** set when the chat was not finished, which alone fails it; absent for a finished chat */
  unfinished?: Unfinished;
  passMark: number;
  redLines: string[];
  rules: Verdict[];
  categories: CategoryTotal[];
  kpis: Kpis;
}

/** What the rubric learns at the end of a session, beyond the turns it saw. */
export interface EndContext {
  outcome: OutcomeKind | null;
  /** the buyer sent at least one link marked unsafe / offered at least one file */
  offered: { unsafeLink: boolean; file: boolean };
  /** the chat reached an ending the scenario counts as a success */
  success: boolean;
  /** silence: how often the buyer had to nudge, and whether it gave up waiting */
  waited: { nudges: number; left: boolean };
  /** the rubric revision the session is scored by (session/rulesRevision.ts); absent: the latest */
  rulesRevision?: number;
  /**
   * The buyer was still waiting for an answer when the chat ended (the session sets it from rubric
   * revision 3): for how long (ms, from the line she waits on), and whether that reached the time
   * the move makes her nudge 在吗 (or leave). Absent when nobody was waiting.
   */
  unanswered?: { waitMs: number; nudgeDue: boolean };
}

/** Does a change of rubric revision `n` apply to a session of `revision` (absent: the latest, so yes)? */
export function fromRevision(revision: number | undefined, n: number): boolean {
  return revision === undefined || revision >= n;
}
