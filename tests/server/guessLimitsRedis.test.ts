// The guessing limits shared by the nodes in Redis (server/runtime/guessLimits.ts): two limit
// instances on two connections to one real redis-server are two nodes, and they spend one budget:
// login attempts per address and per account name, trusted addresses, wrong join codes. Successes
// give their reservations back, keys expire on their own, and with Redis gone each node falls back to
// its own budget (never unlimited, never locked).
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { pino } from 'pino';
import type { RedisClientType } from 'redis';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_BACKOFF, ADDRESS_LIMIT } from '../../server/http/loginLimits.ts';
import type { GuessLimits } from '../../server/runtime/guessLimits.ts';
import { connectRedisGuessLimits } from '../../server/runtime/guessLimits.ts';
import type { RedisServer } from './redisServer.ts';
import { startRedis } from './redisServer.ts';

const JOIN_LIMIT = { events: 30, windowMs: 10 * 60_000 };
const T0 = 1_800_000_000_000;
let redis: RedisServer;
const opened: GuessLimits[] = [];

beforeAll(async () => {
  redis = await startRedis();
}, 20_000);
afterAll(async () => {
  for (const limits of opened) await limits.close();
  await redis.stop();
});

/** Two nodes' limits, keyed apart from the other tests'. */
async function twoNodes(joinLimit = JOIN_LIMIT): Promise<[GuessLimits, GuessLimits, string]> {
  const prefix = `t${randomBytes(4).toString('hex')}:`;
  const logger = pino({ level: 'silent' });
  const a = await connectRedisGuessLimits(redis.url, logger, { joinLimit, prefix });
  const b = await connectRedisGuessLimits(redis.url, logger, { joinLimit, prefix });
  opened.push(a, b);
  return [a, b, prefix];
}

async function inspect<T>(use: (client: RedisClientType) => Promise<T>): Promise<T> {
  const client: RedisClientType = createClient({ url: redis.url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.close();
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe('login limits shared in Redis', () => {
  it('one address: 10 failures split across two nodes, then the 11th is refused on either', async () => {
    const [a, b] = await twoNodes();
    for (let i = 0; i < ADDRESS_LIMIT.attempts; i++) {
      const node = i % 2 === 0 ? a : b;
      expect(await node.login.reserve('10.0.0.1', `name-${i}`, T0 + i)).toMatchObject({ ok: true });
    }
    for (const node of [a, b]) {
      expect(await node.login.reserve('10.0.0.1', 'another-name', T0 + 100)).toEqual({ ok: false, scope: 'address', retryAfterMs: ADDRESS_LIMIT.windowMs - 100 });
      expect(await node.login.addressWait('10.0.0.1', T0 + 100)).toBe(ADDRESS_LIMIT.windowMs - 100);
    }
    // Another address is not held up, and the first ages out after its minute.
    expect(await b.login.reserve('10.0.0.2', 'name-0', T0 + 100)).toMatchObject({ ok: true });
    expect(await a.login.addressWait('10.0.0.1', T0 + ADDRESS_LIMIT.windowMs - 1)).toBe(1);
    expect(await a.login.addressWait('10.0.0.1', T0 + ADDRESS_LIMIT.windowMs)).toBe(0);
  });

  it('concurrent attempts from one address through both nodes reserve exactly the budget', async () => {
    const [a, b] = await twoNodes();
    const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).login.reserve('10.0.1.1', `n${i}`, T0)));
    expect(burst.filter((x) => x.ok).length).toBe(ADDRESS_LIMIT.attempts);
  });

  it('a success, or a cancel, on one node gives its reservation back on the other', async () => {
    const [a, b] = await twoNodes();
    for (let i = 0; i < ADDRESS_LIMIT.attempts - 1; i++) expect(await a.login.reserve('10.0.2.1', `n${i}`, T0 + i)).toMatchObject({ ok: true });
    const right = await b.login.reserve('10.0.2.1', 'office', T0 + 20);
    const busy = await b.login.reserve('10.0.2.1', 'office', T0 + 20);
    expect(busy).toMatchObject({ ok: false, scope: 'address' });
    if (!right.ok) throw new Error('refused');
    await right.succeeded();
    const cancelled = await a.login.reserve('10.0.2.1', 'office', T0 + 21);
    if (!cancelled.ok) throw new Error('refused');
    await cancelled.cancel();
    expect(await a.login.reserve('10.0.2.1', 'office', T0 + 22)).toMatchObject({ ok: true });
    expect(await b.login.reserve('10.0.2.1', 'office', T0 + 23)).toMatchObject({ ok: false, scope: 'address' });
  });

  it('one account: the back-off counts failures from every node and address; a trusted address is exempt everywhere', async () => {
    const [a, b] = await twoNodes();
    const first = await a.login.reserve('10.0.3.99', '丙老师', T0);
    if (!first.ok) throw new Error('refused');
    await first.succeeded();
    for (let i = 0; i <= ACCOUNT_BACKOFF.free; i++) {
      expect(await (i % 2 === 0 ? a : b).login.reserve(`10.0.3.${i + 1}`, '丙老师', T0 + 10)).toMatchObject({ ok: true });
    }
    for (const node of [a, b]) expect(await node.login.reserve('10.0.4.1', ' 丙老师 ', T0 + 10)).toEqual({ ok: false, scope: 'account', retryAfterMs: ACCOUNT_BACKOFF.baseMs });
    // The address that logged in through node A is trusted on node B too; its success takes back
    // the back-off its reservation had set.
    const trusted = await b.login.reserve('10.0.3.99', '丙老师', T0 + 10);
    if (!trusted.ok) throw new Error('the trusted address was refused');
    await trusted.succeeded();
    // The back-off is over after its wait.
    expect(await b.login.reserve('10.0.4.1', '丙老师', T0 + 10 + ACCOUNT_BACKOFF.baseMs)).toMatchObject({ ok: true });
  });

  it('keys expire on their own: the address window, the account after its quiet time, the trust after its days', async () => {
    const [a, , prefix] = await twoNodes();
    const attempt = await a.login.reserve('10.0.5.1', '丁老师', T0);
    if (!attempt.ok) throw new Error('refused');
    const other = await a.login.reserve('10.0.5.1', '丁老师', T0 + 1);
    if (!other.ok) throw new Error('refused');
    await attempt.succeeded();
    const ttls = await inspect(async (client) => ({
      address: await client.pTTL(`${prefix}kefu:login:addr:10.0.5.1`),
      account: await client.pTTL(`${prefix}kefu:login:acct:丁老师`),
      trust: await client.pTTL(`${prefix}kefu:login:trust:丁老师`),
      keys: (await client.keys(`${prefix}*`)).length,
    }));
    expect(ttls.address).toBeGreaterThan(ADDRESS_LIMIT.windowMs - 5000);
    expect(ttls.address).toBeLessThanOrEqual(ADDRESS_LIMIT.windowMs);
    expect(ttls.account).toBeGreaterThan(ACCOUNT_BACKOFF.forgetMs - 5000);
    expect(ttls.account).toBeLessThanOrEqual(ACCOUNT_BACKOFF.forgetMs);
    expect(ttls.trust).toBeGreaterThan(ACCOUNT_BACKOFF.trustMs - 5000);
    expect(ttls.trust).toBeLessThanOrEqual(ACCOUNT_BACKOFF.trustMs);
    expect(ttls.keys).toBe(3);
    // Given back to nothing: the account's count goes with its last reservation.
    await other.cancel();
    expect(await inspect((client) => client.exists(`${prefix}kefu:login:acct:丁老师`))).toBe(0);
  });
});

describe('wrong join codes shared in Redis', () => {
  it('30 wrong codes from one address split across two nodes, then the 31st is refused on either; right codes give back', async () => {
    const [a, b] = await twoNodes();
    for (let i = 0; i < JOIN_LIMIT.events; i++) {
      const held = await (i % 2 === 0 ? a : b).joinCodes.begin('10.1.0.1', T0 + i);
      if (!held) throw new Error(`refused at ${i}`);
      // A right code in between each wrong one: given back, it takes no place.
      await held.settle(T0 + i, false);
      const wrong = await (i % 2 === 0 ? b : a).joinCodes.begin('10.1.0.1', T0 + i);
      if (!wrong) throw new Error(`refused at ${i}`);
      await wrong.settle(T0 + i, true);
    }
    expect(await a.joinCodes.begin('10.1.0.1', T0 + 100)).toBeUndefined();
    expect(await b.joinCodes.begin('10.1.0.1', T0 + 100)).toBeUndefined();
    expect(await b.joinCodes.begin('10.1.0.2', T0 + 100)).toBeDefined();
    // The oldest failure ages out after the window: one place again.
    const later = T0 + JOIN_LIMIT.windowMs;
    expect(await a.joinCodes.begin('10.1.0.1', later)).toBeDefined();
    expect(await b.joinCodes.begin('10.1.0.1', later)).toBeUndefined();
  });

  it('places held while codes are looked up count on every node', async () => {
    const [a, b] = await twoNodes({ events: 3, windowMs: 60_000 });
    const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).joinCodes.begin('10.1.1.1', T0)));
    expect(burst.filter((x) => x !== undefined).length).toBe(3);
  });

  it('a budget key expires a window after its newest failure', async () => {
    const [a, , prefix] = await twoNodes({ events: 2, windowMs: 300 });
    const held = await a.joinCodes.begin('10.1.2.1', Date.now());
    await held?.settle(Date.now(), true);
    const key = `${prefix}kefu:join:10.1.2.1`;
    const ttl = await inspect((client) => client.pTTL(key));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(300);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await inspect((client) => client.exists(key))).toBe(0);
  });
});

describe('with Redis unreachable', () => {
  it('each node falls back to its own budget: nobody locked out, guessing still limited; shared again once Redis is back', async () => {
    const [a, b, prefix] = await twoNodes({ events: 3, windowMs: 60_000 });
    // Down for a few seconds: the checks below run while it is.
    const back = redis.restart({ downMs: 3000 });
    await expect.poll(() => portOpen(redis.port), { timeout: 5000 }).toBe(false);
    try {
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await a.joinCodes.begin('10.2.0.1', T0 + i).then(async (held) => (await held?.settle(T0 + i, true), held !== undefined)));
      expect(answers).toEqual([true, true, true, false, false]);
      const logins = [];
      for (let i = 0; i < ADDRESS_LIMIT.attempts + 2; i++) logins.push((await b.login.reserve('10.2.0.2', `n${i}`, T0)).ok);
      expect(logins.filter(Boolean).length).toBe(ADDRESS_LIMIT.attempts);
      expect(await b.login.addressWait('10.2.0.2', T0)).toBeGreaterThan(0);
    } finally {
      await back;
    }
    // Back in Redis (the clients reconnect by themselves): shared again.
    let probe = 0;
    const usesRedis = async (node: GuessLimits) => {
      const address = `10.3.0.${++probe}`;
      await node.joinCodes.begin(address, T0);
      return (await inspect((client) => client.exists(`${prefix}kefu:join:${address}`))) === 1;
    };
    await expect.poll(async () => (await usesRedis(a)) && (await usesRedis(b)), { timeout: 10_000, interval: 100 }).toBe(true);
    for (let i = 0; i < 2; i++) await (await a.joinCodes.begin('10.2.0.4', T0))?.settle(T0, true);
    await (await b.joinCodes.begin('10.2.0.4', T0))?.settle(T0, true);
    expect(await a.joinCodes.begin('10.2.0.4', T0)).toBeUndefined();
  }, 30_000);
});
