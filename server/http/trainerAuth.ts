// Trainer logins: name + password -> a signed, expiring, httpOnly cookie naming a login row. The
// HTTP routes and the drill socket handshake both read the trainer from that cookie.
import type { Logger } from 'pino';
import type { Trainer, TrainerLogin, TrainerStore } from '../store/trainerStore.ts';
import { Signer } from '../runtime/drills/signer.ts';
import { parseCookies, setCookie } from './cookies.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { hasControlChars } from '../protocol/index.ts';

export const TRAINER_COOKIE = 'kd_trainer';
export const LOGIN_TTL_MS = 12 * 3600 * 1000;
export const MAX_TRAINER_NAME_CHARS = 64;

/** Why a new trainer account is refused: a stable code the web app words in its language. */
export type AddProblem = 'name-length' | 'name-control-chars' | 'password-too-short' | 'password-too-long' | 'name-taken';
export type AddResult = { ok: true; trainer: Trainer } | { ok: false; reason: AddProblem; message: string };

export class TrainerAuth {
  private readonly signer: Signer;
  /** logged out while a socket may still hold them: refused at once, not only after expiry */
  private readonly revoked = new Set<string>();
  /** compared against when the name is unknown, so a wrong name costs as long as a wrong password */
  private decoy: Promise<string> | undefined;

  constructor(
    private readonly store: TrainerStore,
    secret: string,
    private readonly now: () => number,
    private readonly secureCookies: boolean,
  ) {
    this.signer = new Signer(secret, 'trainer-login');
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

  /** A Set-Cookie value and the trainer, or undefined for a wrong name or password. */
  async login(name: string, password: string): Promise<{ cookie: string; trainer: Trainer } | undefined> {
    // Such a name was never accepted, and PostgreSQL would refuse the lookup itself.
    if (hasControlChars(name)) return undefined;
    const found = await this.store.byName(name.trim());
    const stored = found?.passwordHash ?? (await (this.decoy ??= hashPassword('decoy-password')));
    const matches = await verifyPassword(password, stored);
    if (!found || !matches) return undefined;
    const loginId = await this.store.createLogin(found.id, this.now(), LOGIN_TTL_MS);
    const cookie = setCookie(TRAINER_COOKIE, this.signer.sign(loginId), { maxAgeSeconds: LOGIN_TTL_MS / 1000, secure: this.secureCookies });
    return { cookie, trainer: { id: found.id, name: found.name, admin: found.admin } };
  }

  /** The live login a Cookie header carries, if any. */
  async fromCookieHeader(header: string | undefined): Promise<TrainerLogin | undefined> {
    const signed = parseCookies(header).get(TRAINER_COOKIE);
    const loginId = signed === undefined ? undefined : this.signer.unsign(signed);
    if (loginId === undefined || this.revoked.has(loginId)) return undefined;
    return this.store.login(loginId, this.now());
  }

  /** Ends the login; returns the Set-Cookie value that clears the cookie. */
  async logout(header: string | undefined): Promise<string> {
    const login = await this.fromCookieHeader(header);
    if (login) {
      this.revoked.add(login.id);
      await this.store.deleteLogin(login.id);
    }
    return setCookie(TRAINER_COOKIE, '', { maxAgeSeconds: 0, secure: this.secureCookies });
  }

  /** Whether a login a socket authenticated with is still good now. */
  stillValid(loginId: string, expiresAt: number): boolean {
    return !this.revoked.has(loginId) && expiresAt > this.now();
  }
}
