// PostgreSQL timeouts, against the real server of tests/server/pgServer.ts through the store's own
// pool: a statement running past DB_STATEMENT_TIMEOUT_MS is cancelled by the server; one the server
// never answers for is given up by the client a little later and its connection dropped. Both
// surface as "the store is unavailable" (server/store/storeFailures.ts), the path that refuses an
// event with a clear message rather than holding it forever.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgres } from '../../server/store/postgres.ts';
import type { Database } from '../../server/store/schema.ts';
import { isStoreUnavailable } from '../../server/store/storeFailures.ts';
import { freshStore } from './backends.ts';

let db: Kysely<Database> | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

async function open(statementTimeoutMs: number, max?: number): Promise<Kysely<Database>> {
  const { url } = await freshStore('postgres');
  db = await openPostgres({ url: url as string, statementTimeoutMs, ...(max ? { max } : {}) });
  return db;
}

async function failure(run: Promise<unknown>): Promise<{ err: unknown; ms: number }> {
  const started = performance.now();
  const err = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  return { err, ms: performance.now() - started };
}

const backendPid = async (store: Kysely<Database>) => (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(store)).rows[0]?.pid;

describe('PostgreSQL timeouts', () => {
  it('the server cancels a statement past the statement timeout: a store failure, and the pool goes on', async () => {
    const store = await open(300);
    const { err, ms } = await failure(sql`SELECT pg_sleep(5)`.execute(store));
    expect(err).toMatchObject({ code: '57014' });
    expect(isStoreUnavailable(err)).toBe(true);
    expect(ms).toBeLessThan(2000);
    expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(store)).rows).toEqual([{ one: 1 }]);
  });

  it('a transaction cancelled by the statement timeout is rolled back and fails as a store failure', async () => {
    const store = await open(300);
    const { err } = await failure(
      store.transaction().execute(async (trx) => {
        await trx.insertInto('scenario_bundles').values({ hash: 'h', scenario_id: 'x', version: 1, bundle: '{}', created_at: 0, used_at: 0 }).execute();
        await sql`SELECT pg_sleep(5)`.execute(trx);
      }),
    );
    expect(isStoreUnavailable(err)).toBe(true);
    expect(await store.selectFrom('scenario_bundles').select('hash').execute()).toEqual([]);
  });

  it('gives up on a statement the server does not answer for, and drops that connection', async () => {
    // One connection, whose own statement timeout is switched off: only the client-side backstop
    // (statement timeout + 2 s) can end the wait.
    const store = await open(300, 1);
    const stuckPid = await backendPid(store);
    await sql`SET statement_timeout = 0`.execute(store);
    const { err, ms } = await failure(sql`SELECT pg_sleep(10)`.execute(store));
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe('Query read timeout');
    expect(isStoreUnavailable(err)).toBe(true);
    expect(ms).toBeGreaterThan(2000);
    expect(ms).toBeLessThan(5000);
    // The next query gets a new connection at once (not queued behind the sleep), with the timeout back.
    const started = performance.now();
    expect(await backendPid(store)).not.toBe(stuckPid);
    expect(performance.now() - started).toBeLessThan(1500);
    expect((await failure(sql`SELECT pg_sleep(5)`.execute(store))).err).toMatchObject({ code: '57014' });
  });

  it('a transaction the server does not answer for fails as a store failure too', async () => {
    const store = await open(300, 1);
    const { err } = await failure(
      store.transaction().execute(async (trx) => {
        await sql`SET LOCAL statement_timeout = 0`.execute(trx);
        await sql`SELECT pg_sleep(10)`.execute(trx);
      }),
    );
    expect(isStoreUnavailable(err)).toBe(true);
    expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(store)).rows).toEqual([{ one: 1 }]);
  });
});
