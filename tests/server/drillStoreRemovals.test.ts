// Each seat's removal count (migration 0011) as a drill's results are stored. A seat the trainer let
// back in before that migration was stored with 0 removals (the migration counted only the seats
// removed then); its results still say it was let back in, and that is not lost as they are stored.
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { DrillResults } from '../../server/protocol/index.ts';
import { DrillStore } from '../../server/store/drillStore.ts';
import type { Database } from '../../server/store/schema.ts';
import { TrainerStore } from '../../server/store/trainerStore.ts';
import { BACKENDS, freshStore, openStore } from './backends.ts';

let db: Kysely<Database> | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

const T0 = 1_760_000_000_000;

describe.each(BACKENDS)('removal counts stored with the results on %s', (backend) => {
  it('never fall below what the results say, and keep a higher count written as the drill ran', async () => {
    db = await openStore(await freshStore(backend));
    const trainer = await new TrainerStore(db).add('孙老师', 'hash', false, T0);
    const store = new DrillStore(db);
    await store.insert({ id: 'd1', code: '112233', trainerId: trainer?.id ?? '', scenarioIds: ['mini-haggle'], mode: 'practice', timeLimitMs: null, createdAt: T0 });
    // Joined before the upgrade: stored with no removals, whatever happened to them since.
    for (const id of ['back-before', 'removed-before', 'never']) await store.seatJoined('d1', { id, name: id, joinedAt: T0 });
    // Let back in twice after it: counted as the drill ran.
    await store.seatJoined('d1', { id: 'back-twice', name: 'back-twice', joinedAt: T0 });
    for (const removed of [true, false, true, false]) await store.seatRemoved('d1', 'back-twice', removed);
    const seat = (seatId: string, removed: boolean, readmitted: boolean) => ({ seatId, name: seatId, removed, ...(readmitted ? { readmitted } : {}), sessions: [] });
    const results = { drillId: 'd1', code: '112233', endedAt: T0 + 60_000, summary: {}, seats: [seat('back-before', false, true), seat('removed-before', true, false), seat('never', false, false), seat('back-twice', false, true)] } as unknown as DrillResults;

    await store.saveResults(results, () => T0);

    const rows = await db.selectFrom('drill_seats').select(['seat_id', 'removals']).where('drill_id', '=', 'd1').orderBy('seat_id').execute();
    expect(rows.map((r) => [r.seat_id, Number(r.removals)])).toEqual([
      ['back-before', 1],
      ['back-twice', 2],
      ['never', 0],
      ['removed-before', 1],
    ]);
  });
});
