// Through the real studio routes: a draft whose pattern backtracks catastrophically (`(\d+)+q`
// froze the server for 43 s on a 33-character reply) is refused at publish with its line:col,
// nothing is published, and the server keeps answering while and after it is refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginTrainer, startDrillServer } from './drillHelpers.ts';
import type { DrillServer } from './drillHelpers.ts';
import { FIXTURE_SCENARIOS, trainee } from './helpers.ts';
import { StudioStore } from '../../server/store/studioStore.ts';

const ID = 'regex-bomb';
const template = readFileSync(join(FIXTURE_SCENARIOS, 'mini-haggle.yaml'), 'utf8').replace('id: mini-haggle', `id: ${ID}`);
// An embedded test feeds the pattern its worst reply: had the tests run before the check, publish would hang.
const bomb = template.replace('silence:', "intents:\n  order-number:\n    match:\n      - regex: '(\\d+)+q'\nsilence:")
  + `tests:\n  - name: a long order number\n    kind: golden\n    at: ask\n    reply: "${'1'.repeat(40)}"\n    expect: { notIntents: [order-number] }\n`;

let server: DrillServer;
let cookie: string;

beforeAll(async () => {
  server = await startDrillServer();
  cookie = await loginTrainer(server, 'regex-trainer');
});
afterAll(() => server.close());

function call(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, { ...init, headers: { 'content-type': 'application/json', cookie } });
}

describe('studio publish refuses a catastrophically backtracking pattern', () => {
  it('answers 400 with path:line:col: message, publishes nothing, and the server stays responsive', async () => {
    const saved = await call(`/api/studio/scenarios/${ID}/draft`, { method: 'PUT', body: JSON.stringify({ source: bomb, base: null }) });
    expect(saved.status).toBe(200);
    const { revision } = (await saved.json()) as { revision: string };

    const started = Date.now();
    const [res, health] = await Promise.all([
      call(`/api/studio/scenarios/${ID}/publish`, { method: 'POST', body: JSON.stringify({ base: revision }) }),
      fetch(`${server.url}/healthz`),
    ]);
    expect(health.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string }; diagnostics: string[] };
    expect(body.error.message).toContain('does not pass its checks');
    const line = bomb.split('\n').findIndex((l) => l.includes('(\\d+)+q')) + 1;
    const col = (bomb.split('\n')[line - 1] ?? '').indexOf("'") + 1;
    expect(body.diagnostics).toContainEqual(expect.stringMatching(new RegExp(`^${ID}\\.yaml:${line}:${col}: regex: this pattern can take exponential time on some replies: nested repetition \`\\(\\\\d\\+\\)\\+\``)));

    const versions = await call(`/api/studio/scenarios/${ID}/versions`);
    expect(((await versions.json()) as { versions?: unknown[] }).versions ?? []).toEqual([]);
    const listed = (await (await fetch(`${server.url}/api/scenarios`)).json()) as { scenarios: { id: string }[] };
    expect(listed.scenarios.map((s) => s.id)).not.toContain(ID);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('publishes the same draft once the pattern is rewritten without a repeat inside a repeat', async () => {
    const fixed = bomb.replace("'(\\d+)+q'", "'\\d+q'");
    const saved = await call(`/api/studio/scenarios/${ID}/draft`, { method: 'PUT', body: JSON.stringify({ source: fixed, overwrite: true }) });
    expect(saved.status).toBe(200);
    const { revision } = (await saved.json()) as { revision: string };
    const res = await call(`/api/studio/scenarios/${ID}/publish`, { method: 'POST', body: JSON.stringify({ base: revision }) });
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it('refuses a stored version with such a pattern (published before the check): not listed, not started, the server answers', async () => {
    const store = new StudioStore(server.db);
    const good = await store.version(ID, 1);
    if (!good) throw new Error('version 1 was published above');
    // As if published by an older server: the same bundle with the bomb put back.
    const bundle = good.bundle.replace('"\\\\d+q"', '"(\\\\d+)+q"');
    expect(bundle).not.toBe(good.bundle);
    expect(await store.publish({ id: ID, version: 2, source: good.source, bundle, trainerId: (await server.db.selectFrom('trainers').select('id').executeTakeFirstOrThrow()).id, now: Date.now() })).toBe(true);
    const listed = (await (await fetch(`${server.url}/api/scenarios`)).json()) as { scenarios: { id: string }[] };
    expect(listed.scenarios.map((s) => s.id)).not.toContain(ID);
    const t = await trainee(server.url);
    const answer = await t.send('session:start', { scenarioId: ID, displayName: '小王', mode: 'practice' });
    expect(answer.ok).toBe(false);
    t.close();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
