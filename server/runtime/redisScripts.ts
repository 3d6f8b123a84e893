// Lua scripts on the Redis that the nodes share, for the cluster-wide guessing limits: each script
// reads and updates one budget atomically (no node can slip a guess between another's check and its
// count). Run by EVALSHA; after a Redis restart (its script cache empty) by EVAL once, which caches
// it again.
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { RedisClientType } from 'redis';
import { TimeoutError } from 'redis';

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
 * A limits call Redis has not answered by then counts as Redis away. Kept here, not left to the
 * client's command timeout: node-redis (6.x) times out only a command still waiting to be written;
 * once written it waits for the reply however long a stalled Redis takes, and a login with it.
 */
export const REDIS_DEADLINE_MS = 500;

/**
 * After a call missed its deadline, how long every call goes straight to memory. A missed deadline is
 * not a refusal: the script was sent and may still run on Redis once it catches up. A RESERVE that
 * does counts a failure there (and may push the account's back-off) although the caller was given a
 * reservation in memory instead: a phantom failure (the login limits give a late reservation back when
 * its reply does come, `late`; one whose reply never comes stays counted until it ages out). A Redis
 * slow once is likely slow for the next calls too, each leaving another phantom, until a trainer typing
 * the right password is held back by failures nobody made. A few seconds in memory bound that to about
 * one call per pause, and spare a struggling Redis the load. A refused command (Redis down, the client
 * offline) was never sent, leaves nothing behind and opens no pause: the limits are cluster-wide again
 * as soon as Redis answers.
 */
export const TIMEOUT_PAUSE_MS = 5000;

class DeadlineMissed extends Error {}

/**
 * Redis unreachable (down, restarting, or too slow to answer): the limits fall back to this node's
 * own budget in memory, with a warning. That is the safe side both ways: nobody is locked out because
 * Redis is away, and guessing is never unlimited (at worst each node grants its own budget, N times
 * the cluster's, for as long as the outage lasts). Logged once per outage, and again when Redis is back.
 */
export class RedisFallback {
  private down = false;
  /** until then (this.now()), calls skip Redis: one missed its deadline (TIMEOUT_PAUSE_MS) */
  private pausedUntil = 0;

  constructor(
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
    private readonly pauseMs = TIMEOUT_PAUSE_MS,
    private readonly deadlineMs = REDIS_DEADLINE_MS,
  ) {}

  /** `late`: given the result of a call that answered after its deadline (the caller had memory's). */
  async run<T>(inRedis: () => Promise<T>, inMemory: () => T, late?: (result: T) => void): Promise<T> {
    if (this.now() < this.pausedUntil) return inMemory();
    let result: T;
    try {
      result = await this.withDeadline(inRedis(), late);
    } catch (err) {
      if (!this.down) this.logger.warn({ err: String(err) }, 'redis unreachable: login and join-code limits use this node\'s own budget until it is back');
      this.down = true;
      if (err instanceof DeadlineMissed || err instanceof TimeoutError) this.pausedUntil = this.now() + this.pauseMs;
      return inMemory();
    }
    if (this.down) this.logger.info('redis back: login and join-code limits are cluster-wide again');
    this.down = false;
    return result;
  }

  /**
   * A call that undoes one already made (a give-back): sent even during a pause (it only ever lowers
   * a count), waited for no longer than the deadline, and its failure is nobody's: the count it
   * meant to lower simply ages out.
   */
  async undo(inRedis: () => Promise<unknown>): Promise<void> {
    await this.withDeadline(inRedis(), undefined).catch(() => undefined);
  }

  private withDeadline<T>(call: Promise<T>, late: ((result: T) => void) | undefined): Promise<T> {
    let missed = false;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        missed = true;
        reject(new DeadlineMissed(`redis did not answer within ${this.deadlineMs} ms`));
      }, this.deadlineMs);
    });
    // A late answer goes to `late`; a late failure is nobody's (it is not left unhandled).
    call.then((result) => missed && late?.(result), () => undefined);
    return Promise.race([call, deadline]).finally(() => clearTimeout(timer));
  }
}

/** A script's reply as an array (node-redis gives Lua tables as arrays of strings and numbers). */
export function replyList(reply: unknown): unknown[] {
  if (!Array.isArray(reply)) throw new Error(`unexpected reply from a limits script: ${JSON.stringify(reply)}`);
  return reply;
}
