// A node's drill leases on their own (SQLite, a ManualScheduler): the heartbeat renews only the drill
// leases this node holds (never its session leases, never one it let go of), looking for orphans is
// a loop of its own that a slow takeover cannot hold up, the checkpoint queue empties, a shutdown
// waits for a heartbeat under way before it hands the leases on, and a stale copy that ends a drill
// removes nothing of the real owner's.
import type { Kysely } from 'kysely';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { DrillLeases } from '../../server/runtime/drills/drillLeases.ts';
import type { DrillCheckpoint } from '../../server/store/drillRunStore.ts';
import { DrillRunStore } from '../../server/store/drillRunStore.ts';
import { DrillStore } from '../../server/store/drillStore.ts';
import { LeaseStore } from '../../server/store/leases.ts';
import type { Database } from '../../server/store/schema.ts';
import { TrainerStore } from '../../server/store/trainerStore.ts';
import { freshStore, openStore } from './backends.ts';
import { ManualScheduler } from './manualScheduler.ts';

const LEASE_MS = 3000;
const AT: DrillCheckpoint = { status: 'running', locked: false, clockMs: 0, startedClock: 0, frozenAt: null, frozenScenario: null };

let db: Kysely<Database> | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

interface Node {
  leases: DrillLeases;
  store: LeaseStore;
  lost: string[];
  orphansSeen: string[][];
}

function node(wall: ManualScheduler, database: Kysely<Database>, owner: string, orphans: (ids: string[]) => Promise<void> = async () => undefined): Node {
  const store = new LeaseStore(database, owner);
  const lost: string[] = [];
  const orphansSeen: string[][] = [];
  const leases = new DrillLeases({
    wall,
    leases: store,
    runs: new DrillRunStore(database),
    logger: pino({ level: 'silent' }),
    leaseMs: LEASE_MS,
    running: () => [],
    lost: (id) => lost.push(id),
    orphans: (ids) => {
      orphansSeen.push(ids);
      return orphans(ids);
    },
  });
  return { leases, store, lost, orphansSeen };
}

/** A drill row and its run row, as DrillManager.open stores them. */
async function storedDrill(database: Kysely<Database>, id: string, at: number): Promise<void> {
  const trainers = new TrainerStore(database);
  const trainer = (await trainers.byName('周老师')) ?? (await trainers.add('周老师', 'hash', false, at));
  await new DrillStore(database).insert({ id, code: id.slice(-6).padStart(6, '0'), trainerId: trainer?.id ?? '', scenarioIds: ['mini-haggle'], mode: 'practice', timeLimitMs: null, createdAt: at });
  await new DrillRunStore(database).create(id, [{ id: 'mini-haggle', version: 1 }], AT);
}

/** Fire due timers in order, waiting a few turns after each (no settled() here: a test may hold a promise open on purpose). */
async function advance(wall: ManualScheduler, ms: number): Promise<void> {
  await wall.advance({ registry: { settled: () => new Promise((r) => setTimeout(r, 5)) } }, ms);
}

describe('drill leases', () => {
  it('renew only the drill leases held here: not this node session leases, not one let go of', async () => {
    db = await openStore(await freshStore('sqlite'));
    const wall = new ManualScheduler(1_000_000);
    const a = node(wall, db, 'node-a');
    await storedDrill(db, 'drill-000001', wall.now());
    await a.leases.claimNew('drill-000001');
    // The same node id owns a session lease (the LeaseKeeper's) and a drill lease it let go of
    // locally while the store kept it (a release that failed): both with work pending.
    await a.store.acquire('session', 's1', wall.now() + LEASE_MS, wall.now());
    await a.store.acquire('drill', 'drill-gone', wall.now() + LEASE_MS, wall.now());
    // Past the lease, and one more look for orphans after it ran out.
    await advance(wall, LEASE_MS + LEASE_MS / 3 + 1);
    const later = wall.now();
    expect((await a.store.holder('drill', 'drill-000001'))?.expiresAt).toBeGreaterThan(later);
    expect((await a.store.holder('session', 's1'))?.expiresAt).toBeLessThan(later);
    expect((await a.store.holder('drill', 'drill-gone'))?.expiresAt).toBeLessThan(later);
    // So the orphan loop sees the drill nobody renews, and a takeover can win it.
    expect(a.orphansSeen.flat()).toContain('drill-gone');
    expect(a.lost).toEqual([]);
    await a.leases.stop();
  });

  it('look for orphans in a loop of their own: a slow takeover does not hold up the renewals', async () => {
    db = await openStore(await freshStore('sqlite'));
    const wall = new ManualScheduler(1_000_000);
    await new LeaseStore(db, 'dead').acquire('drill', 'orphan', wall.now() + 10, wall.now());
    let finishTakeover: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (finishTakeover = resolve));
    const a = node(wall, db, 'node-a', () => slow);
    await storedDrill(db, 'drill-000002', wall.now());
    await a.leases.claimNew('drill-000002');
    await advance(wall, 4 * LEASE_MS);
    // The takeover of the orphan has not finished, and this node's own lease never ran out.
    expect(a.orphansSeen).toEqual([['orphan']]);
    expect((await a.store.holder('drill', 'drill-000002'))?.expiresAt).toBeGreaterThan(wall.now());
    expect(a.lost).toEqual([]);
    finishTakeover();
    await a.leases.stop();
  });

  it('keep no checkpoint queue for a drill once its writes have landed', async () => {
    db = await openStore(await freshStore('sqlite'));
    const wall = new ManualScheduler(1_000_000);
    const a = node(wall, db, 'node-a');
    await storedDrill(db, 'drill-000003', wall.now());
    await a.leases.claimNew('drill-000003');
    await Promise.all([a.leases.checkpoint('drill-000003', AT), a.leases.checkpoint('drill-000003', { ...AT, clockMs: 5 })]);
    expect((a.leases as unknown as { writes: Map<string, unknown> }).writes.size).toBe(0);
    expect((await new DrillRunStore(db).load('drill-000003'))?.clockMs).toBe(5);
    await a.leases.stop();
  });

  it('hand on at shutdown after the heartbeat under way: the renewal cannot land after the hand-off', async () => {
    db = await openStore(await freshStore('sqlite'));
    const wall = new ManualScheduler(1_000_000);
    const a = node(wall, db, 'node-a');
    await storedDrill(db, 'drill-000004', wall.now());
    await a.leases.claimNew('drill-000004');
    // A renewal the database answers slowly: it is under way when the shutdown begins.
    const renew = a.store.renew.bind(a.store);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    a.store.renew = async (...args) => {
      await gate;
      return renew(...args);
    };
    await advance(wall, Math.floor(LEASE_MS / 3));
    const stopped = a.leases.stop();
    release();
    await stopped;
    // Expired now, wake-up kept: the next node's orphan loop takes it at once.
    expect(await a.store.holder('drill', 'drill-000004')).toMatchObject({ owner: 'node-a', expiresAt: 0 });
    expect((await a.store.orphaned('drill', wall.now(), 10)).map((o) => o.id)).toEqual(['drill-000004']);
  });

  it('let a stale copy end nothing: its finish removes no run row and releases no lease of the new owner', async () => {
    db = await openStore(await freshStore('sqlite'));
    const wall = new ManualScheduler(1_000_000);
    const a = node(wall, db, 'node-a');
    const b = node(wall, db, 'node-b');
    await storedDrill(db, 'drill-000005', wall.now());
    await a.leases.claimNew('drill-000005');
    // A's lease runs out unnoticed (a long pause of its process) and B takes the drill over.
    await a.store.expire('drill', 'drill-000005', 1);
    expect(await b.leases.takeOver('drill-000005')).toBe('taken');
    await a.leases.finished('drill-000005');
    expect(await new DrillRunStore(db).load('drill-000005')).toBeDefined();
    expect(await b.store.holder('drill', 'drill-000005')).toMatchObject({ owner: 'node-b', epoch: 2 });
    // The owner's own finish does remove them.
    await b.leases.finished('drill-000005');
    expect(await new DrillRunStore(db).load('drill-000005')).toBeUndefined();
    expect(await b.store.holder('drill', 'drill-000005')).toMatchObject({ owner: '', wakeAt: null });
    await Promise.all([a.leases.stop(), b.leases.stop()]);
  });

  it('give a lease up after a takeover that failed, so the next look can try again', async () => {
    db = await openStore(await freshStore('sqlite'));
    const wall = new ManualScheduler(1_000_000);
    await storedDrill(db, 'drill-000006', wall.now());
    await new LeaseStore(db, 'dead').acquire('drill', 'drill-000006', wall.now() - 1, wall.now());
    const a = node(wall, db, 'node-a');
    const b = node(wall, db, 'node-b');
    expect(await a.leases.takeOver('drill-000006')).toBe('taken');
    await a.leases.abandon('drill-000006');
    expect(a.leases.holds('drill-000006')).toBe(false);
    expect(await b.leases.takeOver('drill-000006')).toBe('taken');
    await Promise.all([a.leases.stop(), b.leases.stop()]);
  });
});
