// Retention through the running server: a session past its keeping time answers 404 to its own token
// (the trainee's browser still lists it), not an error; its bundle goes a pass later, and a new
// session of the same scenario still starts (the catalog saves the bundle again).
import { request } from 'node:http';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { DAY_MS, startSessionRetention } from '../../server/runtime/sessionRetention.ts';
import type { TestServer } from './helpers.ts';
import { msgId, startServer, trainee } from './helpers.ts';
import { BACKENDS, freshStore, openStore } from './backends.ts';
import { ManualScheduler } from './manualScheduler.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function get(url: string, path: string, token: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe.each(BACKENDS)('retention through the server on %s', (backend) => {
  it('answers 404 for a deleted session, and starts new sessions after its bundle went', async () => {
    const at = await freshStore(backend);
    const scheduler = new ManualScheduler(Date.now());
    server = await startServer({ scheduler, store: { open: () => openStore(at) } });
    const t = await trainee(server.url);
    const played = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小郑', mode: 'practice' });
    await t.ok('session:end', { sessionId: played.sessionId, clientMsgId: msgId() });
    expect((await get(server.url, `/api/sessions/${played.sessionId}`, played.token)).status).toBe(200);

    await scheduler.advance(server.app, 91 * DAY_MS);
    const retention = startSessionRetention({ db: server.db, days: 90, logger: pino({ level: 'silent' }), now: () => scheduler.now(), firstPassInMs: 3_600_000 });
    expect(await retention.sweep()).toMatchObject({ sessions: 1, bundles: 0 });

    const gone = await get(server.url, `/api/sessions/${played.sessionId}`, played.token);
    expect(gone.status).toBe(404);
    expect(JSON.parse(gone.body)).toEqual({ error: { code: 'not-found', message: 'no such session' } });
    expect((await get(server.url, `/api/sessions/${played.sessionId}/rules`, played.token)).status).toBe(404);

    // The next pass takes the bundle no session uses any more; starting that scenario saves it again.
    expect(await retention.sweep()).toMatchObject({ sessions: 0, bundles: 1 });
    await retention.stop();
    const next = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小郑', mode: 'practice' });
    await t.ok('reply:send', { sessionId: next.sessionId, clientMsgId: msgId(), text: '亲，在的' });
    expect((await get(server.url, `/api/sessions/${next.sessionId}`, next.token)).status).toBe(200);
    t.close();
  });
});
