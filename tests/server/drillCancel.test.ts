// Cancelling a drill before it starts: by its trainer in the lobby, or by itself once left unstarted
// DRILL_LOBBY_TTL_HOURS. Seated trainees are told at once (drill:state, status `cancelled`), the
// code then answers `cancelled` to a join and the seat token to a rejoin, the drill is stored as
// cancelled (history; no results), and all of it holds after a restart and on another node. A
// started drill cannot be cancelled. The lobby's trainees also hear how many are in (headcount).
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { DrillState } from '../../server/protocol/index.ts';
import { freshStore } from './backends.ts';
import type { DrillClient, DrillServer } from './drillHelpers.ts';
import { drillFixture, login, loginTrainer, PASSWORD, startDrill } from './drillHelpers.ts';
import { ConfigError, readConfig } from '../../server/runtime/config.ts';
import { ManualScheduler } from './manualScheduler.ts';
import type { RedisServer } from './redisServer.ts';
import { startRedis } from './redisServer.ts';

const fixture = drillFixture();
const HOUR = 3_600_000;

async function history(server: DrillServer, cookie: string): Promise<{ drillId: string; status: string; seats: number | null }[]> {
  const res = await fetch(`${server.url}/api/drills`, { headers: { cookie } });
  return ((await res.json()) as { drills: { drillId: string; status: string; seats: number | null }[] }).drills;
}

/** A lobby with two seated trainees. */
async function lobby(server: DrillServer, trainerName: string) {
  const cookie = await loginTrainer(server, trainerName);
  const trainer = await fixture.client(server.url, cookie);
  const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'exam', timeLimitSeconds: 600 });
  const a = await fixture.client(server.url);
  const b = await fixture.client(server.url);
  const seatA = await a.ok('drill:join', { code: snap.code, displayName: '小甲' });
  const seatB = await b.ok('drill:join', { code: snap.code, displayName: '小乙' });
  return { cookie, trainer, snap, drillId: snap.state.drillId, a, b, seatA, seatB };
}

const cancelledState = (client: DrillClient): DrillState | undefined => client.of('drill:state').find((s) => s.status === 'cancelled');

async function expectCancelledEverywhere(server: DrillServer, cookie: string, drillId: string, code: string, seatToken: string): Promise<void> {
  const newcomer = await fixture.client(server.url);
  expect(await newcomer.send('drill:join', { code, displayName: '迟到' })).toMatchObject({ ok: false, error: { code: 'drill-not-running', reason: 'cancelled' } });
  expect(await newcomer.send('drill:rejoin', { seatToken, lastSeq: 0 })).toMatchObject({ ok: false, error: { reason: 'cancelled' } });
  expect((await history(server, cookie)).find((h) => h.drillId === drillId)?.status).toBe('cancelled');
  // Nothing was played: no results to open or export, and the answer says why.
  const results = await fetch(`${server.url}/api/drills/${drillId}`, { headers: { cookie } });
  expect(results.status).toBe(404);
  expect(await results.json()).toMatchObject({ error: { code: 'not-found', reason: 'cancelled' } });
  expect((await fetch(`${server.url}/api/drills/${drillId}/export.csv`, { headers: { cookie } })).status).toBe(404);
}

describe('cancelling a drill in its lobby', () => {
  it('tells the seated trainees, closes the code and the seats, and stores it as cancelled', async () => {
    const server = await fixture.server();
    const { cookie, trainer, snap, drillId, a, b, seatA } = await lobby(server, '陈老师');
    const state = await trainer.ok('drill:cancel', { drillId });
    expect(state).toMatchObject({ status: 'cancelled', cancelledBy: 'trainer' });
    for (const seat of [a, b]) await seat.waitFor(() => cancelledState(seat) !== undefined);
    expect(cancelledState(a)).toMatchObject({ drillId, status: 'cancelled', cancelledBy: 'trainer' });

    await expectCancelledEverywhere(server, cookie, drillId, snap.code, seatA.seatToken);
    // The history counts who had taken a seat, though the drill has no results.
    expect((await history(server, cookie)).find((h) => h.drillId === drillId)?.seats).toBe(2);
    // Read-only from now on: asked again it answers the same; nothing else changes it.
    expect(await trainer.ok('drill:cancel', { drillId })).toMatchObject({ status: 'cancelled' });
    for (const name of ['drill:start', 'drill:end', 'drill:pause'] as const) {
      expect(await trainer.send(name, { drillId }), name).toMatchObject({ ok: false, error: { reason: 'cancelled' } });
    }
    expect((await trainer.ok('drill:attach', { drillId })).state.status).toBe('cancelled');
    // Nobody needs to run it: its checkpoint row and lease are gone.
    expect(await server.db.selectFrom('drill_runs').selectAll().where('drill_id', '=', drillId).execute()).toEqual([]);
    expect((await server.db.selectFrom('leases').select('owner').where('id', '=', drillId).executeTakeFirst())?.owner).toBe('');
  });

  it('is refused once the drill has started: a started drill is ended instead', async () => {
    const server = await fixture.server();
    const { trainer, drillId, a, b } = await lobby(server, '林老师');
    await startDrill(trainer, drillId, [a, b]);
    expect(await trainer.send('drill:cancel', { drillId })).toMatchObject({ ok: false, error: { code: 'drill-not-running', reason: 'already-started' } });
    expect(server.drills.manager.get(drillId)?.status).toBe('running');
    expect(a.of('drill:state').some((s) => s.status === 'cancelled')).toBe(false);
  });

  it('holds after a restart: join, rejoin, the trainer room and the history all say cancelled', async () => {
    let server = await fixture.server();
    const { trainer, snap, drillId, seatA } = await lobby(server, '黄老师');
    await trainer.ok('drill:cancel', { drillId });
    const { dataDir } = server;
    await fixture.stop(server);

    server = await fixture.server({ dataDir });
    expect(await server.drills.manager.recover(Date.now())).toBe(0);
    expect(server.drills.manager.get(drillId)).toBeUndefined();
    const cookie = await login(server.url, '黄老师', PASSWORD);
    await expectCancelledEverywhere(server, cookie, drillId, snap.code, seatA.seatToken);
    const again = await fixture.client(server.url, cookie);
    expect(await again.send('drill:attach', { drillId })).toMatchObject({ ok: false, error: { reason: 'cancelled' } });
  });

  it('tells the lobby how many are in as trainees join and are removed', async () => {
    const server = await fixture.server();
    const { trainer, drillId, snap, a, seatA, seatB } = await lobby(server, '罗老师');
    // Each seat's own answer counts it in; the first one hears of the second.
    expect(seatA.drill.trainees).toBe(1);
    expect(seatB.drill.trainees).toBe(2);
    await a.waitFor(() => a.of('drill:headcount').some((h) => h.trainees === 2));
    const c = await fixture.client(server.url);
    await c.ok('drill:join', { code: snap.code, displayName: '小丙' });
    await a.waitFor(() => a.of('drill:headcount').at(-1)?.trainees === 3);
    await trainer.ok('drill:remove', { drillId, seatId: seatB.seatId });
    await a.waitFor(() => a.of('drill:headcount').at(-1)?.trainees === 2);
    expect(a.of('drill:headcount').every((h) => h.drillId === drillId)).toBe(true);
  });
});

describe('a cancel whose write fails', () => {
  it('does not turn away a trainee who joins while it is written: the drill is still a lobby', async () => {
    const server = await fixture.server();
    const { trainer, snap, drillId } = await lobby(server, '冯老师');
    // The store's answer to the cancel is held, then refused (a database that went away mid-write).
    const store = (server.drills.manager as unknown as { deps: { store: { cancel: (id: string, at: number) => Promise<boolean> } } }).deps.store;
    let fail: (err: Error) => void = () => undefined;
    store.cancel = () => new Promise<boolean>((_resolve, reject) => (fail = reject));
    const cancelling = trainer.send('drill:cancel', { drillId });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const late = await fixture.client(server.url);
    const joining = late.send('drill:join', { code: snap.code, displayName: '小丁' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    fail(new Error('the database went away'));
    expect(await cancelling).toMatchObject({ ok: false });
    expect(await joining).toMatchObject({ ok: true });
    expect(server.drills.manager.get(drillId)?.status).toBe('lobby');
  });
});

describe('DRILL_LOBBY_TTL_HOURS', () => {
  const lobbyTtlMs = (value?: string) => readConfig(value === undefined ? {} : { DRILL_LOBBY_TTL_HOURS: value }).drillLobbyTtlMs;
  it('is 12 hours unless set, takes fractions, and stops the server on anything else', () => {
    expect(lobbyTtlMs()).toBe(12 * HOUR);
    expect(lobbyTtlMs('')).toBe(12 * HOUR);
    expect(lobbyTtlMs('0.5')).toBe(HOUR / 2);
    expect(lobbyTtlMs('720')).toBe(720 * HOUR);
    for (const bad of ['0', '-1', 'soon', '721']) expect(() => lobbyTtlMs(bad), bad).toThrow(ConfigError);
    expect(() => lobbyTtlMs('soon')).toThrow('DRILL_LOBBY_TTL_HOURS must be a number of hours above 0 and at most 720 (got "soon")');
  });
});

describe('a lobby left unstarted', () => {
  // DRILL_LOBBY_TTL_HOURS=0.01: 36 s of the hand-driven clock.
  const lobbyTtlMs = readConfig({ DRILL_LOBBY_TTL_HOURS: '0.01' }).drillLobbyTtlMs;

  it('is cancelled DRILL_LOBBY_TTL_HOURS after it opened, and its trainees are told', async () => {
    const clock = new ManualScheduler();
    const server = await fixture.server({ scheduler: clock, drillLobbyTtlMs: lobbyTtlMs });
    const { cookie, drillId, snap, a, seatA } = await lobby(server, '郭老师');
    await clock.advance(server.settles, 35_000);
    expect(server.drills.manager.get(drillId)?.status).toBe('lobby');
    await clock.advance(server.settles, 2_000);
    await a.waitFor(() => cancelledState(a) !== undefined);
    expect(cancelledState(a)?.cancelledBy).toBe('expiry');
    await expectCancelledEverywhere(server, cookie, drillId, snap.code, seatA.seatToken);
  });

  it('is not cancelled once started', async () => {
    const clock = new ManualScheduler();
    const server = await fixture.server({ scheduler: clock, drillLobbyTtlMs: lobbyTtlMs });
    const { trainer, drillId, a } = await lobby(server, '何老师');
    await trainer.ok('drill:start', { drillId });
    await clock.advance(server.settles, 60_000);
    expect(server.drills.manager.get(drillId)?.status).toBe('running');
    expect(cancelledState(a)).toBeUndefined();
  });

  it('from before, in the store: cancelled at the restart whether its lease expired, was let go of, or never was', async () => {
    let server = await fixture.server();
    const cookie = await loginTrainer(server, '高老师');
    const trainer = await fixture.client(server.url, cookie);
    const open = async () => (await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' })).state.drillId;
    const [stale, released, leaseless, fresh] = [await open(), await open(), await open(), await open()];
    const started = await open();
    await trainer.ok('drill:start', { drillId: started });
    const { dataDir } = server;
    await fixture.stop(server);

    server = await fixture.server({ dataDir });
    const longAgo = Date.now() - 13 * HOUR;
    await server.db.updateTable('drills').set({ created_at: longAgo }).where('id', 'in', [stale, released, started]).execute();
    // As older releases and crashes leave them: a lease let go of with the row still a lobby, and no lease at all.
    await server.db.updateTable('leases').set({ owner: '', expires_at: 0, wake_at: null }).where('id', '=', released).execute();
    await server.db.deleteFrom('leases').where('id', '=', leaseless).execute();
    expect(await server.drills.manager.recover(Date.now())).toBe(0);

    const statuses = new Map((await history(server, cookie)).map((h) => [h.drillId, h.status]));
    expect([stale, released, leaseless].map((id) => statuses.get(id))).toEqual(['cancelled', 'cancelled', 'cancelled']);
    // A lobby opened within the time goes on; a started drill is never cancelled, however old.
    expect(statuses.get(fresh)).toBe('lobby');
    expect(server.drills.manager.get(fresh)?.status).toBe('lobby');
    expect(server.drills.manager.get(started)?.status).toBe('running');
  });

  it('is cancelled by the periodic sweep: in the store with nobody to run it, or here when its own timer could not', async () => {
    const server = await fixture.server();
    const cookie = await loginTrainer(server, '马老师');
    const trainer = await fixture.client(server.url, cookie);
    const drillId = (await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' })).state.drillId;
    // A lobby row no node will ever run (as an older release could leave it), long unstarted.
    server.drills.manager.get(drillId)?.dispose();
    await server.db.updateTable('leases').set({ owner: '', expires_at: 0, wake_at: null }).where('id', '=', drillId).execute();
    await server.db.updateTable('drills').set({ created_at: Date.now() - 13 * HOUR }).where('id', '=', drillId).execute();
    const other = await fixture.server({ dataDir: server.dataDir });
    expect(await other.drills.manager.sweepLobbies(Date.now())).toBe(1);
    expect((await history(other, cookie)).find((h) => h.drillId === drillId)?.status).toBe('cancelled');

    // One this node runs, past its time (as if its timer's cancel had failed): the sweep cancels it, and its seat is told.
    const held = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const seat = await fixture.client(server.url);
    await seat.ok('drill:join', { code: held.code, displayName: '小戊' });
    await server.db.updateTable('drills').set({ created_at: Date.now() - 13 * HOUR }).where('id', '=', held.state.drillId).execute();
    expect(await server.drills.manager.sweepLobbies(Date.now())).toBe(0);
    await seat.waitFor(() => cancelledState(seat) !== undefined);
    expect(cancelledState(seat)?.cancelledBy).toBe('expiry');
  });
});

describe('a trainer login that expires', () => {
  it('has its drill sockets disconnected when it does, and the page finds itself logged out', async () => {
    const clock = new ManualScheduler();
    const server = await fixture.server({ scheduler: clock });
    const cookie = await loginTrainer(server, '唐老师');
    const first = await fixture.client(server.url, cookie);
    const second = await fixture.client(server.url, cookie);
    const cut = [first, second].map((c) => new Promise<string>((resolve) => c.socket.once('disconnect', resolve)));
    await clock.advance(server.settles, 12 * HOUR - 1);
    expect(first.socket.connected && second.socket.connected).toBe(true);
    await clock.advance(server.settles, 1);
    expect(await Promise.all(cut)).toEqual(['io server disconnect', 'io server disconnect']);
    expect((await fetch(`${server.url}/api/trainer/me`, { headers: { cookie } })).status).toBe(401);
  });
});

describe('a drill on two nodes', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('cancelled on one node is cancelled for the trainees and the code on the other', async () => {
    const store = await freshStore('postgres');
    const nodeA = await fixture.server({ store, redisUrl: redis.url });
    const nodeB = await fixture.server({ store, redisUrl: redis.url });
    const cookie = await loginTrainer(nodeA, '谢老师');
    const trainer = await fixture.client(nodeA.url, cookie);
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const there = await fixture.client(nodeB.url);
    const seat = await there.ok('drill:join', { code: snap.code, displayName: '小丁' });
    await trainer.ok('drill:cancel', { drillId: snap.state.drillId });
    await there.waitFor(() => cancelledState(there) !== undefined);
    await expectCancelledEverywhere(nodeB, cookie, snap.state.drillId, snap.code, seat.seatToken);
  });
});
