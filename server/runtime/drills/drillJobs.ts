// The jobs a drill has started and not yet seen finish: seat starts, records, the end the time limit
// calls. The end waits for the ones started before it (never for itself), and settled() for all of
// them, however many new ones they start. A job that fails is reported, never left unhandled.
export class DrillJobs {
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly failed: (err: unknown) => void) {}

  track<T>(job: Promise<T>): Promise<T> {
    const tracked = job.finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
    tracked.catch((err: unknown) => this.failed(err));
    return tracked;
  }

  /** The jobs under way now; those started later are not in it. */
  underWay(): Promise<unknown>[] {
    return [...this.pending];
  }

  /** Every job started so far has run, and the jobs those started too. */
  async settled(): Promise<void> {
    for (let i = 0; i < 100 && this.pending.size > 0; i++) await Promise.allSettled([...this.pending]);
  }
}
