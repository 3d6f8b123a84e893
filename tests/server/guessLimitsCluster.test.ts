// Two app nodes on one store and one Redis (the guess limits connected as server/index.ts does with
// REDIS_URL) grant one budget of guesses, not one each: wrong passwords from one address, and wrong
// join codes, split across the nodes are refused on either once the budget is spent, while right
// ones give their places back.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Application } from '../../server/app.ts';
import { createApplication } from '../../server/app.ts';
import { ADDRESS_LIMIT } from '../../server/http/loginLimits.ts';
import { JOIN_FAILURE_LIMIT } from '../../server/runtime/drills/joinGuard.ts';
import { connectRedisGuessLimits } from '../../server/runtime/guessLimits.ts';
import { SessionLog } from '../../server/store/sessionLog.ts';
import { logIn, refusalOf } from './accountHelpers.ts';
import type { StoreAt } from './backends.ts';
import { freshStore, openStore } from './backends.ts';
import type { DrillClient } from './drillHelpers.ts';
import { drillClient, PASSWORD } from './drillHelpers.ts';
import { FIXTURE_SCENARIOS, TEST_SECRET } from './helpers.ts';
import type { RedisServer } from './redisServer.ts';
import { startRedis } from './redisServer.ts';

interface Node {
  url: string;
  app: Application;
  close(): Promise<void>;
}

let redis: RedisServer;
const nodes: Node[] = [];
const clients: DrillClient[] = [];

beforeAll(async () => {
  redis = await startRedis();
}, 20_000);
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const n of nodes.splice(0)) await n.close();
});
afterAll(async () => {
  await redis.stop();
});

async function startNode(store: StoreAt, prefix: string): Promise<Node> {
  const db = await openStore(store);
  const logger = pino({ level: 'silent' });
  const guessLimits = await connectRedisGuessLimits(redis.url, logger, { prefix });
  const httpServer = createServer();
  const app = createApplication(httpServer, { log: new SessionLog(db), db, scenariosDir: FIXTURE_SCENARIOS, sessionSecret: TEST_SECRET, logger, buyerSpeed: 0, allowedOrigins: [], rateLimit: { events: 1000, windowMs: 10_000 }, guessLimits });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const node = {
    url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
    app,
    async close() {
      await app.close();
      await guessLimits.close();
      await db.destroy();
    },
  };
  nodes.push(node);
  return node;
}

/** Two nodes on one fresh store, their limits keyed apart from the other tests' in the one Redis. */
async function twoNodes(): Promise<[Node, Node]> {
  const store = await freshStore('sqlite');
  const prefix = `c${randomBytes(4).toString('hex')}:`;
  return [await startNode(store, prefix), await startNode(store, prefix)];
}

async function client(node: Node, cookie?: string): Promise<DrillClient> {
  const c = await drillClient(node.url, cookie);
  clients.push(c);
  return c;
}

describe('guess limits across two nodes', () => {
  it('wrong logins from one address split across the nodes: the 11th is refused on either; right ones give back', async () => {
    const [a, b] = await twoNodes();
    const added = await a.app.drills?.auth.add('庚老师', PASSWORD, false);
    expect(added?.ok).toBe(true);
    const from = '127.0.7.1';
    for (let i = 0; i < ADDRESS_LIMIT.attempts; i++) {
      // Right logins in between, on both nodes: they use up nothing.
      expect((await logIn((i % 2 === 0 ? b : a).url, '庚老师', PASSWORD, from)).status).toBe(200);
      expect((await logIn((i % 2 === 0 ? a : b).url, `nobody-${i}`, 'wrong-password', from)).status).toBe(401);
    }
    for (const node of [a, b]) {
      const refused = await logIn(node.url, '庚老师', PASSWORD, from);
      expect(refused.status).toBe(429);
      expect(refusalOf(refused)).toEqual({ code: 'rate-limited', reason: 'address' });
    }
    expect((await logIn(b.url, '庚老师', PASSWORD, '127.0.7.2')).status).toBe(200);
  }, 30_000);

  it('wrong join codes split across the nodes: past the budget, refused on either; right codes take no place', async () => {
    const [a, b] = await twoNodes();
    await a.app.drills?.auth.add('辛老师', PASSWORD, false);
    const cookie = (await logIn(a.url, '辛老师', PASSWORD)).cookie;
    const trainer = await client(a, cookie);
    const { code } = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const guessers = [await client(a), await client(b)];
    const wrongCode = (i: number) => String(100_000 + i === Number(code) ? 999_999 - i : 100_000 + i);
    for (let i = 0; i < JOIN_FAILURE_LIMIT.events; i++) {
      const guesser = guessers[i % 2] as DrillClient;
      if (i % 10 === 0) expect(await guessers[0]?.send('drill:check', { code })).toEqual({ ok: true, data: { status: 'open' } });
      expect(await guesser.send('drill:check', { code: wrongCode(i) })).toEqual({ ok: true, data: { status: 'unknown' } });
    }
    for (const guesser of guessers) {
      expect(await guesser.send('drill:check', { code: wrongCode(500) })).toMatchObject({ ok: false, error: { code: 'rate-limited', reason: 'too-many-wrong-codes' } });
      expect(await guesser.send('drill:join', { code, displayName: '猜' })).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    }
  }, 30_000);
});
