// PostgreSQL behind the same Kysely queries and migrations as SQLite: chosen by DATABASE_URL, for
// several nodes sharing one store.
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { migrateToLatest } from './migrations.ts';
import type { Database } from './schema.ts';

const INT8_OID = 20;

/**
 * pg hands int8 (bigint) back as a string, since it may exceed 2^53; our bigint columns are epoch
 * milliseconds, seeds and counts, all far below it, and the code (like the SQLite driver) expects
 * numbers. Set on this pool only, not pg's global registry, so no other pg user is affected.
 */
export function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} is beyond a safe JavaScript integer`);
  return n;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8_OID && format !== 'binary' ? parseInt8 : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser,
};

export interface PostgresOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** pool size; the group commit needs only one connection for its writes */
  max?: number;
  /** an idle pooled connection failed (the server went away); the pool has dropped it already */
  onIdleError?: (err: Error) => void;
}

const CONNECT_TIMEOUT_MS = 5000;
/** Idle time before the first keepalive probe; the probes' interval and count are the system's. */
const KEEPALIVE_IDLE_MS = 10_000;

/** Connect and migrate to the latest schema (Kysely's migrator takes a lock: nodes may race here). */
export async function openPostgres(options: PostgresOptions): Promise<Kysely<Database>> {
  // A connection attempt that hangs (a stopped server) fails after a while instead of holding an event forever.
  // TCP keepalive: a database host that vanished without closing its connections (a failover, a
  // pulled cable) is found out by the kernel's probes instead of never.
  const pool = new pg.Pool({ connectionString: options.url, max: options.max ?? 10, types, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true, keepAliveInitialDelayMillis: KEEPALIVE_IDLE_MS });
  // An idle connection the server closed (a restart, a failover) is dropped by the pool, which then
  // emits 'error': unheard, that would end the process. The next query opens a new connection.
  pool.on('error', (err) => options.onIdleError?.(err));
  // A connection lost while checked out (a query or a transaction under way: the server shut down or
  // killed the backend) makes its client emit 'error' too, and the pool listens only to idle clients;
  // Kysely adds no listener either, so that too would end the process. The query under way fails by
  // itself (with that error, or 'Connection terminated'), and the pool drops the dead client when it
  // comes back (it is no longer queryable), so nothing is left to do here.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return db;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(?:ql)?:\/\//.test(url);
}
