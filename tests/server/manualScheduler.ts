// Time driven by the test. `advance(app, ms)` moves the clock timer by timer, and after each one waits
// until the sessions have finished what it started (steps, commits) before looking for the next.
import type { Scheduler } from '../../server/runtime/scheduler.ts';

interface Settles {
  registry: { settled(): Promise<void> };
}

export class ManualScheduler implements Scheduler {
  private time: number;
  private timers: { at: number; id: number; fn: () => void }[] = [];
  private nextId = 0;

  constructor(start = 1_700_000_000_000) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  schedule(at: number, fn: () => void): () => void {
    const id = ++this.nextId;
    this.timers.push({ at, id, fn });
    return () => {
      this.timers = this.timers.filter((t) => t.id !== id);
    };
  }

  /** Move the clock `ms` forward; every timer due on the way fires at its own time, in order. */
  async advance(app: Settles, ms: number): Promise<void> {
    const until = this.time + ms;
    await app.registry.settled();
    for (let guard = 0; guard < 10_000; guard++) {
      const due = this.timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t.id !== due.id);
      this.time = Math.max(this.time, due.at);
      due.fn();
      await app.registry.settled();
    }
    this.time = until;
  }
}
