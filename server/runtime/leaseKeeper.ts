// The leases this node holds, kept alive by a heartbeat. A lease is taken when a trainee's socket
// attaches here (whoever held it: the lease follows the trainee), or taken over from a dead node by
// the orphan sweep; it is lost when another node takes it, which this node learns from a fenced
// write or from the next heartbeat, and then the holder's `onLost` drops its in-memory copy.
import type { Logger } from 'pino';
import type { HeldLease, LeaseKind, LeaseStore } from '../store/leases.ts';
import { leaseKey } from '../store/leases.ts';

export interface LeaseKeeperDeps {
  store: LeaseStore;
  /** a lease not renewed for this long may be taken over by another node */
  ttlMs: number;
  now: () => number;
  logger: Logger;
}

interface Holding {
  kind: LeaseKind;
  id: string;
  epoch: number;
  onLost: () => void;
}

export class LeaseKeeper {
  private readonly held = new Map<string, Holding>();
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private renewing = false;
  /** stopped (shutting down): no heartbeat, and no orphan is taken any more */
  private stopped = false;
  private readonly takenListeners: ((lease: HeldLease) => void)[] = [];

  constructor(private readonly deps: LeaseKeeperDeps) {}

  /** This node's id, the owner in its lease rows. */
  get nodeId(): string {
    return this.deps.store.owner;
  }

  get ttlMs(): number {
    return this.deps.ttlMs;
  }

  /** When a lease taken or renewed now runs out. */
  expiresAt(): number {
    return this.deps.now() + this.deps.ttlMs;
  }

  /** Take the lease (epoch + 1 whoever held it) and hold it; resolves to its epoch. */
  async acquire(kind: LeaseKind, id: string, onLost: () => void): Promise<number> {
    const epoch = await this.deps.store.acquire(kind, id, this.expiresAt());
    this.hold(kind, id, epoch, onLost);
    if (epoch > 1) this.announce({ kind, id, epoch });
    return epoch;
  }

  /** Called with every lease this node takes from a previous holder (to tell the other nodes at once). */
  onTaken(listener: (lease: HeldLease) => void): void {
    this.takenListeners.push(listener);
  }

  /** Another node says it took this lease with `epoch`: an older copy here is dropped without waiting for the heartbeat. */
  takenElsewhere(kind: LeaseKind, id: string, epoch: number): void {
    const holding = this.held.get(leaseKey(kind, id));
    if (holding && holding.epoch < epoch) this.lost(kind, id, holding.epoch);
  }

  private announce(lease: HeldLease): void {
    for (const listener of this.takenListeners) listener(lease);
  }

  /** Hold a lease obtained another way (written with a new session, or taken over by `takeOrphans`). */
  hold(kind: LeaseKind, id: string, epoch: number, onLost: () => void): void {
    this.held.set(leaseKey(kind, id), { kind, id, epoch, onLost });
  }

  epochOf(kind: LeaseKind, id: string): number | undefined {
    return this.held.get(leaseKey(kind, id))?.epoch;
  }

  /** Stop holding it and tell the store anyone may take it (nothing left to do here). */
  release(kind: LeaseKind, id: string): void {
    const key = leaseKey(kind, id);
    const holding = this.held.get(key);
    if (!holding) return;
    this.held.delete(key);
    this.deps.store.release(kind, id, holding.epoch).catch((err: unknown) => {
      // Harmless: the heartbeat renews only held leases, so this one runs out within the TTL and the
      // orphan sweep of some node takes over any work it still has pending.
      this.deps.logger.warn({ err: String(err), kind, id }, 'could not release a lease; it will expire');
    });
  }

  /** Stop holding it, the store having been told already (by the session's last write). */
  forget(kind: LeaseKind, id: string): void {
    this.held.delete(leaseKey(kind, id));
  }

  /** Another node has it (a fenced write said so): forget it here, and drop the holder's copy. */
  lost(kind: LeaseKind, id: string, epoch: number): void {
    const key = leaseKey(kind, id);
    const holding = this.held.get(key);
    if (!holding || holding.epoch !== epoch) return;
    this.held.delete(key);
    this.deps.logger.info({ kind, id, epoch }, 'lease taken over by another node; dropped here');
    holding.onLost();
  }

  /** Ask the store whether the lease is still this node's; if not, it is lost here (`onLost` runs). */
  async confirm(kind: LeaseKind, id: string): Promise<boolean> {
    const holding = this.held.get(leaseKey(kind, id));
    if (!holding) return false;
    const row = await this.deps.store.holder(kind, id);
    if (row?.owner === this.nodeId && row.epoch === holding.epoch) return true;
    this.lost(kind, id, holding.epoch);
    return false;
  }

  /**
   * Leases of `kind` whose owner stopped renewing while work was pending, taken over here (one node
   * wins each). The caller holds each (`hold`) and runs it from the log.
   */
  async takeOrphans(kind: LeaseKind, limit: number): Promise<{ id: string; epoch: number }[]> {
    if (this.stopped) return [];
    const now = this.deps.now();
    const won: { id: string; epoch: number }[] = [];
    for (const orphan of await this.deps.store.orphaned(kind, now, limit)) {
      if (this.held.has(leaseKey(kind, orphan.id))) continue;
      const epoch = await this.deps.store.takeOver(kind, orphan.id, orphan.epoch, now, this.expiresAt());
      if (epoch === undefined) continue;
      won.push({ id: orphan.id, epoch });
      this.announce({ kind, id: orphan.id, epoch });
    }
    return won;
  }

  /** Renew every held lease once; those another node took are dropped. */
  async renew(): Promise<void> {
    if (this.renewing) return;
    this.renewing = true;
    try {
      // Only leases held before the renewal ran are judged by it: one taken meanwhile may not be in its answer.
      const before = new Set(this.held.values());
      // Nothing held, nothing written: an idle node's heartbeat costs the database nothing.
      if (before.size === 0) return;
      const still = new Map<string, number>();
      for (const kind of new Set([...before].map((h) => h.kind))) {
        const ids = [...before].filter((h) => h.kind === kind).map((h) => h.id);
        for (const lease of await this.deps.store.renew(this.expiresAt(), kind, ids)) still.set(leaseKey(lease.kind, lease.id), lease.epoch);
      }
      for (const holding of before) {
        if (this.held.get(leaseKey(holding.kind, holding.id)) !== holding) continue;
        if (still.get(leaseKey(holding.kind, holding.id)) !== holding.epoch) this.lost(holding.kind, holding.id, holding.epoch);
      }
    } finally {
      this.renewing = false;
    }
  }

  /** Shutting down: every held lease expires now, so other nodes take over what has work pending. */
  async handOffAll(): Promise<void> {
    const holdings = [...this.held.values()];
    this.held.clear();
    await Promise.allSettled(holdings.map((h) => this.deps.store.expire(h.kind, h.id, h.epoch)));
  }

  /** Heartbeat at a third of the TTL: two can fail (a database hiccup) before a lease runs out. */
  start(): void {
    if (this.heartbeat) return;
    this.stopped = false;
    this.heartbeat = setInterval(() => {
      this.renew().catch((err: unknown) => this.deps.logger.warn({ err: String(err) }, 'lease heartbeat failed; retrying'));
    }, Math.max(100, Math.floor(this.deps.ttlMs / 3)));
    this.heartbeat.unref();
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  /** Held leases, for tests and diagnostics. */
  list(): HeldLease[] {
    return [...this.held.values()].map(({ kind, id, epoch }) => ({ kind, id, epoch }));
  }
}
