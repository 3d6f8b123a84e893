// The retention sweep on both stores (a SQLite file, the PostgreSQL of tests/server/pgServer.ts):
// what goes (old ended sessions, their log, their lease, bundles nothing uses), what stays (recent,
// running and drill sessions, bundles still pointed at or still startable), batches, and two sweeps
// at once (as two nodes would run them).
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { sweepEndedSessions } from '../../server/store/retention.ts';
import type { Database } from '../../server/store/schema.ts';
import { BACKENDS, freshStore, openStore } from './backends.ts';
import { addBundle, addDrill, addRunningDrill, addSessions, addStudioVersion, bundleHashes, count, CUTOFF, DAY, ids, NOW, sessionIds } from './retentionFixtures.ts';

const opened: Kysely<Database>[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.destroy()));
});

async function store(backend: (typeof BACKENDS)[number]) {
  const at = await freshStore(backend);
  const db = await openStore(at);
  opened.push(db);
  return { at, db };
}

describe.each(BACKENDS)('session retention on %s', (backend) => {
  it('deletes old ended sessions with their log and lease; keeps recent, running and drill sessions', async () => {
    const { db } = await store(backend);
    await addBundle(db, 'h');
    await addSessions(db, ['old-1', 'old-2'], { endedAt: NOW - 91 * DAY });
    await addSessions(db, ['recent'], { endedAt: NOW - 89 * DAY });
    await addSessions(db, ['running'], { endedAt: null });
    await addSessions(db, ['drill-old'], { endedAt: NOW - 400 * DAY });
    await addDrill(db, 'd1', ['drill-old']);

    const result = await sweepEndedSessions(db, { cutoff: CUTOFF });

    expect(result).toMatchObject({ sessions: 2, events: 8, batches: 1 });
    expect(await sessionIds(db)).toEqual(['drill-old', 'recent', 'running']);
    expect(await count(db, 'session_events')).toBe(3 * 4);
    expect((await db.selectFrom('leases').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual(['drill-old', 'recent', 'running']);
    // Nothing left to do: a second pass deletes nothing.
    expect(await sweepEndedSessions(db, { cutoff: CUTOFF })).toMatchObject({ sessions: 0, events: 0, bundles: 0 });
  });

  it('deletes a session never ended (the page was closed) once nothing has happened in it for the whole period', async () => {
    const { db } = await store(backend);
    await addBundle(db, 'h');
    await addSessions(db, ['abandoned'], { endedAt: null, startedAt: NOW - 120 * DAY, eventsAt: NOW - 120 * DAY });
    await addSessions(db, ['resumed-lately'], { endedAt: null, startedAt: NOW - 120 * DAY, eventsAt: NOW - 10 * DAY });
    await addSessions(db, ['drill-abandoned'], { endedAt: null, startedAt: NOW - 120 * DAY, eventsAt: NOW - 120 * DAY });
    await addDrill(db, 'd1', ['drill-abandoned']);

    expect(await sweepEndedSessions(db, { cutoff: CUTOFF })).toMatchObject({ sessions: 1, events: 4 });
    expect(await sessionIds(db)).toEqual(['drill-abandoned', 'resumed-lately']);
  });

  it('keeps a bundle while a session points at it, and deletes it the pass after its last session went', async () => {
    const { db } = await store(backend);
    await addBundle(db, 'shared');
    await addSessions(db, ['a-old'], { endedAt: NOW - 100 * DAY, bundle: 'shared' });
    await addSessions(db, ['b-recent'], { endedAt: NOW - DAY, bundle: 'shared' });

    expect(await sweepEndedSessions(db, { cutoff: CUTOFF })).toMatchObject({ sessions: 1, bundles: 0 });
    expect(await bundleHashes(db)).toEqual(['shared']);

    // Later, the other session is past its keeping time too: it goes, and its bundle one pass later.
    const later = NOW;
    expect(await sweepEndedSessions(db, { cutoff: later })).toMatchObject({ sessions: 1, bundles: 0 });
    expect(await bundleHashes(db)).toEqual(['shared']);
    expect(await sweepEndedSessions(db, { cutoff: later })).toMatchObject({ sessions: 0, bundles: 1 });
    expect(await bundleHashes(db)).toEqual([]);
  });

  it('keeps unreferenced bundles used lately, of a studio version, or of a drill still open', async () => {
    const { db } = await store(backend);
    await addBundle(db, 'unused', { scenarioId: 'a' });
    await addBundle(db, 'used-lately', { scenarioId: 'b', usedAt: NOW - DAY });
    await addBundle(db, 'studio', { scenarioId: 'c', version: 3 });
    await addStudioVersion(db, 'c', 3);
    await addBundle(db, 'drill-version', { scenarioId: 'd', version: 2 });
    await addRunningDrill(db, 'open-drill', [{ id: 'd', version: 2 }]);

    expect(await sweepEndedSessions(db, { cutoff: CUTOFF })).toMatchObject({ bundles: 1 });
    expect(await bundleHashes(db)).toEqual(['drill-version', 'studio', 'used-lately']);
  });

  it('deletes in batches of the given size, past drill sessions it must keep', async () => {
    const { db } = await store(backend);
    await addBundle(db, 'h');
    // Drill sessions ended first: every batch's scan starts among them, and each pass looks at them once.
    await addSessions(db, ids('drill-', 30), { endedAt: NOW - 300 * DAY });
    await addDrill(db, 'd1', ids('drill-', 30));
    await addSessions(db, ids('old-', 1100), { endedAt: NOW - 200 * DAY });

    const result = await sweepEndedSessions(db, { cutoff: CUTOFF, batchSize: 500, pauseMs: 0 });

    expect(result).toMatchObject({ sessions: 1100, events: 4400, batches: 3 });
    expect(await sessionIds(db)).toEqual(ids('drill-', 30));
    expect(await count(db, 'session_events')).toBe(30 * 4);
  });

  it('two sweeps at once delete every session exactly once, without errors', async () => {
    const { at, db } = await store(backend);
    // PostgreSQL: two pools, as two nodes have. SQLite serves one node, its one connection shared by
    // both passes (two connections in one thread would wait on each other's lock synchronously).
    const other = backend === 'postgres' ? await openStore(at) : db;
    if (other !== db) opened.push(other);
    await addBundle(db, 'h');
    await addSessions(db, ids('old-', 600), { endedAt: NOW - 200 * DAY });
    await addSessions(db, ['recent'], { endedAt: NOW });

    const [a, b] = await Promise.all([sweepEndedSessions(db, { cutoff: CUTOFF, batchSize: 50, pauseMs: 0 }), sweepEndedSessions(other, { cutoff: CUTOFF, batchSize: 50, pauseMs: 0 })]);

    expect(a.sessions + b.sessions).toBe(600);
    expect(a.events + b.events).toBe(2400);
    expect(await sessionIds(db)).toEqual(['recent']);
    expect(await count(db, 'session_events')).toBe(4);
  });

  it('sweeps 500 sessions of about 12 KB each in one short transaction', async () => {
    const { db } = await store(backend);
    await addBundle(db, 'h');
    // 20 log rows of 600 bytes: about the 12 KB a real session stores.
    await addSessions(db, ids('old-', 500), { endedAt: NOW - 200 * DAY, events: 19, rowBytes: 600 });

    const started = performance.now();
    const result = await sweepEndedSessions(db, { cutoff: CUTOFF, batchSize: 500 });
    const ms = performance.now() - started;

    expect(result).toMatchObject({ sessions: 500, events: 10_000, batches: 1 });
    console.info(`retention on ${backend}: 500 sessions (10,000 log rows, ~6 MB) swept in ${ms.toFixed(0)} ms`);
    // Generous for a shared test machine; the point is "well under a second or so", not a benchmark.
    expect(ms).toBeLessThan(5000);
  });
});
