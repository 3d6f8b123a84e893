// A budget of failures per address in a sliding window: past it, every attempt from that address is
// refused until old failures age out. Only failures count, so people who keep getting it right (a
// whole class joining from one school address behind NAT) are never locked out, while guessing (join
// codes) is slowed to the budget. (A caller that settles every attempt as failed gets a plain budget
// of attempts: new practice sessions.) An attempt holds its place in the budget while it is decided: the
// decision is asynchronous (a look-up), and a burst checked only before it would race past the budget.
// FailureGuard keeps one node's budget in memory (the session-start budget, and the join codes on one
// node); a FailureBudget is such a budget behind an async interface, so join codes can be counted
// cluster-wide in Redis instead (redisFailureBudget.ts), chosen at start-up (guessLimits.ts).
import type { RateLimit } from './socketGuard.ts';

/** Beyond this many addresses, the ones with the oldest failures are forgotten (bounded memory). */
const MAX_ADDRESSES = 10_000;

export class FailureGuard {
  private readonly failures = new Map<string, number[]>();
  /** attempts looked up now, per address: each holds a place in the budget until it is decided */
  private readonly pending = new Map<string, number>();

  constructor(private readonly limit: RateLimit) {}

  /**
   * An attempt from this address: false if its budget is spent (counting the attempts still being
   * looked up), else a place is held; `settle` must follow, once the code is looked up.
   */
  begin(address: string, now: number): boolean {
    const used = this.recent(address, now).length + (this.pending.get(address) ?? 0);
    if (used >= this.limit.events) return false;
    this.pending.set(address, (this.pending.get(address) ?? 0) + 1);
    return true;
  }

  /** The attempt begun is decided: a code that opened no drill stays counted as a failure. */
  settle(address: string, now: number, failed: boolean): void {
    const held = (this.pending.get(address) ?? 1) - 1;
    if (held > 0) this.pending.set(address, held);
    else this.pending.delete(address);
    if (failed) this.failed(address, now);
  }

  /** A failure counted without an attempt begun here (one decided while the shared budget was away). */
  failed(address: string, now: number): void {
    const times = this.recent(address, now);
    times.push(now);
    // Re-inserted last: the Map's order is then oldest failure first, which the cap drops.
    this.failures.delete(address);
    this.failures.set(address, times);
    for (const key of this.failures.keys()) {
      if (this.failures.size <= MAX_ADDRESSES) break;
      this.failures.delete(key);
    }
  }

  private recent(address: string, now: number): number[] {
    const times = this.failures.get(address) ?? [];
    while (times.length > 0 && (times[0] as number) <= now - this.limit.windowMs) times.shift();
    if (times.length === 0) this.failures.delete(address);
    return times;
  }
}

/** A place held in a budget by an attempt being decided. */
export interface HeldPlace {
  /** The attempt is decided: `failed` keeps it counted as a failure, else its place is given back. */
  settle(now: number, failed: boolean): Promise<void>;
}

/** A budget of failures per address, wherever it is kept. */
export interface FailureBudget {
  /** A held place, or undefined when the address's budget is spent. */
  begin(address: string, now: number): Promise<HeldPlace | undefined>;
}

/** One node's budget, in memory. */
export class MemoryFailureBudget implements FailureBudget {
  readonly guard: FailureGuard;

  constructor(limit: RateLimit) {
    this.guard = new FailureGuard(limit);
  }

  begin(address: string, now: number): Promise<HeldPlace | undefined> {
    return Promise.resolve(this.beginNow(address, now));
  }

  beginNow(address: string, now: number): HeldPlace | undefined {
    if (!this.guard.begin(address, now)) return undefined;
    let settled = false;
    return {
      settle: (at, failed) => {
        if (!settled) this.guard.settle(address, at, failed);
        settled = true;
        return Promise.resolve();
      },
    };
  }
}
