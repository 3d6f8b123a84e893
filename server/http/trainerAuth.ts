// Trainer logins: name + password -> a signed, expiring, httpOnly cookie naming a login row. The
// HTTP routes and the drill socket handshake both read the trainer from that cookie. Logging out
// deletes the row: every HTTP request reads the row, so the cookie stops working on every node at
// once; a socket authenticated earlier is checked per event against a cache of the logins this node
// has seen, refreshed from the store every LOGIN_RECHECK_MS, so a logout on another node stops the
// trainer's sockets here within that time too (on this node, at once). Disabling a trainer, or a new
// password, ends their logins the same way: the rows go, so every node stops honouring them. Whoever
// holds a socket hears of each login found ended (onLoginEnded) and disconnects its sockets, so they
// stop receiving too, not only sending. A disabled account's login is refused like a wrong
// password, its password never checked (a guesser cannot tell a disabled account's right password).
import type { Logger } from 'pino';
import type { DisableOutcome, Trainer, TrainerLogin, TrainerStore } from '../store/trainerStore.ts';
import { Signer } from '../runtime/drills/signer.ts';
import { parseCookies, setCookie } from './cookies.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { hasControlChars } from '../protocol/index.ts';

export const TRAINER_COOKIE = 'kd_trainer';
export const LOGIN_TTL_MS = 12 * 3600 * 1000;
export const MAX_TRAINER_NAME_CHARS = 64;
/** How often this node checks the logins its sockets hold against the store (a logout elsewhere). */
export const LOGIN_RECHECK_MS = 2000;
/** Logins watched at most (the least recently seen are dropped past it). */
const MAX_WATCHED = 10_000;
/** Failed checks in a row (the store unreachable, or closed) after which checking pauses until the next use. */
const MAX_FAILED_CHECKS = 3;

interface Watched {
  /** false: logged out (here, or its row was gone from the store at the last check) */
  valid: boolean;
  expiresAt: number;
}

/** Why a new trainer account is refused: a stable code the web app words in its language. */
export type AddProblem = 'name-length' | 'name-control-chars' | 'password-too-short' | 'password-too-long' | 'name-taken';
export type AddResult = { ok: true; trainer: Trainer } | { ok: false; reason: AddProblem; message: string };
/**
 * A login: the cookie, or why not. A disabled account is refused as `wrong-password` whatever the
 * password (never checked); `disabled` tells the server's log only, never the answer.
 */
export type LoginResult = { ok: true; cookie: string; trainer: Trainer } | { ok: false; reason: 'wrong-password'; disabled?: true };
export type PasswordResult = { ok: true } | { ok: false; reason: 'password-too-short' | 'password-too-long' | 'no-such-trainer'; message: string };

export class TrainerAuth {
  private readonly signer: Signer;
  /** the logins this node has seen, by id: whether each still holds, as of the last check */
  private readonly watched = new Map<string, Watched>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private checking = false;
  private failedChecks = 0;
  private readonly recheckMs: number;
  /** compared against when the name is unknown or disabled, so either costs as long as a wrong password */
  private decoy: Promise<string> | undefined;
  private readonly endedListeners: ((loginId: string) => void)[] = [];

  constructor(
    /** the accounts (the admins' list reads it directly) */
    readonly store: TrainerStore,
    secret: string,
    private readonly now: () => number,
    private readonly secureCookies: boolean,
    options: { recheckMs?: number } = {},
  ) {
    this.signer = new Signer(secret, 'trainer-login');
    this.recheckMs = options.recheckMs ?? LOGIN_RECHECK_MS;
  }

  async add(name: string, password: string, admin: boolean): Promise<AddResult> {
    const trimmed = name.trim();
    if (trimmed === '' || [...trimmed].length > MAX_TRAINER_NAME_CHARS) return { ok: false, reason: 'name-length', message: `a name has 1 to ${MAX_TRAINER_NAME_CHARS} characters` };
    if (hasControlChars(trimmed)) return { ok: false, reason: 'name-control-chars', message: 'a name cannot contain control characters' };
    const problem = passwordProblem(password);
    if (problem) return { ok: false, ...problem };
    const trainer = await this.store.add(trimmed, await hashPassword(password), admin, this.now());
    return trainer ? { ok: true, trainer } : { ok: false, reason: 'name-taken', message: `there is already a trainer called "${trimmed}"` };
  }

  /** `TRAINER_BOOTSTRAP=name:password`: the first trainer (an admin), only while there is none. */
  async bootstrap(spec: string | undefined, logger: Logger): Promise<void> {
    if (!spec) return;
    if ((await this.store.count()) > 0) return;
    const colon = spec.indexOf(':');
    if (colon <= 0) throw new Error('TRAINER_BOOTSTRAP must be name:password');
    const added = await this.add(spec.slice(0, colon), spec.slice(colon + 1), true);
    if (!added.ok) throw new Error(`TRAINER_BOOTSTRAP: ${added.message}`);
    logger.info({ trainer: added.trainer.name }, 'first trainer created from TRAINER_BOOTSTRAP');
  }

  /**
   * A Set-Cookie value and the trainer, or `wrong-password`: a wrong name or password, or a disabled
   * account (whatever the password: it is not checked, the decoy is, so the answer and its time are
   * a wrong password's), or a password changed (or the account disabled) while it was being checked.
   */
  async login(name: string, password: string): Promise<LoginResult> {
    // Such a name was never accepted, and PostgreSQL would refuse the lookup itself.
    if (hasControlChars(name)) return { ok: false, reason: 'wrong-password' };
    const found = await this.store.byName(name.trim());
    const usable = found && !found.disabled ? found : undefined;
    const stored = usable?.passwordHash ?? (await (this.decoy ??= hashPassword('decoy-password')));
    // Bounded: past the hash gate's queue this rejects with HashGateBusy (the route answers 429).
    const matches = await verifyPassword(password, stored, true);
    if (!usable || !matches) return { ok: false, reason: 'wrong-password', ...(found?.disabled ? { disabled: true as const } : {}) };
    // Only while the password checked is still the trainer's and the account enabled: a reset (or
    // disabling) during the check leaves no login with the old password.
    const loginId = await this.store.createLogin(usable.id, usable.passwordHash, this.now(), LOGIN_TTL_MS);
    if (loginId === undefined) return { ok: false, reason: 'wrong-password' };
    const cookie = setCookie(TRAINER_COOKIE, this.signer.sign(loginId), { maxAgeSeconds: LOGIN_TTL_MS / 1000, secure: this.secureCookies });
    return { ok: true, cookie, trainer: { id: usable.id, name: usable.name, admin: usable.admin } };
  }

  /**
   * Whether `password` is the trainer's own. Bounded like a login (HashGateBusy past the gate's
   * queue): a logged-in page asking this must not get more password checks than the login form.
   */
  async passwordMatches(trainerId: string, password: string): Promise<boolean> {
    const stored = await this.store.passwordHashOf(trainerId);
    return stored !== undefined && (await verifyPassword(password, stored, true));
  }

  /** Sets a new password (the same rules as a new account) and ends every login of the trainer but `keep`. */
  async setPassword(trainerId: string, password: string, keep?: string): Promise<PasswordResult> {
    const problem = passwordProblem(password);
    if (problem) return { ok: false, ...problem };
    if (!(await this.store.setPasswordHash(trainerId, await hashPassword(password)))) return { ok: false, reason: 'no-such-trainer', message: 'no such trainer' };
    await this.endLogins(trainerId, keep);
    return { ok: true };
  }

  /** Disables (ending every login of the trainer) or enables an account; see TrainerStore.setDisabled. */
  async setDisabled(trainerId: string, disabled: boolean): Promise<DisableOutcome> {
    const outcome = await this.store.setDisabled(trainerId, disabled);
    if (outcome === 'done' && disabled) await this.endLogins(trainerId);
    return outcome;
  }

  /**
   * Ends the trainer's logins (but `keep`): their rows go, so HTTP requests on every node are refused
   * at once and other nodes' sockets at their next check; this node's sockets stop at once.
   */
  private async endLogins(trainerId: string, keep?: string): Promise<void> {
    for (const id of await this.store.deleteLoginsOf(trainerId, keep)) this.ended(id);
  }

  /**
   * `listener` hears of every login this node learns has ended (logged out, disabled, a new
   * password; here at once, or found gone at a check): a socket holding it is cut off.
   */
  onLoginEnded(listener: (loginId: string) => void): void {
    this.endedListeners.push(listener);
  }

  /** The login no longer holds: refused from now on here, and its sockets told. */
  private ended(loginId: string): void {
    const seen = this.watched.get(loginId);
    if (seen) seen.valid = false;
    for (const listener of this.endedListeners) listener(loginId);
  }

  /** The live login a Cookie header carries, if any (read from the store: exact on every node). */
  async fromCookieHeader(header: string | undefined): Promise<TrainerLogin | undefined> {
    const signed = parseCookies(header).get(TRAINER_COOKIE);
    const loginId = signed === undefined ? undefined : this.signer.unsign(signed);
    if (loginId === undefined) return undefined;
    const seen = this.watched.get(loginId);
    if (seen && !seen.valid) return undefined;
    const login = await this.store.login(loginId, this.now());
    // Only logins a socket holds are watched (stillValid adds them): a page's request reads the row.
    if (login && seen) this.watch(login.id, login.expiresAt);
    else if (!login && seen) this.ended(loginId);
    return login;
  }

  /** Ends the login; returns the Set-Cookie value that clears the cookie. */
  async logout(header: string | undefined): Promise<string> {
    const login = await this.fromCookieHeader(header);
    if (login) {
      this.watch(login.id, login.expiresAt);
      const seen = this.watched.get(login.id);
      if (seen) seen.valid = false;
      try {
        await this.store.deleteLogin(login.id);
      } finally {
        // Its sockets are told once the row is gone: a page they belong to then finds itself logged out.
        this.ended(login.id);
      }
    }
    return setCookie(TRAINER_COOKIE, '', { maxAgeSeconds: 0, secure: this.secureCookies });
  }

  /**
   * Whether a login a socket authenticated with is still good now: not expired, and not logged out
   * here or (as of the last check, at most LOGIN_RECHECK_MS ago) on any other node. Synchronous (it
   * runs per socket event): the store is read by the periodic check, not here.
   */
  stillValid(loginId: string, expiresAt: number): boolean {
    if (expiresAt <= this.now()) return false;
    const seen = this.watched.get(loginId);
    if (seen && !seen.valid) return false;
    // A login read at a handshake is watched from then on; one dropped from a full map is watched again.
    if (!seen) this.watch(loginId, expiresAt);
    else this.keepChecking();
    return true;
  }

  /** Checks the watched logins against the store now (also what the timer runs). */
  async recheck(): Promise<void> {
    if (this.checking) return;
    const now = this.now();
    const ids: string[] = [];
    for (const [id, seen] of this.watched) {
      if (seen.expiresAt <= now) this.watched.delete(id);
      else if (seen.valid) ids.push(id);
    }
    if (ids.length === 0) return this.stopChecking();
    this.checking = true;
    try {
      const live = await this.store.liveLogins(ids, now);
      this.failedChecks = 0;
      for (const id of ids) if (this.watched.get(id)?.valid && !live.has(id)) this.ended(id);
    } catch {
      // The store is unreachable (or closed with the app): the last answers stand, and checking
      // pauses after a few failures until a login is used again.
      if (++this.failedChecks >= MAX_FAILED_CHECKS) this.stopChecking();
    } finally {
      this.checking = false;
    }
  }

  private watch(loginId: string, expiresAt: number): void {
    const seen = this.watched.get(loginId);
    this.watched.delete(loginId);
    this.watched.set(loginId, seen ?? { valid: true, expiresAt });
    for (const old of this.watched.keys()) {
      if (this.watched.size <= MAX_WATCHED) break;
      this.watched.delete(old);
    }
    this.keepChecking();
  }

  private keepChecking(): void {
    if (this.timer) return;
    const resumed = this.failedChecks > 0;
    this.failedChecks = 0;
    this.timer = setInterval(() => void this.recheck(), this.recheckMs);
    // Never what keeps a process alive.
    this.timer.unref();
    // After a pause (the store was away) the answers are stale: check at once.
    if (resumed) void this.recheck();
  }

  private stopChecking(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
