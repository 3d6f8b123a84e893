// A drill takeover that fails. A store hiccup lets go of the lease again (not kept with no drill
// behind it, which would answer "moving" forever): the next request rebuilds the drill. A drill
// that can never be rebuilt (a session gone from the log) ends as interrupted with its lease
// released. And one drill that fails at start-up never keeps the node from starting.
import { describe, expect, it } from 'vitest';
import type { DrillResults } from '../../server/protocol/index.ts';
import { drillFixture, login, loginTrainer, PASSWORD, startDrill } from './drillHelpers.ts';

const fixture = drillFixture();

describe('a drill takeover that fails', () => {
  it('on a store hiccup lets go of the lease: start-up goes on, and the next request takes the drill over', async () => {
    let server = await fixture.server();
    const trainer = await fixture.client(server.url, await loginTrainer(server, '孙老师'));
    const flaky = (await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' })).state.drillId;
    const fine = (await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' })).state.drillId;
    const { dataDir } = server;
    await fixture.stop(server);

    server = await fixture.server({ dataDir });
    const store = server.drills.store;
    const unfinishedOne = store.unfinishedOne.bind(store);
    let failures = 0;
    store.unfinishedOne = async (drillId) => {
      if (drillId === flaky && failures++ === 0) throw new Error('connection reset by peer');
      return unfinishedOne(drillId);
    };
    expect(await server.drills.manager.recover(Date.now())).toBe(0);
    expect(failures).toBe(1);
    expect(server.drills.manager.get(fine)).toBeDefined();
    expect(server.drills.manager.get(flaky)).toBeUndefined();
    // Let go of at once (its wake-up kept): no renewal keeps it with no drill behind it.
    const lease = await server.db.selectFrom('leases').selectAll().where('kind', '=', 'drill').where('id', '=', flaky).executeTakeFirstOrThrow();
    expect(Number(lease.expires_at)).toBe(0);
    expect(lease.wake_at).not.toBeNull();

    const back = await fixture.client(server.url, await login(server.url, '孙老师', PASSWORD));
    expect((await back.ok('drill:attach', { drillId: flaky })).state).toMatchObject({ drillId: flaky, status: 'lobby' });
    expect(server.drills.manager.get(flaky)).toBeDefined();
  });

  it('for a drill that can never be rebuilt ends it as interrupted and releases its lease', async () => {
    let server = await fixture.server();
    const trainer = await fixture.client(server.url, await loginTrainer(server, '吴老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const drillId = snap.state.drillId;
    const a = await fixture.client(server.url);
    await a.ok('drill:join', { code: snap.code, displayName: '小韩' });
    const [sessionId] = await startDrill(trainer, drillId, [a]);
    await a.waitForEvent('buyer:say');
    const { dataDir } = server;
    await fixture.stop(server);

    server = await fixture.server({ dataDir });
    // The session's log is read once to rebuild its shadow, then is gone when the session itself is
    // taken up: the seat cannot come back, on this node or any other.
    const log = server.drills.log;
    const load = log.load.bind(log);
    let reads = 0;
    log.load = async (id) => (id === sessionId && ++reads === 2 ? undefined : load(id));
    expect(await server.drills.manager.recover(Date.now())).toBe(1);
    expect(reads).toBeGreaterThanOrEqual(2);
    expect(server.drills.manager.get(drillId)).toBeUndefined();
    const results = await (await fetch(`${server.url}/api/drills/${drillId}`, { headers: { cookie: await login(server.url, '吴老师', PASSWORD) } })).json() as DrillResults;
    expect(results).toMatchObject({ status: 'ended', interrupted: true });
    expect(await server.db.selectFrom('leases').select(['owner', 'wake_at']).where('kind', '=', 'drill').where('id', '=', drillId).executeTakeFirst()).toEqual({ owner: '', wake_at: null });
    expect(await server.db.selectFrom('drill_runs').selectAll().where('drill_id', '=', drillId).execute()).toEqual([]);
  });
});
