// The trainer's dashboard after its socket reconnects while the drill changes nodes: `drill:attach`
// answers `internal` until the new owner has taken the drill over, and the store asks again about once
// a second instead of leaving the dashboard frozen; a refusal that will not pass is not retried.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../client/store/index.ts';
import type { TrainerBackend } from '../../client/store/trainerSlice.ts';
import type { DrillSnapshot } from '../../server/protocol/index.ts';
import { drillSnapshot, MemoryStorage } from './fakes.ts';

const snapshot = drillSnapshot();

function setup(attachAnswers: (attempt: number) => { ok: true; data: DrillSnapshot } | { ok: false; error: { code: string; message: string } }) {
  const store = createAppStore({ storage: new MemoryStorage(), now: () => 1000 });
  const attaches: number[] = [];
  const backend: TrainerBackend = {
    login: () => Promise.resolve({ id: 't1', name: '王老师', admin: false }),
    logout: () => Promise.resolve(),
    me: () => Promise.resolve({ id: 't1', name: '王老师', admin: false }),
    drills: () => Promise.resolve([]),
    addTrainer: () => Promise.reject(new Error('not here')),
    results: () => Promise.reject(new Error('not here')),
    connect: () => undefined,
    send: ((name: string) => {
      if (name !== 'drill:attach') return Promise.resolve({ ok: false, error: { code: 'bad-request', message: name } });
      attaches.push(Date.now());
      return Promise.resolve(attachAnswers(attaches.length));
    }) as TrainerBackend['send'],
  };
  store.getState().attachTrainerBackend(backend);
  return { store, attaches };
}

describe('the trainer dashboard after a reconnect', () => {
  it('follows the drill again once its new node answers', async () => {
    const { store, attaches } = setup((n) => (n === 1 ? { ok: true, data: snapshot } : n <= 3 ? { ok: false, error: { code: 'unavailable', message: 'the drill is moving; try again in a moment' } } : { ok: true, data: { ...snapshot, state: { ...snapshot.state, clock: 9_000 } } }));
    expect(await store.getState().attachDrill('d1')).toBeNull();
    store.getState().netTrainerConnected();
    await expect.poll(() => store.getState().live?.state.clock, { timeout: 8_000 }).toBe(9_000);
    expect(attaches).toHaveLength(4);
    expect((attaches[3] as number) - (attaches[2] as number)).toBeGreaterThanOrEqual(900);
  }, 10_000);

  it('does not retry a refusal that will not pass', async () => {
    const { store, attaches } = setup((n) => (n === 1 ? { ok: true, data: snapshot } : { ok: false, error: { code: 'unauthorized', message: 'log in again' } }));
    await store.getState().attachDrill('d1');
    store.getState().netTrainerConnected();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(attaches).toHaveLength(2);
  }, 10_000);

  it('keeps one follow loop when the connection comes back twice during a takeover', async () => {
    const { store, attaches } = setup((n) => (n === 1 ? { ok: true, data: snapshot } : n <= 3 ? { ok: false, error: { code: 'unavailable', message: 'the database is unavailable right now' } } : { ok: true, data: snapshot }));
    await store.getState().attachDrill('d1');
    store.getState().netTrainerConnected();
    store.getState().netTrainerConnected();
    // Both loops ask once (attempts 2 and 3 answer `unavailable`); only the newer asks again.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(attaches).toHaveLength(4);
  }, 10_000);
});

describe('a snapshot from a node of an older release', () => {
  it('without moveLabels: every move shows its id (an empty label map, not undefined)', async () => {
    const { moveLabels: _none, ...older } = snapshot;
    const { store } = setup(() => ({ ok: true, data: older as DrillSnapshot }));
    expect(await store.getState().attachDrill('d1')).toBeNull();
    expect(store.getState().live?.moveLabels).toEqual({});
    expect(store.getState().live?.moveLabels['bargainer/ask']).toBeUndefined();
  });
});
