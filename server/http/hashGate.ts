// A process-wide limit on concurrent password hashes. scrypt (16 MB, tens of ms of CPU) runs on
// libuv's thread pool, 4 threads by default, which file reads (the static client) and DNS lookups
// share: unlimited unauthenticated logins would fill it and stall everything else. At most
// `concurrent` hashes run at once (so the pool keeps threads free for the rest); a few more wait
// in a FIFO queue; past that a login is refused at once (HashGateBusy: 429, try again shortly).
// Hashing that must happen (adding a trainer) waits in the queue whatever its length.

export interface HashGateLimits {
  /** hashes running at once */
  concurrent: number;
  /** bounded callers waiting beyond those; the next one is refused */
  queued: number;
}

export const HASH_GATE_LIMITS: HashGateLimits = { concurrent: 2, queued: 8 };

/** The gate is full: nothing was hashed; try again in a moment. */
export class HashGateBusy extends Error {
  constructor() {
    super('too many password checks at once');
    this.name = 'HashGateBusy';
  }
}

export class HashGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limits: HashGateLimits = HASH_GATE_LIMITS) {}

  /** Hashes running now and waiting, for tests and logs. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /**
   * Runs `work` once a slot is free. `bounded`: rejects with HashGateBusy at once when the queue is
   * full instead of waiting (an unauthenticated login); unbounded callers always wait their turn.
   */
  async run<T>(work: () => Promise<T>, bounded: boolean): Promise<T> {
    if (this.running >= this.limits.concurrent) {
      if (bounded && this.waiting.length >= this.limits.queued) throw new HashGateBusy();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line (the running count stays), or is freed.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
