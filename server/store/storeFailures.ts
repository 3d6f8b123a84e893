// How the runtime tells database failures apart: the store being unreachable (refused, reset, shut
// down, timed out: the event is refused with a clear message and the client sends it again) from a
// row that is already there (a commit whose answer was lost: the session copy is behind its log).

/** The message of the error ack an event gets while the database cannot be reached. */
export const STORE_UNAVAILABLE = 'the database is unavailable right now: nothing was recorded; send it again (same clientMsgId) in a moment';

/** A connection-level database failure (refused, reset, shut down, timed out), not a bad query. */
export function isStoreUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  // 57014: the statement timeout (or an operator) cancelled the query; it was rolled back whole.
  if (typeof code === 'string' && (/^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|57014|57P0[1-3]|08\w{3}|SQLITE_BUSY)$/.test(code))) return true;
  // Query read timeout: the client stopped waiting for an answer the server never sent, and dropped
  // the connection (server/store/postgres.ts); a rollback tried on it then finds the client closed.
  return /Connection terminated|connection timeout|Client has encountered a connection error|Client was closed and is not queryable|the database system is (shutting down|starting up)|timeout exceeded when trying to connect|Query read timeout/i.test(err.message);
}

/** A unique key refused the insert (PostgreSQL 23505, SQLite's constraint codes). */
export function isDuplicateRow(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
