// A budget of failures per address in a sliding window: past it, every attempt from that address is
// refused until old failures age out. Only failures count, so people who keep getting it right (a
// whole class joining from one school address behind NAT, trainers logging in from one office) are
// never locked out, while guessing (join codes, passwords) is slowed to the budget.
import type { RateLimit } from './socketGuard.ts';

/** Beyond this many addresses, the ones with the oldest failures are forgotten (bounded memory). */
const MAX_ADDRESSES = 10_000;

export class FailureGuard {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limit: RateLimit) {}

  /** May this address try now? */
  allows(address: string, now: number): boolean {
    return this.recent(address, now).length < this.limit.events;
  }

  /** An attempt from this address failed (a code that opens no drill, a wrong password). */
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
