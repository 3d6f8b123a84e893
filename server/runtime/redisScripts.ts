// Lua scripts on the Redis that the nodes share, for the cluster-wide guessing limits: each script
// reads and updates one budget atomically (no node can slip a guess between another's check and its
// count). Run by EVALSHA; after a Redis restart (its script cache empty) by EVAL once, which caches
// it again.
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { RedisClientType } from 'redis';

export interface LuaScript {
  source: string;
  sha1: string;
}

export function luaScript(source: string): LuaScript {
  return { source, sha1: createHash('sha1').update(source).digest('hex') };
}

/** What the limits need of a Redis connection (a node-redis client, or a test's stand-in). */
export type ScriptClient = Pick<RedisClientType, 'evalSha' | 'eval'>;

export async function runScript(client: ScriptClient, script: LuaScript, keys: string[], args: (string | number)[]): Promise<unknown> {
  const options = { keys, arguments: args.map(String) };
  try {
    return await client.evalSha(script.sha1, options);
  } catch (err) {
    if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
    return client.eval(script.source, options);
  }
}

/**
 * Redis unreachable (down, restarting, or too slow to answer): the limits fall back to this node's
 * own budget in memory, with a warning. That is the safe side both ways: nobody is locked out because
 * Redis is away, and guessing is never unlimited (at worst each node grants its own budget, N times
 * the cluster's, for as long as the outage lasts). Logged once per outage, and again when Redis is back.
 */
export class RedisFallback {
  private down = false;

  constructor(private readonly logger: Logger) {}

  async run<T>(inRedis: () => Promise<T>, inMemory: () => T): Promise<T> {
    let result: T;
    try {
      result = await inRedis();
    } catch (err) {
      if (!this.down) this.logger.warn({ err: String(err) }, 'redis unreachable: login and join-code limits use this node\'s own budget until it is back');
      this.down = true;
      return inMemory();
    }
    if (this.down) this.logger.info('redis back: login and join-code limits are cluster-wide again');
    this.down = false;
    return result;
  }
}

/** A script's reply as an array (node-redis gives Lua tables as arrays of strings and numbers). */
export function replyList(reply: unknown): unknown[] {
  if (!Array.isArray(reply)) throw new Error(`unexpected reply from a limits script: ${JSON.stringify(reply)}`);
  return reply;
}
