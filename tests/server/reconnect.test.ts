// A client that drops and comes back gets what it missed exactly once; a retried event is stored once.
import { afterEach, describe, expect, it } from 'vitest';
import { ManualScheduler } from './manualScheduler.ts';
import type { TestServer } from './helpers.ts';
import { msgId, seqs, startServer, trainee } from './helpers.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('reconnecting', () => {
  it('replays the missed gap exactly once, then goes on live', async () => {
    const clock = new ManualScheduler();
    server = await startServer({ scheduler: clock, buyerSpeed: 1 });
    const first = await trainee(server.url);
    const info = await first.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小李', mode: 'practice' });
    await first.waitForEvent('buyer:say');
    await first.ok('reply:send', { sessionId: info.sessionId, clientMsgId: msgId(), text: '亲，不能再便宜了哦' });
    await first.waitForEvent('trainee:say');
    const seen = first.lastSeq();
    first.close();

    // While nobody is connected the buyer types and sends two lines.
    await clock.advance(server.app, 20_000);
    const back = await trainee(server.url);
    const resumed = await back.ok('session:resume', { sessionId: info.sessionId, token: info.token, lastSeq: seen });
    expect(resumed.lastSeq).toBeGreaterThan(seen);
    await back.waitFor((events) => events.length >= resumed.lastSeq - seen);
    expect(seqs(back.events)).toEqual(range(seen + 1, resumed.lastSeq));
    expect(back.events.filter((e) => e.name === 'buyer:say')).toHaveLength(2);
    expect(back.events.filter((e) => e.name === 'buyer:typing')).toHaveLength(2);

    // Live again: the next events continue the numbering, nothing twice.
    await back.ok('reply:send', { sessionId: info.sessionId, clientMsgId: msgId(), text: '您发个截图给我看看' });
    await clock.advance(server.app, 20_000);
    await back.waitForEvent('session:outcome');
    expect(seqs(back.events)).toEqual(range(seen + 1, back.lastSeq()));
    back.close();
  });

  it('gives a client that lost everything the whole history from seq 1', async () => {
    server = await startServer();
    const t = await trainee(server.url);
    const info = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小李', mode: 'practice' });
    await t.ok('reply:send', { sessionId: info.sessionId, clientMsgId: msgId(), text: '不能便宜哦' });
    await t.waitForEvent('buyer:say', 3);
    const other = await trainee(server.url);
    const resumed = await other.ok('session:resume', { sessionId: info.sessionId, token: info.token, lastSeq: 0 });
    await other.waitFor((events) => events.length >= resumed.lastSeq);
    expect(other.events).toEqual(t.events.slice(0, resumed.lastSeq));
    t.close();
    other.close();
  });
});

describe('retrying an event', () => {
  it('answers a retried clientMsgId with the first answer and stores it once', async () => {
    server = await startServer();
    const t = await trainee(server.url);
    const info = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小赵', mode: 'practice' });
    const reply = { sessionId: info.sessionId, clientMsgId: 'retry-me', text: '不能便宜哦' };
    // Twice at once (a retry racing the original), then once more from another connection.
    const [a, b] = await Promise.all([t.send('reply:send', reply), t.send('reply:send', reply)]);
    const other = await trainee(server.url);
    await other.ok('session:resume', { sessionId: info.sessionId, token: info.token, lastSeq: 0 });
    const c = await other.send('reply:send', reply);
    expect(a).toEqual(b);
    expect(c).toEqual(a);
    expect(a.ok).toBe(true);

    const rows = await server.db.selectFrom('session_events').selectAll().where('session_id', '=', info.sessionId).execute();
    expect(rows.filter((r) => r.client_msg_id === 'retry-me')).toHaveLength(1);
    expect(t.events.filter((e) => e.name === 'trainee:say')).toHaveLength(1);
    t.close();
    other.close();
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
