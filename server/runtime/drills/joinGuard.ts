// Join-code guessing: a 6-digit code is a small space, so every address gets a budget of failed
// `drill:join` attempts (a code that opens no drill) per window (server/runtime/failureGuard.ts).
import type { RateLimit } from '../socketGuard.ts';

export const JOIN_FAILURE_LIMIT: RateLimit = { events: 30, windowMs: 10 * 60_000 };
