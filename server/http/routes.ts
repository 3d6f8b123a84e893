// HTTP: health, the scenario list, a session's transcript and report for its token holder, and the
// web app. Socket.IO handles /socket.io/ itself before this handler sees a request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { reportWithTexts, ruleTextsById } from '../protocol/index.ts';
import type { LocalText } from '../engine/index.ts';
import type { ReportMarks } from '../protocol/index.ts';
import type { LiveSession } from '../runtime/liveSession.ts';
import type { ScenarioCatalog } from '../runtime/scenarioCatalog.ts';
import type { SessionRegistry } from '../runtime/sessionRegistry.ts';
import type { SessionTokens } from '../runtime/tokens.ts';
import { originAllowed } from './origins.ts';
import { serveStatic } from './staticFiles.ts';
import { serveScenarioContext } from './scenarioContext.ts';
import { setSecurityHeaders } from './securityHeaders.ts';

export interface HttpDeps {
  registry: SessionRegistry;
  catalog: ScenarioCatalog;
  tokens: SessionTokens;
  logger: Logger;
  allowedOrigins: readonly string[];
  /** dist/client when built; undefined serves no app */
  staticRoot: string | undefined;
  /** more routes, tried first (trainer login, drills); true when one answered */
  extra?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
  /** whether the request carries a valid trainer login: trainers may read any session */
  isTrainer?: (req: IncomingMessage) => Promise<boolean>;
  /** the drill seat this token opens played the session (drill trainees hold seat tokens) */
  seatHolds?: (seatToken: string, sessionId: string) => Promise<boolean>;
  /** the seat's drill is an exam still under way: its trainee gets no result yet (server/runtime/examHold.ts) */
  seatResultsHeld?: (seatToken: string) => Promise<boolean>;
}

const SESSION_PATH = /^\/api\/sessions\/([A-Za-z0-9-]{1,64})(\/rules)?$/;

export function createHttpHandler(deps: HttpDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    setSecurityHeaders(res);
    route(req, res, deps).catch((err: unknown) => {
      deps.logger.error({ err, url: req.url }, 'http handler failed');
      if (!res.headersSent) json(res, 500, { error: { code: 'internal', message: 'something went wrong on the server' } });
      else res.destroy();
    });
  };
}

async function route(req: IncomingMessage, res: ServerResponse, deps: HttpDeps): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;
  const head = req.method === 'HEAD';
  if (deps.extra && (await deps.extra(req, res, url))) return;
  if (req.method !== 'GET' && !head) return json(res, 405, { error: { code: 'bad-request', message: 'only GET here' } }, { allow: 'GET, HEAD' });
  if (path.startsWith('/api/') && !originAllowed(req, deps.allowedOrigins)) {
    return json(res, 403, { error: { code: 'forbidden', message: 'origin not allowed' } });
  }
  const cors = corsHeaders(req, deps.allowedOrigins);
  if (path === '/healthz') return json(res, 200, { ok: true, sessions: deps.registry.size });
  if (path === '/api/scenarios') return json(res, 200, { scenarios: await deps.catalog.list() }, cors);
  if (await serveScenarioContext(deps.catalog, url, res, cors)) return;
  const match = SESSION_PATH.exec(path);
  if (match) return sessionView(req, res, deps, match[1] as string, match[2] !== undefined, cors);
  if (deps.staticRoot && !path.startsWith('/api/') && serveStatic(deps.staticRoot, path, head, res, req.headers['accept-encoding'])) return;
  json(res, 404, { error: { code: 'not-found', message: `nothing at ${path}` } });
}

/** `GET /api/sessions/:id` (transcript and report) or, with `rules`, the texts its verdict marks refer to. */
async function sessionView(req: IncomingMessage, res: ServerResponse, deps: HttpDeps, sessionId: string, rules: boolean, cors: Record<string, string>): Promise<void> {
  const auth = req.headers.authorization ?? '';
  const token = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length).trim() : '';
  // The same answer for a wrong token and a missing session: a token is the only way to learn one exists.
  const ownToken = deps.tokens.verify(token) === sessionId;
  const seatHolder = !ownToken && token !== '' && (await deps.seatHolds?.(token, sessionId)) === true;
  const holder = ownToken || seatHolder;
  const trainer = holder ? undefined : (await deps.isTrainer?.(req)) === true;
  if (!holder && !trainer) return json(res, 401, { error: { code: 'unauthorized', message: 'send the session token as "Authorization: Bearer <token>", or log in as a trainer' } }, cors);
  const session = await deps.registry.get(sessionId);
  if (!session) return json(res, 404, { error: { code: 'not-found', message: 'no such session' } }, cors);
  const view = session.view();
  const { id, mode, displayName, scenario, startedAt } = session.identity;
  const texts = session.ruleTexts;
  // A seat in an exam drill still running sees its chat, not how it went: that waits for the drill's end.
  const held = seatHolder && mode === 'exam' && (await deps.seatResultsHeld?.(token)) === true;
  if (rules) {
    // An exam shows no verdict before its report: its feedback and model replies would be hints.
    if (mode === 'exam' && (!view.ended || held) && !(trainer ?? (await deps.isTrainer?.(req)) === true)) {
      return json(res, 403, { error: { code: 'forbidden', message: "an exam's rule texts come with its report" } }, cors);
    }
    return json(res, 200, texts, cors);
  }
  const report = held ? null : view.report && { ...view.report, report: reportWithTexts(view.report.report, ruleTextsById(texts.rules)), ...openMove(session, view.report.report) };
  json(res, 200, { session: { id, mode, displayName, scenario, startedAt, ended: view.ended, lastSeq: view.lastSeq, rubric: texts.rubric }, transcript: view.transcript, report }, cors);
}

/**
 * A chat that ended before the buyer reached an outcome (未完成): the move she was still in, so the
 * report can say what was left open. Only with the report: it says nothing before the result may be told.
 */
function openMove(session: LiveSession, report: ReportMarks): { openMove?: { id: string; label?: LocalText } } {
  return report.unfinished === 'no-ending' ? { openMove: session.buyerMove } : {};
}

function corsHeaders(req: IncomingMessage, allowed: readonly string[]): Record<string, string> {
  const origin = req.headers.origin;
  return origin !== undefined && allowed.includes(origin) ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}
