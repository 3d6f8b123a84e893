// A client that asks for it at its handshake (the web client and the benchmark's trainees do) gets the
// events due with a trainee event inside that event's answer, and not again as separate events; the
// session's other sockets (another tab) get them as usual, with the same sequence numbers.
import { afterEach, describe, expect, it } from 'vitest';
import type { ReceivedEvent, TestServer } from './helpers.ts';
import { msgId, seqs, startServer, Trainee } from './helpers.ts';

let server: TestServer | undefined;
const open: Trainee[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) t.close();
  await server?.close();
  server = undefined;
});

async function connect(url: string, ackEvents: boolean): Promise<Trainee> {
  const t = new Trainee(url, {}, ackEvents ? { ackEvents: true } : {});
  open.push(t);
  await t.connected();
  return t;
}

const START = { scenarioId: 'mini-haggle', displayName: '小李', mode: 'practice' } as const;

describe('events in the answer (auth ackEvents)', () => {
  it('come in the answer, in order, and not again; the next events continue the numbering', async () => {
    server = await startServer();
    const t = await connect(server.url, true);
    const info = await t.ok('session:start', START);
    await t.waitForEvent('buyer:say');
    const before = t.lastSeq();
    const ack = await t.ok('reply:send', { sessionId: info.sessionId, clientMsgId: msgId(), text: '亲，不能再便宜了哦' });
    const carried = (ack.events ?? []) as ReceivedEvent[];
    expect(carried.map((e) => e.name)).toEqual(expect.arrayContaining(['trainee:say', 'verdict:add', 'buyer:say']));
    expect(carried[0]?.name).toBe('trainee:say');
    expect(seqs(carried)).toEqual(carried.map((_, i) => before + 1 + i));
    // Nothing of it arrives separately (give any stray frame time to come).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(t.lastSeq()).toBe(before);
    // The report at the end comes in the end's answer too, numbered on from the reply's events.
    const end = await t.ok('session:end', { sessionId: info.sessionId, clientMsgId: msgId() });
    const last = (end.events ?? []) as ReceivedEvent[];
    expect(last.at(-1)?.name).toBe('session:report');
    expect(last[0]?.payload.seq).toBe(before + carried.length + 1);
  });

  it("another tab of the session gets them as events, numbered the same", async () => {
    server = await startServer();
    const t = await connect(server.url, true);
    const info = await t.ok('session:start', START);
    await t.waitForEvent('buyer:say');
    const tab = await connect(server.url, false);
    const resumed = await tab.ok('session:resume', { sessionId: info.sessionId, token: info.token, lastSeq: 0 });
    await tab.waitFor((events) => events.length >= resumed.lastSeq);
    const ack = await t.ok('reply:send', { sessionId: info.sessionId, clientMsgId: msgId(), text: '亲，不能再便宜了哦' });
    const carried = (ack.events ?? []) as ReceivedEvent[];
    expect(carried.length).toBeGreaterThan(0);
    await tab.waitFor((events) => events.length >= resumed.lastSeq + carried.length);
    expect(tab.events.slice(resumed.lastSeq)).toEqual(carried);
  });

  it('a retried event gets the first answer without events; a client that did not ask gets none', async () => {
    server = await startServer();
    const t = await connect(server.url, true);
    const info = await t.ok('session:start', START);
    await t.waitForEvent('buyer:say');
    const id = msgId();
    const first = await t.ok('reply:send', { sessionId: info.sessionId, clientMsgId: id, text: '不能便宜哦' });
    const again = await t.ok('reply:send', { sessionId: info.sessionId, clientMsgId: id, text: '不能便宜哦' });
    expect(first.events?.length).toBeGreaterThan(0);
    expect(again).toEqual({ messageId: first.messageId, at: first.at });

    const plain = await connect(server.url, false);
    const other = await plain.ok('session:start', START);
    await plain.waitForEvent('buyer:say');
    const ack = await plain.ok('reply:send', { sessionId: other.sessionId, clientMsgId: msgId(), text: '不能便宜哦' });
    expect(ack.events).toBeUndefined();
    await plain.waitForEvent('trainee:say');
  });
});
