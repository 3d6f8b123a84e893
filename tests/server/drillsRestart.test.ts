// A server restart during a running drill. The drill's clock and its seats' live sessions live in
// memory, so the drill cannot go on; what is promised instead: it is closed as *interrupted* with
// the results so far (every seat, every session rebuilt from its log and scored where it stopped),
// the trainer sees that in the history and the results, and a seat token says the seat is gone.
import { afterEach, describe, expect, it } from 'vitest';
import type { DrillResults } from '../../server/protocol/index.ts';
import type { DrillClient, DrillServer } from './drillHelpers.ts';
import { drillClient, login, loginTrainer, PASSWORD, startDrillServer } from './drillHelpers.ts';
import { msgId } from './helpers.ts';

let server: DrillServer | undefined;
const clients: DrillClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.close();
  server = undefined;
});

async function get<T>(url: string, cookie: string): Promise<T> {
  const res = await fetch(url, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

describe('a restart during a running drill', () => {
  it('closes the drill as interrupted, with every seat and the results so far', async () => {
    server = await startDrillServer();
    const trainer = await drillClient(server.url, await loginTrainer(server, '周老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'exam' });
    const drillId = snap.state.drillId;
    const [a, b] = [await drillClient(server.url), await drillClient(server.url)];
    clients.push(trainer, a, b);
    const seatA = await a.ok('drill:join', { code: snap.code, displayName: '小李' });
    await b.ok('drill:join', { code: snap.code, displayName: '小张' });
    await trainer.ok('drill:start', { drillId });
    await a.waitForEvent('buyer:say');
    const sessionId = a.of('drill:session')[0]?.session.sessionId ?? '';
    expect(await a.act('reply:send', { sessionId, clientMsgId: msgId(), text: '亲，您好，欢迎光临！' })).toMatchObject({ ok: true });
    for (const c of clients.splice(0)) c.close();
    const { dataDir } = server;
    await server.close();

    server = await startDrillServer({ dataDir });
    expect(await server.drills.manager.recover(Date.now())).toBe(1);
    const cookie = await login(server.url, '周老师', PASSWORD);
    const { drills } = await get<{ drills: { drillId: string; status: string; interrupted?: boolean; seats: number | null }[] }>(`${server.url}/api/drills`, cookie);
    expect(drills).toEqual([expect.objectContaining({ drillId, status: 'ended', interrupted: true, seats: 2 })]);

    const results = await get<DrillResults>(`${server.url}/api/drills/${drillId}`, cookie);
    expect(results.interrupted).toBe(true);
    expect(results.seats.map((s) => s.name)).toEqual(['小李', '小张']);
    const played = results.seats[0]?.sessions[0];
    expect(played?.sessionId).toBe(sessionId);
    // Scored where the log stopped: the greeting it had passed counts.
    expect(played?.report?.rules.find((r) => r.rule === 'greeting')?.verdict).toBe('pass');
    expect(results.summary.sessions).toBe(2);

    // Nothing is left to rejoin, and the trainee is told so (not kept waiting).
    const back = await drillClient(server.url);
    clients.push(back);
    expect(await back.send('drill:rejoin', { seatToken: seatA.seatToken, lastSeq: 0 })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    // A second start finds nothing more to close.
    expect(await server.drills.manager.recover(Date.now())).toBe(0);
  });
});
