// The one store, built from slices. Components select narrow fields with useApp(selector).
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { createCatalogSlice } from './catalogSlice.ts';
import { createDrillSlice } from './drillSlice.ts';
import { browserStorage } from './persist.ts';
import { createPhrasesSlice } from './phrasesSlice.ts';
import { createSessionsSlice } from './sessionsSlice.ts';
import type { AppState, StoreEnv } from './state.ts';
import { createTrainerSlice } from './trainerSlice.ts';
import { createUiSlice } from './uiSlice.ts';

export type { AppState, StoreEnv } from './state.ts';

export function createAppStore(env: StoreEnv) {
  return createStore<AppState>()((...a) => ({
    ...createUiSlice(env)(...a),
    ...createSessionsSlice(env)(...a),
    ...createPhrasesSlice(env)(...a),
    ...createCatalogSlice(env)(...a),
    ...createDrillSlice(env)(...a),
    ...createTrainerSlice(env)(...a),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

export const appStore: AppStore = createAppStore({
  storage: browserStorage(),
  now: () => Date.now(),
  ...(typeof window === 'undefined'
    ? {}
    : {
        history: {
          push: (path: string) => window.history.pushState(null, '', path),
          replace: (path: string) => window.history.replaceState(null, '', path),
        },
      }),
});

export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
