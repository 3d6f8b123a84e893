// The session log: an append-only record of every inbound event and every effect. Writes from all
// sessions that arrive in the same turn of the event loop commit together in one transaction
// (group commit), and each caller's promise settles only once its rows are committed. On SQLite the
// batches go to the log writer (server/store/logWriter.ts); while one commits, the next one gathers.
import type { Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';
import { logWriterOf } from './database.ts';
import { LeaseLostError } from './leases.ts';
import { isStoreUnavailable } from './storeFailures.ts';
import { writeRows } from './logRows.ts';
import type { LogBatch, LogWriter } from './logWriter.ts';
import { encodeBatch } from './logWriter.ts';
import type { Database, SessionsTable } from './schema.ts';

export type SessionRow = SessionsTable;

export interface LoggedEffect {
  k: number;
  dueAt: number;
  kind: string;
  payload: unknown;
}

export interface LoggedEvent {
  n: number;
  at: number;
  type: string;
  payload: unknown;
  clientMsgId: string | null;
  result: unknown;
  effects: LoggedEffect[];
}

export interface SessionEnd {
  endedAt: number;
  outcome: string | null;
  score: number;
}

export interface StoredSession {
  session: SessionRow;
  /** what the start produced (row n = 0) */
  startEffects: LoggedEffect[];
  /** inbound events n = 1, 2, ... in order */
  events: LoggedEvent[];
}

/** The lease an append must still match (owner and epoch), and the holder's next wake-up to record. */
export interface Fence {
  owner: string;
  epoch: number;
  wakeAt: number | null;
  /** the session's last write: the lease is let go with it (no separate write on the way out) */
  release?: boolean;
}

/** The lease a new session starts with (epoch 1), written with its first rows. */
export interface NewLease {
  owner: string;
  expiresAt: number;
  wakeAt: number | null;
}

type Write =
  | { kind: 'create'; session: SessionRow; effects: LoggedEffect[]; lease: NewLease | undefined }
  | { kind: 'append'; sessionId: string; event: LoggedEvent; end: SessionEnd | undefined; fence: Fence | undefined };

interface Pending {
  write: Write;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Writes per transaction. This bounds how long one commit holds the database (and, through Kysely on
 * this thread, every other socket); between batches the loop gets a turn.
 */
const WRITES_PER_BATCH = 256;

export class SessionLog {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private readonly writer: LogWriter | undefined;
  private readonly postgres: boolean;

  constructor(private readonly db: Kysely<Database>) {
    this.writer = logWriterOf(db);
    this.postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  }

  /**
   * Keep a scenario bundle once; sessions point at it by hash. Saving it again marks it used now: the
   * retention sweep (server/store/retention.ts) leaves a bundle used within its window alone, so one
   * a new session is about to point at is never deleted under it.
   */
  async saveBundle(hash: string, scenarioId: string, version: number, bundleJson: string, now: number): Promise<void> {
    await this.db
      .insertInto('scenario_bundles')
      .values({ hash, scenario_id: scenarioId, version, bundle: bundleJson, created_at: now, used_at: now })
      .onConflict((oc) => oc.column('hash').doUpdateSet({ used_at: now }))
      .execute();
  }

  async bundle(hash: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('scenario_bundles').select('bundle').where('hash', '=', hash).executeTakeFirst();
    return row?.bundle;
  }

  /** The newest stored bundle of that scenario version: sessions can start on a version no longer on disk. */
  async bundleOfVersion(scenarioId: string, version: number): Promise<{ hash: string; bundle: string } | undefined> {
    return this.db
      .selectFrom('scenario_bundles')
      .select(['hash', 'bundle'])
      .where('scenario_id', '=', scenarioId)
      .where('version', '=', version)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
  }

  /** The session row and the start's effects (row 0), and its lease if given, in one transaction. */
  create(session: SessionRow, effects: LoggedEffect[], lease?: NewLease): Promise<void> {
    return this.enqueue({ kind: 'create', session, effects, lease });
  }

  /**
   * One inbound event with its effects and, for the last event, the session's end: one transaction.
   * With a fence, it is written only while the session's lease still has that owner and epoch, and
   * rejects with LeaseLostError otherwise (checked in the same transaction, no extra round trip).
   */
  append(sessionId: string, event: LoggedEvent, end?: SessionEnd, fence?: Fence): Promise<void> {
    return this.enqueue({ kind: 'append', sessionId, event, end, fence });
  }

  async load(sessionId: string): Promise<StoredSession | undefined> {
    const session = await this.db.selectFrom('sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
    if (!session) return undefined;
    const rows = await this.db.selectFrom('session_events').selectAll().where('session_id', '=', sessionId).orderBy('n').execute();
    // Every session has row 0 from its start; none at all: the retention sweep deleted the session
    // between the two reads (server/store/retention.ts), and it is gone rather than empty.
    if (rows.length === 0 && !(await this.db.selectFrom('sessions').select('id').where('id', '=', sessionId).executeTakeFirst())) return undefined;
    const events = rows.map((e) => ({
      n: e.n,
      at: e.at,
      type: e.type,
      payload: JSON.parse(e.payload) as unknown,
      clientMsgId: e.client_msg_id,
      result: e.result === null ? null : (JSON.parse(e.result) as unknown),
      effects: JSON.parse(e.effects) as LoggedEffect[],
    }));
    const start = events[0]?.n === 0 ? events.shift() : undefined;
    return { session, startEffects: start?.effects ?? [], events };
  }

  /** Wait for every queued write to commit. */
  async flush(): Promise<void> {
    for (let i = 0; i < 1000 && (this.flushing || this.queue.length > 0); i++) {
      await (this.flushing ?? this.startFlush());
    }
  }

  private enqueue(write: Write): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      // Let every write of this event-loop turn join the batch before committing it.
      if (this.queue.length === 1 && !this.flushing) setImmediate(() => void this.startFlush());
    });
  }

  private startFlush(): Promise<void> {
    if (this.flushing) return this.flushing;
    this.flushing = this.drain().finally(() => {
      this.flushing = null;
      if (this.queue.length > 0) setImmediate(() => void this.startFlush());
    });
    return this.flushing;
  }

  private async drain(): Promise<void> {
    for (let guard = 0; guard < 10_000 && this.queue.length > 0; guard++) {
      if (guard > 0) await new Promise((resolve) => setImmediate(resolve));
      const batch = this.queue.splice(0, WRITES_PER_BATCH);
      try {
        settle(batch, await this.commit(toBatch(batch.map((p) => p.write))));
      } catch (batchError) {
        // The database cannot be reached: every write of the batch gets that answer now. Retried one
        // by one, each would wait out its own connection attempt (seconds apiece on a host that
        // drops packets) before the trainee hears anything.
        if (batch.length === 1 || isStoreUnavailable(batchError)) {
          for (const p of batch) p.reject(batchError);
          continue;
        }
        // One bad write must not sink the others: retry each alone.
        for (const p of batch) {
          try {
            settle([p], await this.commit(toBatch([p.write])));
          } catch (err) {
            p.reject(err);
          }
        }
      }
    }
  }

  /** One transaction: by the SQLite log writer when there is one and it takes it, else through Kysely. Answers the fenced sessions. */
  private async commit(batch: LogBatch): Promise<string[]> {
    const written = this.writer ? await this.writer.write(batch) : undefined;
    if (written) return written;
    const rows = encodeBatch(batch);
    return this.db.transaction().execute((trx) => writeRows(trx, rows, this.postgres));
  }
}

/** A committed batch: the fenced appends learn that their lease is gone, the rest are done. */
function settle(batch: Pending[], fenced: string[]): void {
  for (const p of batch) {
    const w = p.write;
    if (w.kind === 'append' && w.fence && fenced.includes(w.sessionId)) p.reject(new LeaseLostError('session', w.sessionId));
    else p.resolve();
  }
}

/** A batch as the writer takes it; its JSON columns are encoded by whichever path writes it (on SQLite files, by the worker off this thread). */
function toBatch(writes: Write[]): LogBatch {
  const rows: LogBatch = { sessions: [], leases: [], fences: [], events: [], ends: [] };
  for (const w of writes) {
    if (w.kind === 'create') {
      rows.sessions.push(w.session);
      if (w.lease) rows.leases.push({ kind: 'session', id: w.session.id, owner: w.lease.owner, epoch: 1, expires_at: w.lease.expiresAt, wake_at: w.lease.wakeAt });
      rows.events.push({ session_id: w.session.id, n: 0, at: w.session.started_at, type: 'start', payload: {}, client_msg_id: null, result: null, effects: w.effects });
      continue;
    }
    const e = w.event;
    if (w.fence) rows.fences.push({ session_id: w.sessionId, owner: w.fence.owner, epoch: w.fence.epoch, wake_at: w.fence.wakeAt, release: w.fence.release ? 1 : 0 });
    rows.events.push({ session_id: w.sessionId, n: e.n, at: e.at, type: e.type, payload: e.payload, client_msg_id: e.clientMsgId, result: e.result ?? null, effects: e.effects });
    if (w.end) rows.ends.push({ id: w.sessionId, end: w.end });
  }
  return rows;
}
