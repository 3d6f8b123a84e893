// The trainer's drill room as its component tests set it up: live drill d1 (code 123456) in the
// store, a backend whose attach answers that drill, and the store reset after each test.
import { act } from 'react';
import { afterEach } from 'vitest';
import { appStore } from '../../client/store/index.ts';
import type { LiveDrill, TrainerBackend } from '../../client/store/trainerSlice.ts';
import type { DrillState } from '../../server/protocol/index.ts';
import { drillSnapshot, fakeTrainerBackend } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';
import type { ReactRoot } from './reactRoot.ts';

/** Drill d1 in `state`, no seats yet, its clock read just now. */
export function liveDrill(state: DrillState): LiveDrill {
  return { drillId: 'd1', code: '123456', joinUrl: 'http://x/join/123456', state, clockAt: Date.now(), tiles: {}, order: [], heat: [], moves: [], moveLabels: {} };
}

/** A backend whose drill:attach answers the drill the store holds, with no seats; `otherwise` answers every other event's data. */
export function attachFromStore(otherwise: (live: LiveDrill) => unknown): TrainerBackend {
  return fakeTrainerBackend({
    send: ((name: string) => {
      const l = appStore.getState().live as LiveDrill;
      if (name === 'drill:attach') return Promise.resolve({ ok: true, data: { ...drillSnapshot(), state: l.state, tiles: [] } });
      return Promise.resolve({ ok: true, data: otherwise(l) });
    }) as unknown as TrainerBackend['send'],
  });
}

/**
 * The root for a drill-room test; after each test the page is Chinese again and the store holds no
 * live drill and no backend (registered first, so the tree is unmounted before).
 */
export function trainerRoomRoot(): ReactRoot {
  afterEach(() => {
    act(() => appStore.getState().setLang('zh-CN'));
    appStore.setState({ live: null, trainerBackend: null });
  });
  return reactRoot();
}

/** Lets the room's attach and the renders after it finish: `rounds` turns of 5 ms. */
export async function settleRounds(rounds: number): Promise<void> {
  for (let i = 0; i < rounds; i++) await act(async () => await new Promise((resolve) => setTimeout(resolve, 5)));
}
