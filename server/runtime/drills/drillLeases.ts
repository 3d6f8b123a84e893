// Which drills this node runs: one lease per drill in the shared lease table (kind 'drill'), renewed
// by a heartbeat that also checkpoints each drill (its clock, status, pause, reveal) fenced by the
// lease's epoch. A node that finds a lease gone stops its copy of the drill; a lease nobody renews
// expires, and any node may then take the drill over (a higher epoch) and rebuild it from the store.
import type { Logger } from 'pino';
import type { DrillCheckpoint, DrillRunStore } from '../../store/drillRunStore.ts';
import type { LeaseStore } from '../../store/leases.ts';
import type { Scheduler } from '../scheduler.ts';

/** The default lease: a dead node's drills go on elsewhere within about this long. */
export const DRILL_LEASE_MS = 15_000;

export interface DrillLeaseDeps {
  wall: Scheduler;
  leases: LeaseStore;
  runs: DrillRunStore;
  logger: Logger;
  leaseMs: number;
  /** the drills this node runs now, with their checkpoint */
  running: () => Iterable<{ id: string; checkpoint: () => DrillCheckpoint }>;
  /** this node lost a drill's lease: stop running it */
  lost: (drillId: string) => void;
  /** drills with an expired lease were found: try to take them over */
  orphans: (drillIds: string[]) => Promise<void>;
}

/** How many orphaned drills one heartbeat looks at. */
const ORPHANS_PER_BEAT = 20;

export class DrillLeases {
  private readonly epochs = new Map<string, number>();
  /** checkpoints of one drill are written in order */
  private readonly writes = new Map<string, Promise<void>>();
  private cancelBeat: (() => void) | null = null;
  private beating: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly deps: DrillLeaseDeps) {}

  get owner(): string {
    return this.deps.leases.owner;
  }

  holds(drillId: string): boolean {
    return this.epochs.has(drillId);
  }

  /** A new drill: this node owns it from the start. */
  async claimNew(drillId: string): Promise<void> {
    const now = this.deps.wall.now();
    this.epochs.set(drillId, await this.deps.leases.acquire('drill', drillId, now + this.deps.leaseMs, now));
    this.start();
  }

  /**
   * Take a drill over if nobody holds it (its lease expired or was given up). 'held': a live node
   * runs it; 'none': it has no lease (not a running drill).
   */
  async takeOver(drillId: string): Promise<'taken' | 'held' | 'none'> {
    const now = this.deps.wall.now();
    const lease = await this.deps.leases.holder('drill', drillId);
    // Released with nothing left to do: the drill ended.
    if (!lease || (lease.owner === '' && lease.wakeAt === null)) return 'none';
    if (lease.expiresAt >= now && lease.owner !== this.owner) return 'held';
    const epoch = await this.deps.leases.takeOver('drill', drillId, lease.epoch, now + 1, now + this.deps.leaseMs);
    if (epoch === undefined) return 'held';
    this.epochs.set(drillId, epoch);
    this.start();
    return 'taken';
  }

  /**
   * Does this node still hold the drill's lease? Asked before a trainer's command (rare, and each
   * one changes the drill for everyone): a node that lost the drill without noticing yet lets go of
   * it here, and the command goes to the new owner instead of into a stale copy.
   */
  async confirm(drillId: string): Promise<boolean> {
    const epoch = this.epochs.get(drillId);
    if (epoch === undefined) return false;
    const lease = await this.deps.leases.holder('drill', drillId);
    if (lease?.owner === this.owner && lease.epoch === epoch) return true;
    if (this.epochs.get(drillId) === epoch) this.drop(drillId);
    return false;
  }

  /** Store the drill's checkpoint now (after each change of status, lock, pause or reveal). */
  checkpoint(drillId: string, at: DrillCheckpoint): Promise<void> {
    const epoch = this.epochs.get(drillId);
    if (epoch === undefined) return Promise.resolve();
    const previous = this.writes.get(drillId) ?? Promise.resolve();
    const write = previous
      .then(() => this.deps.runs.save(drillId, { owner: this.owner, epoch }, at))
      .then((held) => {
        if (!held && this.epochs.get(drillId) === epoch) this.drop(drillId);
      })
      .catch((err: unknown) => this.deps.logger.error({ err, drillId }, 'drill checkpoint failed'));
    this.writes.set(drillId, write);
    return write;
  }

  /** The drill ended and its results are stored: nobody needs to run it any more. */
  async finished(drillId: string): Promise<void> {
    const epoch = this.epochs.get(drillId);
    this.epochs.delete(drillId);
    await this.deps.runs.remove(drillId);
    if (epoch !== undefined) await this.deps.leases.release('drill', drillId, epoch);
  }

  /** Every write and heartbeat begun so far has finished. */
  async settled(): Promise<void> {
    await this.beating;
    await Promise.all(this.writes.values());
  }

  /**
   * Shutdown: the heartbeat stops and the leases expire now, keeping their wake-up time, so the next
   * node's heartbeat finds them among the orphans (or this one restarted takes them over at once)
   * instead of waiting the lease out.
   */
  stop(): Promise<void> {
    this.stopped = true;
    this.cancelBeat?.();
    this.cancelBeat = null;
    const handed = [...this.epochs].map(([drillId, epoch]) => this.deps.leases.expire('drill', drillId, epoch));
    this.epochs.clear();
    return Promise.all(handed).then(() => undefined);
  }

  /** Run the heartbeat (idempotent): renew, checkpoint, and look for drills a dead node left. */
  start(): void {
    if (this.cancelBeat || this.stopped) return;
    this.cancelBeat = this.deps.wall.schedule(this.deps.wall.now() + this.beatEvery(), () => {
      this.cancelBeat = null;
      this.beating = this.beat()
        .catch((err: unknown) => this.deps.logger.error({ err }, 'drill heartbeat failed'))
        .finally(() => this.start());
    });
  }

  private beatEvery(): number {
    return Math.max(100, Math.floor(this.deps.leaseMs / 3));
  }

  private async beat(): Promise<void> {
    const now = this.deps.wall.now();
    const held = new Set((await this.deps.leases.renew(now + this.deps.leaseMs)).filter((l) => l.kind === 'drill').map((l) => `${l.id}:${l.epoch}`));
    for (const [drillId, epoch] of [...this.epochs]) if (!held.has(`${drillId}:${epoch}`)) this.drop(drillId);
    for (const drill of this.deps.running()) if (this.epochs.has(drill.id)) await this.checkpoint(drill.id, drill.checkpoint());
    const orphans = await this.deps.leases.orphaned('drill', now, ORPHANS_PER_BEAT);
    const ids = orphans.map((o) => o.id).filter((id) => !this.epochs.has(id));
    if (ids.length > 0) await this.deps.orphans(ids);
  }

  private drop(drillId: string): void {
    this.epochs.delete(drillId);
    this.deps.logger.warn({ drillId }, 'another node runs this drill now: this node lets go of it');
    this.deps.lost(drillId);
  }
}
