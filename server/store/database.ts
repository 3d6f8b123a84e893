// Opens the embedded SQLite database (PostgreSQL is a second dialect behind the same Kysely queries).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
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
}

/** Open (creating the file and its folder if needed) and migrate to the latest schema. */
export async function openSqlite(options: SqliteOptions): Promise<Kysely<Database>> {
  if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
  const sqlite = new SQLite(options.file);
  // WAL: readers never block the writer, and a commit is one append to the log.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrateToLatest(db as Kysely<unknown>);
  return db;
}
