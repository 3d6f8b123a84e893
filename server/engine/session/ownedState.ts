// The one copy of the session state a step owns and fills in place (step.ts): V8 builds
// `{ ...state, field: value }` far slower than a copy followed by assignments, and the step used to
// make about eight such copies. Nothing reachable from the input state is ever changed.
import { RECENT_REPLIES } from './repeats.ts';
import type { SessionState } from './types.ts';

/** `[...recent, reply].slice(-RECENT_REPLIES)`, copying only what is kept. */
export function remember(recent: readonly string[], reply: string): string[] {
  const kept = recent.slice(Math.max(0, recent.length + 1 - RECENT_REPLIES));
  kept.push(reply);
  return kept;
}

/**
 * A copy of `state` this step owns and may change in place, with a `messages` array of its own to
 * append to. Nothing reachable from the input is ever changed: fields of the copy are replaced by
 * new objects, never the objects they held (those may be shared with the input, and stay so).
 * Fields are set in the order a `{ ...state, field: value }` copy would have set them, and a field
 * is removed by copying without it, so the result has the keys, in the order, those copies gave.
 * (Assignments, not `{ ...state, field: value }`: V8 builds a spread followed by properties far
 * slower, and copies an object of the usual keys faster from a literal than from a spread.)
 */
export function own(state: SessionState): SessionState {
  const shape = shapeOf(state);
  let draft: SessionState;
  if (shape === 'other') {
    draft = { ...state };
  } else {
    // The same keys in the same order as `{ ...state }`, without V8's generic copy of a 23-key object.
    draft = {
      scenario: state.scenario, version: state.version, seed: state.seed, rng: state.rng, speed: state.speed,
      rulesRevision: state.rulesRevision, startedAt: state.startedAt, machine: state.machine, visit: state.visit,
      answeredVisit: state.answeredVisit, messages: state.messages, recentReplies: state.recentReplies, turns: state.turns,
      lastBuyerAt: state.lastBuyerAt, lastTraineeAt: state.lastTraineeAt, silence: state.silence, waited: state.waited,
      complaint: state.complaint, offered: state.offered, openFileOffers: state.openFileOffers, rubric: state.rubric,
      outcome: state.outcome, ended: state.ended,
    };
    if (shape === 'later') {
      const from = state as unknown as Record<string, unknown>;
      const to = draft as unknown as Record<string, unknown>;
      let i = 0;
      for (const key in from) if (i++ >= STATE_KEYS.length) to[key] = from[key];
    }
  }
  draft.messages = state.messages.slice();
  return draft;
}

/** The keys of a state as startSession() builds it, in its order. */
const STATE_KEYS: readonly string[] = [
  'scenario', 'version', 'seed', 'rng', 'speed', 'rulesRevision', 'startedAt', 'machine', 'visit', 'answeredVisit', 'messages',
  'recentReplies', 'turns', 'lastBuyerAt', 'lastTraineeAt', 'silence', 'waited', 'complaint', 'offered', 'openFileOffers', 'rubric',
  'outcome', 'ended',
];

/**
 * `start`: the state has exactly STATE_KEYS, in that order; `later`: then keys a session gains
 * later (pendingMove, unanswered), in any order; `other`: anything else (a state built by hand).
 */
function shapeOf(state: SessionState): 'start' | 'later' | 'other' {
  let i = 0;
  for (const key in state) {
    if (i < STATE_KEYS.length ? key !== STATE_KEYS[i] : key !== 'pendingMove' && key !== 'unanswered') return 'other';
    i++;
  }
  if (i < STATE_KEYS.length) return 'other';
  return i === STATE_KEYS.length ? 'start' : 'later';
}

/** `{ ...complaint, pending: false }` */
export function complaintAnswered(complaint: SessionState['complaint']): SessionState['complaint'] {
  let i = 0;
  for (const key in complaint) {
    if (key !== (i === 0 ? 'pending' : 'quality') || i > 1) {
      const copy = { ...complaint };
      copy.pending = false;
      return copy;
    }
    i++;
  }
  return i === 2 ? { pending: false, quality: complaint.quality } : { ...complaint, pending: false };
}

/** `{ ...silence, deadline }` */
export function silenceWith(silence: SessionState['silence'], deadline: number | null): SessionState['silence'] {
  const copy = { ...silence };
  copy.deadline = deadline;
  return copy;
}
