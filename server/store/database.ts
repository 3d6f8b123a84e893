// Opens the store: the embedded SQLite database by default, PostgreSQL (server/store/postgres.ts)
// when DATABASE_URL is set; both behind the same Kysely queries and migrations.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import type { Driver, SqliteDialectConfig } from 'kysely';
import { Kysely, SqliteDialect, SqliteDriver } from 'kysely';
import { startCheckpointer } from './checkpointer.ts';
import type { LogWriter } from './logWriter.ts';
import { threadWriter, workerWriter } from './logWriter.ts';
import { migrateToLatest } from './migrations.ts';
import { openPostgres } from './postgres.ts';
import type { Database } from './schema.ts';

/** The session log's writer of each Kysely instance openSqlite made; PostgreSQL has none. */
const logWriters = new WeakMap<object, LogWriter>();

/** The log's SQLite writer under `db` (server/store/logWriter.ts), if openSqlite opened it. */
export function logWriterOf(db: object): LogWriter | undefined {
  return logWriters.get(db);
}

/**
 * Kysely prepares every query it runs; compiling the same SQL again each time is wasted work, so
 * statements are kept by their text (a busy one, still being iterated, is never handed out twice).
 */
const STATEMENT_CACHE_SIZE = 256;

function cachedPrepare(sqlite: SQLite.Database): (source: string) => SQLite.Statement {
  const cache = new Map<string, SQLite.Statement>();
  return (query) => {
    // The log writer commits from its own connection (server/store/logWriter.ts). A deferred
    // transaction that read before it wrote would fail outright (SQLITE_BUSY_SNAPSHOT) had the writer
    // committed in between; one that takes the write lock at its start just waits its turn.
    const source = query === 'begin' ? 'begin immediate' : query;
    const cached = cache.get(source);
    if (cached && !cached.busy) return cached;
    const statement = sqlite.prepare(source);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
    cache.set(source, statement);
    return statement;
  };
}

/**
 * Kysely's SQLite driver closes the database on destroy() without waiting for anything; this one's
 * destroy() also waits for the store's threads (the log writer and the checkpointer) to close their
 * connections and exit. Until then they may still write, or even create, files next to the database:
 * whoever closed the store could not yet copy, move or delete its folder safely.
 */
class SqliteStoreDriver extends SqliteDriver {
  constructor(
    config: SqliteDialectConfig,
    private readonly threadsGone: () => Promise<void>,
  ) {
    super(config);
  }

  override async destroy(): Promise<void> {
    await super.destroy();
    await this.threadsGone();
  }
}

class SqliteStoreDialect extends SqliteDialect {
  constructor(
    private readonly config: SqliteDialectConfig,
    private readonly threadsGone: () => Promise<void>,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return new SqliteStoreDriver(this.config, this.threadsGone);
  }
}

export interface SqliteOptions {
  /** a file path, or ':memory:' */
  file: string;
  /**
   * FULL: a transaction is on disk when it commits, so an ack survives a power cut.
   * NORMAL: it survives a process crash (SIGKILL) but perhaps not a power cut; faster.
   */
  synchronous?: 'full' | 'normal';
  /** a background checkpoint failed (the backstop still bounds the WAL) */
  onCheckpointError?: (message: string) => void;
}

/** Open (creating the file and its folder if needed) and migrate to the latest schema. */
export async function openSqlite(options: SqliteOptions): Promise<Kysely<Database>> {
  if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
  const sqlite = new SQLite(options.file);
  // WAL: readers never block the writer, and a commit is one append to the log.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  sqlite.pragma('foreign_keys = ON');
  // A worker thread checkpoints in the background; this connection only does it past ~80 MB of WAL,
  // as a backstop should the worker stop.
  sqlite.pragma('wal_autocheckpoint = 20000');
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('busy_timeout = 5000');
  const checkpointer = options.file === ':memory:' ? undefined : startCheckpointer(options.file, options.onCheckpointError ?? (() => undefined));
  // Both kinds prepare their statements at the first write, once the migrations made the tables.
  const writer = options.file === ':memory:' ? threadWriter(sqlite) : workerWriter(options.file, options.synchronous === 'normal' ? 'NORMAL' : 'FULL');
  let threadsClosing: Promise<unknown> = Promise.resolve();
  const database = {
    prepare: cachedPrepare(sqlite),
    // Kysely closes the database on destroy(): the checkpointer and the log writer go with it, and
    // destroy() resolves once their threads are gone too (SqliteStoreDriver).
    close: () => {
      threadsClosing = Promise.all([checkpointer?.stop(), writer.close()]);
      sqlite.close();
    },
  };
  const db = new Kysely<Database>({ dialect: new SqliteStoreDialect({ database }, () => threadsClosing.then(() => undefined)) });
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (err) {
    // Not left open, threads and all, by a start that failed.
    await db.destroy();
    throw err;
  }
  logWriters.set(db, writer);
  return db;
}

export interface StoreOptions extends SqliteOptions {
  /** postgres://...: PostgreSQL instead of the SQLite file */
  databaseUrl?: string | undefined;
  /** PostgreSQL: a pooled connection was lost (logged; queries reconnect by themselves) */
  onConnectionError?: (err: Error) => void;
  /** PostgreSQL: the server cancels a statement running longer (ms; 0: never) */
  statementTimeoutMs?: number;
  /** PostgreSQL: a new connection not made by then fails (ms) */
  connectTimeoutMs?: number;
}

/** The one store of the server: PostgreSQL when a URL is given, else the SQLite file. */
export async function openDatabase(options: StoreOptions): Promise<Kysely<Database>> {
  if (options.databaseUrl) {
    return openPostgres({
      url: options.databaseUrl,
      ...(options.onConnectionError ? { onIdleError: options.onConnectionError } : {}),
      ...(options.statementTimeoutMs !== undefined ? { statementTimeoutMs: options.statementTimeoutMs } : {}),
      ...(options.connectTimeoutMs !== undefined ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
    });
  }
  return openSqlite(options);
}
