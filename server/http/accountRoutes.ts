// Trainer account management over HTTP (the caller is logged in; trainerRoutes.ts checked the cookie):
//
//   GET   /api/trainers                 admins: every trainer {id, name, admin, disabled, createdAt, lastLoginAt}
//   PATCH /api/trainers/:id             admins: {"disabled": boolean}; disabling ends the trainer's logins (their drill sockets are disconnected)
//   POST  /api/trainers/:id/password    admins: {"password": string}, a new password for another trainer (ends their logins, the same way)
//   POST  /api/trainer/password         anyone: {"currentPassword", "newPassword"}; ends their other logins
//
// A refusal is `{error: {code, reason, message}}`: 400 bad-request (`bad-json`: not a JSON object of
// the right shape; `password-too-short` / `password-too-long`), 403 forbidden (`not-admin`,
// `wrong-password`), 404 not-found (`no-such-trainer`), 409 conflict (`self`: an admin's own account
// is not disabled or reset from the list, `last-admin`: no enabled admin would be left), 429
// rate-limited (`address` / `account` / `busy`, as for a login: the current password is checked
// under the same limits, so this route is no way round them). Passwords are never logged.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { TrustProxy } from '../runtime/clientAddress.ts';
import { clientAddress } from '../runtime/clientAddress.ts';
import type { TrainerLogin } from '../store/trainerStore.ts';
import { HashGateBusy } from './hashGate.ts';
import { readJsonObject } from './jsonBody.ts';
import type { LoginLimiter } from './loginLimits.ts';
import { passwordProblem } from './passwords.ts';
import type { TrainerAuth } from './trainerAuth.ts';

export interface AccountRouteDeps {
  auth: TrainerAuth;
  logger: Logger;
  now: () => number;
}

export type Send = (res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>) => void;
export type TooMany = (res: ServerResponse, reason: 'address' | 'account' | 'busy', retryAfterMs: number) => void;

const MAX_BODY_BYTES = 16 * 1024;
const TRAINER_PATH = /^\/api\/trainers\/([A-Za-z0-9-]{1,64})(\/password)?$/;
/** How long a password change refused because the password checks are all busy should wait. */
const BUSY_RETRY_MS = 1000;

const refusal = (code: string, reason: string, message: string) => ({ error: { code, reason, message } });

/**
 * Answers an account route and returns true, or returns false when `path`/`method` is none of them.
 * `limits` are the login's, shared: a wrong current password counts like a wrong login.
 */
export async function accountRoute(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  login: TrainerLogin,
  deps: AccountRouteDeps & { limits: LoginLimiter; send: Send; tooMany: TooMany; trustProxy: TrustProxy },
): Promise<boolean> {
  const method = req.method ?? 'GET';
  if (path === '/api/trainer/password' && method === 'POST') {
    await changeOwnPassword(req, res, login, deps);
    return true;
  }
  if (path === '/api/trainers' && method === 'GET') {
    if (!login.trainer.admin) deps.send(res, 403, refusal('forbidden', 'not-admin', 'only an admin sees the trainers'));
    else deps.send(res, 200, { trainers: await deps.auth.store.list() });
    return true;
  }
  const match = TRAINER_PATH.exec(path);
  if (!match) return false;
  const targetId = match[1] as string;
  const isReset = match[2] !== undefined;
  if (isReset ? method !== 'POST' : method !== 'PATCH') {
    deps.send(res, 405, { error: { code: 'bad-request', message: 'method not allowed here' } });
    return true;
  }
  if (!login.trainer.admin) {
    deps.send(res, 403, refusal('forbidden', 'not-admin', 'only an admin manages trainers'));
    return true;
  }
  await (isReset ? resetPassword : setDisabled)(req, res, login, targetId, deps);
  return true;
}

async function setDisabled(req: IncomingMessage, res: ServerResponse, login: TrainerLogin, targetId: string, deps: AccountRouteDeps & { send: Send }): Promise<void> {
  const body = await readJsonObject(req, MAX_BODY_BYTES);
  const disabled = body?.['disabled'];
  if (typeof disabled !== 'boolean') return deps.send(res, 400, refusal('bad-request', 'bad-json', 'send {"disabled": boolean} as JSON'));
  // Locking oneself out by mistake has no way back from this page.
  if (disabled && targetId === login.trainer.id) return deps.send(res, 409, refusal('conflict', 'self', 'you cannot disable your own account'));
  const outcome = await deps.auth.setDisabled(targetId, disabled);
  if (outcome === 'no-such-trainer') return deps.send(res, 404, refusal('not-found', 'no-such-trainer', 'no such trainer'));
  if (outcome === 'last-admin') return deps.send(res, 409, refusal('conflict', 'last-admin', 'the last enabled admin cannot be disabled'));
  deps.logger.info({ by: login.trainer.name, trainer: await targetName(deps, targetId), disabled }, disabled ? 'trainer disabled' : 'trainer enabled');
  deps.send(res, 200, { ok: true });
}

async function resetPassword(req: IncomingMessage, res: ServerResponse, login: TrainerLogin, targetId: string, deps: AccountRouteDeps & { send: Send }): Promise<void> {
  const body = await readJsonObject(req, MAX_BODY_BYTES);
  const password = body?.['password'];
  if (typeof password !== 'string') return deps.send(res, 400, refusal('bad-request', 'bad-json', 'send {"password": string} as JSON'));
  // One's own password changes with the current one (changeOwnPassword): a page left logged in
  // must not be enough to take the account over.
  if (targetId === login.trainer.id) return deps.send(res, 409, refusal('conflict', 'self', 'change your own password with your current one'));
  const done = await deps.auth.setPassword(targetId, password);
  if (!done.ok) return deps.send(res, done.reason === 'no-such-trainer' ? 404 : 400, refusal(done.reason === 'no-such-trainer' ? 'not-found' : 'bad-request', done.reason, done.message));
  deps.logger.info({ by: login.trainer.name, trainer: await targetName(deps, targetId) }, 'trainer password reset');
  deps.send(res, 200, { ok: true });
}

/** The target's name for the log (its id if it went meanwhile). */
async function targetName(deps: AccountRouteDeps, trainerId: string): Promise<string> {
  return (await deps.auth.store.byId(trainerId))?.name ?? trainerId;
}

/**
 * The current password is checked like a login: the attempt is reserved under the login limits for
 * this address and this trainer's name before the (bounded) hash, and given back only when right.
 */
async function changeOwnPassword(req: IncomingMessage, res: ServerResponse, login: TrainerLogin, deps: AccountRouteDeps & { limits: LoginLimiter; send: Send; tooMany: TooMany; trustProxy: TrustProxy }): Promise<void> {
  const body = await readJsonObject(req, MAX_BODY_BYTES);
  const current = body?.['currentPassword'];
  const next = body?.['newPassword'];
  if (typeof current !== 'string' || typeof next !== 'string') return deps.send(res, 400, refusal('bad-request', 'bad-json', 'send {"currentPassword": string, "newPassword": string} as JSON'));
  // The new password's rules first: a refusal there costs no hash and no attempt.
  const problem = passwordProblem(next);
  if (problem) return deps.send(res, 400, refusal('bad-request', problem.reason, problem.message));
  const address = clientAddress(req.socket.remoteAddress, req.headers, deps.trustProxy);
  const attempt = await deps.limits.reserve(address, login.trainer.name, deps.now());
  if (!attempt.ok) return deps.tooMany(res, attempt.scope, attempt.retryAfterMs);
  let matches: boolean;
  try {
    matches = await deps.auth.passwordMatches(login.trainer.id, current);
  } catch (err) {
    await attempt.cancel();
    if (err instanceof HashGateBusy) return deps.tooMany(res, 'busy', BUSY_RETRY_MS);
    throw err;
  }
  if (!matches) {
    deps.logger.info({ trainer: login.trainer.name }, 'password change refused: wrong current password');
    return deps.send(res, 403, refusal('forbidden', 'wrong-password', 'the current password is not right'));
  }
  await attempt.succeeded();
  const done = await deps.auth.setPassword(login.trainer.id, next, login.id);
  if (!done.ok) return deps.send(res, 400, refusal('bad-request', done.reason, done.message));
  deps.logger.info({ trainer: login.trainer.name }, 'trainer changed their password');
  deps.send(res, 200, { ok: true });
}
