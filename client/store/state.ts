// The one store's shape: the union of its slices. Slices see the whole state through `get`.
import type { StateCreator } from 'zustand';
import type { CatalogSlice } from './catalogSlice.ts';
import type { DrillSlice } from './drillSlice.ts';
import type { KeyValueStorage } from './persist.ts';
import type { PhrasesSlice } from './phrasesSlice.ts';
import type { SessionsSlice } from './sessionsSlice.ts';
import type { TrainerSlice } from './trainerSlice.ts';
import type { UiSlice } from './uiSlice.ts';

export type AppState = SessionsSlice & UiSlice & PhrasesSlice & CatalogSlice & DrillSlice & TrainerSlice;

/** What the store needs from the outside world, passed in so tests can give fakes. */
export interface StoreEnv {
  storage: KeyValueStorage | null;
  now: () => number;
  /** history.pushState / replaceState; absent in tests */
  history?: { push(path: string): void; replace(path: string): void };
}

export type Slice<T> = (env: StoreEnv) => StateCreator<AppState, [], [], T>;
