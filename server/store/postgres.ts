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
  /** the server cancels a statement running longer (ms; 0: never) */
  statementTimeoutMs?: number;
  /** a new connection not made by then fails (ms) */
  connectTimeoutMs?: number;
}

const CONNECT_TIMEOUT_MS = 5000;
const STATEMENT_TIMEOUT_MS = 10_000;
/**
 * The client gives up this long after the server should have cancelled a statement itself: the
 * server's answer never came (its host vanished mid-query), long before TCP keepalive would notice.
 */
const CLIENT_TIMEOUT_MARGIN_MS = 2000;
/** The client-side timeout's error (pg's own message): the connection it happened on is dropped. */
const QUERY_READ_TIMEOUT = 'Query read timeout';
/** Idle time before the first keepalive probe; the probes' interval and count are the system's. */
const KEEPALIVE_IDLE_MS = 10_000;

/** Connect and migrate to the latest schema (Kysely's migrator takes a lock: nodes may race here). */
export async function openPostgres(options: PostgresOptions): Promise<Kysely<Database>> {
  const connectTimeoutMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
  // Migrations run without a statement timeout: building an index on a big table may take longer.
  await migrateWithoutTimeout(options.url, connectTimeoutMs);
  const statementTimeoutMs = options.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS;
  // A connection attempt that hangs (a stopped server) fails after a while instead of holding an event forever.
  // A statement that hangs (waiting on a lock, a runaway plan) is cancelled by the server, and the
  // client stops waiting a little later should that answer never come.
  // TCP keepalive: a database host that vanished without closing its connections (a failover, a
  // pulled cable) is found out by the kernel's probes instead of never.
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    types,
    connectionTimeoutMillis: connectTimeoutMs,
    ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs, query_timeout: statementTimeoutMs + CLIENT_TIMEOUT_MARGIN_MS } : {}),
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_IDLE_MS,
  });
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
    dropOnReadTimeout(client);
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

async function migrateWithoutTimeout(url: string, connectTimeoutMs: number): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1, types, connectionTimeoutMillis: connectTimeoutMs });
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } finally {
    await db.destroy();
  }
}

/**
 * After pg's client-side timeout the query is still under way on the connection (pg only stops
 * waiting), and Kysely hands the client back to the pool as if all were well: the next queries there
 * would queue behind it. Ending that connection makes the pool drop it (the server ends the query's
 * backend once it notices the connection gone).
 */
function dropOnReadTimeout(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const answer = query(...args);
    if (!(answer instanceof Promise)) return answer;
    return answer.catch((err: unknown) => {
      if (err instanceof Error && err.message === QUERY_READ_TIMEOUT) void client.end().catch(() => undefined);
      throw err;
    });
  };
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(?:ql)?:\/\//.test(url);
}
