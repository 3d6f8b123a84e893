// The budget of failures per address (failureGuard.ts) kept in Redis, so every node spends one budget:
// join codes guessed through N nodes count as if through one. One sorted set per address,
// <prefix><address>: a member per attempt (a random id), scored by when it began while it is being
// decided, then by when it failed; a right code removes it. Attempts counted are those scored within
// the window, so a place held by a node that died before settling frees itself after one window.
// The key expires a window after its newest entry. While Redis is unreachable the node's own budget
// in memory is used (redisScripts.ts).
import { randomUUID } from 'node:crypto';
import type { FailureBudget, HeldPlace } from './failureGuard.ts';
import { MemoryFailureBudget } from './failureGuard.ts';
import type { RedisFallback, ScriptClient } from './redisScripts.ts';
import { luaScript, runScript } from './redisScripts.ts';
import type { RateLimit } from './socketGuard.ts';

/** KEYS: budget. ARGV: now, windowMs, events, attempt id. Returns 1 (a place held) or 0 (spent). */
const BEGIN = luaScript(`
local now, window, events = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= events then return 0 end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], window)
return 1
`);

/** KEYS: budget. ARGV: now, windowMs, attempt id, '1' if it failed. */
const SETTLE = luaScript(`
if ARGV[4] == '1' then
  redis.call('ZADD', KEYS[1], tonumber(ARGV[1]), ARGV[3])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
else
  redis.call('ZREM', KEYS[1], ARGV[3])
end
return 1
`);

export class RedisFailureBudget implements FailureBudget {
  /** this node's budget, used while Redis is unreachable */
  readonly fallback: MemoryFailureBudget;

  /** `prefix`: this budget's keys, e.g. kefu:join: */
  constructor(
    private readonly client: ScriptClient,
    private readonly redisDown: RedisFallback,
    private readonly limit: RateLimit,
    private readonly prefix: string,
  ) {
    this.fallback = new MemoryFailureBudget(limit);
  }

  begin(address: string, now: number): Promise<HeldPlace | undefined> {
    return this.redisDown.run(
      () => this.beginInRedis(address, Math.floor(now)),
      () => this.fallback.beginNow(address, now),
    );
  }

  private async beginInRedis(address: string, now: number): Promise<HeldPlace | undefined> {
    const key = `${this.prefix}${address}`;
    const id = randomUUID();
    if ((await runScript(this.client, BEGIN, [key], [now, this.limit.windowMs, this.limit.events, id])) !== 1) return undefined;
    let settled = false;
    return {
      settle: async (at, failed) => {
        if (settled) return;
        settled = true;
        try {
          await runScript(this.client, SETTLE, [key], [Math.floor(at), this.limit.windowMs, id, failed ? '1' : '0']);
        } catch {
          // Redis went away meanwhile: the place stays held there until it ages out (one window),
          // and a failure is counted in this node's budget, so it is not lost while Redis is away.
          if (failed) this.fallback.guard.failed(address, at);
        }
      },
    };
  }
}
