// The trainer's dashboard feed: changes are collected and sent at most once per interval (2/s by
// default), carrying only the tiles that changed. It runs on the wall clock: a paused drill still
// shows who joins, drops or is removed.
import type { Scheduler } from '../scheduler.ts';

export const DASHBOARD_INTERVAL_MS = 500;

export class DashboardFeed {
  private readonly dirty = new Set<string>();
  private heatDirty = false;
  private cancel: (() => void) | null = null;
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly wall: Scheduler,
    private readonly send: (seatIds: string[], heat: boolean) => void,
    private readonly intervalMs = DASHBOARD_INTERVAL_MS,
  ) {}

  /** A seat's tile changed (and maybe the heat map). */
  touch(seatId: string, heat = false): void {
    this.dirty.add(seatId);
    this.heatDirty ||= heat;
    if (this.cancel) return;
    const at = Math.max(this.wall.now(), this.lastAt + this.intervalMs);
    this.cancel = this.wall.schedule(at, () => this.flush());
  }

  dispose(): void {
    this.cancel?.();
    this.cancel = null;
  }

  private flush(): void {
    this.cancel = null;
    this.lastAt = this.wall.now();
    const seats = [...this.dirty];
    const heat = this.heatDirty;
    this.dirty.clear();
    this.heatDirty = false;
    if (seats.length > 0 || heat) this.send(seats, heat);
  }
}
