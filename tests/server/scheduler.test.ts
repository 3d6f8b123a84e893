// The system scheduler waits out delays longer than setTimeout takes (about 24.8 days) in steps,
// instead of firing at once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_TIMER_MS, systemScheduler } from '../../server/runtime/scheduler.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('systemScheduler', () => {
  it('fires a 30-day timer after 30 days, not at once', () => {
    vi.useFakeTimers({ now: 0 });
    const fired = vi.fn();
    systemScheduler.schedule(30 * 24 * 3_600_000, fired);
    vi.advanceTimersByTime(1000);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(MAX_TIMER_MS);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(30 * 24 * 3_600_000 - MAX_TIMER_MS - 1000);
    expect(fired).toHaveBeenCalledOnce();
  });

  it('can be cancelled while it waits out a step', () => {
    vi.useFakeTimers({ now: 0 });
    const fired = vi.fn();
    const cancel = systemScheduler.schedule(MAX_TIMER_MS * 2, fired);
    vi.advanceTimersByTime(MAX_TIMER_MS + 5);
    cancel();
    vi.advanceTimersByTime(MAX_TIMER_MS * 2);
    expect(fired).not.toHaveBeenCalled();
  });
});
