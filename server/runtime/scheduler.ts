// The runtime owns the clock: the engine is handed `now`, and timers go through this interface so a
// test can drive time by hand instead of waiting for it.

export interface Scheduler {
  now(): number;
  /** Call `fn` once at (or soon after) time `at`; returns a cancel function. */
  schedule(at: number, fn: () => void): () => void;
}

/**
 * The longest delay setTimeout takes: a longer one fires after 1 ms (with a warning), which would
 * end a drill lobby kept for 600 hours the moment it opened. Longer waits go in steps of this.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export const systemScheduler: Scheduler = {
  now: () => Date.now(),
  schedule(at, fn) {
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      const wait = at - Date.now();
      timer = wait > MAX_TIMER_MS ? setTimeout(arm, MAX_TIMER_MS) : setTimeout(fn, Math.max(0, wait));
    };
    arm();
    return () => clearTimeout(timer);
  },
};
