// Leases on both backends: taking a lease bumps its epoch, a take-over of an expired lease is a
// compare-and-set, the heartbeat renews what a node holds, and an append carrying a stale epoch is
// refused inside the log's own transaction (nothing of it written) while the rest of its batch commits.
import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { LeaseLostError, LeaseStore } from '../../server/store/leases.ts';
import type { Database } from '../../server/store/schema.ts';
import type { SessionRow } from '../../server/store/sessionLog.ts';
import { SessionLog } from '../../server/store/sessionLog.ts';
import { BACKENDS, freshStore, openStore } from './backends.ts';

let db: Kysely<Database> | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

function row(id: string): SessionRow {
  return { id, scenario_id: 'x', scenario_version: 1, bundle_hash: 'h', seed: 1, speed: 0, mode: 'practice', display_name: 'n', started_at: 1, ended_at: null, outcome: null, score: null, rules_revision: 2 };
}
const event = (n: number) => ({ n, at: n, type: 'reply', payload: { type: 'reply', text: 'hi' }, clientMsgId: `c${n}`, result: null, effects: [] });

describe.each(BACKENDS)('leases on %s', (backend) => {
  it('follow whoever takes them, with the epoch one higher each time', async () => {
    db = await openStore(await freshStore(backend));
    const a = new LeaseStore(db, 'node-a');
    const b = new LeaseStore(db, 'node-b');
    expect(await a.acquire('session', 's1', 1000)).toBe(1);
    expect(await b.acquire('session', 's1', 1000)).toBe(2);
    expect(await a.holder('session', 's1')).toEqual({ owner: 'node-b', epoch: 2, expiresAt: 1000, wakeAt: null });
    // A is not told by the store; its renewal no longer finds the lease, and its release changes nothing.
    expect(await a.renew(5000, 'session', ['s1'])).toEqual([]);
    await a.release('session', 's1', 1);
    expect((await a.holder('session', 's1'))?.owner).toBe('node-b');
    expect(await b.renew(5000, 'session', ['s1'])).toEqual([{ kind: 'session', id: 's1', epoch: 2 }]);
    await b.release('session', 's1', 2);
    expect(await b.holder('session', 's1')).toEqual({ owner: '', epoch: 2, expiresAt: 0, wakeAt: null });
  });

  it('renew only the ids named, of the kind named, still owned by the node', async () => {
    db = await openStore(await freshStore(backend));
    const a = new LeaseStore(db, 'node-a');
    await a.acquire('session', 's1', 1000);
    await a.acquire('session', 's2', 1000);
    await a.acquire('drill', 's1', 1000);
    await new LeaseStore(db, 'node-b').acquire('session', 's3', 1000);
    expect(await a.renew(5000, 'session', ['s1', 's3'])).toEqual([{ kind: 'session', id: 's1', epoch: 1 }]);
    expect((await a.holder('session', 's2'))?.expiresAt).toBe(1000);
    expect((await a.holder('drill', 's1'))?.expiresAt).toBe(1000);
    expect((await a.holder('session', 's3'))?.expiresAt).toBe(1000);
    expect(await a.renew(5000, 'session', [])).toEqual([]);
  });

  it('are taken over only when expired with work pending, and only by one node', async () => {
    db = await openStore(await freshStore(backend));
    const dead = new LeaseStore(db, 'dead');
    const log = new SessionLog(db);
    await log.saveBundle('h', 'x', 1, '{}', 0);
    await log.create(row('busy'), [], { owner: 'dead', expiresAt: 100, wakeAt: 150 });
    await log.create(row('idle'), [], { owner: 'dead', expiresAt: 100, wakeAt: null });
    await log.create(row('fresh'), [], { owner: 'dead', expiresAt: 10_000, wakeAt: 150 });
    expect(await dead.holder('session', 'busy')).toMatchObject({ epoch: 1, wakeAt: 150 });
    const b = new LeaseStore(db, 'node-b');
    const c = new LeaseStore(db, 'node-c');
    expect(await b.orphaned('session', 200, 10)).toEqual([{ id: 'busy', epoch: 1 }]);
    const [wonB, wonC] = await Promise.all([b.takeOver('session', 'busy', 1, 200, 900), c.takeOver('session', 'busy', 1, 200, 900)]);
    expect([wonB, wonC].filter((e) => e !== undefined)).toEqual([2]);
    expect(await b.takeOver('session', 'fresh', 1, 200, 900)).toBeUndefined();
  });

  it('fence the log: a stale epoch writes nothing and rejects; the rest of the batch commits', async () => {
    db = await openStore(await freshStore(backend));
    const log = new SessionLog(db);
    await log.saveBundle('h', 'x', 1, '{}', 0);
    await log.create(row('s1'), [], { owner: 'node-a', expiresAt: 1000, wakeAt: null });
    await log.create(row('s2'), [], { owner: 'node-a', expiresAt: 1000, wakeAt: null });
    expect(await new LeaseStore(db, 'node-b').acquire('session', 's1', 1000)).toBe(2);
    const results = await Promise.allSettled([
      log.append('s1', event(1), undefined, { owner: 'node-a', epoch: 1, wakeAt: 50 }),
      // The session's last write lets its lease go in the same statement.
      log.append('s2', event(1), { endedAt: 9, outcome: 'left', score: 0 }, { owner: 'node-a', epoch: 1, wakeAt: 70, release: true }),
    ]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.any(LeaseLostError) as unknown });
    expect(results[1]?.status).toBe('fulfilled');
    expect((await log.load('s1'))?.events).toEqual([]);
    expect((await log.load('s2'))?.events.map((e) => e.n)).toEqual([1]);
    expect((await log.load('s2'))?.session.ended_at).toBe(9);
    const store = new LeaseStore(db, 'node-a');
    expect(await store.holder('session', 's2')).toEqual({ owner: '', epoch: 1, expiresAt: 0, wakeAt: null });
    expect((await store.holder('session', 's1'))?.wakeAt).toBeNull();
    // The new owner writes with its epoch, and its wake-up time is kept for the orphan sweep.
    await log.append('s1', event(1), undefined, { owner: 'node-b', epoch: 2, wakeAt: 33 });
    expect((await log.load('s1'))?.events.map((e) => e.n)).toEqual([1]);
    expect((await store.holder('session', 's1'))?.wakeAt).toBe(33);
  });
});
