// Trainer accounts and stored drills, on both backends (SQLite, and the PostgreSQL of
// tests/server/pgServer.ts): the same queries give the same answers, results land in one transaction.
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { DrillResults } from '../../server/protocol/index.ts';
import { DrillStore } from '../../server/store/drillStore.ts';
import type { Database } from '../../server/store/schema.ts';
import { SessionLog } from '../../server/store/sessionLog.ts';
import { TrainerStore } from '../../server/store/trainerStore.ts';
import { BACKENDS, freshStore, openStore } from './backends.ts';

let db: Kysely<Database> | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

const T0 = 1_760_000_000_000;

function results(drillId: string, sessionId: string): DrillResults {
  return {
    drillId,
    code: '123456',
    endedAt: T0 + 60_000,
    summary: { averageScore: 80 },
    seats: [
      { seatId: 's1', name: "'); DROP TABLE drills;--", removed: false, sessions: [{ sessionId, scenarioId: 'mini-haggle', outcome: 'bought', report: { score: 80 } }] },
      { seatId: 's2', name: '小冯', removed: true, sessions: [] },
    ],
  } as unknown as DrillResults;
}

describe.each(BACKENDS)('drill and trainer stores on %s', (backend) => {
  it('keep trainers and their logins, and forget expired logins', async () => {
    db = await openStore(await freshStore(backend));
    const trainers = new TrainerStore(db);
    expect(await trainers.count()).toBe(0);
    const admin = await trainers.add('周老师', 'hash', true, T0);
    expect(admin).toMatchObject({ name: '周老师', admin: true });
    expect(await trainers.add('周老师', 'hash', false, T0)).toBeUndefined();
    expect(await trainers.count()).toBe(1);
    const loginId = (await trainers.createLogin(admin?.id ?? '', 'hash', T0, 1000)) ?? '';
    // A login whose password was checked against a hash no longer the trainer's is not made.
    expect(await trainers.createLogin(admin?.id ?? '', 'an-older-hash', T0, 1000)).toBeUndefined();
    expect(await trainers.login(loginId, T0 + 999)).toMatchObject({ trainer: { name: '周老师' }, expiresAt: T0 + 1000 });
    expect(await trainers.login(loginId, T0 + 1000)).toBeUndefined();
    await trainers.purgeExpired(T0 + 1000);
    expect(await db.selectFrom('trainer_logins').selectAll().execute()).toEqual([]);
    expect(await trainers.byName("周老师' OR '1'='1")).toBeUndefined();
  });

  it('store a drill from the lobby to its results, and close abandoned ones', async () => {
    db = await openStore(await freshStore(backend));
    const trainer = await new TrainerStore(db).add('吴老师', 'hash', false, T0);
    const trainerId = trainer?.id ?? '';
    const log = new SessionLog(db);
    await log.saveBundle('h', 'mini-haggle', 1, '{}', T0);
    await log.create({ id: 'sess-1', scenario_id: 'mini-haggle', scenario_version: 1, bundle_hash: 'h', seed: 7, speed: 1, mode: 'practice', display_name: 'x', started_at: T0, ended_at: null, outcome: null, score: null, rules_revision: 2 }, []);
    const store = new DrillStore(db);
    for (const [id, at] of [['d1', T0], ['d2', T0 + 1]] as const) {
      await store.insert({ id, code: '123456', trainerId, scenarioIds: ['mini-haggle'], mode: 'practice', timeLimitMs: 600_000, createdAt: at });
    }
    await store.started('d1', T0 + 10);
    await store.saveResults(results('d1', 'sess-1'), () => T0 + 5);
    const listed = await store.list(trainerId);
    expect(listed.map((d) => [d.drillId, d.status])).toEqual([['d2', 'lobby'], ['d1', 'ended']]);
    expect(listed[1]).toMatchObject({ createdAt: T0, startedAt: T0 + 10, endedAt: T0 + 60_000, seats: 1, summary: { averageScore: 80 } });
    // no results yet: the seats taken are counted from the store (none here), as a number on both backends
    expect(listed[0]?.seats).toBe(0);
    expect((await store.results('d1'))?.results?.seats[0]?.name).toBe("'); DROP TABLE drills;--");
    expect(await db.selectFrom('drill_sessions').select(['seat_id', 'score', 'report']).execute()).toEqual([{ seat_id: 's1', score: 80, report: '{"score":80}' }]);
    expect(await db.selectFrom('drill_seats').select(['seat_id', 'removed', 'joined_at']).orderBy('seat_id').execute()).toEqual([
      { seat_id: 's1', removed: 0, joined_at: T0 + 5 },
      { seat_id: 's2', removed: 1, joined_at: T0 + 5 },
    ]);
    expect(await store.closeAbandoned(T0 + 99)).toBe(1);
    expect((await store.list(trainerId))[0]).toMatchObject({ drillId: 'd2', status: 'ended', endedAt: T0 + 99 });
  });

  it('write nothing of a drill\'s results when one row fails (one transaction)', async () => {
    db = await openStore(await freshStore(backend));
    const trainer = await new TrainerStore(db).add('郑老师', 'hash', false, T0);
    const store = new DrillStore(db);
    await store.insert({ id: 'd3', code: '654321', trainerId: trainer?.id ?? '', scenarioIds: ['mini-haggle'], mode: 'exam', timeLimitMs: null, createdAt: T0 });
    // The seat's session is not in the log: the foreign key fails the last insert.
    await expect(store.saveResults(results('d3', 'no-such-session'), () => T0)).rejects.toThrow();
    expect((await store.list(trainer?.id ?? ''))[0]?.status).toBe('lobby');
    expect(await db.selectFrom('drill_seats').selectAll().execute()).toEqual([]);
  });
});
