// Password-guessing limits for the trainer login, per address and per account name. An attempt is
// counted when it starts (a reservation), before the slow password check, so concurrent guesses
// count as much as sequential ones; a login that turns out right gives its reservation back, so
// successes never use up anybody's budget (a whole office logging in from one address).
//
// - Per address: at most 10 failed (or still running) attempts in a sliding minute; past that every
//   attempt from the address waits until old ones age out.
// - Per account name (known or not: an unknown name is treated alike, so the limit tells nothing
//   about which names exist): 5 failures free, then each further attempt must wait a back-off that
//   doubles from 1 s up to 30 s after the last failure; the count is forgotten after 15 quiet
//   minutes. Guesses spread over many addresses are slowed to about 2 a minute per account, while
//   the account is never hard-locked: when the guessing stops, the right password works again
//   within 30 s. An address that logged into this account successfully before (remembered for 30
//   days) is exempt from the account back-off (not from its own address budget), so someone
//   guessing from elsewhere cannot keep the trainer out of their usual office or home.
//
// Two implementations of one LoginLimiter, chosen at start-up (server/runtime/guessLimits.ts): this
// one, in memory, on one node (memory bounded by dropping the least recently touched entries); with
// several nodes and REDIS_URL, RedisLoginLimits (redisLoginLimits.ts) keeps the same counts in Redis,
// so every node spends one budget instead of each its own.

export interface AddressLimit {
  attempts: number;
  windowMs: number;
}

export interface AccountBackoff {
  /** failures before any wait */
  free: number;
  /** the first wait; each further failure doubles it */
  baseMs: number;
  /** the longest wait */
  maxMs: number;
  /** failures are forgotten after this long without one */
  forgetMs: number;
  /** an address that logged in successfully is trusted for the account this long */
  trustMs: number;
}

export const ADDRESS_LIMIT: AddressLimit = { attempts: 10, windowMs: 60_000 };
export const ACCOUNT_BACKOFF: AccountBackoff = { free: 5, baseMs: 1000, maxMs: 30_000, forgetMs: 15 * 60_000, trustMs: 30 * 24 * 3600_000 };

/** Entries kept per map before the least recently touched are dropped. */
const MAX_ENTRIES = 10_000;
/** Trusted addresses kept per account. */
export const MAX_TRUSTED_PER_ACCOUNT = 16;
/** Longer names cannot belong to an account: one shared key, so they cannot fill the memory. */
const MAX_NAME_CHARS = 64;

export type Refusal = { ok: false; scope: 'address' | 'account'; retryAfterMs: number };
export interface Attempt {
  ok: true;
  /** the password was right: the reservation is given back and the address trusted for the account */
  succeeded(): Promise<void>;
  /** nothing was checked after all (the server was busy or failed): the reservation is given back */
  cancel(): Promise<void>;
}

/** The login limits, wherever they are kept (async: the cluster-wide one asks Redis). */
export interface LoginLimiter {
  /** How long this address must wait before any attempt (0: it may try). Checked before reading a body. */
  addressWait(address: string, now: number): Promise<number>;
  /** Counts an attempt before the password is checked, or refuses it with how long to wait. */
  reserve(address: string, name: string, now: number): Promise<Attempt | Refusal>;
}

/** One node's limits, in memory. The sync methods serve RedisLoginLimits as its fallback too. */
export class LoginLimits implements LoginLimiter {
  /** per address: start times of attempts that failed or are still running */
  private readonly byAddress = new Map<string, number[]>();
  private readonly byAccount = new Map<string, { failures: number; lastAt: number; nextAt: number }>();
  /** per account: address -> when it last logged in successfully */
  private readonly trusted = new Map<string, Map<string, number>>();

  constructor(
    private readonly address: AddressLimit = ADDRESS_LIMIT,
    private readonly account: AccountBackoff = ACCOUNT_BACKOFF,
  ) {}

  addressWait(address: string, now: number): Promise<number> {
    return Promise.resolve(this.addressWaitNow(address, now));
  }

  reserve(address: string, name: string, now: number): Promise<Attempt | Refusal> {
    return Promise.resolve(this.reserveNow(address, name, now));
  }

  addressWaitNow(address: string, now: number): number {
    const times = this.recent(address, now);
    if (times.length < this.address.attempts) return 0;
    return (times[times.length - this.address.attempts] as number) + this.address.windowMs - now;
  }

  reserveNow(address: string, name: string, now: number): Attempt | Refusal {
    const addressWait = this.addressWaitNow(address, now);
    if (addressWait > 0) return { ok: false, scope: 'address', retryAfterMs: addressWait };
    const key = accountKey(name);
    const exempt = this.isTrusted(key, address, now);
    let state = this.byAccount.get(key);
    if (state && now - state.lastAt >= this.account.forgetMs) state = undefined;
    if (state && !exempt && now < state.nextAt) return { ok: false, scope: 'account', retryAfterMs: state.nextAt - now };

    // Reserve: one more (possible) failure at the address and on the account.
    const times = this.recent(address, now);
    times.push(now);
    touch(this.byAddress, address, times);
    const account = state ?? { failures: 0, lastAt: now, nextAt: 0 };
    const previousNext = account.nextAt;
    account.failures += 1;
    account.lastAt = now;
    account.nextAt = Math.max(account.nextAt, now + this.delay(account.failures));
    const setNext = account.nextAt;
    touch(this.byAccount, key, account);

    let settled = false;
    const giveBack = () => {
      if (settled) return;
      settled = true;
      const list = this.byAddress.get(address);
      const at = list?.indexOf(now) ?? -1;
      if (list && at >= 0) list.splice(at, 1);
      if (list?.length === 0) this.byAddress.delete(address);
      account.failures = Math.max(0, account.failures - 1);
      // Undo this attempt's back-off unless a later attempt has set its own since.
      if (account.nextAt === setNext) account.nextAt = previousNext;
      if (account.failures === 0 && this.byAccount.get(key) === account) this.byAccount.delete(key);
    };
    return {
      ok: true,
      cancel: () => Promise.resolve(giveBack()),
      succeeded: () => {
        giveBack();
        this.trust(key, address, now);
        return Promise.resolve();
      },
    };
  }

  private delay(failures: number): number {
    if (failures <= this.account.free) return 0;
    return Math.min(this.account.maxMs, this.account.baseMs * 2 ** (failures - this.account.free - 1));
  }

  private isTrusted(key: string, address: string, now: number): boolean {
    const at = this.trusted.get(key)?.get(address);
    return at !== undefined && now - at < this.account.trustMs;
  }

  /**
   * Remembers a successful login from this address (RedisLoginLimits mirrors its successes here, so
   * the trusted addresses still hold on this node while Redis is away).
   */
  trustAddress(name: string, address: string, now: number): void {
    this.trust(accountKey(name), address, now);
  }

  private trust(key: string, address: string, now: number): void {
    const addresses = this.trusted.get(key) ?? new Map<string, number>();
    touch(addresses, address, now, MAX_TRUSTED_PER_ACCOUNT);
    touch(this.trusted, key, addresses);
  }

  private recent(address: string, now: number): number[] {
    const times = this.byAddress.get(address) ?? [];
    while (times.length > 0 && (times[0] as number) <= now - this.address.windowMs) times.shift();
    if (times.length === 0) this.byAddress.delete(address);
    return times;
  }
}

/** The account name as counted: trimmed, normalised, and one shared key for names too long to exist. */
export function accountKey(name: string): string {
  const trimmed = name.trim().normalize('NFC');
  return [...trimmed].length > MAX_NAME_CHARS ? '\u0000too-long' : trimmed;
}

/** Sets `key` as the most recently touched entry, dropping the least recently touched past `max`. */
function touch<V>(map: Map<string, V>, key: string, value: V, max = MAX_ENTRIES): void {
  map.delete(key);
  map.set(key, value);
  for (const old of map.keys()) {
    if (map.size <= max) break;
    map.delete(old);
  }
}
