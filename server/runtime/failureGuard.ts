// A budget of failures per address in a sliding window: past it, every attempt from that address is
// refused until old failures age out. Only failures count, so people who keep getting it right (a
// whole class joining from one school address behind NAT) are never locked out, while guessing (join
// codes) is slowed to the budget. (A caller that settles every attempt as failed gets a plain budget
// of attempts: new practice sessions.) An attempt holds its place in the budget while it is decided: the
// decision is asynchronous (a look-up), and a burst checked only before it would race past the budget.
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

  private failed(address: string, now: number): void {
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
