// Opens the store: the embedded SQLite database by default, PostgreSQL (server/store/postgres.ts)
// when DATABASE_URL is set; both behind the same Kysely queries and migrations.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { startCheckpointer } from './checkpointer.ts';
import { migrateToLatest } from './migrations.ts';
import { openPostgres } from './postgres.ts';
import type { Database } from './schema.ts';

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
  const database = {
    prepare: (source: string) => sqlite.prepare(source),
    // Kysely closes the database on destroy(): the checkpointer goes with it.
    close: () => {
      checkpointer?.stop();
      sqlite.close();
    },
  };
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  await migrateToLatest(db as Kysely<unknown>);
  return db;
}

export interface StoreOptions extends SqliteOptions {
  /** postgres://...: PostgreSQL instead of the SQLite file */
  databaseUrl?: string | undefined;
}

/** The one store of the server: PostgreSQL when a URL is given, else the SQLite file. */
export async function openDatabase(options: StoreOptions): Promise<Kysely<Database>> {
  if (options.databaseUrl) return openPostgres({ url: options.databaseUrl });
  return openSqlite(options);
}
