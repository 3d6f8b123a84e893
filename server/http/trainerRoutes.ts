// Trainer HTTP routes: login and logout (the cookie), the current trainer, adding trainers (admins),
// drill history, a drill's results and their CSV / JSON export. Everything but login needs the
// cookie; a drill's results are its trainer's only. A refusal is `{error: {code, message}}` (plus
// `reason` when adding a trainer is refused): the web app shows its own text for the code, the
// English message only for a code it does not know. Login: 401 unauthorized (wrong name or
// password, or a disabled account: answered alike whatever the password, which is not checked, and
// counted as a failure, so a guesser learns nothing from it), 429 rate-limited with a Retry-After
// header and a reason (`address`: too many failures from this address, `account`: too many for
// this name, loginLimits.ts; `busy`: too many password checks running, hashGate.ts), 403 forbidden
// (origin). Adding: 400 bad-request with a reason, 403
// forbidden (not an admin), 401 unauthorized (no login). Listing, disabling and resetting trainers
// and changing one's own password: accountRoutes.ts.
import { readJsonObject } from './jsonBody.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { DrillResults } from '../protocol/index.ts';
import { drillHistory } from '../runtime/drills/drillHistory.ts';
import type { TrustProxy } from '../runtime/clientAddress.ts';
import { clientAddress, TRUST_NONE } from '../runtime/clientAddress.ts';
import type { DrillManager } from '../runtime/drills/drillManager.ts';
import { resultsCsv, withCurrentSummary } from '../runtime/drills/results.ts';
import type { DrillStore } from '../store/drillStore.ts';
import type { TrainerLogin } from '../store/trainerStore.ts';
import { accountRoute } from './accountRoutes.ts';
import { HashGateBusy } from './hashGate.ts';
import type { LoginLimiter } from './loginLimits.ts';
import { LoginLimits } from './loginLimits.ts';
import { originAllowed } from './origins.ts';
import type { TrainerAuth } from './trainerAuth.ts';

export interface TrainerRouteDeps {
  auth: TrainerAuth;
  drills: DrillManager;
  store: DrillStore;
  logger: Logger;
  allowedOrigins: readonly string[];
  now: () => number;
  /** the login limits (server/runtime/guessLimits.ts); this node's own in memory if not given */
  limits?: LoginLimiter | undefined;
  /** whose X-Forwarded-For names the client the login limits count per address (TRUST_PROXY); off if not given */
  trustProxy?: TrustProxy | undefined;
}

const MAX_BODY_BYTES = 16 * 1024;
const DRILL_PATH = /^\/api\/drills\/([A-Za-z0-9-]{1,64})(?:\/(export\.csv|export\.json|qr\.svg))?$/;
/** How long a login refused because the password checks are all busy should wait. */
const BUSY_RETRY_MS = 1000;

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export function trainerRoutes(deps: TrainerRouteDeps): Handler {
  const limits = deps.limits ?? new LoginLimits();
  return async (req, res, url) => {
    const path = url.pathname;
    if (path !== '/api/trainers' && !path.startsWith('/api/trainers/') && !path.startsWith('/api/trainer/') && !path.startsWith('/api/drills')) return false;
    await handle(req, res, path, deps, limits);
    return true;
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, path: string, deps: TrainerRouteDeps, limits: LoginLimiter): Promise<void> {
  if (!originAllowed(req, deps.allowedOrigins)) return send(res, 403, { error: { code: 'forbidden', message: 'origin not allowed' } });
  const method = req.method ?? 'GET';
  if (path === '/api/trainer/login' && method === 'POST') return loginRoute(req, res, deps, limits);
  if (path === '/api/trainer/logout' && method === 'POST') {
    const cookie = await deps.auth.logout(req.headers.cookie);
    return send(res, 200, { ok: true }, { 'set-cookie': cookie });
  }
  const login = await deps.auth.fromCookieHeader(req.headers.cookie);
  if (!login) return send(res, 401, { error: { code: 'unauthorized', message: 'log in as a trainer first' } });
  if (path === '/api/trainer/me' && method === 'GET') return send(res, 200, { trainer: login.trainer });
  if (path === '/api/trainers' && method === 'POST') return addTrainer(req, res, deps, login);
  if (await accountRoute(req, res, path, login, { auth: deps.auth, logger: deps.logger, now: deps.now, limits, send, tooMany, trustProxy: deps.trustProxy ?? TRUST_NONE })) return;
  if (method !== 'GET') return send(res, 405, { error: { code: 'bad-request', message: 'method not allowed here' } });
  if (path === '/api/drills') return send(res, 200, { drills: await drillHistory(deps.store, login.trainer.id) });
  const match = DRILL_PATH.exec(path);
  if (!match) return send(res, 404, { error: { code: 'not-found', message: `nothing at ${path}` } });
  await drillRoute(res, deps, login, match[1] as string, match[2]);
}

/**
 * The attempt is counted before the password is checked (concurrent guesses count like sequential
 * ones) and given back when the login succeeded, or when nothing was checked after all. A disabled
 * account's attempt is a failure like any other (its password is not checked).
 */
async function loginRoute(req: IncomingMessage, res: ServerResponse, deps: TrainerRouteDeps, limits: LoginLimiter): Promise<void> {
  const address = clientAddress(req.socket.remoteAddress, req.headers, deps.trustProxy ?? TRUST_NONE);
  const early = await limits.addressWait(address, deps.now());
  if (early > 0) return tooMany(res, 'address', early);
  const body = await readJsonObject(req, MAX_BODY_BYTES);
  const name = typeof body?.['name'] === 'string' ? body['name'] : '';
  const password = typeof body?.['password'] === 'string' ? body['password'] : '';
  const attempt = await limits.reserve(address, name, deps.now());
  if (!attempt.ok) return tooMany(res, attempt.scope, attempt.retryAfterMs);
  let login;
  try {
    login = await deps.auth.login(name, password);
  } catch (err) {
    await attempt.cancel();
    if (err instanceof HashGateBusy) return tooMany(res, 'busy', BUSY_RETRY_MS);
    throw err;
  }
  if (!login.ok) {
    // For the log only: the answer is a wrong password's either way.
    if (login.disabled) deps.logger.info({ trainer: name.trim() }, 'login refused: the account is disabled');
    return send(res, 401, { error: { code: 'unauthorized', message: 'wrong name or password' } });
  }
  await attempt.succeeded();
  send(res, 200, { trainer: login.trainer }, { 'set-cookie': login.cookie });
}

const TOO_MANY = {
  address: 'too many failed login attempts from this address; wait a minute',
  account: 'too many failed login attempts for this name; wait a little',
  busy: 'the server is busy checking other logins; try again in a moment',
} as const;

function tooMany(res: ServerResponse, reason: keyof typeof TOO_MANY, retryAfterMs: number): void {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  send(res, 429, { error: { code: 'rate-limited', reason, message: TOO_MANY[reason], retryAfterSeconds: seconds } }, { 'retry-after': String(seconds) });
}

async function addTrainer(req: IncomingMessage, res: ServerResponse, deps: TrainerRouteDeps, login: TrainerLogin): Promise<void> {
  if (!login.trainer.admin) return send(res, 403, { error: { code: 'forbidden', reason: 'not-admin', message: 'only an admin adds trainers' } });
  const body = await readJsonObject(req, MAX_BODY_BYTES);
  const name = body?.['name'];
  const password = body?.['password'];
  const admin = body?.['admin'] ?? false;
  if (typeof name !== 'string' || typeof password !== 'string' || typeof admin !== 'boolean') {
    return send(res, 400, { error: { code: 'bad-request', message: 'send {"name": string, "password": string, "admin"?: boolean} as JSON' } });
  }
  const added = await deps.auth.add(name, password, admin);
  // `reason` says which check refused it (trainerAuth's AddProblem): the web app words it in its language.
  if (!added.ok) return send(res, 400, { error: { code: 'bad-request', reason: added.reason, message: added.message } });
  deps.logger.info({ by: login.trainer.name, trainer: added.trainer.name, admin }, 'trainer added');
  send(res, 201, { trainer: added.trainer });
}

async function drillRoute(res: ServerResponse, deps: TrainerRouteDeps, login: TrainerLogin, drillId: string, part: string | undefined): Promise<void> {
  const live = deps.drills.get(drillId);
  if (part === 'qr.svg') {
    if (!live || live.trainer.id !== login.trainer.id) return send(res, 404, { error: { code: 'not-found', message: 'no such open drill of yours' } });
    const svg = deps.drills.snapshot(live).qrSvg;
    return raw(res, 200, 'image/svg+xml; charset=utf-8', svg);
  }
  let results: DrillResults | null;
  // A cancelled drill has no results: nothing was played.
  if (live) results = live.trainer.id === login.trainer.id && live.status !== 'cancelled' ? (live.results ?? live.currentResults()) : null;
  else {
    const stored = await deps.store.results(drillId);
    results = stored?.results && stored.trainerId === login.trainer.id ? withCurrentSummary(stored.results) : null;
  }
  if (!results) {
    // A drill of theirs cancelled before it started has none, and is told apart (the page says so).
    const own = live ? live.trainer.id === login.trainer.id && live.status : await deps.store.statusOf(drillId).then((s) => s?.trainerId === login.trainer.id && s.status);
    if (own === 'cancelled') return send(res, 404, { error: { code: 'not-found', reason: 'cancelled', message: 'this drill was cancelled before it started: it has no results' } });
    // Someone else's drill and no drill answer alike.
    return send(res, 404, { error: { code: 'not-found', message: 'no results of such a drill of yours' } });
  }
  if (part === 'export.csv') return raw(res, 200, 'text/csv; charset=utf-8', resultsCsv(results), { 'content-disposition': `attachment; filename="drill-${results.code}-${drillId.slice(0, 8)}.csv"` });
  if (part === 'export.json') return raw(res, 200, 'application/json; charset=utf-8', JSON.stringify(results, null, 2), { 'content-disposition': `attachment; filename="drill-${results.code}-${drillId.slice(0, 8)}.json"` });
  send(res, 200, results);
}


function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  raw(res, status, 'application/json; charset=utf-8', JSON.stringify(body), headers);
}

function raw(res: ServerResponse, status: number, type: string, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(text);
}
