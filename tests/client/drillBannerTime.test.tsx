// @vitest-environment jsdom
// A trainee in a timed drill sees the time left: it counts down while the drill runs, stands still
// while the trainer has it paused, and is not announced every second (a timer, not a live status).
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DrillBanner } from '../../client/features/drill/DrillBanner.tsx';
import { appStore } from '../../client/store/index.ts';
import type { AppState } from '../../client/store/index.ts';
import type { DrillState } from '../../client/store/drillSlice.ts';
import { info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
afterEach(() => {
  vi.useRealTimers();
  appStore.setState(initial, true);
});
const { host, render } = reactRoot();

const state = (status: DrillState['status'], endsAt: number | null): DrillState => ({ drillId: 'd1', status, locked: false, mode: 'exam', scenarios: [info().scenario], frozenAt: null, endsAt, clock: 60_000 });
const left = () => host.querySelector('[role="timer"]')?.textContent;

describe('the drill banner', () => {
  it('counts the time left down while the drill runs, and holds it while paused', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    act(() => appStore.getState().netDrillState(state('running', 60_000 + 5 * 60_000)));
    render(<DrillBanner name="小明" />);
    expect(left()).toBe('剩余 5:00');
    act(() => void vi.advanceTimersByTime(61_000));
    expect(left()).toBe('剩余 3:59');
    act(() => appStore.getState().netDrillState({ ...state('paused', 60_000 + 5 * 60_000), clock: 121_000 }));
    act(() => void vi.advanceTimersByTime(30_000));
    expect(left()).toBe('剩余 3:59');
    expect(host.querySelector('[role="timer"]')?.getAttribute('aria-live')).toBe('off');
  });

  it('shows no time when the drill has no limit or has ended', () => {
    act(() => appStore.getState().netDrillState(state('running', null)));
    render(<DrillBanner name="小明" />);
    expect(left()).toBeUndefined();
    act(() => appStore.getState().netDrillState(state('ended', 120_000)));
    expect(left()).toBeUndefined();
  });
});
