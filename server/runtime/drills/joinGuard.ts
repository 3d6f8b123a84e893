// Join-code guessing: a 6-digit code is a small space, so every address gets one budget of failed
// `drill:join` and `drill:check` attempts (a code that no drill ever had) per window: a check is
// no way round it. An attempt takes its place in the budget before the code is looked up (the
// look-up is asynchronous: checked only before it, a burst of joins raced past the budget) and
// gives it back when the code is a right one. Only failures stay counted, so a whole class joining
// from one school address behind NAT is never locked out. The budget is a FailureBudget
// (server/runtime/failureGuard.ts): one node's in memory, or with several nodes and REDIS_URL one
// shared in Redis (redisFailureBudget.ts), so N nodes do not give a guesser N budgets.
import type { FailureBudget } from '../failureGuard.ts';
import type { RateLimit } from '../socketGuard.ts';

export const JOIN_FAILURE_LIMIT: RateLimit = { events: 30, windowMs: 10 * 60_000 };

/** Joins one connection may make: a trainee needs one seat (a few, for a changed name); a flood needs many. */
export const JOINS_PER_SOCKET = 5;

/**
 * A join code looked up under the address's budget of wrong codes (`guard`): undefined when the
 * budget is spent, else what the look-up found, counted as a wrong code when `wrong` says so. A
 * look-up that throws (the store failed, not the code) counts nothing against the address.
 */
export async function lookUpCode<T>(budget: FailureBudget, address: string, now: () => number, lookUp: () => Promise<T>, wrong: (found: T) => boolean): Promise<{ found: T } | undefined> {
  // The place is held before the (asynchronous) look-up: a burst cannot race past the budget.
  const held = await budget.begin(address, now());
  if (!held) return undefined;
  let found: T;
  try {
    found = await lookUp();
  } catch (err) {
    await held.settle(now(), false);
    throw err;
  }
  await held.settle(now(), wrong(found));
  return { found };
}
