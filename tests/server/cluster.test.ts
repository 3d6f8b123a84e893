// Two nodes in one process on one Redis and one PostgreSQL database: rooms span the nodes, the
// session lease follows the trainee's socket (a stale node is fenced and hands over, nothing written
// twice), a dead node's silent buyer still leaves on time (the orphan sweep), and connection state
// recovery restores practice sockets only.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { io as connectClient } from 'socket.io-client';
import type { RedisAdapter } from '../../server/runtime/redisAdapter.ts';
import { connectRedisAdapter } from '../../server/runtime/redisAdapter.ts';
import { LeaseStore } from '../../server/store/leases.ts';
import type { Scheduler } from '../../server/runtime/scheduler.ts';
import { freshStore, openStore } from './backends.ts';
import type { TestServer } from './helpers.ts';
import { msgId, startServer, trainee } from './helpers.ts';
import { ManualScheduler } from './manualScheduler.ts';
import type { RedisServer } from './redisServer.ts';
import { startRedis } from './redisServer.ts';

let redis: RedisServer;
const opened: { close(): Promise<void> }[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});
afterEach(async () => {
  for (const closable of opened.splice(0).reverse()) await closable.close().catch(() => undefined);
});

async function node(nodeId: string, store: { open(): ReturnType<typeof openStore> }, options: { scheduler?: Scheduler; buyerSpeed?: number; leaseTtlMs?: number } = {}): Promise<TestServer> {
  const adapter: RedisAdapter = await connectRedisAdapter(redis.url, pino({ level: 'silent' }));
  const server = await startServer({ store, adapter: adapter.adapter, cluster: { nodeId, leaseTtlMs: options.leaseTtlMs ?? 5000 }, buyerSpeed: options.buyerSpeed ?? 0, ...(options.scheduler ? { scheduler: options.scheduler } : {}) });
  opened.push(adapter, server);
  return server;
}

async function twoNodes(options: { scheduler?: Scheduler; buyerSpeed?: number; leaseTtlMs?: number } = {}) {
  const at = await freshStore('postgres');
  const store = { open: () => openStore(at) };
  return { a: await node('node-a', store, options), b: await node('node-b', store, options) };
}

describe('two nodes on Redis and PostgreSQL', () => {
  it('share session rooms, and the lease follows whichever node the trainee acts through', async () => {
    // A long TTL: no heartbeat runs during the test, so what happens here is the take-over notice and the fence.
    const { a, b } = await twoNodes({ leaseTtlMs: 60_000 });
    const onA = await trainee(a.url);
    const onB = await trainee(b.url);
    opened.push({ close: async () => (onA.close(), onB.close()) });
    const info = await onA.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小周', mode: 'practice' });
    await onA.waitForEvent('buyer:say');
    const leases = new LeaseStore(a.db, 'reader');
    expect(await leases.holder('session', info.sessionId)).toMatchObject({ owner: 'node-a', epoch: 1 });

    // The same session opened through node B (a second tab, or a reconnect landing there): B takes the lease.
    const resumed = await onB.ok('session:resume', { sessionId: info.sessionId, token: info.token, lastSeq: 0 });
    expect(resumed.lastSeq).toBe(1);
    expect(await leases.holder('session', info.sessionId)).toMatchObject({ owner: 'node-b', epoch: 2 });
    // B told the other nodes through Redis: A drops its copy (and its timers) now, not at its next heartbeat.
    for (let i = 0; i < 100 && a.app.registry.size > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(a.app.registry.size).toBe(0);

    // A trainee acting through node A takes the lease back; A rebuilds from the log and acts on its state.
    const first = msgId();
    await onA.ok('reply:send', { sessionId: info.sessionId, clientMsgId: first, text: '不能再便宜了哦' });
    expect(await leases.holder('session', info.sessionId)).toMatchObject({ owner: 'node-a', epoch: 3 });
    // ... and node B's socket hears it through Redis.
    await onB.waitForEvent('trainee:say');

    const second = msgId();
    await onB.ok('reply:send', { sessionId: info.sessionId, clientMsgId: second, text: '您发截图给我看看' });
    await Promise.all([onA.waitForEvent('trainee:say', 2), onB.waitForEvent('trainee:say', 2)]);
    // A retry of the first reply through B is answered from the log, not written again.
    expect(await onB.ok('reply:send', { sessionId: info.sessionId, clientMsgId: first, text: '不能再便宜了哦' })).toMatchObject({ messageId: expect.any(String) as unknown });

    // A take-over nobody announced (a lost notice): node A's copy is stale, and its next append is fenced
    // inside the commit; A takes the lease back and the reply goes in once, on the log's state.
    const third = msgId();
    await onA.ok('reply:send', { sessionId: info.sessionId, clientMsgId: third, text: '亲，这款是最低价了' });
    const silent = await new LeaseStore(a.db, 'node-b').acquire('session', info.sessionId, Date.now() + 60_000);
    expect(a.app.registry.size).toBe(1);
    const fourth = msgId();
    await onA.ok('reply:send', { sessionId: info.sessionId, clientMsgId: fourth, text: '好的亲' });
    expect(await leases.holder('session', info.sessionId)).toMatchObject({ owner: 'node-a', epoch: silent + 1 });

    const stored = await a.log.load(info.sessionId);
    const ids = stored?.events.flatMap((e) => (e.clientMsgId ? [e.clientMsgId] : [])) ?? [];
    expect(ids).toEqual([first, second, third, fourth]);
    expect(stored?.events.map((e) => e.n)).toEqual(stored?.events.map((_, i) => i + 1));
    const said = (t: typeof onA) => t.events.filter((e) => e.name === 'trainee:say').map((e) => e.payload.seq);
    await Promise.all([onA.waitForEvent('trainee:say', 4), onB.waitForEvent('trainee:say', 4)]);
    expect(said(onA)).toEqual(said(onB));

    // Reading the transcript through the other node does not take the session away from the trainee's.
    const view = await fetch(`${b.url}/api/sessions/${info.sessionId}`, { headers: { authorization: `Bearer ${info.token}` } });
    expect(view.status).toBe(200);
    expect(((await view.json()) as { transcript: { from: string }[] }).transcript.filter((m) => m.from === 'trainee')).toHaveLength(4);
    expect(await leases.holder('session', info.sessionId)).toMatchObject({ owner: 'node-a', epoch: silent + 1 });
    expect(b.app.registry.size).toBe(0);
  });

  it('takes over a dead node\'s session with a pending deadline, so its buyer still leaves on time', async () => {
    const clock = new ManualScheduler();
    const { a, b } = await twoNodes({ scheduler: clock, buyerSpeed: 1, leaseTtlMs: 1000 });
    const t = await trainee(a.url);
    opened.push({ close: async () => t.close() });
    const info = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小周', mode: 'practice' });
    // Node A dies with the buyer waiting for an answer: no heartbeat, no timers, no hand-over.
    a.app.leases?.stop();
    a.app.registry.dispose();
    t.close();
    const leases = new LeaseStore(b.db, 'reader');
    expect((await leases.holder('session', info.sessionId))?.wakeAt).not.toBeNull();
    // Time passes for everyone; node B's sweep notices the expired lease with work due and runs it:
    // the buyer nudges (在吗?) and then leaves, each a tick in the log written under B's lease.
    const ticks = async () => ((await b.log.load(info.sessionId))?.events ?? []).filter((e) => e.type === 'tick');
    for (let i = 0; i < 150 && (await ticks()).length < 2; i++) {
      await clock.advance(b.app, 5000);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const [nudge, leave] = await ticks();
    expect(nudge?.effects.map((e) => e.kind)).toContain('buyer:say');
    expect(leave?.effects.map((e) => e.kind)).toContain('session:outcome');
    expect(b.app.leases?.epochOf('session', info.sessionId)).toBe(2);
    expect((await leases.holder('session', info.sessionId))?.owner).not.toBe('node-a');
  });

  it('recovers a dropped practice socket with its sessions, and no socket of another namespace', async () => {
    const { a } = await twoNodes();
    const socket = connectClient(a.url, { transports: ['websocket'], forceNew: true, reconnectionDelay: 300, reconnectionDelayMax: 300 });
    const drill = connectClient(`${a.url}/drill`, { transports: ['websocket'], forceNew: true, reconnectionDelay: 300, reconnectionDelayMax: 300 });
    opened.push({ close: async () => void (socket.disconnect(), drill.disconnect()) });
    await Promise.all([new Promise((resolve) => socket.once('connect', () => resolve(null))), new Promise((resolve) => drill.once('connect', () => resolve(null)))]);
    const act = (name: string, payload: unknown) => socket.timeout(10_000).emitWithAck(name, payload) as Promise<{ ok: boolean; data?: { sessionId: string } }>;
    const heard = new Promise((resolve) => socket.once('buyer:say', resolve));
    const started = await act('session:start', { scenarioId: 'mini-haggle', displayName: '小周', mode: 'practice' });
    await heard;
    const sessionId = started.data?.sessionId ?? '';
    // `connect` (not the manager's `reconnect`): `recovered` is known once the namespace has answered.
    const reconnected = Promise.all([new Promise((resolve) => socket.once('connect', () => resolve(null))), new Promise((resolve) => drill.once('connect', () => resolve(null)))]);
    socket.io.engine.close();
    drill.io.engine.close();
    await reconnected;
    expect(socket.recovered).toBe(true);
    expect(drill.recovered).toBe(false);
    // Recovered: still in the session without a resume.
    expect(await act('reply:send', { sessionId, clientMsgId: msgId(), text: '不能再便宜了哦' })).toMatchObject({ ok: true });
  });
});
