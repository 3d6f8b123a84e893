// The runtime owns the clock: the engine is handed `now`, and timers go through this interface so a
// test can drive time by hand instead of waiting for it.

export interface Scheduler {
  now(): number;
  /** Call `fn` once at (or soon after) time `at`; returns a cancel function. */
  schedule(at: number, fn: () => void): () => void;
}

export const systemScheduler: Scheduler = {
  now: () => Date.now(),
  schedule(at, fn) {
    const timer = setTimeout(fn, Math.max(0, at - Date.now()));
    return () => clearTimeout(timer);
  },
};
