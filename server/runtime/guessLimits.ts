// The guessing limits a node enforces (trainer passwords, drill join codes), chosen at start-up: in
// memory on one node; in Redis with several nodes (REDIS_URL), so the cluster grants one budget, not
// one per node. The Redis client is the limits' own (commands refused at once while Redis is away,
// and each call has its own deadline, REDIS_DEADLINE_MS), so a slow or absent Redis falls back to
// memory quickly (redisScripts.ts: RedisFallback).
import type { Logger } from 'pino';
import { createClient } from 'redis';
import type { LoginLimiter } from '../http/loginLimits.ts';
import { LoginLimits } from '../http/loginLimits.ts';
import { LOGIN_KEY_PREFIX, RedisLoginLimits } from '../http/redisLoginLimits.ts';
import { JOIN_FAILURE_LIMIT } from './drills/joinGuard.ts';
import type { FailureBudget } from './failureGuard.ts';
import { MemoryFailureBudget } from './failureGuard.ts';
import { RedisFailureBudget } from './redisFailureBudget.ts';
import { RedisFallback } from './redisScripts.ts';
import type { RateLimit } from './socketGuard.ts';

export interface GuessLimits {
  login: LoginLimiter;
  /** wrong join codes per address */
  joinCodes: FailureBudget;
  close(): Promise<void>;
}

export const JOIN_KEY_PREFIX = 'kefu:join:';
/**
 * node-redis's own timeout: it only covers a command not yet written to the socket (one Redis is slow
 * to answer waits on), so RedisFallback keeps a deadline of its own on every call.
 */
const COMMAND_TIMEOUT_MS = 500;

export function memoryGuessLimits(joinLimit: RateLimit = JOIN_FAILURE_LIMIT): GuessLimits {
  return { login: new LoginLimits(), joinCodes: new MemoryFailureBudget(joinLimit), close: () => Promise.resolve() };
}

/**
 * Connects before the node serves (as the Socket.IO adapter does: a wrong REDIS_URL stops the start);
 * later outages fall back to each node's memory. `prefix` keeps tests sharing one Redis apart.
 */
export async function connectRedisGuessLimits(url: string, logger: Logger, options: { joinLimit?: RateLimit; prefix?: string } = {}): Promise<GuessLimits> {
  const client = createClient({ url, disableOfflineQueue: true, commandOptions: { timeout: COMMAND_TIMEOUT_MS }, socket: { reconnectStrategy: (retries) => Math.min(50 + retries * 50, 500) } });
  // Without a listener an error event would end the process; the fallback logs the outage.
  client.on('error', () => undefined);
  await client.connect();
  const redisDown = new RedisFallback(logger);
  const prefix = options.prefix ?? '';
  return {
    login: new RedisLoginLimits(client, redisDown, undefined, undefined, `${prefix}${LOGIN_KEY_PREFIX}`),
    joinCodes: new RedisFailureBudget(client, redisDown, options.joinLimit ?? JOIN_FAILURE_LIMIT, `${prefix}${JOIN_KEY_PREFIX}`),
    async close() {
      await client.close().catch(() => undefined);
    },
  };
}
