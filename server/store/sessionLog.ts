// The session log: an append-only record of every inbound event and every effect. Writes from all
// sessions that arrive in the same turn of the event loop commit together in one transaction
// (group commit), and each caller's promise settles only once its rows are committed.
import type { Kysely, Transaction } from 'kysely';
import type { Database, SessionEffectsTable, SessionEventsTable, SessionsTable } from './schema.ts';

export type SessionRow = SessionsTable;

export interface LoggedEvent {
  n: number;
  at: number;
  type: string;
  payload: unknown;
  clientMsgId: string | null;
  result: unknown;
}

export interface LoggedEffect {
  k: number;
  eventN: number;
  dueAt: number;
  kind: string;
  payload: unknown;
}

export interface SessionEnd {
  endedAt: number;
  outcome: string | null;
  score: number;
}

export interface StoredSession {
  session: SessionRow;
  events: LoggedEvent[];
  effects: LoggedEffect[];
}

type Write =
  | { kind: 'create'; session: SessionRow; effects: LoggedEffect[] }
  | { kind: 'append'; sessionId: string; event: LoggedEvent; effects: LoggedEffect[]; end: SessionEnd | undefined };

interface Pending {
  write: Write;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** Rows per multi-row INSERT: well under SQLite's bound-parameter limit. */
const ROWS_PER_INSERT = 400;
/** Writes per transaction: a bound on how long one commit holds the writer. */
const WRITES_PER_BATCH = 2000;

export class SessionLog {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;

  constructor(private readonly db: Kysely<Database>) {}

  /** Keep a scenario bundle once; sessions point at it by hash. */
  async saveBundle(hash: string, scenarioId: string, version: number, bundleJson: string, now: number): Promise<void> {
    await this.db
      .insertInto('scenario_bundles')
      .values({ hash, scenario_id: scenarioId, version, bundle: bundleJson, created_at: now })
      .onConflict((oc) => oc.column('hash').doNothing())
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

  /** The session row and the start's effects (event 0), in one transaction. */
  create(session: SessionRow, effects: LoggedEffect[]): Promise<void> {
    return this.enqueue({ kind: 'create', session, effects });
  }

  /** One inbound event, its effects and, for the last event, the session's end: one transaction. */
  append(sessionId: string, event: LoggedEvent, effects: LoggedEffect[], end?: SessionEnd): Promise<void> {
    return this.enqueue({ kind: 'append', sessionId, event, effects, end });
  }

  async load(sessionId: string): Promise<StoredSession | undefined> {
    const session = await this.db.selectFrom('sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
    if (!session) return undefined;
    const events = await this.db.selectFrom('session_events').selectAll().where('session_id', '=', sessionId).orderBy('n').execute();
    const effects = await this.db.selectFrom('session_effects').selectAll().where('session_id', '=', sessionId).orderBy('k').execute();
    return {
      session,
      events: events.map((e) => ({
        n: e.n,
        at: e.at,
        type: e.type,
        payload: JSON.parse(e.payload) as unknown,
        clientMsgId: e.client_msg_id,
        result: e.result === null ? null : (JSON.parse(e.result) as unknown),
      })),
      effects: effects.map((e) => ({ k: e.k, eventN: e.event_n, dueAt: e.due_at, kind: e.kind, payload: JSON.parse(e.payload) as unknown })),
    };
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
      const batch = this.queue.splice(0, WRITES_PER_BATCH);
      try {
        await this.db.transaction().execute((trx) => writeAll(trx, batch.map((p) => p.write)));
        for (const p of batch) p.resolve();
      } catch (batchError) {
        if (batch.length === 1) {
          batch[0]?.reject(batchError);
          continue;
        }
        // One bad write must not sink the others: retry each alone.
        for (const p of batch) {
          try {
            await this.db.transaction().execute((trx) => writeAll(trx, [p.write]));
            p.resolve();
          } catch (err) {
            p.reject(err);
          }
        }
      }
    }
  }
}

async function writeAll(trx: Transaction<Database>, writes: Write[]): Promise<void> {
  const sessions: SessionRow[] = [];
  const events: SessionEventsTable[] = [];
  const effects: SessionEffectsTable[] = [];
  const ends: { id: string; end: SessionEnd }[] = [];
  for (const w of writes) {
    const sessionId = w.kind === 'create' ? w.session.id : w.sessionId;
    if (w.kind === 'create') sessions.push(w.session);
    else {
      events.push({
        session_id: sessionId,
        n: w.event.n,
        at: w.event.at,
        type: w.event.type,
        payload: JSON.stringify(w.event.payload),
        client_msg_id: w.event.clientMsgId,
        result: w.event.result === null || w.event.result === undefined ? null : JSON.stringify(w.event.result),
      });
      if (w.end) ends.push({ id: sessionId, end: w.end });
    }
    for (const e of w.effects) {
      effects.push({ session_id: sessionId, k: e.k, event_n: e.eventN, due_at: e.dueAt, kind: e.kind, payload: JSON.stringify(e.payload) });
    }
  }
  for (const rows of chunks(sessions)) await trx.insertInto('sessions').values(rows).execute();
  for (const rows of chunks(events)) await trx.insertInto('session_events').values(rows).execute();
  for (const rows of chunks(effects)) await trx.insertInto('session_effects').values(rows).execute();
  for (const { id, end } of ends) {
    await trx.updateTable('sessions').set({ ended_at: end.endedAt, outcome: end.outcome, score: end.score }).where('id', '=', id).execute();
  }
}

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) out.push(rows.slice(i, i + ROWS_PER_INSERT));
  return out;
}
