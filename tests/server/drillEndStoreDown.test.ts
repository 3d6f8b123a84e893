// The end of a drill when the store is away as its results are written. The drill is over for
// everyone at once (its state goes out), but what cannot be taken back once told waits until the
// end is stored: an exam's results and each seat's total go out only after a retry stores them.
// And a drill whose end had begun is finished by the next node as it was begun: by the time limit.
import { describe, expect, it } from 'vitest';
import type { DrillResults } from '../../server/protocol/index.ts';
import { drillFixture, heard, login, loginTrainer, PASSWORD, startDrill, until } from './drillHelpers.ts';
import { ManualScheduler } from './manualScheduler.ts';

const fixture = drillFixture();

describe('a drill ended while the store is away', () => {
  it('says it is over at once, and releases the results and totals only once a retry has stored them', async () => {
    const server = await fixture.server();
    const trainer = await fixture.client(server.url, await loginTrainer(server, '何老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'exam' });
    const drillId = snap.state.drillId;
    const trainee = await fixture.client(server.url);
    const results = heard(trainee, 'drill:results');
    const totals = heard(trainee, 'drill:total');
    const seat = await trainee.ok('drill:join', { code: snap.code, displayName: '小刘' });
    const [sessionId] = await startDrill(trainer, drillId, [trainee]);
    await trainee.act('reply:send', { sessionId, clientMsgId: 'm-1', text: '亲，您好，在的' });

    const store = server.drills.store;
    const save = store.saveResults.bind(store);
    let calls = 0;
    store.saveResults = (r: DrillResults, joinedAt: (seatId: string) => number) => (++calls <= 2 ? Promise.reject(new Error('the store is away')) : save(r, joinedAt));

    const ended = await trainer.send('drill:end', { drillId });
    expect(ended.ok).toBe(false);
    await expect.poll(() => trainee.of('drill:state').some((s) => s.status === 'ended'), { timeout: 2_000 }).toBe(true);
    // A page that reloads meanwhile is not told the total or the results either.
    const reloaded = await fixture.client(server.url);
    const reloadedResults = heard(reloaded, 'drill:results');
    const info = await reloaded.ok('drill:rejoin', { seatToken: seat.seatToken, lastSeq: 0 });
    expect(info.total).toBeUndefined();
    expect(results).toEqual([]);
    expect(totals).toEqual([]);

    // Tried again 1 s later (fails), then 2 s after that: stored, and out they go.
    await expect.poll(() => results.length + totals.length, { timeout: 8_000 }).toBe(2);
    expect(calls).toBe(3);
    expect(results[0]?.chats.map((c) => c.sessionId)).toEqual([sessionId]);
    await until(() => reloadedResults.length === 1);
    const stored = await server.db.selectFrom('drills').select(['status', 'results']).where('id', '=', drillId).executeTakeFirstOrThrow();
    expect(stored.status).toBe('ended');
    expect(stored.results).not.toBeNull();
    expect(await trainer.ok('drill:end', { drillId })).toMatchObject({ drillId, status: 'ended' });
  }, 15_000);

  it('ended by its time limit, is finished by the next server as ended by the time limit', async () => {
    const clock = new ManualScheduler();
    let server = await fixture.server({ scheduler: clock });
    const trainer = await fixture.client(server.url, await loginTrainer(server, '郑老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice', timeLimitSeconds: 60 });
    const drillId = snap.state.drillId;
    const trainee = await fixture.client(server.url);
    await trainee.ok('drill:join', { code: snap.code, displayName: '小钱' });
    await startDrill(trainer, drillId, [trainee]);
    const store = server.drills.store;
    store.saveResults = () => Promise.reject(new Error('the store is away'));
    await clock.advance(server.settles, 61_000);
    await trainee.waitFor(() => trainee.of('drill:state').some((s) => s.status === 'ended'));
    await until(() => server.drills.manager.get(drillId)?.endedBy === 'time');
    await server.drills.manager.settled();
    // As a node that dies now leaves it: the checkpoint says ending, by the time limit.
    const run = await server.db.selectFrom('drill_runs').select(['status', 'ended_by']).where('drill_id', '=', drillId).executeTakeFirstOrThrow();
    expect(run).toEqual({ status: 'ending', ended_by: 'time' });
    const { dataDir } = server;
    await fixture.stop(server);

    server = await fixture.server({ dataDir });
    await server.drills.manager.recover(Date.now());
    await server.drills.manager.settled();
    const again = await fixture.client(server.url, await login(server.url, '郑老师', PASSWORD));
    const attached = await again.ok('drill:attach', { drillId });
    expect(attached.state).toMatchObject({ status: 'ended', endedBy: 'time' });
  });
});
