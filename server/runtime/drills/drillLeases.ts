// Which drills this node runs: one lease per drill in the shared lease table (kind 'drill'), renewed
// by a heartbeat that also checkpoints each drill (its clock, status, pause, reveal) fenced by the
// lease's epoch. A node that finds a lease gone stops its copy of the drill; a lease nobody renews
// expires, and any node may then take the drill over (a higher epoch) and rebuild it from the store.
// Looking for such drills is a loop of its own: a slow rebuild never delays this node's renewals.
import type { Logger } from 'pino';
import type { DrillCheckpoint, DrillRunStore } from '../../store/drillRunStore.ts';
import type { LeaseStore } from '../../store/leases.ts';
import type { Scheduler } from '../scheduler.ts';

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
  /** drills with an expired lease were found: try to take them over (one failing must not stop the others) */
  orphans: (drillIds: string[]) => Promise<void>;
}

/** How many orphaned drills one look takes on. */
const ORPHANS_PER_LOOK = 20;

export class DrillLeases {
  private readonly epochs = new Map<string, number>();
  /** checkpoints of one drill are written in order */
  private readonly writes = new Map<string, Promise<void>>();
  /** the heartbeat, and the orphan look kept off it (a slow takeover must not delay renewals) */
  private readonly heartbeat: RepeatingJob;
  private readonly orphanLook: RepeatingJob;
  private stopped = false;

  constructor(private readonly deps: DrillLeaseDeps) {
    const every = () => this.beatEvery();
    this.heartbeat = new RepeatingJob(deps.wall, every, () => this.beat(), (err) => deps.logger.error({ err }, 'drill heartbeat failed'));
    this.orphanLook = new RepeatingJob(deps.wall, every, () => this.adopt(), (err) => deps.logger.error({ err }, 'looking for orphaned drills failed'));
  }

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
    // Shutting down: a drill won now would be held by a node with no heartbeat.
    if (this.stopped) return 'held';
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
   * A takeover that could not rebuild the drill (a database hiccup): let go of the lease at once,
   * its wake-up time kept, so a later look here or another node's orphan loop tries again instead
   * of the lease being renewed with no drill behind it.
   */
  async abandon(drillId: string): Promise<void> {
    const epoch = this.epochs.get(drillId);
    if (epoch === undefined) return;
    this.epochs.delete(drillId);
    await this.deps.leases.expire('drill', drillId, epoch);
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
    const write: Promise<void> = previous
      .then(() => this.deps.runs.save(drillId, { owner: this.owner, epoch }, at))
      .then((held) => {
        if (!held && this.epochs.get(drillId) === epoch) this.drop(drillId);
      })
      .catch((err: unknown) => this.deps.logger.error({ err, drillId }, 'drill checkpoint failed'))
      // The last write of a drill clears its entry: the map holds only writes in flight.
      .finally(() => {
        if (this.writes.get(drillId) === write) this.writes.delete(drillId);
      });
    this.writes.set(drillId, write);
    return write;
  }

  /**
   * The drill ended and its results are stored: nobody needs to run it any more. Its run row goes
   * only while this node still holds the lease: a stale copy that ended the drill removes nothing.
   */
  async finished(drillId: string): Promise<void> {
    const epoch = this.epochs.get(drillId);
    if (epoch === undefined) return;
    await this.writes.get(drillId);
    // Both fenced: a copy that lost the drill removes nothing and releases nothing.
    await this.deps.runs.remove(drillId, { owner: this.owner, epoch });
    await this.deps.leases.release('drill', drillId, epoch);
    // Only now: should either call fail, the drill is still this node's to finish (a retry asks
    // stillOwned, which needs the epoch) and the heartbeat keeps its lease meanwhile.
    if (this.epochs.get(drillId) === epoch) this.epochs.delete(drillId);
  }

  /** Every write, heartbeat and orphan look begun so far has finished. */
  async settled(): Promise<void> {
    await this.heartbeat.running;
    await this.orphanLook.running;
    await Promise.all(this.writes.values());
  }

  /**
   * Shutdown: the heartbeat and the orphan loop stop, and the leases expire now, keeping their
   * wake-up time, so the next node's orphan loop finds them (or this one restarted takes them over
   * at once) instead of waiting the lease out. A heartbeat under way is waited for first: its renewal
   * landing after the hand-off would push the leases a whole TTL again.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    // A takeover under way is waited for too: the drill it wins is handed on with the others.
    await Promise.all([this.heartbeat.stop(), this.orphanLook.stop()]);
    const handed = [...this.epochs].map(([drillId, epoch]) => this.deps.leases.expire('drill', drillId, epoch));
    this.epochs.clear();
    await Promise.all(handed);
  }

  /** Run the heartbeat and the orphan loop (idempotent). */
  start(): void {
    this.heartbeat.start();
    this.orphanLook.start();
  }

  private beatEvery(): number {
    return Math.max(100, Math.floor(this.deps.leaseMs / 3));
  }

  /** Renew the drill leases held here (only those), drop the ones lost, checkpoint the rest. */
  private async beat(): Promise<void> {
    // Only leases held before the renewal are judged by it: one taken over meanwhile is not in its answer.
    const before = [...this.epochs];
    if (before.length === 0) return;
    const now = this.deps.wall.now();
    const renewed = await this.deps.leases.renew(now + this.deps.leaseMs, 'drill', before.map(([drillId]) => drillId));
    const held = new Set(renewed.map((l) => `${l.id}:${l.epoch}`));
    for (const [drillId, epoch] of before) if (this.epochs.get(drillId) === epoch && !held.has(`${drillId}:${epoch}`)) this.drop(drillId);
    for (const drill of this.deps.running()) if (this.epochs.has(drill.id)) await this.checkpoint(drill.id, drill.checkpoint());
  }

  /** Drills a dead node left (lease expired, work pending), taken over here; the next look waits for this one. */
  private async adopt(): Promise<void> {
    if (this.stopped) return;
    const orphans = await this.deps.leases.orphaned('drill', this.deps.wall.now(), ORPHANS_PER_LOOK);
    const ids = orphans.map((o) => o.id).filter((id) => !this.epochs.has(id));
    if (ids.length > 0 && !this.stopped) await this.deps.orphans(ids);
  }

  private drop(drillId: string): void {
    this.epochs.delete(drillId);
    this.deps.logger.warn({ drillId }, 'another node runs this drill now: this node lets go of it');
    this.deps.lost(drillId);
  }
}

/**
 * A job run again `every()` ms after its last run finished: never two runs at once, a failure
 * logged and the next run scheduled anyway; stop() cancels the next run and waits for one under way.
 */
class RepeatingJob {
  private cancel: (() => void) | null = null;
  private inRun = false;
  private stopped = false;
  /** the run under way, or a resolved promise */
  running: Promise<void> = Promise.resolve();

  constructor(
    private readonly wall: Scheduler,
    private readonly every: () => number,
    private readonly run: () => Promise<void>,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Idempotent. */
  start(): void {
    if (this.stopped || this.cancel || this.inRun) return;
    this.cancel = this.wall.schedule(this.wall.now() + this.every(), () => {
      this.cancel = null;
      this.inRun = true;
      this.running = this.run()
        .catch(this.onError)
        .finally(() => {
          this.inRun = false;
          this.start();
        });
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancel?.();
    this.cancel = null;
    await this.running;
  }
}
