// GET /api/scenarios/:id/context[?version=N]: what the chat workspace shows beside a chat: the buyer's
// profile, the order of a post-sale scenario and the shop catalogue. Only the public parts of a
// scenario: its states, intents, rubric and embedded tests would give the answers away.
import type { ServerResponse } from 'node:http';
import type { ScenarioCatalog } from '../runtime/scenarioCatalog.ts';

const CONTEXT_PATH = /^\/api\/scenarios\/([a-z0-9]+(?:-[a-z0-9]+)*)\/context$/;

/** Answers the request and returns true when `url` is a context request; false leaves it to others. */
export async function serveScenarioContext(catalog: ScenarioCatalog, url: URL, res: ServerResponse, headers: Record<string, string>): Promise<boolean> {
  const match = CONTEXT_PATH.exec(url.pathname);
  if (!match) return false;
  const raw = url.searchParams.get('version');
  const version = raw === null ? undefined : Number(raw);
  if (version !== undefined && !(Number.isInteger(version) && version > 0)) {
    send(res, 400, { error: { code: 'bad-request', message: 'version must be a positive whole number' } }, headers);
    return true;
  }
  // The same lookup a session start makes, so a session's side panel shows the version it plays.
  const opened = await catalog.forStart(match[1] as string, version);
  if (!opened.ok) {
    send(res, 404, { error: opened.error }, headers);
    return true;
  }
  const { scenario, shop } = opened.data.compiled;
  const { id, title, description, persona, difficulty, buyer, order } = scenario;
  send(res, 200, { scenario: { id, version: scenario.version, title, description, persona, difficulty, buyer, ...(order ? { order } : {}) }, shop }, headers);
  return true;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}
