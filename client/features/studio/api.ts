// The studio's HTTP calls (trainer cookie, same origin). Errors carry the server's message and, for a
// refused publish, its path:line:col diagnostics.
import type { ScenarioSummary } from '../../../server/protocol/index.ts';
import type { StudioContext } from './checks.ts';

export interface StudioList {
  library: ScenarioSummary[];
  drafts: { id: string; updatedAt: number }[];
  published: { id: string; version: number; publishedAt: number }[];
}

export interface StudioSource {
  id: string;
  from: 'draft' | 'published' | 'library';
  source: string;
  published: number;
}

export class StudioError extends Error {
  constructor(
    message: string,
    readonly diagnostics: string[] = [],
  ) {
    super(message);
  }
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}) } });
  const body = (await res.json().catch(() => ({}))) as { error?: { message?: string }; diagnostics?: string[] };
  if (!res.ok) throw new StudioError(body.error?.message ?? res.statusText, body.diagnostics ?? []);
  return body as T;
}

export const studioApi = {
  list: () => call<StudioList>('/api/studio/scenarios'),
  context: () => call<StudioContext>('/api/studio/context'),
  source: (id: string) => call<StudioSource>(`/api/studio/scenarios/${encodeURIComponent(id)}/source`),
  saveDraft: (id: string, source: string) =>
    call<{ savedAt: number }>(`/api/studio/scenarios/${encodeURIComponent(id)}/draft`, { method: 'PUT', body: JSON.stringify({ source }) }),
  publish: (id: string) => call<{ version: number }>(`/api/studio/scenarios/${encodeURIComponent(id)}/publish`, { method: 'POST' }),
  exportUrl: (id: string) => `/api/studio/scenarios/${encodeURIComponent(id)}/export.yaml`,
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
