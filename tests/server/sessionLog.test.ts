// The log on its own, on both backends (SQLite, and the PostgreSQL of tests/server/pgServer.ts):
// migrations on a fresh store, group commit, one bad write not sinking a batch, bigint as numbers.
import { afterEach, describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { openSqlite } from '../../server/store/database.ts';
import { parseInt8 } from '../../server/store/postgres.ts';
import type { Database } from '../../server/store/schema.ts';
import type { SessionRow } from '../../server/store/sessionLog.ts';
import { SessionLog } from '../../server/store/sessionLog.ts';
import { isStoreUnavailable } from '../../server/store/storeFailures.ts';
import { BACKENDS, freshStore, openStore } from './backends.ts';

let db: Kysely<Database> | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

function row(id: string, startedAt = 1): SessionRow {
  return { id, scenario_id: 'x', scenario_version: 1, bundle_hash: 'h', seed: 1, speed: 0, mode: 'practice', display_name: 'n', started_at: startedAt, ended_at: null, outcome: null, score: null, rules_revision: 2 };
}

const effect = { k: 1, dueAt: 1, kind: 'trainee:say', payload: { x: 1 } };
const event = (n: number, clientMsgId: string, effects = [effect]) => ({ n, at: n, type: 'reply', payload: { type: 'reply', text: 'hi' }, clientMsgId, result: { messageId: `m${n}`, at: n }, effects });

describe.each(BACKENDS)('SessionLog on %s', (backend) => {
  it('creates and migrates the store on first open, and again is a no-op', async () => {
    const at = await freshStore(backend);
    at.file = at.file.replace('kefu-dojo.sqlite', 'nested/db.sqlite');
    db = await openStore(at);
    await db.destroy();
    db = await openStore(at);
    const log = new SessionLog(db);
    expect(await log.load('missing')).toBeUndefined();
  });

  it('commits the writes of one turn together, and isolates a bad one', async () => {
    db = await openStore(await freshStore(backend));
    const log = new SessionLog(db);
    await log.saveBundle('h', 'x', 1, '{}', 0);
    await Promise.all([log.create(row('a'), []), log.create(row('b'), [])]);
    const writes = [
      log.append('a', event(1, 'c1')),
      log.append('a', event(2, 'c1')), // the same clientMsgId twice: refused by the unique index
      log.append('b', event(1, 'c9', []), { endedAt: 5, outcome: 'left', score: 42 }),
    ];
    const results = await Promise.allSettled(writes);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const a = await log.load('a');
    expect(a?.events.map((e) => e.n)).toEqual([1]);
    expect(a?.events[0]?.effects).toEqual([effect]);
    expect(a?.startEffects).toEqual([]);
    const b = await log.load('b');
    expect(b?.session).toMatchObject({ ended_at: 5, outcome: 'left', score: 42 });
    expect(b?.events[0]?.result).toEqual({ messageId: 'm1', at: 1 });
  });

  it('rolls a failed batch back whole before retrying its writes one by one', async () => {
    db = await openStore(await freshStore(backend));
    const log = new SessionLog(db);
    await log.saveBundle('h', 'x', 1, '{}', 0);
    // In one turn: a session created, then a write for a session that does not exist (a foreign key).
    const writes = [log.create(row('c'), [effect]), log.append('ghost', event(1, 'g1')), log.append('c', event(1, 'c1'))];
    expect((await Promise.allSettled(writes)).map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const c = await log.load('c');
    expect(c?.startEffects).toEqual([effect]);
    expect(c?.events.map((e) => e.clientMsgId)).toEqual(['c1']);
    expect(await db.selectFrom('session_events').select('n').where('session_id', '=', 'ghost').execute()).toEqual([]);
    await log.flush();
  });

  it('gives bigint columns back as numbers, past 2^31 and counted rows included', async () => {
    db = await openStore(await freshStore(backend));
    const log = new SessionLog(db);
    const now = 1_760_000_000_123;
    await log.saveBundle('h', 'x', 1, '{}', now);
    await log.create({ ...row('big', now), seed: 4_294_967_295 }, []);
    await log.append('big', { ...event(1, 'c1'), at: now + 1 }, { endedAt: now + 2, outcome: null, score: 0.5 });
    const loaded = await log.load('big');
    expect(loaded?.session).toMatchObject({ started_at: now, ended_at: now + 2, seed: 4_294_967_295, speed: 0, score: 0.5 });
    expect(typeof loaded?.session.started_at).toBe('number');
    expect(loaded?.events[0]?.at).toBe(now + 1);
    const counted = await db.selectFrom('session_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(counted.n).toBe(2);
  });
});

describe('SessionLog on an in-memory SQLite database (written on this thread)', () => {
  it('commits on the connection, isolates a bad write, and waits out an open Kysely transaction', async () => {
    db = await openSqlite({ file: ':memory:' });
    const log = new SessionLog(db);
    await log.saveBundle('h', 'x', 1, '{}', 0);
    const writes = [log.create(row('m'), [effect]), log.append('ghost', event(1, 'g1')), log.append('m', event(1, 'c1'))];
    expect((await Promise.allSettled(writes)).map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    // A batch that comes while someone else's transaction is open must not become part of it.
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const other = db.transaction().execute(async (trx) => {
      await trx.insertInto('scenario_bundles').values({ hash: 'h2', scenario_id: 'x', version: 2, bundle: '{}', created_at: 0 }).execute();
      await held;
      throw new Error('rolled back');
    });
    const appended = log.append('m', event(2, 'c2'), { endedAt: 9, outcome: 'left', score: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await expect(other).rejects.toThrow('rolled back');
    await appended;
    const m = await log.load('m');
    expect(m?.events.map((e) => e.clientMsgId)).toEqual(['c1', 'c2']);
    expect(m?.session).toMatchObject({ ended_at: 9, outcome: 'left' });
    expect(await log.bundle('h2')).toBeUndefined();
  });
});

describe('the int8 parser', () => {
  it('reads safe integers as numbers and refuses to round a larger one', () => {
    expect(parseInt8('1760000000123')).toBe(1_760_000_000_123);
    expect(parseInt8('-5')).toBe(-5);
    expect(() => parseInt8('9007199254740993')).toThrow(RangeError);
  });
});

describe('SessionLog with its database unreachable', () => {
  it('answers every write of a failed batch at once, without trying each again on its own', async () => {
    // Nothing listens on port 1 of this machine: every connection attempt is refused.
    const pool = new pg.Pool({ connectionString: 'postgres://kefu@127.0.0.1:1/kefu', connectionTimeoutMillis: 5000 });
    let attempts = 0;
    const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
    (pool as unknown as { connect: () => Promise<pg.PoolClient> }).connect = () => {
      attempts++;
      return connect();
    };
    const unreachable = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      const log = new SessionLog(unreachable);
      const writes = ['a', 'b', 'c', 'd'].map((id) => log.append(id, event(1, `${id}1`)));
      const results = await Promise.allSettled(writes);
      expect(results.every((r) => r.status === 'rejected' && isStoreUnavailable(r.reason))).toBe(true);
      // One attempt for the batch; retried alone, it would have been one more per write.
      expect(attempts).toBe(1);
    } finally {
      await unreachable.destroy();
    }
  });
});
