// The session log: an append-only record of every inbound event and every effect. Writes from all
// sessions that arrive in the same turn of the event loop commit together in one transaction
// (group commit), and each caller's promise settles only once its rows are committed. On SQLite the
// batches go to the log writer (server/store/logWriter.ts); while one commits, the next one gathers.
import type { Kysely, Transaction } from 'kysely';
import { logWriterOf } from './database.ts';
import type { LogRows, LogWriter } from './logWriter.ts';
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

type Write = { kind: 'create'; session: SessionRow; effects: LoggedEffect[] } | { kind: 'append'; sessionId: string; event: LoggedEvent; end: SessionEnd | undefined };

interface Pending {
  write: Write;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** Rows per multi-row INSERT: well under SQLite's bound-parameter limit. */
const ROWS_PER_INSERT = 400;
/**
 * Writes per transaction. This bounds how long one commit holds the database (and, through Kysely on
 * this thread, every other socket); between batches the loop gets a turn.
 */
const WRITES_PER_BATCH = 256;

export class SessionLog {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private readonly writer: LogWriter | undefined;

  constructor(private readonly db: Kysely<Database>) {
    this.writer = logWriterOf(db);
  }

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

  /** The session row and the start's effects (row 0), in one transaction. */
  create(session: SessionRow, effects: LoggedEffect[]): Promise<void> {
    return this.enqueue({ kind: 'create', session, effects });
  }

  /** One inbound event with its effects and, for the last event, the session's end: one transaction. */
  append(sessionId: string, event: LoggedEvent, end?: SessionEnd): Promise<void> {
    return this.enqueue({ kind: 'append', sessionId, event, end });
  }

  async load(sessionId: string): Promise<StoredSession | undefined> {
    const session = await this.db.selectFrom('sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
    if (!session) return undefined;
    const rows = await this.db.selectFrom('session_events').selectAll().where('session_id', '=', sessionId).orderBy('n').execute();
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
        await this.commit(toRows(batch.map((p) => p.write)));
        for (const p of batch) p.resolve();
      } catch (batchError) {
        if (batch.length === 1) {
          batch[0]?.reject(batchError);
          continue;
        }
        // One bad write must not sink the others: retry each alone.
        for (const p of batch) {
          try {
            await this.commit(toRows([p.write]));
            p.resolve();
          } catch (err) {
            p.reject(err);
          }
        }
      }
    }
  }

  /** One transaction: by the SQLite log writer when there is one and it takes it, else through Kysely. */
  private async commit(rows: LogRows): Promise<void> {
    if (this.writer && (await this.writer.write(rows))) return;
    await this.db.transaction().execute((trx) => writeRows(trx, rows));
  }
}

/** A batch as rows: every JSON encoded once, whichever path writes it (and again on a retry). */
function toRows(writes: Write[]): LogRows {
  const rows: LogRows = { sessions: [], events: [], ends: [] };
  for (const w of writes) {
    if (w.kind === 'create') {
      rows.sessions.push(w.session);
      rows.events.push({ session_id: w.session.id, n: 0, at: w.session.started_at, type: 'start', payload: '{}', client_msg_id: null, result: null, effects: JSON.stringify(w.effects) });
      continue;
    }
    const e = w.event;
    rows.events.push({
      session_id: w.sessionId,
      n: e.n,
      at: e.at,
      type: e.type,
      payload: JSON.stringify(e.payload),
      client_msg_id: e.clientMsgId,
      result: e.result === null || e.result === undefined ? null : JSON.stringify(e.result),
      effects: JSON.stringify(e.effects),
    });
    if (w.end) rows.ends.push({ id: w.sessionId, end: w.end });
  }
  return rows;
}

async function writeRows(trx: Transaction<Database>, rows: LogRows): Promise<void> {
  for (const chunk of chunks(rows.sessions)) await trx.insertInto('sessions').values(chunk).execute();
  for (const chunk of chunks(rows.events)) await trx.insertInto('session_events').values(chunk).execute();
  for (const { id, end } of rows.ends) {
    await trx.updateTable('sessions').set({ ended_at: end.endedAt, outcome: end.outcome, score: end.score }).where('id', '=', id).execute();
  }
}

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) out.push(rows.slice(i, i + ROWS_PER_INSERT));
  return out;
}
