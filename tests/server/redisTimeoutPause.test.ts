// A limits call that misses its deadline (500 ms) may still run on Redis: a RESERVE then counts a
// failure there while the caller goes on with a reservation in memory. Such a late reservation is given
// back when its answer comes, and after a missed deadline the limits stay in memory for a few seconds
// (RedisFallback, TIMEOUT_PAUSE_MS), so a stalled Redis is not sent one more reserve per login. A
// refused command (never sent) opens no pause.
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import type { RedisClientType } from 'redis';
import { createClient, TimeoutError } from 'redis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { accountKey } from '../../server/http/loginLimits.ts';
import { RedisLoginLimits } from '../../server/http/redisLoginLimits.ts';
import type { ScriptClient } from '../../server/runtime/redisScripts.ts';
import { RedisFallback } from '../../server/runtime/redisScripts.ts';
import type { RedisServer } from './redisServer.ts';
import { startRedis } from './redisServer.ts';

const PAUSE_MS = 5000;
const T0 = 1_800_000_000_000;
const logger = pino({ level: 'silent' });
let redis: RedisServer;
const clients: RedisClientType[] = [];

beforeAll(async () => {
  redis = await startRedis();
}, 20_000);
afterAll(async () => {
  for (const client of clients) await client.close().catch(() => undefined);
  await redis.stop();
});

/** A connection like the limits' own (guessLimits.ts): commands refused while offline, a 500 ms timeout. */
async function connected(): Promise<RedisClientType> {
  const client: RedisClientType = createClient({ url: redis.url, disableOfflineQueue: true, commandOptions: { timeout: 500 } });
  client.on('error', () => undefined);
  await client.connect();
  clients.push(client);
  return client;
}

it('gives back a reservation Redis made after its deadline, and keeps the next ones in memory for the pause', async () => {
  const limitsClient = await connected();
  const admin = await connected();
  let clock = T0;
  const prefix = `p${randomBytes(4).toString('hex')}:`;
  const limits = new RedisLoginLimits(limitsClient, new RedisFallback(logger, () => clock, PAUSE_MS), undefined, undefined, prefix);
  const countedInRedis = () => admin.zCard(`${prefix}addr:203.0.113.1`);
  // The script loaded first, so the stalled call is the EVALSHA itself.
  expect((await limits.reserve('203.0.113.1', 'warmup', clock)).ok).toBe(true);
  expect(await countedInRedis()).toBe(1);

  // Redis stalls for longer than the deadline: the reserve goes on in memory, and runs there later.
  await admin.sendCommand(['CLIENT', 'PAUSE', '900', 'ALL']);
  const started = Date.now();
  expect((await limits.reserve('203.0.113.1', '钱老师', clock)).ok).toBe(true);
  expect(Date.now() - started).toBeLessThan(850);
  // Still within the stall: without the pause this one would wait for Redis and be counted there.
  clock += PAUSE_MS - 1;
  expect((await limits.reserve('203.0.113.1', '钱老师', clock)).ok).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 700));
  // Only the warm-up: the late reservation was given back, the second never sent.
  expect(await countedInRedis()).toBe(1);
  expect(await admin.exists(`${prefix}acct:${accountKey('钱老师')}`)).toBe(0);

  clock += 1;
  expect((await limits.reserve('203.0.113.1', '钱老师', clock)).ok).toBe(true);
  expect(await countedInRedis()).toBe(2);
}, 15_000);

it('pauses after a missed deadline or a timeout, not after a refused command', async () => {
  let calls = 0;
  let answer: 'refuse' | 'timeout' | 'hang' | 'ok' = 'refuse';
  const stub: ScriptClient = {
    evalSha: (() => {
      calls++;
      if (answer === 'refuse') return Promise.reject(new Error('The client is offline'));
      if (answer === 'timeout') return Promise.reject(new TimeoutError());
      return answer === 'hang' ? new Promise(() => undefined) : Promise.resolve(0);
    }) as ScriptClient['evalSha'],
    eval: (() => Promise.resolve(0)) as ScriptClient['eval'],
  };
  let clock = T0;
  const limits = new RedisLoginLimits(stub, new RedisFallback(logger, () => clock, PAUSE_MS, 20));
  const waitOnce = async (then: typeof answer) => {
    answer = then;
    expect(await limits.addressWait('203.0.113.1', clock)).toBe(0);
  };
  await waitOnce('refuse');
  await waitOnce('ok');
  expect(calls).toBe(2);
  for (const stall of ['timeout', 'hang'] as const) {
    await waitOnce(stall);
    await waitOnce('ok');
    expect(calls).toBe(3);
    clock += PAUSE_MS;
    await waitOnce('ok');
    expect(calls).toBe(4);
    calls = 2;
  }
});

it('answers a login whose give-back Redis never answers, by the same deadline', async () => {
  let calls = 0;
  const stub: ScriptClient = {
    // The reserve is answered (a place held, no back-off); the give-back after it hangs.
    evalSha: (() => (++calls === 1 ? Promise.resolve([1, '0', '0']) : new Promise(() => undefined))) as ScriptClient['evalSha'],
    eval: (() => new Promise(() => undefined)) as ScriptClient['eval'],
  };
  const limits = new RedisLoginLimits(stub, new RedisFallback(logger, () => T0, PAUSE_MS, 50));
  const attempt = await limits.reserve('203.0.113.1', '钱老师', T0);
  if (!attempt.ok) throw new Error('expected a place');
  const settled = await Promise.race([attempt.succeeded().then(() => 'answered'), new Promise((resolve) => setTimeout(() => resolve('held'), 1000))]);
  expect(settled).toBe('answered');
  expect(calls).toBe(2);
});
