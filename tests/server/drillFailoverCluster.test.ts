// One drill across two nodes on one PostgreSQL and one Redis: the node that opened it runs it, and
// the sockets the load balancer put on the other node reach it through the adapter. Then the
// owner is killed (SIGKILL, child processes): the other node takes the drill over once its lease
// runs out, everyone reconnects there, and the drill finishes with every acknowledged reply once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillAck, Tile } from '../../server/protocol/index.ts';
import { freshStore } from './backends.ts';
import type { DrillClient } from './drillHelpers.ts';
import { drillClient, drillFixture, login, loginTrainer, startDrill } from './drillHelpers.ts';
import { msgId, tempDataDir } from './helpers.ts';
import type { RedisServer } from './redisServer.ts';
import { startRedis } from './redisServer.ts';
import type { ServerProcess } from './serverProcess.ts';
import { startServerProcess } from './serverProcess.ts';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});

const fixture = drillFixture();

/** The tiles as a trainer socket knows them now: the latest version of each. */
function board(trainer: DrillClient, initial: Tile[]): Map<string, Tile> {
  const tiles = new Map(initial.map((t) => [t.seatId, t]));
  for (const update of trainer.of('drill:dashboard')) for (const tile of update.tiles) tiles.set(tile.seatId, tile);
  return tiles;
}

describe('a drill on two nodes', () => {
  it('is run by one node; sockets on the other join, play and watch through the adapter', async () => {
    const store = await freshStore('postgres');
    const a = await fixture.server({ store, redisUrl: redis.url });
    const b = await fixture.server({ store, redisUrl: redis.url });
    const cookie = await loginTrainer(a, '冯老师');
    const trainer = await fixture.client(a.url, cookie);
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const drillId = snap.state.drillId;
    expect(a.drills.manager.get(drillId)).toBeDefined();

    const here = await fixture.client(a.url);
    const there = await fixture.client(b.url);
    await here.ok('drill:join', { code: snap.code, displayName: '小甲' });
    const seatThere = await there.ok('drill:join', { code: snap.code, displayName: '小乙' });
    expect(seatThere.displayName).toBe('小乙');
    // Node B never took the drill: it forwarded the join to the node that runs it.
    expect(b.drills.manager.get(drillId)).toBeUndefined();

    // A second dashboard, on node B: attached through A, fed by A's broadcasts.
    const watcher = await fixture.client(b.url, cookie);
    const attached = await watcher.ok('drill:attach', { drillId });
    expect(attached.tiles.map((t) => t.name)).toEqual(['小甲', '小乙']);

    const [, sessionThere] = await startDrill(trainer, drillId, [here, there]);
    const greeting = msgId();
    const reply = (id: string): Promise<DrillAck<unknown>> => there.act('reply:send', { sessionId: sessionThere, clientMsgId: id, text: '亲，您好，欢迎光临！' });
    expect(await reply(greeting)).toMatchObject({ ok: true });
    // A retry is answered from the log, through the same forwarding, and stored once.
    expect(await reply(greeting)).toMatchObject({ ok: true });
    await watcher.waitFor(() => board(watcher, attached.tiles).get(seatThere.seatId)?.turns === 1);
    expect(board(watcher, attached.tiles).get(seatThere.seatId)?.connected).toBe(true);

    // Trainer events from node B act on the drill on node A.
    expect((await watcher.ok('drill:pause', { drillId })).status).toBe('paused');
    await there.waitFor(() => there.of('drill:state').some((s) => s.status === 'paused'));
    expect(await there.act('reply:send', { sessionId: sessionThere, clientMsgId: msgId(), text: '在的' })).toMatchObject({ ok: false, error: { code: 'paused' } });
    await watcher.ok('drill:resume', { drillId });
    const results = await watcher.ok('drill:end', { drillId });
    expect(results.seats.map((s) => [s.name, s.sessions[0]?.report?.kpis.replies])).toEqual([
      ['小甲', 0],
      ['小乙', 1],
    ]);
    const rows = await a.db.selectFrom('session_events').select('client_msg_id').where('client_msg_id', '=', greeting).execute();
    expect(rows).toHaveLength(1);
  });
});

describe('a drill whose lease was taken over', () => {
  it('is let go by the old owner at its next command, which goes to the new owner', async () => {
    const store = await freshStore('postgres');
    const a = await fixture.server({ store, redisUrl: redis.url });
    const b = await fixture.server({ store, redisUrl: redis.url });
    const trainer = await fixture.client(a.url, await loginTrainer(a, '卫老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const drillId = snap.state.drillId;
    // Node A stops renewing (as if it hung past the lease): node B may take the drill over.
    await a.db.updateTable('leases').set({ expires_at: 0 }).where('kind', '=', 'drill').where('id', '=', drillId).execute();
    expect(await b.drills.manager.find(drillId)).toBe(b.drills.manager.get(drillId));
    expect(a.drills.manager.get(drillId)).toBeDefined();

    // A's copy is stale: the trainer's command finds that out, and B carries it out.
    expect((await trainer.ok('drill:lock', { drillId, locked: true })).locked).toBe(true);
    expect(a.drills.manager.get(drillId)).toBeUndefined();
    expect(b.drills.manager.get(drillId)?.locked).toBe(true);
    const late = await fixture.client(a.url);
    expect(await late.send('drill:join', { code: snap.code, displayName: '迟到' })).toMatchObject({ ok: false, error: { code: 'drill-locked' } });
    // Checkpoints of the old owner change nothing any more.
    expect(await a.drills.manager.leases.confirm(drillId)).toBe(false);
  });

  it('is let go by the old owner at a command forwarded from a third node too: only the new owner acts', async () => {
    const store = await freshStore('postgres');
    const a = await fixture.server({ store, redisUrl: redis.url });
    const b = await fixture.server({ store, redisUrl: redis.url });
    const c = await fixture.server({ store, redisUrl: redis.url });
    const cookie = await loginTrainer(a, '蒋老师');
    const opener = await fixture.client(a.url, cookie);
    const snap = await opener.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const drillId = snap.state.drillId;
    await a.db.updateTable('leases').set({ expires_at: 0 }).where('kind', '=', 'drill').where('id', '=', drillId).execute();
    expect(await b.drills.manager.find(drillId)).toBe(b.drills.manager.get(drillId));
    const stale = a.drills.manager.get(drillId);
    expect(stale?.locked).toBe(false);
    // The trainer's socket is on C, which runs no copy: C forwards the command to every node, the
    // stale A among them. A confirms its lease like a local command would, and lets go instead of acting.
    const trainer = await fixture.client(c.url, cookie);
    expect((await trainer.ok('drill:lock', { drillId, locked: true })).locked).toBe(true);
    expect(a.drills.manager.get(drillId)).toBeUndefined();
    expect(stale?.locked).toBe(false);
    expect(c.drills.manager.get(drillId)).toBeUndefined();
    expect(b.drills.manager.get(drillId)?.locked).toBe(true);
  });
});

describe('the node running a drill, killed', () => {
  const procs: ServerProcess[] = [];
  afterAll(() => {
    for (const p of procs.splice(0)) p.kill();
  });

  it('leaves the drill to the other node: trainees and trainer reconnect there and finish', async () => {
    const store = await freshStore('postgres', tempDataDir());
    const env = { ...store.env, REDIS_URL: redis.url, TRAINER_BOOTSTRAP: '褚老师:correct-horse-battery', BUYER_SPEED: '0', LEASE_TTL_MS: '2000' };
    const owner = await startServerProcess(tempDataDir(), env);
    procs.push(owner);
    const other = await startServerProcess(tempDataDir(), env);
    procs.push(other);
    const cookie = await login(owner.url, '褚老师', 'correct-horse-battery');
    const trainer = await drillClient(owner.url, cookie);
    fixture.track(trainer);
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'exam' });
    const drillId = snap.state.drillId;
    const onOwner = await drillClient(owner.url);
    const onOther = await drillClient(other.url);
    fixture.track(onOwner, onOther);
    const seatA = await onOwner.ok('drill:join', { code: snap.code, displayName: '小丙' });
    const seatB = await onOther.ok('drill:join', { code: snap.code, displayName: '小丁' });
    const [sessionA, sessionB] = await startDrill(trainer, drillId, [onOwner, onOther]);
    const acked = [msgId(), msgId()];
    expect(await onOwner.act('reply:send', { sessionId: sessionA, clientMsgId: acked[0], text: '亲，您好，欢迎光临！' })).toMatchObject({ ok: true });
    expect(await onOther.act('reply:send', { sessionId: sessionB, clientMsgId: acked[1], text: '亲，您好，在的' })).toMatchObject({ ok: true });
    owner.kill();

    // Everyone comes back through the surviving node, asking until the drill is there again.
    const back = await drillClient(other.url);
    fixture.track(back);
    const again = async <T>(ask: () => Promise<DrillAck<T>>): Promise<T> => {
      for (let i = 0; i < 45; i++) {
        const answer = await ask();
        if (answer.ok) return answer.data;
        expect(['unavailable', 'forbidden']).toContain(answer.error.code);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      throw new Error('the drill did not come back');
    };
    const rejoinedA = await again(() => back.send('drill:rejoin', { seatToken: seatA.seatToken, lastSeq: 0 }));
    expect(rejoinedA.session?.sessionId).toBe(sessionA);
    const rejoinedB = await again(() => onOther.send('drill:rejoin', { seatToken: seatB.seatToken, lastSeq: 0 }));
    expect(rejoinedB.session?.sessionId).toBe(sessionB);
    // The reply acknowledged just before the kill, sent again: answered from the log, not doubled.
    expect(await back.act('reply:send', { sessionId: sessionA, clientMsgId: acked[0], text: '亲，您好，欢迎光临！' })).toMatchObject({ ok: true });
    expect(await onOther.act('reply:send', { sessionId: sessionB, clientMsgId: msgId(), text: '这已经是活动价了哦' })).toMatchObject({ ok: true });

    const dashboard = await drillClient(other.url, await login(other.url, '褚老师', 'correct-horse-battery'));
    fixture.track(dashboard);
    const attached = await dashboard.ok('drill:attach', { drillId });
    expect(attached.state.status).toBe('running');
    expect(attached.tiles.map((t) => [t.name, t.sessionId, t.turns])).toEqual([
      ['小丙', sessionA, 1],
      ['小丁', sessionB, 2],
    ]);
    const results = await dashboard.ok('drill:end', { drillId });
    expect(results.interrupted).toBeUndefined();
    expect(results.seats.map((s) => [s.name, s.sessions[0]?.report?.kpis.replies])).toEqual([
      ['小丙', 1],
      ['小丁', 2],
    ]);
  }, 90_000);
});
