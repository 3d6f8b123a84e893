// A seat the trainer removed and let back in is marked readmitted in the results (移出后又放回 in the
// CSV) even when the node that ran the drill is not the one that ends it: the removals are stored
// with the seat (migration 0011), so a takeover and an interrupted close read them back.
import type { Kysely } from 'kysely';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { closeOneInterrupted } from '../../server/runtime/drills/recovery.ts';
import type { ScenarioCatalog } from '../../server/runtime/scenarioCatalog.ts';
import { DrillStore } from '../../server/store/drillStore.ts';
import type { Database } from '../../server/store/schema.ts';
import { SessionLog } from '../../server/store/sessionLog.ts';
import { TrainerStore } from '../../server/store/trainerStore.ts';
import { BACKENDS, freshStore, openStore } from './backends.ts';
import { drillFixture, login, loginTrainer, PASSWORD, startDrill } from './drillHelpers.ts';

const T0 = 1_760_000_000_000;
let db: Kysely<Database> | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});
const fixture = drillFixture();

describe.each(BACKENDS)('seat removals stored on %s', (backend) => {
  it('are counted, read back with the unfinished drill, kept through the results, and mark an interrupted close', async () => {
    db = await openStore(await freshStore(backend));
    const trainer = await new TrainerStore(db).add('吴老师', 'hash', false, T0);
    const store = new DrillStore(db);
    await store.insert({ id: 'd1', code: '123456', trainerId: trainer?.id ?? '', scenarioIds: ['mini-haggle'], mode: 'practice', timeLimitMs: null, createdAt: T0 });
    await store.started('d1', T0 + 1);
    for (const [i, id] of ['back', 'out', 'never'].entries()) await store.seatJoined('d1', { id, name: id, joinedAt: T0 + 2 + i });
    await store.seatRemoved('d1', 'back', true, 10);
    await store.seatRemoved('d1', 'back', false);
    await store.seatRemoved('d1', 'back', true, 20);
    await store.seatRemoved('d1', 'back', false);
    await store.seatRemoved('d1', 'out', true, 30);
    const stored = await store.unfinishedOne('d1');
    expect(stored?.seats.map((s) => [s.seatId, s.removed, s.removals])).toEqual([['back', false, 2], ['out', true, 1], ['never', false, 0]]);

    const deps = { store, log: new SessionLog(db), catalog: {} as ScenarioCatalog, logger: pino({ level: 'silent' }) };
    if (stored) await closeOneInterrupted(deps, stored, T0 + 60_000);
    const results = (await store.results('d1'))?.results;
    expect(results?.seats.map((s) => [s.seatId, s.readmitted ?? false])).toEqual([['back', true], ['out', false], ['never', false]]);
    const rows = await db.selectFrom('drill_seats').select(['seat_id', 'removals']).where('drill_id', '=', 'd1').orderBy('seat_id').execute();
    expect(rows.map((r) => [r.seat_id, Number(r.removals)])).toEqual([['back', 2], ['never', 0], ['out', 1]]);
  });
});

describe('a seat let back in before a restart', () => {
  it('is still marked readmitted when the next server ends the drill', async () => {
    let server = await fixture.server();
    let trainer = await fixture.client(server.url, await loginTrainer(server, '孙老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const drillId = snap.state.drillId;
    const stays = await fixture.client(server.url);
    const back = await fixture.client(server.url);
    await stays.ok('drill:join', { code: snap.code, displayName: '小王' });
    const seat = await back.ok('drill:join', { code: snap.code, displayName: '小张' });
    await startDrill(trainer, drillId, [stays, back]);
    await trainer.ok('drill:remove', { drillId, seatId: seat.seatId });
    await trainer.ok('drill:admit', { drillId, seatId: seat.seatId });
    await server.drills.manager.get(drillId)?.settled();
    const { dataDir } = server;
    await fixture.stop(server);

    server = await fixture.server({ dataDir });
    await server.drills.manager.recover(Date.now());
    const cookie = await login(server.url, '孙老师', PASSWORD);
    trainer = await fixture.client(server.url, cookie);
    await trainer.ok('drill:attach', { drillId });
    const results = await trainer.ok('drill:end', { drillId });
    expect(results.seats.map((s) => [s.name, s.readmitted ?? false])).toEqual([['小王', false], ['小张', true]]);
    const csv = await (await fetch(`${server.url}/api/drills/${drillId}/export.csv`, { headers: { cookie } })).text();
    expect(csv).toContain('小张');
    expect(csv.split('\r\n').filter((row) => row.includes('小张')).every((row) => row.includes('移出后又放回'))).toBe(true);
  });
});
