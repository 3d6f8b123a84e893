// Something that must happen once the store is back (an ended drill's results stored, and only then
// what waits for them): tried again and again, a little longer apart each time, until it is done, it
// says there is nothing more to do, or it is cancelled (the drill let go of).
import type { Scheduler } from '../scheduler.ts';

export const RETRY_FIRST_MS = 1_000;
export const RETRY_MAX_MS = 30_000;

/** `attempt` resolves when done (or moot); a rejection is reported and tried again. Returns the cancel. */
export function retryLater(wall: Scheduler, attempt: () => Promise<void>, failed: (err: unknown, attempts: number) => void): () => void {
  let cancelTimer: (() => void) | null = null;
  let cancelled = false;
  const arm = (attempts: number) => {
    const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (attempts - 1));
    cancelTimer = wall.schedule(wall.now() + delay, () => {
      if (cancelled) return;
      attempt().catch((err: unknown) => {
        failed(err, attempts);
        if (!cancelled) arm(attempts + 1);
      });
    });
  };
  arm(1);
  return () => {
    cancelled = true;
    cancelTimer?.();
  };
}
