// The trainer studio's HTTP API (trainers only: a scenario's source holds its answers). Drafts are
// saved as typed; publishing checks the draft like `check:scenarios` and its embedded tests, then
// inserts an immutable version with the next number. Published versions are served to trainees by
// the catalogue beside the files.
import { readJsonObject } from './jsonBody.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { parseDocument } from 'yaml';
import { formatDiagnostic } from '../engine/index.ts';
import type { Shop } from '../engine/index.ts';
import type { ScenarioCatalog } from '../runtime/scenarioCatalog.ts';
import { listShopFiles, loadLexicon, loadScenarioFile, loadShopFile, scenarioPathFor } from '../store/scenarioFiles.ts';
import type { Database } from '../store/schema.ts';
import { checkStudioSource, libraryIds, MAX_STUDIO_SOURCE_BYTES, STUDIO_ID } from '../store/studioCheck.ts';
import { StudioStore } from '../store/studioStore.ts';
import { originAllowed } from './origins.ts';
import type { TrainerAuth } from './trainerAuth.ts';

export interface StudioDeps {
  db: Kysely<Database>;
  auth: TrainerAuth;
  catalog: ScenarioCatalog;
  dir: string;
  logger: Logger;
  allowedOrigins: readonly string[];
  now: () => number;
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

const SCENARIO_PATH = /^\/api\/studio\/scenarios\/([a-z0-9-]{1,128})\/(source|draft|publish|export\.yaml)$/;

/** The studio routes; also makes the catalogue serve what the studio publishes. */
export function attachStudio(deps: StudioDeps): Handler {
  const store = new StudioStore(deps.db);
  deps.catalog.usePublished({
    latest: async () => {
      const out: string[] = [];
      for (const p of await store.published()) {
        const v = await store.version(p.id, p.version);
        if (v) out.push(v.bundle);
      }
      return out;
    },
    get: async (id, version) => (await store.version(id, version))?.bundle,
  });
  return async (req, res, url) => {
    if (!url.pathname.startsWith('/api/studio/')) return false;
    if (!originAllowed(req, deps.allowedOrigins)) {
      send(res, 403, error('forbidden', 'origin not allowed'));
      return true;
    }
    const login = await deps.auth.fromCookieHeader(req.headers.cookie);
    if (!login) send(res, 401, error('unauthorized', 'log in as a trainer first'));
    else await handle(req, res, url, deps, store, login.trainer.id);
    return true;
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, url: URL, deps: StudioDeps, store: StudioStore, trainerId: string): Promise<void> {
  const method = req.method ?? 'GET';
  const path = url.pathname;
  if (path === '/api/studio/scenarios' && method === 'GET') {
    const ids = new Set(await libraryIds(deps.dir));
    const library = (await deps.catalog.list()).filter((s) => ids.has(s.id));
    return send(res, 200, { library, drafts: await store.drafts(), published: await store.published() });
  }
  if (path === '/api/studio/context' && method === 'GET') return send(res, 200, await context(deps.dir));
  const match = SCENARIO_PATH.exec(path);
  if (!match) return send(res, 404, error('not-found', `nothing at ${path}`));
  const id = match[1] as string;
  const part = match[2] as string;
  if (!STUDIO_ID.test(id)) return send(res, 400, error('bad-request', 'a scenario id is kebab-case: letters, digits and dashes'));
  if (part === 'source' && method === 'GET') return source(res, deps, store, id);
  if (part === 'export.yaml' && method === 'GET') return exportYaml(res, deps, store, id, url.searchParams.get('version'));
  if (part === 'draft' && method === 'PUT') {
    if ((await libraryIds(deps.dir)).includes(id)) return send(res, 409, error('conflict', `the library already has a scenario "${id}"; copy it with a new id`));
    const body = await readJsonObject(req, MAX_STUDIO_SOURCE_BYTES * 2);
    const text = body?.['source'];
    if (typeof text !== 'string' || Buffer.byteLength(text) > MAX_STUDIO_SOURCE_BYTES) return send(res, 400, error('bad-request', `send {"source": string} as JSON, at most ${MAX_STUDIO_SOURCE_BYTES / 1024} KB`));
    await store.saveDraft(id, text, trainerId, deps.now());
    return send(res, 200, { id, savedAt: deps.now() });
  }
  if (part === 'publish' && method === 'POST') return publish(res, deps, store, id, trainerId);
  send(res, 405, error('bad-request', 'method not allowed here'));
}

/** What the browser needs to run the same checks: the lexicon and every shop, parsed. */
async function context(dir: string): Promise<{ lexicon: unknown; shops: Record<string, Shop> }> {
  const lexicon = await loadLexicon(dir);
  const shops: Record<string, Shop> = {};
  for (const path of await listShopFiles(dir)) {
    const loaded = await loadShopFile(path);
    if (loaded.ok) shops[loaded.value.id] = loaded.value;
  }
  return { lexicon: lexicon.ok ? lexicon.value : { intents: {} }, shops };
}

async function source(res: ServerResponse, deps: StudioDeps, store: StudioStore, id: string): Promise<void> {
  const draft = await store.draft(id);
  if (draft !== undefined) return send(res, 200, { id, from: 'draft', source: draft, published: await store.latestVersionNumber(id) });
  const published = await store.version(id);
  if (published) return send(res, 200, { id, from: 'published', source: published.source, published: published.version });
  const file = await loadScenarioFile(scenarioPathFor(deps.dir, id));
  if (file.source !== '') return send(res, 200, { id, from: 'library', source: file.source, published: 0 });
  send(res, 404, error('not-found', `no scenario "${id}"`));
}

async function exportYaml(res: ServerResponse, deps: StudioDeps, store: StudioStore, id: string, version: string | null): Promise<void> {
  let text: string | undefined;
  if (version !== null) text = /^\d{1,9}$/.test(version) ? (await store.version(id, Number(version)))?.source : undefined;
  else text = (await store.draft(id)) ?? (await store.version(id))?.source ?? ((await loadScenarioFile(scenarioPathFor(deps.dir, id))).source || undefined);
  if (text === undefined) return send(res, 404, error('not-found', `nothing to export for "${id}"`));
  raw(res, 200, 'application/yaml; charset=utf-8', text, { 'content-disposition': `attachment; filename="${id}.yaml"` });
}

async function publish(res: ServerResponse, deps: StudioDeps, store: StudioStore, id: string, trainerId: string): Promise<void> {
  const draft = await store.draft(id);
  if (draft === undefined) return send(res, 404, error('not-found', `no draft of "${id}" to publish; save it first`));
  const version = (await store.latestVersionNumber(id)) + 1;
  // The version lives in the YAML too, so an exported file says which version it is.
  const doc = parseDocument(draft);
  if (doc.errors.length === 0 && doc.contents !== null) doc.set('version', version);
  const text = doc.errors.length === 0 ? doc.toString() : draft;
  const checked = await checkStudioSource(deps.dir, id, text);
  if (!checked.ok) {
    return send(res, 400, { error: { code: 'bad-request', message: 'the scenario does not pass its checks and tests' }, diagnostics: checked.diagnostics.map(formatDiagnostic) });
  }
  const saved = await store.publish({ id, version, source: text, bundle: JSON.stringify(checked.bundle), trainerId, now: deps.now() });
  if (!saved) return send(res, 409, error('conflict', `version ${version} of "${id}" was just published by someone else; publish again`));
  await store.saveDraft(id, text, trainerId, deps.now());
  deps.logger.info({ scenario: id, version }, 'studio scenario published');
  send(res, 201, { id, version });
}


function error(code: string, message: string) {
  return { error: { code, message } };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  raw(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

function raw(res: ServerResponse, status: number, type: string, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(text);
}
