// The login limits of loginLimits.ts, kept in Redis so that every node spends one budget: the same
// rules (a sliding minute per address, the back-off per account name, trusted addresses), each check
// and its reservation in one Lua script. Keys, all expiring on their own:
//   <prefix>addr:<address>  sorted set: attempts failed or running (member: attempt id, score: start);
//                           expires a window after the newest
//   <prefix>acct:<name>     hash failures, lastAt, nextAt; expires forgetMs after the last attempt
//   <prefix>trust:<name>    sorted set: address -> last successful login, at most 16; expires trustMs
//                           after the last success
// Times are the nodes' own clocks (`now`, as in memory), so a node whose clock is off by a second
// shifts a wait by a second; the expiries run on Redis's clock with the same lengths.
// While Redis is unreachable, or too slow, each call falls back to this node's memory limits, and for
// a few seconds after a call missed its deadline (RedisFallback in redisScripts.ts); a reservation
// Redis made after its deadline is given back when its answer comes.
import { randomUUID } from 'node:crypto';
import type { RedisFallback, ScriptClient } from '../runtime/redisScripts.ts';
import { luaScript, replyList, runScript } from '../runtime/redisScripts.ts';
import type { AccountBackoff, AddressLimit, Attempt, LoginLimiter, Refusal } from './loginLimits.ts';
import { ACCOUNT_BACKOFF, ADDRESS_LIMIT, accountKey, LoginLimits, MAX_TRUSTED_PER_ACCOUNT } from './loginLimits.ts';

export const LOGIN_KEY_PREFIX = 'kefu:login:';

/** KEYS: addr. ARGV: now, windowMs, attempts. Returns the wait in ms (0: may try). */
const ADDRESS_WAIT = luaScript(`
local now, window, attempts = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count < attempts then return 0 end
local oldest = redis.call('ZRANGE', KEYS[1], count - attempts, count - attempts, 'WITHSCORES')
return tonumber(oldest[2]) + window - now
`);

/**
 * KEYS: addr, acct, trust. ARGV: now, windowMs, attempts, free, baseMs, maxMs, forgetMs, trustMs,
 * attempt id, address. Returns {0, scope, wait} (refused) or {1, nextAt before, nextAt set}.
 */
const RESERVE = luaScript(`
local now, window, attempts = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local free, base, max, forget, trustMs = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
local id, address = ARGV[9], ARGV[10]
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count >= attempts then
  local oldest = redis.call('ZRANGE', KEYS[1], count - attempts, count - attempts, 'WITHSCORES')
  return {0, 'address', tonumber(oldest[2]) + window - now}
end
local trustedAt = redis.call('ZSCORE', KEYS[3], address)
local exempt = trustedAt and now - tonumber(trustedAt) < trustMs
local failures, lastAt, nextAt = 0, now, 0
local state = redis.call('HMGET', KEYS[2], 'failures', 'lastAt', 'nextAt')
if state[1] and now - tonumber(state[2]) < forget then
  failures, nextAt = tonumber(state[1]), tonumber(state[3])
  if not exempt and now < nextAt then return {0, 'account', nextAt - now} end
end
redis.call('ZADD', KEYS[1], now, id)
redis.call('PEXPIRE', KEYS[1], window)
failures = failures + 1
local delay = 0
if failures > free then delay = math.min(max, base * 2 ^ (failures - free - 1)) end
local previous = nextAt
nextAt = math.max(nextAt, now + delay)
redis.call('HSET', KEYS[2], 'failures', failures, 'lastAt', now, 'nextAt', nextAt)
redis.call('PEXPIRE', KEYS[2], forget)
return {1, previous, nextAt}
`);

/**
 * KEYS: addr, acct, trust. ARGV: attempt id, nextAt before, nextAt set, trust ('1' on success),
 * address, now, trustMs, max trusted. Gives the reservation back (and trusts the address on success).
 */
const GIVE_BACK = luaScript(`
redis.call('ZREM', KEYS[1], ARGV[1])
local failures = tonumber(redis.call('HGET', KEYS[2], 'failures'))
if failures then
  failures = math.max(0, failures - 1)
  if failures == 0 then
    redis.call('DEL', KEYS[2])
  else
    redis.call('HSET', KEYS[2], 'failures', failures)
    -- this attempt's back-off is undone unless a later attempt has set its own since
    if redis.call('HGET', KEYS[2], 'nextAt') == ARGV[3] then redis.call('HSET', KEYS[2], 'nextAt', ARGV[2]) end
  end
end
if ARGV[4] == '1' then
  redis.call('ZADD', KEYS[3], ARGV[6], ARGV[5])
  redis.call('ZREMRANGEBYRANK', KEYS[3], 0, -(tonumber(ARGV[8]) + 1))
  redis.call('PEXPIRE', KEYS[3], ARGV[7])
end
return 1
`);

export class RedisLoginLimits implements LoginLimiter {
  /** this node's limits, used while Redis is unreachable */
  readonly fallback: LoginLimits;

  constructor(
    private readonly client: ScriptClient,
    private readonly redisDown: RedisFallback,
    private readonly address: AddressLimit = ADDRESS_LIMIT,
    private readonly account: AccountBackoff = ACCOUNT_BACKOFF,
    private readonly prefix = LOGIN_KEY_PREFIX,
  ) {
    this.fallback = new LoginLimits(address, account);
  }

  addressWait(address: string, now: number): Promise<number> {
    return this.redisDown.run(
      async () => Number(await runScript(this.client, ADDRESS_WAIT, [this.addressKey(address)], [Math.floor(now), this.address.windowMs, this.address.attempts])),
      () => this.fallback.addressWaitNow(address, now),
    );
  }

  reserve(address: string, name: string, now: number): Promise<Attempt | Refusal> {
    return this.redisDown.run(
      // Whole ms: Lua hands numbers back as integers, and the give-back compares nextAt exactly.
      () => this.reserveInRedis(address, name, Math.floor(now)),
      () => this.fallback.reserveNow(address, name, now),
      // Counted in Redis after the caller went on with memory's: nobody will settle it, so give it back.
      (late) => {
        if (late.ok) void late.cancel();
      },
    );
  }

  private async reserveInRedis(address: string, name: string, now: number): Promise<Attempt | Refusal> {
    const id = randomUUID();
    const keys = this.keysOf(address, name);
    const { address: limit, account } = this;
    const reply = replyList(await runScript(this.client, RESERVE, keys, [now, limit.windowMs, limit.attempts, account.free, account.baseMs, account.maxMs, account.forgetMs, account.trustMs, id, address]));
    if (reply[0] !== 1) return { ok: false, scope: reply[1] === 'account' ? 'account' : 'address', retryAfterMs: Number(reply[2]) };
    const [previousNext, setNext] = [String(reply[1]), String(reply[2])];
    let settled = false;
    const giveBack = async (succeeded: boolean) => {
      if (settled) return;
      settled = true;
      // The trust is mirrored in memory: it still holds here if Redis goes away later.
      if (succeeded) this.fallback.trustAddress(name, address, now);
      // A give-back that cannot reach Redis in time is lost: the attempt stays counted until it ages
      // out, which errs on the side of the limit, never of the guesser. It runs under the same
      // deadline as every other call: the login's answer waits for it, and a stalled Redis must not
      // hold that answer.
      await this.redisDown.undo(() => runScript(this.client, GIVE_BACK, keys, [id, previousNext, setNext, succeeded ? '1' : '0', address, now, account.trustMs, MAX_TRUSTED_PER_ACCOUNT]));
    };
    return { ok: true, cancel: () => giveBack(false), succeeded: () => giveBack(true) };
  }

  private addressKey(address: string): string {
    return `${this.prefix}addr:${address}`;
  }

  private keysOf(address: string, name: string): string[] {
    const account = accountKey(name);
    return [this.addressKey(address), `${this.prefix}acct:${account}`, `${this.prefix}trust:${account}`];
  }
}
