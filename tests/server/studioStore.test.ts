// The studio's rows on both backends (SQLite, and the PostgreSQL of tests/server/pgServer.ts): a
// draft write only lands on the revision it was based on, a create never replaces a draft, deleting
// a draft keeps every published version, and versions name the trainer who published them.
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../server/store/schema.ts';
import { draftRevision, StudioStore } from '../../server/store/studioStore.ts';
import { TrainerStore } from '../../server/store/trainerStore.ts';
import { BACKENDS, freshStore, openStore } from './backends.ts';

let db: Kysely<Database> | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

const T0 = 1_760_000_000_000;

describe.each(BACKENDS)('studio store on %s', (backend) => {
  it('saves a draft only over the revision it was based on', async () => {
    db = await openStore(await freshStore(backend));
    const trainers = new TrainerStore(db);
    const wang = await trainers.add('王老师', 'hash', false, T0);
    const li = await trainers.add('李老师', 'hash', false, T0);
    if (!wang || !li) throw new Error('no trainers');
    const store = new StudioStore(db);

    expect(await store.saveDraft('s', 'v0', wang.id, T0, { kind: 'new' })).toBe(true);
    expect(await store.saveDraft('s', 'other', li.id, T0 + 1, { kind: 'new' })).toBe(false);
    const opened = await store.draftRow('s');
    expect(opened).toMatchObject({ source: 'v0', savedBy: '王老师', updatedAt: T0, revision: draftRevision('v0') });

    // Both trainers opened revision v0; 李老师 saves first, 王老师's save is then stale.
    expect(await store.saveDraft('s', 'li-1', li.id, T0 + 2, { kind: 'revision', revision: draftRevision('v0') })).toBe(true);
    expect(await store.saveDraft('s', 'wang-1', wang.id, T0 + 3, { kind: 'revision', revision: draftRevision('v0') })).toBe(false);
    expect(await store.draftRow('s')).toMatchObject({ source: 'li-1', savedBy: '李老师', updatedAt: T0 + 2 });
    expect(await store.saveDraft('s', 'wang-1', wang.id, T0 + 4, { kind: 'any' })).toBe(true);
    expect(await store.draft('s')).toBe('wang-1');
    // No draft at all: a based save has nothing to match.
    expect(await store.saveDraft('none', 'x', wang.id, T0, { kind: 'revision', revision: draftRevision('x') })).toBe(false);
  });

  it('deletes a draft at its revision and keeps the published versions', async () => {
    db = await openStore(await freshStore(backend));
    const zhou = await new TrainerStore(db).add('周老师', 'hash', false, T0);
    if (!zhou) throw new Error('no trainer');
    const store = new StudioStore(db);
    await store.saveDraft('p', 'version: 2', zhou.id, T0);
    expect(await store.publish({ id: 'p', version: 1, source: 'version: 1', bundle: '{}', trainerId: zhou.id, now: T0 + 1 })).toBe(true);
    expect(await store.publish({ id: 'p', version: 2, source: 'version: 2', bundle: '{}', trainerId: zhou.id, now: T0 + 2 })).toBe(true);
    expect(await store.publish({ id: 'p', version: 2, source: 'again', bundle: '{}', trainerId: zhou.id, now: T0 + 3 })).toBe(false);

    expect(await store.deleteDraft('p', draftRevision('something else'))).toBe(false);
    expect(await store.deleteDraft('p', draftRevision('version: 2'))).toBe(true);
    expect(await store.draftRow('p')).toBeUndefined();
    expect(await store.owns('p')).toBe(true);
    expect(await store.owns('never')).toBe(false);
    expect(await store.versions('p')).toEqual([
      { id: 'p', version: 2, publishedAt: T0 + 2, publishedBy: '周老师' },
      { id: 'p', version: 1, publishedAt: T0 + 1, publishedBy: '周老师' },
    ]);
    expect(await store.version('p', 1)).toMatchObject({ source: 'version: 1', publishedBy: '周老师' });
    expect(await store.isPublishedText('p', 'version: 1')).toBe(true);
    expect(await store.isPublishedText('p', 'version: 1\n# edited by hand')).toBe(false);
  });
});
