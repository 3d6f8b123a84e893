// The end of a drill whose results were stored, but whose run row or lease could not be let go of
// (the store went away just after): the retry finds the results stored, sends them out at once and
// lets go of the lease; nothing is stored twice. And an end still waiting for the store outlives the
// sweep of old ended drills: let go of, nobody would ever finish it, yet its lease would be renewed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DrillResults } from '../../server/protocol/index.ts';
import { DrillRunStore } from '../../server/store/drillRunStore.ts';
import { LeaseStore } from '../../server/store/leases.ts';
import type { DrillServer } from './drillHelpers.ts';
import { drillFixture, heard, loginTrainer, startDrill } from './drillHelpers.ts';

const fixture = drillFixture();
afterEach(() => vi.restoreAllMocks());

/** An exam with one seat that has replied once, and what its trainee hears of the results. */
async function examUnderWay(server: DrillServer) {
  const trainer = await fixture.client(server.url, await loginTrainer(server, '马老师'));
  const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'exam' });
  const drillId = snap.state.drillId;
  const trainee = await fixture.client(server.url);
  const results = heard(trainee, 'drill:results');
  const totals = heard(trainee, 'drill:total');
  await trainee.ok('drill:join', { code: snap.code, displayName: '小周' });
  const [sessionId] = await startDrill(trainer, drillId, [trainee]);
  await trainee.act('reply:send', { sessionId, clientMsgId: 'm-1', text: '亲，您好，在的' });
  return { trainer, drillId, results, totals };
}

/** Results stored once, the run row gone, the lease let go of, drill:end answered with the results. */
async function expectFinished(server: DrillServer, drillId: string, trainer: Awaited<ReturnType<typeof examUnderWay>>['trainer']) {
  const stored = await server.db.selectFrom('drills').select(['status']).where('id', '=', drillId).executeTakeFirstOrThrow();
  expect(stored.status).toBe('ended');
  await expect.poll(() => server.db.selectFrom('drill_runs').select('drill_id').where('drill_id', '=', drillId).executeTakeFirst(), { timeout: 4_000 }).toBeUndefined();
  const lease = await new LeaseStore(server.db, 'onlooker').holder('drill', drillId);
  expect(lease).toMatchObject({ owner: '', wakeAt: null });
  expect(await trainer.ok('drill:end', { drillId })).toMatchObject({ drillId, status: 'ended' });
}

describe('an ended drill whose lease could not be let go of', () => {
  it.each([
    ['its run row', () => vi.spyOn(DrillRunStore.prototype, 'remove').mockRejectedValueOnce(new Error('the store is away'))],
    [
      'its lease',
      () => {
        const release = LeaseStore.prototype.release;
        let failed = false;
        vi.spyOn(LeaseStore.prototype, 'release').mockImplementation(function (this: LeaseStore, kind, id, epoch) {
          if (kind === 'drill' && !failed) {
            failed = true;
            return Promise.reject(new Error('the store is away'));
          }
          return release.call(this, kind, id, epoch);
        });
      },
    ],
  ])('(%s) sends its results on the retry, stores them once, and lets go of the lease', async (_what, breakLetGo) => {
    const server = await fixture.server();
    const { trainer, drillId, results, totals } = await examUnderWay(server);
    const save = vi.spyOn(server.drills.store, 'saveResults');
    breakLetGo();

    expect((await trainer.send('drill:end', { drillId })).ok).toBe(false);
    expect(results.length + totals.length).toBe(0);
    await expect.poll(() => results.length + totals.length, { timeout: 4_000 }).toBe(2);
    await expectFinished(server, drillId, trainer);
    expect(save).toHaveBeenCalledTimes(1);
  }, 10_000);
});

describe('an ended drill the store has another end of', () => {
  it('stores nothing over it and sends none of its own results, but lets go of its lease', async () => {
    const server = await fixture.server();
    const { trainer, drillId, results, totals } = await examUnderWay(server);
    const store = server.drills.store;
    const save = vi.spyOn(store, 'saveResults').mockRejectedValueOnce(new Error('the store is away'));
    expect((await trainer.send('drill:end', { drillId })).ok).toBe(false);
    // Meanwhile a node that ran it before stored its own end (its lease had run out).
    await server.db.updateTable('drills').set({ status: 'ended', ended_at: 1 }).where('id', '=', drillId).execute();

    await expect.poll(() => server.drills.manager.get(drillId)?.endPending, { timeout: 4_000 }).toBe(false);
    expect(save).toHaveBeenCalledTimes(1);
    expect(results.length + totals.length).toBe(0);
    const stored = await server.db.selectFrom('drills').select(['ended_at']).where('id', '=', drillId).executeTakeFirstOrThrow();
    expect(Number(stored.ended_at)).toBe(1);
    expect(await new LeaseStore(server.db, 'onlooker').holder('drill', drillId)).toMatchObject({ owner: '', wakeAt: null });
  }, 10_000);
});

describe('a cancelled lobby whose lease could not be let go of', () => {
  it('hands the lease on (expired at once) instead of renewing it with nothing to run', async () => {
    const server = await fixture.server();
    const trainer = await fixture.client(server.url, await loginTrainer(server, '林老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    vi.spyOn(DrillRunStore.prototype, 'remove').mockRejectedValueOnce(new Error('the store is away'));
    await trainer.ok('drill:cancel', { drillId: snap.state.drillId });
    const lease = await new LeaseStore(server.db, 'onlooker').holder('drill', snap.state.drillId);
    expect(lease?.expiresAt).toBe(0);
    expect(lease?.wakeAt).not.toBeNull();
  });
});

describe('the sweep of old ended drills', () => {
  it('keeps one whose end waits for the store, until it is stored and let go of', async () => {
    const server = await fixture.server();
    const { trainer, drillId, results } = await examUnderWay(server);
    const store = server.drills.store;
    const save = store.saveResults.bind(store);
    let storeBack = false;
    store.saveResults = (r: DrillResults, joinedAt: (seatId: string) => number) => (storeBack ? save(r, joinedAt) : Promise.reject(new Error('the store is away')));
    expect((await trainer.send('drill:end', { drillId })).ok).toBe(false);
    const manager = server.drills.manager;
    const endedAt = manager.get(drillId)?.endedAt ?? 0;
    const twoHoursOn = endedAt + 2 * 3_600_000;

    manager.sweep(twoHoursOn);
    expect(manager.get(drillId)?.endPending).toBe(true);

    storeBack = true;
    await expect.poll(() => results.length, { timeout: 8_000 }).toBe(1);
    await expectFinished(server, drillId, trainer);
    await expect.poll(() => manager.get(drillId)?.endPending).toBe(false);
    manager.sweep(twoHoursOn);
    expect(manager.get(drillId)).toBeUndefined();
  }, 15_000);
});
