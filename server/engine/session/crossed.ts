// Crossed messages (rubric revision 4). The buyer's answer to a trainee turn is scheduled at once,
// but it appears only after she has read and typed it. A trainee who adds a line meanwhile (客服
// often send two or three short messages in a row) has not seen her next question yet: that line is
// a follow-up to the move they can see. It is judged there, it does not count as answering the move
// still being typed, and the buyer reacts to it only if it says something her next move listens for
// (a concession, a QQ number, rudeness), never with the nag a reply that takes nothing would draw.
import type { CompiledScenario } from './compile.ts';
import type { SeenMove, SessionEffect, SessionState } from './types.ts';
import { holds } from './vars.ts';

/** Whether a trainee turn at `now` crosses the buyer's answer still being typed. */
export function isCrossed(state: SessionState, now: number): boolean {
  const pending = state.pendingMove;
  return state.rulesRevision >= 4 && pending !== undefined && pending.visit === state.visit && pending.shownAt > now;
}

/** The move a trainee turn at `now` answers, as the trainee sees it. */
export function seenMove(state: SessionState, now: number): SeenMove {
  const pending = state.pendingMove;
  if (!pending || !isCrossed(state, now)) return currentMove(state);
  return pending.earlier?.find((e) => e.shownAt > now)?.seen ?? pending.seen;
}

function currentMove(state: SessionState): SeenMove {
  return {
    state: state.machine.value,
    firstInState: state.answeredVisit !== state.visit,
    afterComplaint: state.complaint.pending,
    qualityComplaint: state.complaint.quality,
  };
}

/**
 * A crossed turn (on `draft`, a state this step owns): the trainee has spoken (the clock of their
 * next reply and the silence timer start from the buyer's coming line), but the move being typed is
 * not answered and a complaint in it still waits for its apology. The move they saw has had its answer.
 */
export function followUpInto(draft: SessionState, now: number): void {
  const pending = draft.pendingMove;
  if (!pending) return;
  // (in the order a `{ ...state, lastTraineeAt, silence, pendingMove }` copy would set them)
  draft.lastTraineeAt = now;
  draft.silence = { stage: 'waiting', deadline: null };
  const answered = (seen: SeenMove): SeenMove => ({ ...seen, firstInState: false, afterComplaint: false });
  const at = pending.earlier?.findIndex((e) => e.shownAt > now) ?? -1;
  if (at < 0 || !pending.earlier) {
    draft.pendingMove = { ...pending, seen: answered(pending.seen) };
    return;
  }
  const earlier = pending.earlier.map((e, i) => (i === at ? { shownAt: e.shownAt, seen: answered(e.seen) } : e));
  draft.pendingMove = { ...pending, earlier };
}

/**
 * Whether a crossed reply moves the buyer: the first of her current move's reply transitions that
 * fires names an intent. An `else` (a reply that takes nothing) would make her nag about a question
 * the trainee has not read; she just sends it and waits.
 */
export function movesBuyer(compiled: CompiledScenario, state: SessionState, intents: readonly string[]): boolean {
  for (const t of compiled.scenario.states[state.machine.value]?.on ?? []) {
    if (t.action !== undefined) continue;
    const named = t.intent !== undefined;
    if (named && !(typeof t.intent === 'string' ? [t.intent] : (t.intent ?? [])).some((i) => intents.includes(i))) continue;
    if (!holds(t.when, state.machine.context)) continue;
    return named;
  }
  return false;
}

/** What notePendingMove needs of the state before a machine move: the draft itself changes under it. */
export interface BeforeMove {
  visit: number;
  /** isCrossed(before, now) */
  crossed: boolean;
  pendingMove: SessionState['pendingMove'];
  /** what currentMove(before) reads */
  value: string;
  answeredVisit: number;
  complaint: SessionState['complaint'];
}

export function beforeMove(state: SessionState, now: number): BeforeMove {
  return {
    visit: state.visit,
    crossed: isCrossed(state, now),
    pendingMove: state.pendingMove,
    value: state.machine.value,
    answeredVisit: state.answeredVisit,
    complaint: state.complaint,
  };
}

/**
 * After a machine move (revision 4): note a move entered whose first line is not yet on screen, so
 * turns before it are read as follow-ups to `before`'s move. A move entered by a crossed turn (an
 * earlier answer still unseen) queues behind it: until that earlier line appears the trainee sees
 * what they saw, then `before`'s move until the new move's first line appears.
 * `effects` from `spokenFrom` on are what the move said. `after` is a state this step owns: it is
 * changed in place, or (a pending move gone) returned as a copy without it.
 */
export function notePendingMove(before: BeforeMove, after: SessionState, effects: readonly SessionEffect[], spokenFrom: number, now: number): SessionState {
  if (after.rulesRevision < 4 || after.visit === before.visit) return after;
  const earlier = before.crossed ? before.pendingMove : undefined;
  let shownAt: number | undefined;
  for (let i = spokenFrom; i < effects.length; i++) {
    const e = effects[i];
    if (e?.type === 'message' && e.message.from === 'buyer') {
      shownAt = e.message.at;
      break;
    }
  }
  const hasLine = shownAt !== undefined && shownAt > now;
  if (earlier && !(hasLine && shownAt !== undefined && shownAt > earlier.shownAt)) {
    // The new move says nothing yet to come: the trainee goes on seeing what the earlier answer shows.
    after.pendingMove = { ...earlier, visit: after.visit };
    return after;
  }
  if (hasLine && shownAt !== undefined) {
    const seen: SeenMove = {
      state: before.value,
      firstInState: before.answeredVisit !== before.visit,
      afterComplaint: before.complaint.pending,
      qualityComplaint: before.complaint.quality,
    };
    const queued = earlier ? [...(earlier.earlier ?? []).filter((e) => e.shownAt > now), { shownAt: earlier.shownAt, seen: earlier.seen }] : undefined;
    after.pendingMove = queued ? { visit: after.visit, shownAt, seen, earlier: queued } : { visit: after.visit, shownAt, seen };
    return after;
  }
  if (after.pendingMove === undefined) return after;
  const { pendingMove: _gone, ...rest } = after;
  return rest;
}
