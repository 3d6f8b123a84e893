// Leases: which node runs a session (or a drill) now. The owner renews the leases it holds with one
// statement per kind and heartbeat; a node that takes a lease over bumps its epoch, and the log
// refuses a write that carries an older epoch (the fence is folded into the log's own transaction: server/store/sessionLog.ts).
// The same SQL on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from './schema.ts';

export type LeaseKind = 'session' | 'drill';

/** A lease this node holds, as it last saw it. */
export interface HeldLease {
  kind: LeaseKind;
  id: string;
  epoch: number;
}

export interface LeaseRow {
  owner: string;
  epoch: number;
  expiresAt: number;
  wakeAt: number | null;
}

/** A write carried an epoch that is no longer the lease's: another node runs that session now. */
export class LeaseLostError extends Error {
  constructor(
    readonly kind: LeaseKind,
    readonly id: string,
  ) {
    super(`the ${kind} ${id} is run by another node now`);
    this.name = 'LeaseLostError';
  }
}

/** `kind:id`, the key of held leases in maps. */
export function leaseKey(kind: LeaseKind, id: string): string {
  return `${kind}:${id}`;
}

/** Lease ids per renewal statement. */
const RENEW_BATCH = 500;

export class LeaseStore {
  constructor(
    private readonly db: Kysely<Database>,
    /** this node's id: the owner of every lease it takes */
    readonly owner: string,
  ) {}

  /**
   * Take the lease whoever holds it, with the epoch one higher (or 1 for a new row): the lease
   * follows the trainee's socket. Resolves to the new epoch.
   */
  async acquire(kind: LeaseKind, id: string, expiresAt: number, wakeAt: number | null = null): Promise<number> {
    const row = await this.db
      .insertInto('leases')
      .values({ kind, id, owner: this.owner, epoch: 1, expires_at: expiresAt, wake_at: wakeAt })
      .onConflict((oc) =>
        oc.columns(['kind', 'id']).doUpdateSet({
          owner: (eb) => eb.ref('excluded.owner'),
          epoch: sql<number>`leases.epoch + 1`,
          expires_at: (eb) => eb.ref('excluded.expires_at'),
        }),
      )
      .returning('epoch')
      .executeTakeFirstOrThrow();
    return Number(row.epoch);
  }

  /** Take over a lease only if it still has `epoch` and expired before `now`; the new epoch, or undefined. */
  async takeOver(kind: LeaseKind, id: string, epoch: number, now: number, expiresAt: number): Promise<number | undefined> {
    const row = await this.db
      .updateTable('leases')
      .set({ owner: this.owner, epoch: epoch + 1, expires_at: expiresAt })
      .where('kind', '=', kind)
      .where('id', '=', id)
      .where('epoch', '=', epoch)
      .where('expires_at', '<', now)
      .returning('epoch')
      .executeTakeFirst();
    return row ? Number(row.epoch) : undefined;
  }

  /**
   * The heartbeat: push the leases of `kind` this node holds (`ids`, as its memory says) to
   * `expiresAt`; answers those the store still gives this node. Only the ids named are renewed: a
   * lease let go of here but not in the store (its release failed) runs out, and the orphan sweep of
   * some node takes over whatever work it has pending.
   */
  async renew(expiresAt: number, kind: LeaseKind, ids: readonly string[]): Promise<HeldLease[]> {
    const renewed: HeldLease[] = [];
    // Bounded statements: thousands of sessions on one node stay far under every bind-parameter limit.
    for (let from = 0; from < ids.length; from += RENEW_BATCH) {
      const rows = await this.db
        .updateTable('leases')
        .set({ expires_at: expiresAt })
        .where('owner', '=', this.owner)
        .where('kind', '=', kind)
        .where('id', 'in', ids.slice(from, from + RENEW_BATCH))
        .returning(['id', 'epoch'])
        .execute();
      for (const r of rows) renewed.push({ kind, id: r.id, epoch: Number(r.epoch) });
    }
    return renewed;
  }

  /** Let go (nothing left to do, or leaving memory): anyone may take it at once; a no-op if taken over already. */
  async release(kind: LeaseKind, id: string, epoch: number): Promise<void> {
    await this.db
      .updateTable('leases')
      .set({ owner: '', expires_at: 0, wake_at: null })
      .where('kind', '=', kind)
      .where('id', '=', id)
      .where('owner', '=', this.owner)
      .where('epoch', '=', epoch)
      .execute();
  }

  /** Hand over on a clean shutdown: expired at once, its pending work (wake_at) kept for the orphan sweep of another node. */
  async expire(kind: LeaseKind, id: string, epoch: number): Promise<void> {
    await this.db.updateTable('leases').set({ expires_at: 0 }).where('kind', '=', kind).where('id', '=', id).where('owner', '=', this.owner).where('epoch', '=', epoch).execute();
  }

  /** Leases of a kind whose owner stopped renewing them while work was pending: a dead node's. */
  async orphaned(kind: LeaseKind, now: number, limit: number): Promise<{ id: string; epoch: number }[]> {
    const rows = await this.db
      .selectFrom('leases')
      .select(['id', 'epoch'])
      .where('kind', '=', kind)
      .where('expires_at', '<', now)
      .where('wake_at', 'is not', null)
      .orderBy('wake_at')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, epoch: Number(r.epoch) }));
  }

  async holder(kind: LeaseKind, id: string): Promise<LeaseRow | undefined> {
    const row = await this.db.selectFrom('leases').selectAll().where('kind', '=', kind).where('id', '=', id).executeTakeFirst();
    return row && { owner: row.owner, epoch: Number(row.epoch), expiresAt: Number(row.expires_at), wakeAt: row.wake_at === null ? null : Number(row.wake_at) };
  }
}
