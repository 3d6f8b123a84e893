// Join-code guessing: a 6-digit code is a small space, so every address gets a budget of failed
// `drill:join` attempts (a code that opens no drill) per window. An attempt takes its place in the
// budget before the code is looked up (the look-up is asynchronous: checked only before it, a burst
// of joins raced past the budget) and gives it back when the code opens a drill. Only failures
// stay counted, so a whole class joining from one school address behind NAT is never locked out.
// The budget is kept by a FailureGuard (server/runtime/failureGuard.ts).
import type { RateLimit } from '../socketGuard.ts';

export const JOIN_FAILURE_LIMIT: RateLimit = { events: 30, windowMs: 10 * 60_000 };

/** Joins one connection may make: a trainee needs one seat (a few, for a changed name); a flood needs many. */
export const JOINS_PER_SOCKET = 5;
