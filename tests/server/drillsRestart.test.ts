// A server restart during a drill: the drill goes on. The new server rebuilds it from the store (the
// checkpoint, the seats, every session from its log), the trainer's dashboard comes back with the
// same tiles, trainees rejoin with their seat token and last sequence number and carry on; nothing
// acknowledged is lost or doubled, the drill clock leaves the downtime out, and the results are
// those of a drill that was never interrupted.
import { describe, expect, it } from 'vitest';
import type { DrillResults, SeatInfo } from '../../server/protocol/index.ts';
import type { DrillClient, DrillServer } from './drillHelpers.ts';
import { drillFixture, login, loginTrainer, PASSWORD, startDrill } from './drillHelpers.ts';
import { msgId } from './helpers.ts';

const fixture = drillFixture();

async function get<T>(url: string, cookie: string): Promise<T> {
  const res = await fetch(url, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

/** The highest sequence number a client saw in a session. */
function lastSeq(client: DrillClient, sessionId: string): number {
  return Math.max(0, ...client.events.flatMap((e) => ('seq' in e.payload && 'sessionId' in e.payload && e.payload.sessionId === sessionId ? [e.payload.seq] : [])));
}

async function rows(server: DrillServer, sessionId: string): Promise<{ client_msg_id: string | null }[]> {
  return server.db.selectFrom('session_events').select('client_msg_id').where('session_id', '=', sessionId).where('client_msg_id', 'is not', null).execute();
}

describe('a restart during a drill', () => {
  it('goes on with the drill: same seats and tiles, sessions resumed, paused clock kept, results whole', async () => {
    let server = await fixture.server();
    let trainer = await fixture.client(server.url, await loginTrainer(server, '周老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'exam', timeLimitSeconds: 600 });
    const drillId = snap.state.drillId;
    let a = await fixture.client(server.url);
    let b = await fixture.client(server.url);
    const seatA = await a.ok('drill:join', { code: snap.code, displayName: '小李' });
    const seatB = await b.ok('drill:join', { code: snap.code, displayName: '小张' });
    const [sessionA, sessionB] = await startDrill(trainer, drillId, [a, b]);
    const greeting = msgId();
    expect(await a.act('reply:send', { sessionId: sessionA, clientMsgId: greeting, text: '亲，您好，欢迎光临！' })).toMatchObject({ ok: true });
    const paused = await trainer.ok('drill:pause', { drillId });
    const seenA = lastSeq(a, sessionA);
    const seenB = lastSeq(b, sessionB);
    const { dataDir } = server;
    await fixture.stop(server);

    server = await fixture.server({ dataDir });
    expect(await server.drills.manager.recover(Date.now())).toBe(0);
    const cookie = await login(server.url, '周老师', PASSWORD);
    trainer = await fixture.client(server.url, cookie);
    const back = await trainer.ok('drill:attach', { drillId });
    // Paused as it was, on the drill clock it had: the time the server was down is not play time.
    expect(back.state).toMatchObject({ status: 'paused', endsAt: paused.endsAt, clock: paused.clock });
    expect(back.code).toBe(snap.code);
    expect(back.tiles.map((t) => [t.name, t.status, t.sessionId])).toEqual([
      ['小李', 'playing', sessionA],
      ['小张', 'playing', sessionB],
    ]);
    expect(back.tiles.find((t) => t.name === '小李')?.turns).toBe(1);

    a = await fixture.client(server.url);
    b = await fixture.client(server.url);
    const rejoinedA = await a.ok('drill:rejoin', { seatToken: seatA.seatToken, lastSeq: seenA });
    const rejoinedB = await b.ok('drill:rejoin', { seatToken: seatB.seatToken, lastSeq: seenB });
    expect(rejoinedA).toMatchObject<Partial<SeatInfo>>({ seatId: seatA.seatId, displayName: '小李' });
    expect(rejoinedA.session?.sessionId).toBe(sessionA);
    // Nothing was delivered while the server was down: the sequence goes on where each client stopped.
    expect(rejoinedA.session?.lastSeq).toBe(seenA);
    expect(rejoinedB.session?.lastSeq).toBe(seenB);
    // Paused: trainee events wait for the trainer.
    expect(await a.act('reply:send', { sessionId: sessionA, clientMsgId: msgId(), text: '在的' })).toMatchObject({ ok: false, error: { code: 'paused' } });
    await trainer.ok('drill:resume', { drillId });

    // The acknowledged greeting is there once; sent again, it is answered from the log, not stored twice.
    expect(await a.act('reply:send', { sessionId: sessionA, clientMsgId: greeting, text: '亲，您好，欢迎光临！' })).toMatchObject({ ok: true });
    expect((await rows(server, sessionA)).filter((r) => r.client_msg_id === greeting)).toHaveLength(1);
    expect(await b.act('reply:send', { sessionId: sessionB, clientMsgId: msgId(), text: '亲，这已经是活动价了哦，质量很好的' })).toMatchObject({ ok: true });
    await b.waitFor(() => lastSeq(b, sessionB) > seenB);

    const results = await trainer.ok('drill:end', { drillId });
    expect(results.interrupted).toBeUndefined();
    expect(results.seats.map((s) => [s.name, s.sessions.map((x) => x.sessionId)])).toEqual([
      ['小李', [sessionA]],
      ['小张', [sessionB]],
    ]);
    expect(results.seats[0]?.sessions[0]?.report?.rules.find((r) => r.rule === 'greeting')?.verdict).toBe('pass');
    expect(results.summary.sessions).toBe(2);
    const stored = await get<DrillResults>(`${server.url}/api/drills/${drillId}`, cookie);
    expect(stored.seats[1]?.sessions[0]?.report?.kpis.replies).toBe(1);
    // Ended for good: a third start has nothing to go on with.
    expect(await server.drills.manager.recover(Date.now())).toBe(0);
    expect(server.drills.manager.get(drillId)?.status).toBe('ended');
  });

  it('a seat removed before the restart keeps its removal time, where its chat stood still', async () => {
    let server = await fixture.server();
    let trainer = await fixture.client(server.url, await loginTrainer(server, '孙老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const drillId = snap.state.drillId;
    const a = await fixture.client(server.url);
    const seat = await a.ok('drill:join', { code: snap.code, displayName: '小周' });
    await startDrill(trainer, drillId, [a]);
    await trainer.ok('drill:remove', { drillId, seatId: seat.seatId });
    const removedAt = server.drills.manager.get(drillId)?.seats.get(seat.seatId)?.removedAt;
    expect(removedAt).toBeGreaterThan(0);
    await server.drills.manager.get(drillId)?.settled();
    const { dataDir } = server;
    await fixture.stop(server);

    server = await fixture.server({ dataDir });
    await server.drills.manager.recover(Date.now());
    trainer = await fixture.client(server.url, await login(server.url, '孙老师', PASSWORD));
    await trainer.ok('drill:attach', { drillId });
    const restored = server.drills.manager.get(drillId)?.seats.get(seat.seatId);
    expect(restored).toMatchObject({ removed: true, removedAt });
    // Let back in, the seat is no longer removed, here and for the next node.
    await trainer.ok('drill:admit', { drillId, seatId: seat.seatId });
    await server.drills.manager.get(drillId)?.settled();
    expect((await server.db.selectFrom('drill_seats').select(['removed', 'removed_at']).where('seat_id', '=', seat.seatId).executeTakeFirst())).toEqual({ removed: 0, removed_at: null });
  });

  it('picks up a lobby with its lock, and late joiners start when the trainer does', async () => {
    let server = await fixture.server();
    let trainer = await fixture.client(server.url, await loginTrainer(server, '吴老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const drillId = snap.state.drillId;
    const a = await fixture.client(server.url);
    const seat = await a.ok('drill:join', { code: snap.code, displayName: '小赵' });
    await trainer.ok('drill:lock', { drillId, locked: true });
    const { dataDir } = server;
    await fixture.stop(server);

    server = await fixture.server({ dataDir });
    await server.drills.manager.recover(Date.now());
    trainer = await fixture.client(server.url, await login(server.url, '吴老师', PASSWORD));
    expect((await trainer.ok('drill:attach', { drillId })).state).toMatchObject({ status: 'lobby', locked: true });
    const late = await fixture.client(server.url);
    expect(await late.send('drill:join', { code: snap.code, displayName: '迟到' })).toMatchObject({ ok: false, error: { code: 'drill-locked' } });
    const back = await fixture.client(server.url);
    expect((await back.ok('drill:rejoin', { seatToken: seat.seatToken, lastSeq: 0 })).session).toBeNull();
    await trainer.ok('drill:start', { drillId });
    await back.waitForEvent('buyer:say');
    expect(back.of('drill:session')).toHaveLength(1);
  });

  it('finishes a drill whose end had begun: the next server ends it and stores the results', async () => {
    let server = await fixture.server();
    const trainer = await fixture.client(server.url, await loginTrainer(server, '郑老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'exam' });
    const drillId = snap.state.drillId;
    const a = await fixture.client(server.url);
    await a.ok('drill:join', { code: snap.code, displayName: '小钱' });
    await trainer.ok('drill:start', { drillId });
    await a.waitForEvent('buyer:say');
    const { dataDir } = server;
    await fixture.stop(server);
    // As a node that died after the end began leaves it: the checkpoint says ending, no results yet.
    server = await fixture.server({ dataDir });
    await server.db.updateTable('drill_runs').set({ status: 'ending' }).where('drill_id', '=', drillId).execute();
    expect(await server.drills.manager.recover(Date.now())).toBe(0);
    await server.drills.manager.settled();
    const cookie = await login(server.url, '郑老师', PASSWORD);
    const results = await get<DrillResults>(`${server.url}/api/drills/${drillId}`, cookie);
    expect(results.status).toBe('ended');
    expect(results.interrupted).toBeUndefined();
    expect(results.seats[0]?.sessions[0]?.report).not.toBeNull();
    expect(await server.db.selectFrom('drill_runs').selectAll().where('drill_id', '=', drillId).execute()).toEqual([]);
  });
});
