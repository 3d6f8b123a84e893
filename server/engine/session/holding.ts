// Holding lines (rubric revision 5). 客服 are taught to answer a buyer at once, even if only with
// 「亲，您好~ 稍等，我帮您查一下」, and then to look things up: the rubric's first-response rule says
// so. A buyer reads that and waits for the answer. Before revision 5 such a line was taken as the
// answer to her question: it drew her `else` (a nag, lost patience, or her next question with the
// first one never answered) and failed the rules on a move's first answer (an apology after a
// complaint). Now it counts as a response (timeliness, the greeting) and answers nothing: the move
// still waits for its first answer, and the buyer waits too, nudging at her usual time if nothing
// comes. She waits through at most two of them per move; a third is taken as the answer. A scenario
// whose buyer presses on instead (a scammer: 「你点开就知道了呀」) says `buyer.holdingLine: answer`, and
// there the line is her answer, as before. From revision 6 only a line that asks for a moment holds:
// one that only greets (你好 在的) is a greeting, and she answers it as any reply.
import type { Shop } from '../scenario/shopSchema.ts';
import { asksForAMoment, holdingLineMatcher } from '../analysis/holdingLine.ts';
import type { TextFeatures } from '../analysis/types.ts';
import type { CompiledScenario } from './compile.ts';
import { isCrossed, movesBuyer } from './crossed.ts';
import type { SeenMove, SessionState } from './types.ts';

export const HOLDING_LINES_PER_MOVE = 2;

const matchers = new WeakMap<Shop, (normalized: string) => boolean>();

/**
 * A welcome may name the shop (its full name, or its brand with 旗舰店 / 官方 and the like), and the
 * agent signing it. Not any part of the name: a shop called 有货鞋店 would make 有货 a courtesy word.
 */
function matcherOf(shop: Shop): (normalized: string) => boolean {
  let matcher = matchers.get(shop);
  if (matcher === undefined) {
    matcher = holdingLineMatcher([shop.name['zh-CN'], ...shop.brand.split(/\s+/), ...shop.agents]);
    matchers.set(shop, matcher);
  }
  return matcher;
}

/** Whether a reply at `now` is a holding line the buyer waits through (revision 5). */
export function holdsMove(compiled: CompiledScenario, state: SessionState, features: TextFeatures, intents: readonly string[], now: number): boolean {
  if (state.rulesRevision < 5 || state.outcome !== null || compiled.scenario.buyer.holdingLine === 'answer') return false;
  // Only before the move's first answer, and not while her next line is still being typed (a crossed line).
  if (state.answeredVisit === state.visit || isCrossed(state, now)) return false;
  if (state.held?.visit === state.visit && state.held.count >= HOLDING_LINES_PER_MOVE) return false;
  if (!matcherOf(compiled.shop)(features.normalized)) return false;
  // Revision 6: a line that only greets (你好 在的) is a greeting, not a holding line.
  if (state.rulesRevision >= 6 && !asksForAMoment(features.normalized)) return false;
  // A move that listens for something the line says (a greeting, say) hears it as usual.
  return !movesBuyer(compiled, state, intents);
}

/** The move a holding line is judged in: the current one, not as its first answer. */
export function heldMove(state: SessionState): SeenMove {
  return { state: state.machine.value, firstInState: false, afterComplaint: false, qualityComplaint: state.complaint.quality };
}

/**
 * On a state the step owns: the trainee has spoken (the clock of the buyer's patience restarts from
 * now), but the move is not answered and a complaint in it still waits for its apology.
 */
export function holdInto(draft: SessionState, now: number): void {
  const visit = draft.visit;
  draft.lastTraineeAt = now;
  draft.silence = { stage: 'waiting', deadline: null };
  draft.held = { visit, count: draft.held?.visit === visit ? draft.held.count + 1 : 1 };
}

/**
 * The holding line the buyer is still waiting behind, if any: a nudge after it keeps counting from
 * it (revision 2's rule: a nudge does not restart the clock), so holding and then stalling is timed
 * like any other wait. Without a nudge, the answer after a holding line is not timed: it answers no
 * new line of hers.
 */
export function heldSince(state: SessionState): number | undefined {
  const held = state.held;
  return held !== undefined && held.visit === state.visit && state.answeredVisit !== state.visit ? (state.lastTraineeAt ?? undefined) : undefined;
}

