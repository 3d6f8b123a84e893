// Opens the embedded SQLite database (PostgreSQL is a second dialect behind the same Kysely queries).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { startCheckpointer } from './checkpointer.ts';
import { migrateToLatest } from './migrations.ts';
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
