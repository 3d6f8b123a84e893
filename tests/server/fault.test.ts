// The fault suite: node processes (server/index.ts) on one PostgreSQL and one Redis of the suite's
// own, on 127.0.0.1. A node killed with SIGKILL mid-session while a few hundred trainees are on it
// (they all reconnect to the other node at once and carry on), a Redis restart, and PostgreSQL going
// away for a few seconds. Throughout: every acked reply is in the log exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import { isStoreUnavailable, STORE_UNAVAILABLE } from '../../server/store/storeFailures.ts';
import { openPostgres } from '../../server/store/postgres.ts';
import type { SessionInfo } from '../../server/protocol/index.ts';
import { startPostgres } from './faultPostgres.ts';
import type { PostgresServer } from './faultPostgres.ts';
import { msgId, seqs, tempDataDir, trainee } from './helpers.ts';
import type { ReceivedEvent, Trainee } from './helpers.ts';
import { startRedis } from './redisServer.ts';
import type { RedisServer } from './redisServer.ts';
import { startServerProcess } from './serverProcess.ts';
import type { ServerProcess } from './serverProcess.ts';

const STORM = 300;
let postgres: PostgresServer;
let redis: RedisServer;
const nodes: ServerProcess[] = [];
/** the node that outlives the first test, for the next ones */
let survivor: ServerProcess | undefined;
const clients: Trainee[] = [];

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
}, 60_000);
afterAll(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const n of nodes.splice(0)) n.kill();
  await redis?.stop();
  await postgres?.destroy();
});

async function startNode(id: string): Promise<ServerProcess> {
  const node = await startServerProcess(tempDataDir(), {
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    NODE_ID: id,
    LEASE_TTL_MS: '3000',
    BUYER_SPEED: '0',
    RATE_LIMIT_EVENTS: '1000',
  });
  nodes.push(node);
  return node;
}

async function connect(url: string): Promise<Trainee> {
  const t = await trainee(url);
  clients.push(t);
  return t;
}

/** Every reply row of a session, by clientMsgId, straight from the database. */
async function loggedIds(sessionId: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  try {
    const result = await client.query<{ client_msg_id: string }>('SELECT client_msg_id FROM session_events WHERE session_id = $1 AND client_msg_id IS NOT NULL ORDER BY n', [sessionId]);
    return result.rows.map((r) => r.client_msg_id);
  } finally {
    await client.end();
  }
}

/** `answer`, unless the node exits first: then a failure at once, with its last output (no ack would ever come). */
function unlessDead<T>(node: ServerProcess, answer: Promise<T>): Promise<T> {
  return Promise.race([answer, node.exited.then(() => Promise.reject(new Error(`the node exited: ${node.output().slice(-3000)}`)))]);
}

function traineeLines(events: readonly ReceivedEvent[]): string[] {
  return events.flatMap((e) => (e.name === 'trainee:say' ? [e.payload.message.id] : []));
}

interface Chat {
  info: SessionInfo;
  before: Trainee;
  acked: string[];
  inFlight?: { id: string; text: string; answer: Promise<unknown> };
}

describe('fault suite: node processes on one PostgreSQL and one Redis', () => {
  it(`a node killed mid-session: its ${STORM} trainees reconnect to the other node at once and carry on; no acked reply lost or doubled`, async () => {
    const [doomed, other] = await Promise.all([startNode('node-1'), startNode('node-2')]);
    survivor = other;
    const chats: Chat[] = await Promise.all(
      Array.from({ length: STORM }, async (_, i) => {
        const before = await connect(doomed.url);
        const info = await before.ok('session:start', { scenarioId: 'mini-haggle', displayName: `学员${i}`, mode: 'practice' });
        await before.waitForEvent('buyer:say');
        const first = msgId();
        await before.ok('reply:send', { sessionId: info.sessionId, clientMsgId: first, text: '不能再便宜了哦' });
        return { info, before, acked: [first] };
      }),
    );
    // A tenth send one more reply and the node dies while those are in flight.
    for (const chat of chats.slice(0, STORM / 10)) {
      const id = msgId();
      chat.inFlight = { id, text: '您发截图给我看看', answer: chat.before.send('reply:send', { sessionId: chat.info.sessionId, clientMsgId: id, text: '您发截图给我看看' }).catch(() => undefined) };
    }
    doomed.kill();
    await doomed.exited;

    // Everyone at once: reconnect to the survivor, resume from the last sequence number held, resend
    // what was not acknowledged (same clientMsgId), and go on.
    const storm = await Promise.allSettled(
      chats.map(async (chat) => {
        const answered = (await chat.inFlight?.answer) as { ok?: boolean } | undefined;
        if (chat.inFlight && answered?.ok) chat.acked.push(chat.inFlight.id);
        const after = await connect(other.url);
        const resumed = await after.ok('session:resume', { sessionId: chat.info.sessionId, token: chat.info.token, lastSeq: chat.before.lastSeq() });
        await after.waitFor((events) => chat.before.lastSeq() + events.length >= resumed.lastSeq);
        if (chat.inFlight && !answered?.ok) {
          await after.ok('reply:send', { sessionId: chat.info.sessionId, clientMsgId: chat.inFlight.id, text: chat.inFlight.text });
          chat.acked.push(chat.inFlight.id);
        }
        const last = msgId();
        await after.ok('reply:send', { sessionId: chat.info.sessionId, clientMsgId: last, text: '亲，这款是最低价了' });
        chat.acked.push(last);
        await after.waitFor((events) => traineeLines(events).length + traineeLines(chat.before.events).length >= chat.acked.length);
        return after;
      }),
    );
    const failed = storm.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    expect(failed, other.output()).toEqual([]);

    for (const [i, chat] of chats.entries()) {
      const after = (storm[i] as PromiseFulfilledResult<Trainee>).value;
      expect(await loggedIds(chat.info.sessionId)).toEqual(chat.acked);
      // The client's view across both nodes: one sequence, no gap, no repeat, each reply once.
      const seen = [...chat.before.events, ...after.events];
      expect(seqs(seen)).toEqual(seen.map((_, k) => k + 1));
      const lines = traineeLines(seen);
      expect(new Set(lines).size).toBe(lines.length);
      expect(lines.length).toBe(chat.acked.length);
    }
  }, 60_000);

  it('Redis restarts: replies go on being acked and heard on their node, and rooms span the nodes again without a node restart', async () => {
    const [one, two] = await Promise.all([survivor ?? startNode('node-2b'), startNode('node-3')]);
    survivor = two;
    const a = await connect(one.url);
    const b = await connect(two.url);
    const info = await a.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小周', mode: 'practice' });
    await a.waitForEvent('buyer:say');
    await b.ok('session:resume', { sessionId: info.sessionId, token: info.token, lastSeq: 0 });
    const acked: string[] = [];

    await redis.restart({ crash: true, downMs: 300 });
    // Right after the restart (clients may still be reconnecting): acked, and heard by the sender's socket.
    const during = msgId();
    const ack = await a.ok('reply:send', { sessionId: info.sessionId, clientMsgId: during, text: '不能再便宜了哦' });
    acked.push(during);
    await a.waitFor((events) => events.some((e) => e.name === 'trainee:say' && e.payload.message.id === ack.messageId));

    // Once the adapters are back, a reply through the other node reaches this node's socket again.
    let heardAcross = false;
    for (let i = 0; i < 40 && !heardAcross; i++) {
      const id = msgId();
      const sent = await b.ok('reply:send', { sessionId: info.sessionId, clientMsgId: id, text: `第${i}次` });
      acked.push(id);
      heardAcross = await Promise.race([
        a.waitFor((events) => events.some((e) => e.name === 'trainee:say' && e.payload.message.id === sent.messageId)).then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 500)),
      ]);
    }
    expect(heardAcross).toBe(true);
    expect(await loggedIds(info.sessionId)).toEqual(acked);
  }, 40_000);

  it('a connection lost mid-transaction fails that transaction only: the process stays up and the pool reconnects', async () => {
    const db = await openPostgres({ url: postgres.url, max: 2 });
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    try {
      let backend: number | undefined;
      const cut = db.transaction().execute(async (trx) => {
        backend = (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(trx)).rows[0]?.pid;
        await sql`SELECT pg_sleep(30)`.execute(trx);
      });
      const failed = cut.then(
        () => undefined,
        (err: unknown) => err,
      );
      for (let i = 0; i < 200 && backend === undefined; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      // What a fast shutdown does to each backend. Its client is checked out (mid-transaction), so no
      // pool listener hears the 'error' it then emits: unheard, that used to end the whole process.
      await admin.query('SELECT pg_terminate_backend($1)', [backend]);
      const err = await failed;
      expect(isStoreUnavailable(err), String(err)).toBe(true);
      const { rows } = await sql<{ one: number }>`SELECT 1 AS one`.execute(db);
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await admin.end();
      await db.destroy();
    }
  });

  it('PostgreSQL unavailable for a few seconds: events get an error ack at once, nothing acked is lost, all recovers without a restart', async () => {
    const node = survivor ?? (await startNode('node-4'));
    const t = await connect(node.url);
    const info = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小周', mode: 'practice' });
    await t.waitForEvent('buyer:say');
    const before = msgId();
    await t.ok('reply:send', { sessionId: info.sessionId, clientMsgId: before, text: '不能再便宜了哦' });

    await postgres.stop();
    const during = msgId();
    const refusedAt = Date.now();
    const refused = await unlessDead(node, t.send('reply:send', { sessionId: info.sessionId, clientMsgId: during, text: '您发截图给我看看' }));
    expect(refused).toEqual({ ok: false, error: { code: 'unavailable', message: STORE_UNAVAILABLE } });
    expect(Date.now() - refusedAt).toBeLessThan(8000);
    // A new session cannot be stored either: refused, not left hanging.
    expect(await unlessDead(node, t.send('session:start', { scenarioId: 'mini-haggle', displayName: '小李', mode: 'practice' }))).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await postgres.start();

    // The same node, its pool reconnecting by itself: the refused reply goes in on a retry, once.
    let retried: unknown;
    for (let i = 0; i < 20; i++) {
      retried = await unlessDead(node, t.send('reply:send', { sessionId: info.sessionId, clientMsgId: during, text: '您发截图给我看看' }));
      if ((retried as { ok: boolean }).ok) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(retried).toMatchObject({ ok: true });
    const after = msgId();
    await t.ok('reply:send', { sessionId: info.sessionId, clientMsgId: after, text: '亲，这款是最低价了' });
    expect(await loggedIds(info.sessionId)).toEqual([before, during, after]);
    expect(await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小李', mode: 'practice' })).toMatchObject({ sessionId: expect.any(String) as unknown });
    const alive = await Promise.race([node.exited.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 50))]);
    expect(alive).toBe(true);
  }, 40_000);
});
