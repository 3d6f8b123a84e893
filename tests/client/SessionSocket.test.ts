// client/net against a fake socket: starting and resuming with the token, seq tracking (duplicates
// dropped, gaps refilled), the outbox sent one at a time, once per connection, with the same
// clientMsgId on every retry, and kept across a reload.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Outbox } from '../../client/net/outbox.ts';
import type { NetSink } from '../../client/net/SessionSocket.ts';
import { SessionSocket } from '../../client/net/SessionSocket.ts';
import type { DeliveredEvent, OutboxItem } from '../../client/store/types.ts';
import { buyerLine, FakeSocket, info, MemoryStorage } from './fakes.ts';

function recordingSink() {
  const log = {
    events: [] as DeliveredEvent[],
    statuses: [] as string[],
    started: [] as string[],
    resumed: [] as number[],
    gone: [] as string[],
    outbox: new Map<string, readonly OutboxItem[]>(),
  };
  const sink: NetSink = {
    connection: (s) => log.statuses.push(s),
    started: (i) => log.started.push(i.sessionId),
    resumed: (i) => log.resumed.push(i.lastSeq),
    gone: (id) => log.gone.push(id),
    event: (e) => log.events.push(e),
    outbox: (id, items) => log.outbox.set(id, items),
    acked: () => undefined,
  };
  return { sink, log };
}

const say = (seq: number, id = `m${seq}`): DeliveredEvent => ({ name: 'buyer:say', payload: { sessionId: 's1', seq, message: buyerLine(id, `line ${seq}`) } });

let ids = 0;
function setup(storage = new MemoryStorage()) {
  const socket = new FakeSocket();
  const { sink, log } = recordingSink();
  const net = new SessionSocket(socket, sink, new Outbox(storage), { ackTimeoutMs: 5000, retryMs: 100, rateLimitedRetryMs: 300, newId: () => `c${++ids}` });
  return { socket, net, log, storage };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('SessionSocket', () => {
  it('starts a session and hands its events over in seq order, dropping duplicates', async () => {
    const { socket, net, log } = setup();
    socket.connect();
    const started = net.start({ scenarioId: 'bargainer', displayName: '小峰', mode: 'practice' });
    socket.last('session:start').ack({ ok: true, data: info() });
    // The first events can come in the same batch as the ack: the session is known by then.
    socket.fire('buyer:say', say(1).payload);
    expect(log.started).toEqual(['s1']);
    expect((await started).ok).toBe(true);
    socket.fire('buyer:say', say(2).payload);
    socket.fire('buyer:say', say(2).payload);
    expect(log.events.map((e) => e.payload.seq)).toEqual([1, 2]);
    expect(net.lastSeq('s1')).toBe(2);
  });

  it('answers a gap by resuming from the last seq it holds', () => {
    const { socket, net, log } = setup();
    socket.connect();
    net.track('s1', 's1.token');
    socket.last('session:resume').ack({ ok: true, data: info('s1', { lastSeq: 0 }) });
    socket.fire('buyer:say', say(1).payload);
    socket.fire('buyer:say', say(3).payload);
    expect(log.events).toHaveLength(1);
    expect(socket.last('session:resume').payload).toMatchObject({ sessionId: 's1', token: 's1.token', lastSeq: 1 });
  });

  it('queues while offline and sends each event once after the resume, in order, one at a time', () => {
    const { socket, net, log } = setup();
    net.track('s1', 's1.token');
    expect(socket.emitted).toHaveLength(0);
    const a = net.send('reply:send', { sessionId: 's1', text: '一' });
    const b = net.send('reply:send', { sessionId: 's1', text: '二' });
    expect(log.outbox.get('s1')?.map((i) => i.state)).toEqual(['queued', 'queued']);

    socket.connect();
    expect(socket.named('reply:send')).toHaveLength(0);
    socket.last('session:resume').ack({ ok: true, data: info() });
    expect(socket.named('reply:send').map((e) => e.payload['clientMsgId'])).toEqual([a]);
    socket.last('reply:send').ack({ ok: true, data: { messageId: 'm1', at: 5 } });
    expect(socket.named('reply:send').map((e) => e.payload['clientMsgId'])).toEqual([a, b]);
    socket.last('reply:send').ack({ ok: true, data: { messageId: 'm2', at: 6 } });
    expect(log.outbox.get('s1')).toEqual([]);
    expect(socket.named('reply:send').map((e) => e.payload['text'])).toEqual(['一', '二']);
  });

  it('sends what was in flight again after a drop, with the same clientMsgId, and ignores the stale ack', () => {
    const { socket, net } = setup();
    socket.connect();
    net.track('s1', 's1.token');
    socket.last('session:resume').ack({ ok: true, data: info() });
    const id = net.send('reply:send', { sessionId: 's1', text: '在的亲' });
    const first = socket.last('reply:send');
    socket.drop();
    first.ack({ ok: true, data: { messageId: 'm1', at: 1 } });
    socket.connect();
    socket.last('session:resume').ack({ ok: true, data: info() });
    const sends = socket.named('reply:send');
    expect(sends.map((e) => e.payload['clientMsgId'])).toEqual([id, id]);
  });

  it('keeps the outbox across a reload: a new page sends it after resuming', () => {
    const storage = new MemoryStorage();
    const before = setup(storage);
    before.net.track('s1', 's1.token');
    const id = before.net.send('reply:send', { sessionId: 's1', text: '断网时打的字' });

    const after = setup(storage);
    after.socket.connect();
    after.net.track('s1', 's1.token');
    expect(after.log.outbox.get('s1')?.map((i) => i.clientMsgId)).toEqual([id]);
    after.socket.last('session:resume').ack({ ok: true, data: info() });
    expect(after.socket.last('reply:send').payload).toMatchObject({ clientMsgId: id, text: '断网时打的字' });
  });

  it('retries later on rate-limited, marks a refused event failed, and gives up on a session that is gone', () => {
    const { socket, net, log } = setup();
    socket.connect();
    net.track('s1', 's1.token');
    socket.last('session:resume').ack({ ok: true, data: info() });
    net.send('reply:send', { sessionId: 's1', text: 'a' });
    socket.last('reply:send').ack({ ok: false, error: { code: 'rate-limited', message: 'slow down' } });
    expect(socket.named('reply:send')).toHaveLength(1);
    vi.advanceTimersByTime(300);
    expect(socket.named('reply:send')).toHaveLength(2);
    socket.last('reply:send').ack({ ok: false, error: { code: 'ended', message: 'the session has ended' } });
    expect(log.outbox.get('s1')?.[0]).toMatchObject({ state: 'failed', error: { code: 'ended' } });

    net.track('s2', 'bad');
    socket.last('session:resume').ack({ ok: false, error: { code: 'unauthorized', message: 'no' } });
    expect(log.gone).toEqual(['s2']);
  });

  it('resends after an ack timeout with the same id', () => {
    const { socket, net } = setup();
    socket.connect();
    net.track('s1', 's1.token');
    socket.last('session:resume').ack({ ok: true, data: info() });
    const id = net.send('link:open', { sessionId: 's1', messageId: 'm2' });
    vi.advanceTimersByTime(5000);
    // First it asks for what it may have missed: a late answer could have carried events.
    expect(socket.named('session:resume')).toHaveLength(2);
    socket.last('session:resume').ack({ ok: true, data: info() });
    expect(socket.named('link:open').map((e) => e.payload['clientMsgId'])).toEqual([id, id]);
  });

  it('goes offline at once when the browser says so, and reconnects when it is back', () => {
    const { socket, net, log } = setup();
    socket.connect();
    net.goOffline();
    expect(socket.connected).toBe(false);
    expect(log.statuses.at(-1)).toBe('offline');
    net.goOnline();
    expect(socket.connected).toBe(true);
    expect(log.statuses.at(-1)).toBe('online');
  });

  it("takes the events an answer carries (auth ackEvents) as if they had come after it, in order", () => {
    const { socket, net, log } = setup();
    socket.connect();
    net.track('s1', 's1.token');
    socket.last('session:resume').ack({ ok: true, data: info('s1', { lastSeq: 1 }) });
    socket.fire('buyer:say', say(1).payload);
    net.send('reply:send', { sessionId: 's1', text: '一' });
    const mine: DeliveredEvent = { name: 'trainee:say', payload: { sessionId: 's1', seq: 2, clientMsgId: 'c1', message: { id: 'm2', from: 'trainee', text: '一', at: 2 } } };
    socket.last('reply:send').ack({ ok: true, data: { messageId: 'm2', at: 2, events: [mine, say(3), say(3)] } });
    expect(log.events.map((e) => [e.name, e.payload.seq])).toEqual([['buyer:say', 1], ['trainee:say', 2], ['buyer:say', 3]]);
    expect(net.lastSeq('s1')).toBe(3);
    // a live event already carried is dropped; the next one goes on
    socket.fire('buyer:say', say(3).payload);
    socket.fire('buyer:say', say(4).payload);
    expect(log.events.map((e) => e.payload.seq)).toEqual([1, 2, 3, 4]);
  });

  it('refuses to start while offline', async () => {
    const { net } = setup();
    const answer = await net.start({ scenarioId: 'bargainer', displayName: '小峰', mode: 'exam' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'offline' } });
  });
});
