// GET /api/sessions/:id is for the session token's holder or a trainer (issue 4): a logged-in
// trainer may read any session; nobody else may, and a forged trainer cookie is nobody.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginTrainer, startDrillServer } from './drillHelpers.ts';
import type { DrillServer } from './drillHelpers.ts';
import { trainee } from './helpers.ts';

let server: DrillServer;
beforeEach(async () => {
  server = await startDrillServer();
});
afterEach(() => server.close());

async function startedSession(): Promise<string> {
  const t = await trainee(server.url);
  const info = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小郑', mode: 'exam' });
  t.close();
  return info.sessionId;
}

describe('GET /api/sessions/:id for trainers', () => {
  it('a logged-in trainer reads any session with its transcript', async () => {
    const sessionId = await startedSession();
    const cookie = await loginTrainer(server, '王老师');
    const res = await fetch(`${server.url}/api/sessions/${sessionId}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { session: { id: string }; transcript: unknown[] };
    expect(body.session.id).toBe(sessionId);
    expect(body.transcript.length).toBeGreaterThan(0);
  });

  it('without a token or a trainer login, or with a forged cookie, the answer is 401', async () => {
    const sessionId = await startedSession();
    expect((await fetch(`${server.url}/api/sessions/${sessionId}`)).status).toBe(401);
    const forged = await fetch(`${server.url}/api/sessions/${sessionId}`, { headers: { cookie: 'kd_trainer=1.forged' } });
    expect(forged.status).toBe(401);
  });
});
