// The trainer studio's HTTP API (trainers only: a scenario's source holds its answers). Drafts are
// saved as typed, each save naming the revision it was based on (a stale one gets 409 and who saved
// since); publishing checks the draft like `check:scenarios` and its embedded tests, then inserts an
// immutable version with the next number. Published versions are served to trainees by the
// catalogue beside the files, can be read back one by one (for diffs) and exported to scenarios/:
// that writes (and with `confirm` replaces) files on the server, so it is for admins only (403
// forbidden with reason `not-admin`, as when adding a trainer). `POST /api/studio/regex-check` runs
// publish's backtracking check on the patterns the editor shows, so it can mark them as the trainer types.
import { readJsonObject } from './jsonBody.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { formatDiagnostic } from '../engine/index.ts';
import type { Shop } from '../engine/index.ts';
import type { ScenarioCatalog } from '../runtime/scenarioCatalog.ts';
import { listShopFiles, loadLexicon, loadScenarioFile, loadShopFile, scenarioPathFor } from '../store/scenarioFiles.ts';
import type { Database } from '../store/schema.ts';
import { checkStudioSource, libraryIds, MAX_STUDIO_SOURCE_BYTES, STUDIO_ID } from '../store/studioCheck.ts';
import { exportToLibrary } from '../store/studioExport.ts';
import { withVersion } from '../store/scenarioVersionText.ts';
import { draftRevision, StudioStore } from '../store/studioStore.ts';
import type { DraftBase } from '../store/studioStore.ts';
import { regexSafetyProblem } from '../store/regexSafety.ts';
import { originAllowed } from './origins.ts';
import type { TrainerAuth } from './trainerAuth.ts';
import type { Trainer } from '../store/trainerStore.ts';

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

const SCENARIO_PATH = /^\/api\/studio\/scenarios\/([a-z0-9-]{1,128})\/(source|draft|publish|export\.yaml|export-to-library|versions)(?:\/(\d{1,9}))?$/;

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
    else await handle(req, res, url, deps, store, login.trainer);
    return true;
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, url: URL, deps: StudioDeps, store: StudioStore, trainer: Trainer): Promise<void> {
  const trainerId = trainer.id;
  const method = req.method ?? 'GET';
  const path = url.pathname;
  if (path === '/api/studio/scenarios' && method === 'GET') {
    const ids = new Set(await libraryIds(deps.dir));
    const library = (await deps.catalog.list()).filter((s) => ids.has(s.id));
    return send(res, 200, { library, drafts: await store.drafts(), published: await store.published() });
  }
  if (path === '/api/studio/context' && method === 'GET') return send(res, 200, await context(deps.dir));
  if (path === '/api/studio/regex-check') return method === 'POST' ? regexCheck(req, res, trainerId, deps.now()) : send(res, 405, error('bad-request', 'method not allowed here'));
  const match = SCENARIO_PATH.exec(path);
  if (!match) return send(res, 404, error('not-found', `nothing at ${path}`));
  const id = match[1] as string;
  const part = match[2] as string;
  const number = match[3] === undefined ? undefined : Number(match[3]);
  if (!STUDIO_ID.test(id)) return send(res, 400, error('bad-request', 'a scenario id is kebab-case: letters, digits and dashes'));
  if (number !== undefined && part !== 'versions') return send(res, 404, error('not-found', `nothing at ${path}`));
  const route = `${method} ${part}`;
  if (route === 'GET source') return source(res, deps, store, id);
  if (route === 'GET export.yaml') return exportYaml(res, deps, store, id, url.searchParams.get('version'));
  if (route === 'GET versions') return number === undefined ? versions(res, store, id) : versionSource(res, store, id, number);
  if (route === 'PUT draft') return saveDraft(req, res, deps, store, id, trainerId);
  if (route === 'DELETE draft') return deleteDraft(req, res, deps, store, id);
  if (route === 'POST publish') return publish(req, res, deps, store, id, trainerId);
  if (route === 'POST export-to-library') {
    // Writes into the library on the server's disk: an admin's decision, like adding a trainer.
    if (!trainer.admin) return send(res, 403, { error: { code: 'forbidden', reason: 'not-admin', message: 'only an admin exports to the library (scenarios/)' } });
    return exportToFile(req, res, deps, store, id);
  }
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
  const draft = await store.draftRow(id);
  const published = await store.latestVersionNumber(id);
  // `revision` is what the next save must name as its base: null means "there is no draft yet".
  if (draft) return send(res, 200, { id, from: 'draft', source: draft.source, published, revision: draft.revision, savedBy: draft.savedBy, savedAt: draft.updatedAt });
  const version = await store.version(id);
  if (version) return send(res, 200, { id, from: 'published', source: version.source, published: version.version, revision: null });
  const file = await loadScenarioFile(scenarioPathFor(deps.dir, id));
  if (file.source !== '') return send(res, 200, { id, from: 'library', source: file.source, published: 0, revision: null });
  send(res, 404, error('not-found', `no scenario "${id}"`));
}

async function versions(res: ServerResponse, store: StudioStore, id: string): Promise<void> {
  const draft = await store.draftRow(id);
  const draftInfo = draft ? { revision: draft.revision, savedBy: draft.savedBy, savedAt: draft.updatedAt } : null;
  send(res, 200, { id, versions: await store.versions(id), draft: draftInfo });
}

async function versionSource(res: ServerResponse, store: StudioStore, id: string, number: number): Promise<void> {
  const found = await store.version(id, number);
  if (!found) return send(res, 404, error('not-found', `"${id}" has no published version ${number}`));
  const { bundle: _bundle, ...rest } = found;
  send(res, 200, rest);
}

async function exportYaml(res: ServerResponse, deps: StudioDeps, store: StudioStore, id: string, version: string | null): Promise<void> {
  let text: string | undefined;
  if (version !== null) text = /^\d{1,9}$/.test(version) ? (await store.version(id, Number(version)))?.source : undefined;
  else text = (await store.draft(id)) ?? (await store.version(id))?.source ?? ((await loadScenarioFile(scenarioPathFor(deps.dir, id))).source || undefined);
  if (text === undefined) return send(res, 404, error('not-found', `nothing to export for "${id}"`));
  raw(res, 200, 'application/yaml; charset=utf-8', text, { 'content-disposition': `attachment; filename="${id}.yaml"` });
}

/** `{"base": revision | null}` or `{"overwrite": true}`: what a write expects the draft to be. */
function baseOf(body: Record<string, unknown>): DraftBase | undefined {
  if (body['overwrite'] === true) return { kind: 'any' };
  const base = body['base'];
  if (base === null) return { kind: 'new' };
  return typeof base === 'string' && /^[0-9a-f]{1,64}$/.test(base) ? { kind: 'revision', revision: base } : undefined;
}

/** 409 naming who saved the draft last and when, so the trainer can load theirs or overwrite. */
async function conflict(res: ServerResponse, store: StudioStore, id: string): Promise<void> {
  const current = await store.draftRow(id);
  const latest = current ? { revision: current.revision, savedBy: current.savedBy, savedAt: current.updatedAt } : null;
  const message = current ? `${current.savedBy} saved "${id}" after you opened it` : `the draft of "${id}" was deleted after you opened it`;
  send(res, 409, { error: { code: 'conflict', message }, latest });
}

async function saveDraft(req: IncomingMessage, res: ServerResponse, deps: StudioDeps, store: StudioStore, id: string, trainerId: string): Promise<void> {
  // A library id stays the library's, unless the studio already has it (an earlier export to scenarios/).
  if ((await libraryIds(deps.dir)).includes(id) && !(await store.owns(id))) {
    return send(res, 409, error('conflict', `the library already has a scenario "${id}"; copy it with a new id`));
  }
  const body = await readJsonObject(req, MAX_STUDIO_SOURCE_BYTES * 2);
  const text = body?.['source'];
  const base = body && baseOf(body);
  if (typeof text !== 'string' || Buffer.byteLength(text) > MAX_STUDIO_SOURCE_BYTES || !base) {
    return send(res, 400, error('bad-request', `send {"source": string, "base": revision or null} or {"source": string, "overwrite": true} as JSON, at most ${MAX_STUDIO_SOURCE_BYTES / 1024} KB`));
  }
  const now = deps.now();
  if (!(await store.saveDraft(id, text, trainerId, now, base))) return conflict(res, store, id);
  send(res, 200, { id, savedAt: now, revision: draftRevision(text) });
}

async function deleteDraft(req: IncomingMessage, res: ServerResponse, deps: StudioDeps, store: StudioStore, id: string): Promise<void> {
  const body = await readJsonObject(req, 1024);
  const base = body && baseOf(body);
  if (base?.kind !== 'revision') return send(res, 400, error('bad-request', 'send {"base": revision} as JSON: the draft you are deleting'));
  if (!(await store.draftRow(id))) return send(res, 404, error('not-found', `"${id}" has no draft`));
  if (!(await store.deleteDraft(id, base.revision))) return conflict(res, store, id);
  deps.logger.info({ scenario: id }, 'studio draft deleted');
  send(res, 200, { id, deleted: true, published: await store.latestVersionNumber(id) });
}

async function publish(req: IncomingMessage, res: ServerResponse, deps: StudioDeps, store: StudioStore, id: string, trainerId: string): Promise<void> {
  const body = await readJsonObject(req, 1024);
  const base = body && baseOf(body);
  const current = await store.draftRow(id);
  if (!current) return send(res, 404, error('not-found', `no draft of "${id}" to publish; save it first`));
  // Publish what the trainer saw: a draft someone else saved meanwhile is theirs to publish.
  if (base?.kind === 'revision' && base.revision !== current.revision) return conflict(res, store, id);
  const draft = current.source;
  const version = (await store.latestVersionNumber(id)) + 1;
  // The version lives in the YAML too, so an exported file says which version it is.
  const text = withVersion(draft, version);
  const checked = await checkStudioSource(deps.dir, id, text);
  if (!checked.ok) {
    return send(res, 400, { error: { code: 'bad-request', message: 'the scenario does not pass its checks and tests' }, diagnostics: checked.diagnostics.map(formatDiagnostic) });
  }
  const saved = await store.publish({ id, version, source: text, bundle: JSON.stringify(checked.bundle), trainerId, now: deps.now() });
  if (!saved) return send(res, 409, error('conflict', `version ${version} of "${id}" was just published by someone else; publish again`));
  // The draft takes the version number too, unless someone saved over it in the meantime.
  const updated = await store.saveDraft(id, text, trainerId, deps.now(), { kind: 'revision', revision: current.revision });
  deps.logger.info({ scenario: id, version }, 'studio scenario published');
  send(res, 201, { id, version, revision: updated ? draftRevision(text) : null });
}

async function exportToFile(req: IncomingMessage, res: ServerResponse, deps: StudioDeps, store: StudioStore, id: string): Promise<void> {
  const body = (await readJsonObject(req, 1024)) ?? {};
  const asked = body['version'];
  if (asked !== undefined && !(typeof asked === 'number' && Number.isInteger(asked) && asked > 0)) return send(res, 400, error('bad-request', 'version is a published version number'));
  const published = await store.version(id, asked);
  if (!published) return send(res, 404, error('not-found', asked === undefined ? `"${id}" has no published version; publish it first` : `"${id}" has no published version ${asked}`));
  const result = await exportToLibrary(deps.dir, store, published, body['confirm'] === true);
  if (result.ok) {
    deps.logger.info({ scenario: id, version: published.version, file: result.file, replaced: result.replaced }, 'studio version exported to the library');
    return send(res, 201, { id, version: published.version, file: result.file, replaced: result.replaced });
  }
  if (result.reason === 'needs-confirm') return send(res, 409, { error: { code: 'conflict', message: result.message }, needsConfirm: true, declaredId: result.declaredId ?? null });
  if (result.reason === 'check') return send(res, 400, { error: { code: 'bad-request', message: 'this version does not pass today\'s checks against the library' }, diagnostics: result.diagnostics.map(formatDiagnostic) });
  deps.logger.error({ scenario: id, message: result.message }, 'studio export to the library failed');
  send(res, 500, error('internal', result.message));
}

/** Per request: the editor asks only for the patterns it has no verdict on yet, so real drafts stay far below. */
export const MAX_REGEX_CHECK_PATTERNS = 200;
export const MAX_REGEX_CHECK_SOURCE = 2000;
const REGEX_CHECK_SLICE_MS = 20;
/**
 * Time each trainer may spend judging patterns, per window: a trainer typing spends milliseconds;
 * 200 crafted patterns can take about 50 s of the server's one thread, so they wait their turn.
 */
export const REGEX_CHECK_BUDGET = { ms: 10_000, windowMs: 10 * 60_000 };
const regexCheckSpent = new Map<string, { since: number; ms: number }>();

function regexCheckBudgetLeft(trainerId: string, now: number): { since: number; ms: number } {
  let spent = regexCheckSpent.get(trainerId);
  if (!spent || now - spent.since >= REGEX_CHECK_BUDGET.windowMs) {
    spent = { since: now, ms: 0 };
    regexCheckSpent.set(trainerId, spent);
    // bounded: windows long over are forgotten
    if (regexCheckSpent.size > 1000) for (const [id, s] of regexCheckSpent) if (now - s.since >= REGEX_CHECK_BUDGET.windowMs) regexCheckSpent.delete(id);
  }
  return spent;
}

/**
 * The backtracking check of publish, for the editor while the trainer types (the client cannot carry
 * scslre/refa): `{"patterns": [{"source", "flags": "gu" (regex) | "u" (unless)}]}` -> `{"problems"}`,
 * the same message publish gives (without its `regex: ` prefix) or null, in the same order.
 */
async function regexCheck(req: IncomingMessage, res: ServerResponse, trainerId: string, now: number): Promise<void> {
  // Every character may arrive as a 6-byte \uXXXX escape.
  const body = await readJsonObject(req, MAX_REGEX_CHECK_PATTERNS * (MAX_REGEX_CHECK_SOURCE * 6 + 64) + 64);
  const patterns = body?.['patterns'];
  const shape = `send {"patterns": [{"source": string, "flags": "gu" or "u"}, ...]} as JSON`;
  const wellFormed = Array.isArray(patterns) && patterns.every((p: unknown) => {
    const { source, flags } = (p ?? {}) as { source?: unknown; flags?: unknown };
    return typeof source === 'string' && (flags === 'gu' || flags === 'u');
  });
  if (!wellFormed) return send(res, 400, error('bad-request', `${shape}, at most ${MAX_REGEX_CHECK_PATTERNS} patterns of at most ${MAX_REGEX_CHECK_SOURCE} characters each`));
  if (patterns.length > MAX_REGEX_CHECK_PATTERNS) return send(res, 400, error('bad-request', `at most ${MAX_REGEX_CHECK_PATTERNS} patterns per request (got ${patterns.length}); send the rest in another`));
  const long = (patterns as { source: string }[]).findIndex((p) => p.source.length > MAX_REGEX_CHECK_SOURCE);
  if (long >= 0) return send(res, 400, error('bad-request', `patterns[${long}] is longer than ${MAX_REGEX_CHECK_SOURCE} characters`));
  // One new long pattern can take seconds to judge (verdicts are cached after): the server goes back
  // to its other requests and sockets between patterns, and stops when the page has gone.
  const problems: (string | null)[] = [];
  const spent = regexCheckBudgetLeft(trainerId, now);
  let since = Date.now();
  for (const p of patterns as { source: string; flags: string }[]) {
    if (spent.ms >= REGEX_CHECK_BUDGET.ms) {
      const retryAfterSec = Math.max(1, Math.ceil((spent.since + REGEX_CHECK_BUDGET.windowMs - now) / 1000));
      res.setHeader('retry-after', String(retryAfterSec));
      return send(res, 429, { error: { code: 'rate-limited', reason: 'regex-check-budget', message: `checking patterns used its time for now; try again in ${retryAfterSec} s (publish still checks everything)` } });
    }
    if (Date.now() - since > REGEX_CHECK_SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      if (req.socket.destroyed) return;
      since = Date.now();
    }
    const started = performance.now();
    problems.push(regexSafetyProblem(p.source, p.flags) ?? null);
    spent.ms += performance.now() - started;
  }
  send(res, 200, { problems });
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
