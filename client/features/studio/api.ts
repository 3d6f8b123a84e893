// The studio's HTTP calls (trainer cookie, same origin). Errors carry the HTTP status, the server's
// error code and `reason` (the page words those: deleteDraft.ts failedText), its English message
// (for logs) and, for a refused publish, its path:line:col diagnostics; a network failure is code
// `offline`; an edit conflict is a DraftConflict naming who
// saved last. Every write of a draft names the revision this page last loaded or saved (kept here,
// per scenario), so a save over someone else's newer text is refused instead of losing it.
import type { ScenarioSummary } from '../../../server/protocol/index.ts';
import type { StudioContext } from './checks.ts';

export interface StudioList {
  library: ScenarioSummary[];
  /** `title`: what the draft declares, either language possibly missing (a draft may be half-written) */
  drafts: { id: string; updatedAt: number; title?: { 'zh-CN'?: string; en?: string } }[];
  published: { id: string; version: number; publishedAt: number }[];
}

export interface StudioSource {
  id: string;
  from: 'draft' | 'published' | 'library';
  source: string;
  published: number;
  /** the draft's revision; null when there is no draft yet */
  revision: string | null;
  savedBy?: string;
  savedAt?: number;
}

export interface VersionInfo {
  version: number;
  publishedAt: number;
  publishedBy: string;
}

export interface DraftStamp {
  revision: string;
  savedBy: string;
  savedAt: number;
}

export interface VersionList {
  id: string;
  versions: VersionInfo[];
  draft: DraftStamp | null;
}

export interface VersionSource extends VersionInfo {
  id: string;
  source: string;
}

export interface LibraryExport {
  id: string;
  version: number;
  file: string;
  replaced: boolean;
}

/** A matcher's pattern as the engine runs it: `regex` with flags 'gu', `unless` with 'u'. */
export interface RegexPattern {
  source: string;
  flags: 'gu' | 'u';
}

/** What the server's backtracking check says of each pattern, in the order asked: the problem or null. */
export interface RegexVerdicts {
  problems: (string | null)[];
}

/** What a refusal said besides its message: the HTTP status (0: no answer), the error code and its reason. */
export interface RefusalInfo {
  status?: number;
  code?: string;
  reason?: string | undefined;
}

export class StudioError extends Error {
  readonly status: number;
  readonly code: string;
  readonly reason: string | undefined;
  constructor(
    message: string,
    readonly diagnostics: string[] = [],
    info: RefusalInfo = {},
  ) {
    super(message);
    this.status = info.status ?? 0;
    this.code = info.code ?? 'internal';
    this.reason = info.reason;
  }
}

/** Someone else saved (or deleted) the draft after this page loaded it. */
export class DraftConflict extends StudioError {
  constructor(
    message: string,
    readonly latest: DraftStamp | null,
    info: RefusalInfo = { status: 409, code: 'conflict' },
  ) {
    super(message, [], info);
  }
}

/** The library already has <id>.yaml and it is not an earlier export of this scenario. */
export class ExportNeedsConfirm extends StudioError {}

interface ErrorBody {
  error?: { message?: string; code?: unknown; reason?: unknown };
  diagnostics?: string[];
  latest?: DraftStamp | null;
  needsConfirm?: boolean;
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}) } });
  } catch (err) {
    throw new StudioError(err instanceof Error ? err.message : String(err), [], { code: 'offline' });
  }
  const body = (await res.json().catch(() => ({}))) as ErrorBody;
  if (!res.ok) {
    const message = body.error?.message ?? res.statusText;
    const code = body.error?.code;
    const reason = body.error?.reason;
    const info: RefusalInfo = { status: res.status, code: typeof code === 'string' ? code : `http-${res.status}`, reason: typeof reason === 'string' ? reason : undefined };
    if (res.status === 409 && body.latest !== undefined) throw new DraftConflict(message, body.latest, info);
    if (res.status === 409 && body.needsConfirm) throw new ExportNeedsConfirm(message, [], info);
    throw new StudioError(message, body.diagnostics ?? [], info);
  }
  return body as T;
}

/** The draft revision this page last loaded or saved, per scenario id (null: no draft existed). */
const known = new Map<string, string | null>();

const at = (id: string, rest: string) => `/api/studio/scenarios/${encodeURIComponent(id)}/${rest}`;
const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });

export const studioApi = {
  list: () => call<StudioList>('/api/studio/scenarios'),
  context: () => call<StudioContext>('/api/studio/context'),
  async source(id: string): Promise<StudioSource> {
    const source = await call<StudioSource>(at(id, 'source'));
    known.set(id, source.revision);
    return source;
  },
  /** The same text without changing the revision this page bases its saves on (for a diff beside the editor). */
  peek: (id: string) => call<StudioSource>(at(id, 'source')),
  /**
   * Saves over the revision this page knows. `create`: only if there is no draft yet (a new scenario
   * never replaces someone's draft); `overwrite`: whatever is there (the trainer chose so after a conflict).
   */
  async saveDraft(id: string, source: string, options: { overwrite?: boolean; create?: boolean } = {}): Promise<{ savedAt: number; revision: string }> {
    const body = options.overwrite ? { source, overwrite: true } : { source, base: options.create ? null : (known.get(id) ?? null) };
    const saved = await call<{ savedAt: number; revision: string }>(at(id, 'draft'), json('PUT', body));
    known.set(id, saved.revision);
    return saved;
  },
  async deleteDraft(id: string, revision: string): Promise<{ published: number }> {
    const deleted = await call<{ published: number }>(at(id, 'draft'), json('DELETE', { base: revision }));
    known.set(id, null);
    return deleted;
  },
  async publish(id: string): Promise<{ version: number }> {
    const published = await call<{ version: number; revision: string | null }>(at(id, 'publish'), json('POST', { base: known.get(id) ?? null }));
    if (published.revision !== null) known.set(id, published.revision);
    return published;
  },
  versions: (id: string) => call<VersionList>(at(id, 'versions')),
  version: (id: string, version: number) => call<VersionSource>(at(id, `versions/${version}`)),
  exportToLibrary: (id: string, version: number, confirm = false) => call<LibraryExport>(at(id, 'export-to-library'), json('POST', { version, confirm })),
  /** Publish's backtracking check of author regexes (it runs only on the server), for the live diagnostics. */
  regexCheck: (patterns: readonly RegexPattern[]) => call<RegexVerdicts>('/api/studio/regex-check', json('POST', { patterns })),
  exportUrl: (id: string, version?: number) => at(id, `export.yaml${version === undefined ? '' : `?version=${version}`}`),
};

/** A copy of a scenario under a new id: the top-level `id:` line is rewritten, nothing else. */
export function withId(source: string, id: string): string {
  return /^id:.*$/m.test(source) ? source.replace(/^id:.*$/m, `id: ${id}`) : `id: ${id}\n${source}`;
}

/** The top-level id a YAML file declares, if any (for imports). */
export function declaredId(source: string): string | undefined {
  return /^id:\s*['"]?([a-z0-9-]+)['"]?\s*$/m.exec(source)?.[1];
}

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
