// The studio API: trainers only, drafts apart from immutable published versions, publishing refused
// with path:line:col diagnostics while checks fail, published scenarios playable by trainees, versions
// read back for diffs, edit conflicts between two trainers (409 with who saved last), deleting drafts.
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginTrainer, startDrillServer } from './drillHelpers.ts';
import type { DrillServer } from './drillHelpers.ts';
import { FIXTURE_SCENARIOS, Trainee } from './helpers.ts';

const template = readFileSync(join(FIXTURE_SCENARIOS, 'mini-haggle.yaml'), 'utf8');
const copy = template.replace('id: mini-haggle', 'id: studio-haggle');
const broken = copy.replace('goto: bought-cheap', 'goto: bought-cheep');

let server: DrillServer;
let cookie: string;
let otherCookie: string;

beforeAll(async () => {
  server = await startDrillServer();
  cookie = await loginTrainer(server, 'studio-trainer');
  otherCookie = await loginTrainer(server, '李老师');
});
afterAll(() => server.close());

function call(path: string, init: RequestInit = {}, as: string | null = cookie): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(as ? { cookie: as } : {}) };
  return fetch(`${server.url}${path}`, { ...init, headers });
}

/** The revision each scenario's draft was last seen at by this test (as the studio page keeps it). */
const seen = new Map<string, string | null>();

async function saveDraft(id: string, source: string, base: string | null = seen.get(id) ?? null, as = cookie): Promise<Response> {
  const res = await call(`/api/studio/scenarios/${id}/draft`, { method: 'PUT', body: JSON.stringify({ source, base }) }, as);
  if (res.status === 200) seen.set(id, ((await res.clone().json()) as { revision: string }).revision);
  return res;
}

async function publish(id: string): Promise<Response> {
  const res = await call(`/api/studio/scenarios/${id}/publish`, { method: 'POST', body: JSON.stringify({ base: seen.get(id) ?? null }) });
  if (res.status === 201) seen.set(id, ((await res.clone().json()) as { revision: string }).revision);
  return res;
}

const json = async <T>(res: Response | Promise<Response>): Promise<T> => (await (await res).json()) as T;

describe('studio API', () => {
  it('answers trainers only', async () => {
    expect((await call('/api/studio/scenarios', {}, null)).status).toBe(401);
    expect((await call('/api/studio/scenarios/mini-haggle/source', {}, null)).status).toBe(401);
  });

  it('lists the library and serves a source with the lexicon and shops', async () => {
    const list = (await (await call('/api/studio/scenarios')).json()) as { library: { id: string }[] };
    expect(list.library.map((s) => s.id)).toContain('mini-haggle');
    const source = (await (await call('/api/studio/scenarios/mini-haggle/source')).json()) as { from: string; source: string };
    expect(source).toMatchObject({ from: 'library', source: template });
    const context = (await (await call('/api/studio/context')).json()) as { lexicon: { intents: object }; shops: Record<string, unknown> };
    expect(Object.keys(context.shops)).toContain('test-shop');
    expect(Object.keys(context.lexicon.intents).length).toBeGreaterThan(0);
  });

  it('keeps library ids for the library', async () => {
    expect((await saveDraft('mini-haggle', template)).status).toBe(409);
  });

  it('refuses to publish a broken draft, with the line and column of the problem', async () => {
    expect((await saveDraft('studio-haggle', broken)).status).toBe(200);
    const res = await publish('studio-haggle');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { diagnostics: string[] };
    const line = broken.split('\n').findIndex((l) => l.includes('bought-cheep')) + 1;
    expect(body.diagnostics.some((d) => d.startsWith(`studio-haggle.yaml:${line}:`) && d.includes('bought-cheep'))).toBe(true);
    expect((await call('/api/scenarios').then((r) => r.json())) as { scenarios: { id: string }[] }).not.toMatchObject({ scenarios: expect.arrayContaining([expect.objectContaining({ id: 'studio-haggle' })]) });
  });

  it('refuses a draft whose embedded test fails', async () => {
    const failing = `${copy.trimEnd()}\ntests:\n  - name: a wrong expectation\n    kind: golden\n    at: ask\n    reply: 你好\n    expect: { goto: gone }\n`;
    await saveDraft('studio-haggle', failing);
    const body = (await (await publish('studio-haggle')).json()) as { diagnostics: string[] };
    expect(body.diagnostics.join('\n')).toMatch(/studio-haggle\.yaml:\d+:\d+: tests\[\d+\].*expected the buyer to move to "gone"/);
  });

  it('publishes immutable, numbered versions and exports them', async () => {
    await saveDraft('studio-haggle', copy);
    const first = await publish('studio-haggle');
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ id: 'studio-haggle', version: 1, revision: expect.any(String) });
    expect(await (await publish('studio-haggle')).json()).toMatchObject({ id: 'studio-haggle', version: 2 });
    const exported = await call('/api/studio/scenarios/studio-haggle/export.yaml?version=1');
    expect(exported.headers.get('content-disposition')).toContain('studio-haggle.yaml');
    expect(await exported.text()).toMatch(/^version: 1$/m);
    const list = (await (await call('/api/studio/scenarios')).json()) as { drafts: { id: string }[]; published: { id: string; version: number }[] };
    expect(list.published).toEqual([expect.objectContaining({ id: 'studio-haggle', version: 2 })]);
    expect(list.drafts.map((d) => d.id)).toEqual(['studio-haggle']);
    // The list names a trainer's scenario by the title its draft declares.
    const declared = parse(copy) as { title: unknown };
    expect((list.drafts[0] as { title?: unknown }).title).toEqual(declared.title);
  });

  it('serves published scenarios to trainees, recording the version played', async () => {
    const listed = (await (await fetch(`${server.url}/api/scenarios`)).json()) as { scenarios: { id: string; version: number }[] };
    expect(listed.scenarios).toContainEqual(expect.objectContaining({ id: 'studio-haggle', version: 2 }));
    const t = new Trainee(server.url);
    await t.connected();
    const { sessionId } = await t.ok('session:start', { scenarioId: 'studio-haggle', displayName: '试玩', mode: 'practice' });
    const old = await t.ok('session:start', { scenarioId: 'studio-haggle', version: 1, displayName: '试玩', mode: 'practice' });
    const rows = await server.db.selectFrom('sessions').select(['id', 'scenario_version']).where('scenario_id', '=', 'studio-haggle').execute();
    expect(rows.find((r) => r.id === sessionId)?.scenario_version).toBe(2);
    expect(rows.find((r) => r.id === old.sessionId)?.scenario_version).toBe(1);
    t.socket.disconnect();
  });
  it('lists the published versions and reads any one back, for a diff', async () => {
    const listed = await json<{ versions: { version: number; publishedBy: string }[]; draft: { revision: string; savedBy: string } | null }>(call('/api/studio/scenarios/studio-haggle/versions'));
    expect(listed.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(listed.versions[0]?.publishedBy).toBe('studio-trainer');
    expect(listed.draft).toMatchObject({ revision: seen.get('studio-haggle'), savedBy: 'studio-trainer' });
    const v1 = await json<{ version: number; source: string; bundle?: string }>(call('/api/studio/scenarios/studio-haggle/versions/1'));
    expect(v1.version).toBe(1);
    expect(v1.source).toMatch(/^version: 1$/m);
    expect(v1.bundle).toBeUndefined();
    expect((await call('/api/studio/scenarios/studio-haggle/versions/9')).status).toBe(404);
    expect((await call('/api/studio/scenarios/studio-haggle/source/1')).status).toBe(404);
  });

  it('answers a save based on a stale revision with 409, who saved last and when; overwriting is explicit', async () => {
    const opened = await json<{ revision: string }>(call('/api/studio/scenarios/studio-haggle/source', {}, otherCookie));
    expect(opened.revision).toBe(seen.get('studio-haggle'));
    // 李老师 saves first, from the revision both opened.
    const theirs = copy.replace('阿测', '阿李');
    const first = await saveDraft('studio-haggle', theirs, opened.revision, otherCookie);
    expect(first.status).toBe(200);
    const stale = await saveDraft('studio-haggle', copy.replace('阿测', '阿王'), opened.revision);
    expect(stale.status).toBe(409);
    const body = await json<{ error: { code: string; message: string }; latest: { savedBy: string; savedAt: number; revision: string } }>(stale);
    expect(body.error.code).toBe('conflict');
    expect(body.latest.savedBy).toBe('李老师');
    expect(body.latest.savedAt).toBeGreaterThan(0);
    expect(body.error.message).toContain('李老师');
    expect((await json<{ source: string }>(call('/api/studio/scenarios/studio-haggle/source'))).source).toBe(theirs);
    // A publish based on the stale revision is refused the same way: it would publish their text.
    const publishStale = await call('/api/studio/scenarios/studio-haggle/publish', { method: 'POST', body: JSON.stringify({ base: opened.revision }) });
    expect(publishStale.status).toBe(409);
    // A create (base null) never replaces an existing draft.
    expect((await saveDraft('studio-haggle', copy, null)).status).toBe(409);
    // Overwriting is a separate, explicit request.
    const mine = copy.replace('阿测', '阿王');
    const forced = await call('/api/studio/scenarios/studio-haggle/draft', { method: 'PUT', body: JSON.stringify({ source: mine, overwrite: true }) });
    expect(forced.status).toBe(200);
    seen.set('studio-haggle', (await json<{ revision: string }>(forced)).revision);
    expect((await json<{ source: string; savedBy: string }>(call('/api/studio/scenarios/studio-haggle/source'))).source).toBe(mine);
    // A save that names no base at all is a malformed request, not an implicit overwrite.
    expect((await call('/api/studio/scenarios/studio-haggle/draft', { method: 'PUT', body: JSON.stringify({ source: copy }) })).status).toBe(400);
  });

  it('deletes a draft but never a published version', async () => {
    expect((await call('/api/studio/scenarios/studio-haggle/draft', { method: 'DELETE', body: JSON.stringify({ base: 'abc123' }) })).status).toBe(409);
    expect((await call('/api/studio/scenarios/studio-haggle/draft', { method: 'DELETE', body: JSON.stringify({}) })).status).toBe(400);
    const deleted = await call('/api/studio/scenarios/studio-haggle/draft', { method: 'DELETE', body: JSON.stringify({ base: seen.get('studio-haggle') }) });
    expect(await deleted.json()).toEqual({ id: 'studio-haggle', deleted: true, published: 2 });
    const list = await json<{ drafts: { id: string }[]; published: { id: string; version: number }[] }>(call('/api/studio/scenarios'));
    expect(list.drafts).toEqual([]);
    expect(list.published).toEqual([expect.objectContaining({ id: 'studio-haggle', version: 2 })]);
    // The editor reopens from the newest published version; trainees still get it.
    expect(await json(call('/api/studio/scenarios/studio-haggle/source'))).toMatchObject({ from: 'published', published: 2, revision: null });
    expect((await call('/api/studio/scenarios/studio-haggle/draft', { method: 'DELETE', body: JSON.stringify({ base: 'abc123' }) })).status).toBe(404);
    const listed = await json<{ scenarios: { id: string; version: number }[] }>(fetch(`${server.url}/api/scenarios`));
    expect(listed.scenarios).toContainEqual(expect.objectContaining({ id: 'studio-haggle', version: 2 }));
    // A new draft starts from "no draft" again.
    expect((await saveDraft('studio-haggle', copy, null)).status).toBe(200);
  });
});

// Last: it adds a scenario, which the listings above do not expect.
describe('publishing', () => {
  it('changes only the version when it publishes: the text stays as the trainer wrote it', async () => {
    // Flow lists, comments, long lines: a re-serialised document would respace, rewrap or drop them.
    const flow = `${template.replace('id: mini-haggle', 'id: studio-styled').replace(/^version: \d+$/m, 'version: 1 # bumped on publish').trimEnd()}\n# the trainer's closing note\n`;
    await saveDraft('studio-styled', flow);
    expect((await publish('studio-styled')).status).toBe(201);
    const published = await json<{ source: string }>(call('/api/studio/scenarios/studio-styled/versions/1'));
    expect(published.source).toBe(flow);
    expect((await publish('studio-styled')).status).toBe(201);
    const second = await json<{ source: string }>(call('/api/studio/scenarios/studio-styled/versions/2'));
    expect(second.source).toBe(flow.replace('version: 1 # bumped on publish', 'version: 2 # bumped on publish'));
  });
});
