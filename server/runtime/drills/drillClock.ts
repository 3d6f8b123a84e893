// A drill's session clock: the wall clock less every pause. Sessions of a drill run on it (it is
// their Scheduler), so while the drill is paused their time stands still: no silence deadline
// passes, no buyer line falls due, and response times measured in it leave the pause out.
// Timers are kept in drill time; a pause cancels their wall-clock timers and a resume re-arms them.
import type { DrillPause } from '../../protocol/index.ts';
import type { Scheduler } from '../scheduler.ts';

interface Timer {
  id: number;
  /** drill time */
  at: number;
  fn: () => void;
  cancel: (() => void) | null;
}

export class DrillClock implements Scheduler {
  private pausedTotal = 0;
  private pausedAt: number | null = null;
  /** every pause so far, in order: a page maps a replayed line's drill time back to the wall clock with it */
  private readonly pauses: DrillPause[] = [];
  private readonly timers = new Map<number, Timer>();
  private nextId = 0;

  /**
   * `from`: a drill taken over from the store goes on at the drill time it had reached, paused or
   * not. The wall-clock time while no node ran it counts as a pause: a crash does not eat the
   * trainees' time limit, and no buyer ran out of patience while nobody could answer.
   */
  constructor(
    private readonly wall: Scheduler,
    from?: { at: number; paused: boolean },
  ) {
    if (!from) return;
    // One reading: two could straddle a millisecond, and a paused drill would come back 1 ms on.
    const now = wall.now();
    this.pausedTotal = now - from.at;
    if (from.paused) this.pausedAt = now;
    // When the pauses before the takeover were is not stored: they count as one, where it stopped.
    if (this.pausedTotal > 0 || from.paused) this.pauses.push({ at: from.at, ms: this.pausedTotal });
  }

  get paused(): boolean {
    return this.pausedAt !== null;
  }

  /** Wall-clock ms spent paused so far (the running pause included). */
  get pausedMs(): number {
    return this.pausedTotal + (this.pausedAt === null ? 0 : this.wall.now() - this.pausedAt);
  }

  /** The pauses so far (drill time each began, wall ms it lasted; the running one up to now). */
  history(): DrillPause[] {
    const running = this.pausedAt === null ? 0 : this.wall.now() - this.pausedAt;
    return this.pauses.map((p, i) => (running > 0 && i === this.pauses.length - 1 ? { at: p.at, ms: p.ms + running } : { ...p }));
  }

  now(): number {
    return (this.pausedAt ?? this.wall.now()) - this.pausedTotal;
  }

  schedule(at: number, fn: () => void): () => void {
    const timer: Timer = { id: ++this.nextId, at, fn, cancel: null };
    this.timers.set(timer.id, timer);
    if (this.pausedAt === null) this.arm(timer);
    return () => {
      timer.cancel?.();
      this.timers.delete(timer.id);
    };
  }

  pause(): void {
    if (this.pausedAt !== null) return;
    this.pausedAt = this.wall.now();
    this.pauses.push({ at: this.now(), ms: 0 });
    for (const timer of this.timers.values()) {
      timer.cancel?.();
      timer.cancel = null;
    }
  }

  resume(): void {
    if (this.pausedAt === null) return;
    const ms = Math.max(0, this.wall.now() - this.pausedAt);
    this.pausedTotal += ms;
    const last = this.pauses.at(-1);
    if (last) last.ms += ms;
    this.pausedAt = null;
    for (const timer of [...this.timers.values()].sort((a, b) => a.at - b.at || a.id - b.id)) this.arm(timer);
  }

  /** Stop every timer for good (the drill is over or the server shuts down). */
  dispose(): void {
    for (const timer of this.timers.values()) timer.cancel?.();
    this.timers.clear();
  }

  private arm(timer: Timer): void {
    timer.cancel = this.wall.schedule(timer.at + this.pausedTotal, () => {
      this.timers.delete(timer.id);
      timer.fn();
    });
  }
}
