// The studio API: trainers only, drafts apart from immutable published versions, publishing refused
// with path:line:col diagnostics while checks fail, and published scenarios playable by trainees.
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

beforeAll(async () => {
  server = await startDrillServer();
  cookie = await loginTrainer(server, 'studio-trainer');
});
afterAll(() => server.close());

function call(path: string, init: RequestInit = {}, withCookie = true): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(withCookie ? { cookie } : {}) };
  return fetch(`${server.url}${path}`, { ...init, headers });
}

const saveDraft = (id: string, source: string) => call(`/api/studio/scenarios/${id}/draft`, { method: 'PUT', body: JSON.stringify({ source }) });
const publish = (id: string) => call(`/api/studio/scenarios/${id}/publish`, { method: 'POST' });

describe('studio API', () => {
  it('answers trainers only', async () => {
    expect((await call('/api/studio/scenarios', {}, false)).status).toBe(401);
    expect((await call('/api/studio/scenarios/mini-haggle/source', {}, false)).status).toBe(401);
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
    expect(await first.json()).toEqual({ id: 'studio-haggle', version: 1 });
    expect(await (await publish('studio-haggle')).json()).toEqual({ id: 'studio-haggle', version: 2 });
    const exported = await call('/api/studio/scenarios/studio-haggle/export.yaml?version=1');
    expect(exported.headers.get('content-disposition')).toContain('studio-haggle.yaml');
    expect(await exported.text()).toMatch(/^version: 1$/m);
    const list = (await (await call('/api/studio/scenarios')).json()) as { drafts: { id: string }[]; published: { id: string; version: number }[] };
    expect(list.published).toEqual([expect.objectContaining({ id: 'studio-haggle', version: 2 })]);
    expect(list.drafts.map((d) => d.id)).toEqual(['studio-haggle']);
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
});
