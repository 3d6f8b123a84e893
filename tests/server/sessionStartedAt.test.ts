// The start and resume answers carry the server's start of the session (SessionInfo.startedAt), the
// day a scenario's relative order dates count from: the same value the session's HTTP view gives,
// unchanged by time passing, by another connection resuming, or by the server restarting.
import { afterEach, describe, expect, it } from 'vitest';
import { ManualScheduler } from './manualScheduler.ts';
import type { TestServer } from './helpers.ts';
import { startServer, tempDataDir, trainee } from './helpers.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// 25 Nov 2026, 10:00 in Beijing
const START = Date.UTC(2026, 10, 25, 2, 0);

describe('the session start in the socket answers', () => {
  it('is the server start in the start answer and in every resume answer, before and after a restart', async () => {
    const dataDir = tempDataDir();
    const clock = new ManualScheduler(START);
    server = await startServer({ dataDir, scheduler: clock });
    const first = await trainee(server.url);
    const info = await first.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小郑', mode: 'practice' });
    expect(info.startedAt).toBe(START);
    const view = await fetch(`${server.url}/api/sessions/${info.sessionId}`, { headers: { authorization: `Bearer ${info.token}` } });
    expect(((await view.json()) as { session: { startedAt: number } }).session.startedAt).toBe(START);

    // two days later, from another connection: still the day the chat began
    await clock.advance(server.app, 2 * 86_400_000);
    const other = await trainee(server.url);
    const resumed = await other.ok('session:resume', { sessionId: info.sessionId, token: info.token, lastSeq: 0 });
    expect(resumed.startedAt).toBe(START);
    first.close();
    other.close();
    await server.close();

    // the same database on a restarted server: the session is rebuilt from its row
    server = await startServer({ dataDir, scheduler: new ManualScheduler(START + 3 * 86_400_000) });
    const back = await trainee(server.url);
    const rebuilt = await back.ok('session:resume', { sessionId: info.sessionId, token: info.token, lastSeq: 0 });
    expect(rebuilt.startedAt).toBe(START);
    back.close();
  });
});
