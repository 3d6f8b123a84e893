// Join-code guessing: a 6-digit code is a small space, so every address gets a budget of failed
// `drill:join` attempts (a code that opens no drill) per window; past it, every join from there is
// refused until old failures age out. Only failures count: a whole class joins from one school
// address (NAT), and its successful joins must never lock it out.
import type { RateLimit } from '../socketGuard.ts';

export const JOIN_FAILURE_LIMIT: RateLimit = { events: 30, windowMs: 10 * 60_000 };
/** Beyond this many addresses, the ones with the oldest failures are forgotten (bounded memory). */
const MAX_ADDRESSES = 10_000;

export class JoinGuard {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limit: RateLimit = JOIN_FAILURE_LIMIT) {}

  /** May this address try a code now? */
  allows(address: string, now: number): boolean {
    return this.recent(address, now).length < this.limit.events;
  }

  /** A code from this address opened no drill. */
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
