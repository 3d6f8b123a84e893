// The session log's writes on SQLite, without Kysely: statements prepared once, each batch one
// transaction (rolled back whole if any row fails). For a database file they run on a worker thread
// with its own connection, so the commit's fsync (synchronous = FULL) never stalls the event loop;
// an in-memory database cannot be shared with a thread and is written in place.
// A batch crosses to the worker with its events' JSON columns still values, and the worker encodes
// them: the event loop then pays for one structured clone of the batch, not for JSON.stringify on
// every column and a clone of the strings it made (the encoding was most of the write's cost here).
// Clone-then-encode gives the same text as encode for plain data; anything the clone refuses is
// first made plain by a JSON round trip, which encodes to the same text again.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';
import type { LeasesTable, SessionEventsTable, SessionsTable } from './schema.ts';

/** A session's lease as an append sees it: the write goes in only if the lease is still this. */
export interface FenceRow {
  session_id: string;
  owner: string;
  epoch: number;
  /** stored with the write, for the sweeper of another node should this one die */
  wake_at: number | null;
  /** 1: the session ends with this write, and the lease is let go in the same statement */
  release: 0 | 1;
}

/** A session_events row whose JSON columns are not encoded yet (the writer encodes them). */
export interface EventRow {
  session_id: string;
  n: number;
  at: number;
  type: string;
  payload: unknown;
  client_msg_id: string | null;
  /** null: no result (stored as SQL NULL, not as the text 'null') */
  result: unknown;
  effects: unknown;
}

interface Batch<E> {
  sessions: SessionsTable[];
  /** the lease of each session created in this batch */
  leases: LeasesTable[];
  fences: FenceRow[];
  events: E[];
  ends: { id: string; end: { endedAt: number; outcome: string | null; score: number } }[];
}

/** One batch of the log as the caller has it: events' JSON columns still values. */
export type LogBatch = Batch<EventRow>;

/** One batch of the log as rows, every JSON encoded (what Kysely writes). */
export type LogRows = Batch<SessionEventsTable>;

/** The row as stored; the worker's copy of this is encodeEvent in WORKER_SOURCE. */
export function encodeEvent(e: EventRow): SessionEventsTable {
  return {
    session_id: e.session_id,
    n: e.n,
    at: e.at,
    type: e.type,
    payload: JSON.stringify(e.payload),
    client_msg_id: e.client_msg_id,
    result: e.result === null || e.result === undefined ? null : JSON.stringify(e.result),
    effects: JSON.stringify(e.effects),
  };
}

export function encodeBatch(batch: LogBatch): LogRows {
  return { ...batch, events: batch.events.map(encodeEvent) };
}

export interface LogWriter {
  /**
   * Resolves once committed with the sessions whose fence refused their rows (nothing of theirs was
   * written), or undefined having written nothing at all (the caller writes through Kysely).
   */
  write(batch: LogBatch): Promise<string[] | undefined>;
  /** Resolves once the writer is done with the database: its thread (if any) gone, its connection closed. */
  close(): Promise<void>;
}

const SQL = {
  session:
    'INSERT INTO sessions (id, scenario_id, scenario_version, bundle_hash, seed, speed, mode, display_name, started_at, ended_at, outcome, score, rules_revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  event: 'INSERT INTO session_events (session_id, n, at, type, payload, client_msg_id, result, effects) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  end: 'UPDATE sessions SET ended_at = ?, outcome = ?, score = ? WHERE id = ?',
  lease: "INSERT INTO leases (kind, id, owner, epoch, expires_at, wake_at) VALUES ('session', ?, ?, ?, ?, ?)",
  fence: "UPDATE leases SET wake_at = ? WHERE kind = 'session' AND id = ? AND owner = ? AND epoch = ?",
  fenceRelease: "UPDATE leases SET owner = '', expires_at = 0, wake_at = NULL WHERE kind = 'session' AND id = ? AND owner = ? AND epoch = ?",
};

/** The same loop as WORKER_SOURCE's, on a connection of this thread; prepared by the first write. */
export function threadWriter(sqlite: SQLite.Database): LogWriter {
  let write: ((rows: LogRows) => string[]) | undefined;
  const prepare = () => {
    const session = sqlite.prepare(SQL.session);
    const event = sqlite.prepare(SQL.event);
    const end = sqlite.prepare(SQL.end);
    const lease = sqlite.prepare(SQL.lease);
    const fence = sqlite.prepare(SQL.fence);
    const fenceRelease = sqlite.prepare(SQL.fenceRelease);
    return sqlite.transaction((rows: LogRows) => {
      const fenced: string[] = [];
      for (const f of rows.fences) {
        const held = f.release ? fenceRelease.run(f.session_id, f.owner, f.epoch) : fence.run(f.wake_at, f.session_id, f.owner, f.epoch);
        if (held.changes === 0) fenced.push(f.session_id);
      }
      for (const s of rows.sessions) session.run(s.id, s.scenario_id, s.scenario_version, s.bundle_hash, s.seed, s.speed, s.mode, s.display_name, s.started_at, s.ended_at, s.outcome, s.score, s.rules_revision);
      for (const l of rows.leases) lease.run(l.id, l.owner, l.epoch, l.expires_at, l.wake_at);
      for (const e of rows.events) if (!fenced.includes(e.session_id)) event.run(e.session_id, e.n, e.at, e.type, e.payload, e.client_msg_id, e.result, e.effects);
      for (const { id, end: e } of rows.ends) if (!fenced.includes(id)) end.run(e.endedAt, e.outcome, e.score, id);
      return fenced;
    });
  };
  return {
    write(batch) {
      // Inside an open Kysely transaction this batch would become its savepoint and share its fate.
      if (sqlite.inTransaction) return Promise.resolve(undefined);
      try {
        write ??= prepare();
        return Promise.resolve(write(encodeBatch(batch)));
      } catch (err) {
        return Promise.reject(err as Error);
      }
    },
    close: () => Promise.resolve(),
  };
}

// Plain CommonJS evaluated in the worker: it needs no TypeScript loader, under tsx or vitest alike.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('synchronous = ' + workerData.synchronous);
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
db.pragma('wal_autocheckpoint = 20000');
const session = db.prepare(workerData.sql.session);
const event = db.prepare(workerData.sql.event);
const end = db.prepare(workerData.sql.end);
const lease = db.prepare(workerData.sql.lease);
const fence = db.prepare(workerData.sql.fence);
const fenceRelease = db.prepare(workerData.sql.fenceRelease);
const encodeEvent = (e) => [e.session_id, e.n, e.at, e.type, JSON.stringify(e.payload), e.client_msg_id, e.result === null || e.result === undefined ? null : JSON.stringify(e.result), JSON.stringify(e.effects)];
const write = db.transaction((rows) => {
  const fenced = [];
  for (const f of rows.fences) {
    const held = f.release ? fenceRelease.run(f.session_id, f.owner, f.epoch) : fence.run(f.wake_at, f.session_id, f.owner, f.epoch);
    if (held.changes === 0) fenced.push(f.session_id);
  }
  for (const s of rows.sessions) session.run(s.id, s.scenario_id, s.scenario_version, s.bundle_hash, s.seed, s.speed, s.mode, s.display_name, s.started_at, s.ended_at, s.outcome, s.score, s.rules_revision);
  for (const l of rows.leases) lease.run(l.id, l.owner, l.epoch, l.expires_at, l.wake_at);
  for (const e of rows.events) if (!fenced.includes(e.session_id)) event.run(...encodeEvent(e));
  for (const { id, end: e } of rows.ends) if (!fenced.includes(id)) end.run(e.endedAt, e.outcome, e.score, id);
  return fenced;
});
parentPort.on('message', (message) => {
  if (message === 'stop') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    // IMMEDIATE: the write lock is taken (or waited for) first, never upgraded from a stale read.
    const fenced = write.immediate(message.batch);
    parentPort.postMessage({ id: message.id, fenced });
  } catch (err) {
    parentPort.postMessage({ id: message.id, error: String(err && err.message), code: err && err.code });
  }
});
`;

/** The batch as JSON sees it: what the worker encodes from this is what encoding `batch` gives. */
function plain(batch: LogBatch): LogBatch {
  return JSON.parse(JSON.stringify(batch)) as LogBatch;
}

interface Answer {
  id: number;
  fenced?: string[];
  error?: string;
  code?: string;
}

/** Writes on a worker thread, started by the first write; answers come back in the order sent. */
export function workerWriter(file: string, synchronous: 'FULL' | 'NORMAL'): LogWriter {
  const waiting = new Map<number, { resolve: (fenced: string[] | undefined) => void; reject: (err: Error) => void }>();
  let worker: Worker | undefined;
  /** resolves when the thread has exited, whatever made it (made with the thread: an exit is never missed) */
  let exited: Promise<void> = Promise.resolve();
  let nextId = 1;
  let failure: Error | undefined;
  const failAll = (err: Error) => {
    failure = err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  const start = (): Worker => {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const started = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, synchronous, sql: SQL } });
    started.on('message', (answer: Answer) => {
      const w = waiting.get(answer.id);
      waiting.delete(answer.id);
      if (waiting.size === 0) started.unref();
      if (answer.error === undefined) w?.resolve(answer.fenced ?? []);
      else w?.reject(Object.assign(new Error(answer.error), { code: answer.code }));
    });
    started.on('error', failAll);
    exited = new Promise((resolve) =>
      started.once('exit', (code) => {
        failAll(new Error(`the log writer thread exited (${code})`));
        resolve();
      }),
    );
    return started;
  };
  return {
    write(batch) {
      // A writer that died fails the batches it had (it cannot say what it committed); later ones
      // go through Kysely on the main connection.
      if (failure) return Promise.resolve(undefined);
      worker ??= start();
      const id = nextId++;
      const thread = worker;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        // Referenced while a batch is out: the process waits for its commit.
        thread.ref();
        try {
          try {
            thread.postMessage({ id, batch });
          } catch {
            // A value structured clone cannot copy (a function, say) that JSON would have dropped.
            thread.postMessage({ id, batch: plain(batch) });
          }
        } catch (err) {
          // Not even JSON takes it (a BigInt, say): this batch fails as its encoding would have.
          waiting.delete(id);
          if (waiting.size === 0) thread.unref();
          reject(err as Error);
        }
      });
    },
    close() {
      const thread = worker;
      // Never started, or failed (an 'error' comes before its 'exit'): wait for the exit only.
      if (!thread || failure) return exited;
      // Referenced from now on: the process waits for the thread to commit what it has, close its
      // connection and go (the 'stop' comes after every batch already sent). An answer still on its
      // way would unref it again (nothing left waiting), so each one refs it back.
      thread.ref();
      thread.on('message', () => thread.ref());
      thread.postMessage('stop');
      return exited;
    },
  };
}
