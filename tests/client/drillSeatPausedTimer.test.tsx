// @vitest-environment jsdom
// A drill seat's 「买家已等待」 timer while the trainer pauses the drill: the pause notice says the
// buyer and the clock both stand still, so the list's timer holds the wait it had when the pause
// came (not growing, not turning red), and goes on once the drill resumes. Same for a reveal freeze.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DrillSeat } from '../../client/features/drill/DrillSeat.tsx';
import type { DrillState } from '../../client/store/drillSlice.ts';
import type { AppState } from '../../client/store/index.ts';
import { appStore } from '../../client/store/index.ts';
import { attachDesktopBackend, buyerLine, drillStateOf, seatInDrill } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const T0 = 1_000_000;
const initial: AppState = appStore.getState();
beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  attachDesktopBackend();
});
afterEach(() => {
  vi.useRealTimers();
  appStore.setState(initial, true);
});
const { host, render } = reactRoot();

const running: DrillState = drillStateOf();
const state = (over: Partial<DrillState>) => act(() => appStore.getState().netDrillState({ ...running, ...over }));
const tick = (ms: number) => act(() => void vi.advanceTimersByTime(ms));
const timer = () => host.querySelector('.wait-timer') as HTMLElement;
const shown = () => timer().lastChild?.textContent;

function waitingBuyer(): void {
  seatInDrill(running);
  act(() => appStore.getState().netEvent({ name: 'buyer:say', payload: { sessionId: 's9', seq: 1, message: buyerLine('m1', '在吗', T0) } }));
  render(<DrillSeat code="123456" />);
}

describe('the waiting timer in a paused drill seat', () => {
  it('stands still while the trainer pauses, without turning red, and goes on after the resume', () => {
    waitingBuyer();
    tick(10_000);
    expect(shown()).toBe('0:10');
    // the drill clock (DrillState.clock) runs with the wall until the pause, then stands
    const pausedClock = Date.now();
    state({ status: 'paused', clock: pausedClock });
    expect(host.querySelector('[data-testid="drill-pause-notice"]')).not.toBeNull();
    tick(60_000);
    expect(shown()).toBe('0:10');
    expect(timer().className).not.toContain('wait-red');
    expect(timer().getAttribute('title')).toBe('买家已等待 0:10');

    // resumed: the drill clock goes on from where it stood, and so does the wait (no jump by the pause)
    state({ status: 'running', clock: pausedClock });
    tick(1_000);
    expect(shown()).toBe('0:11');
    tick(1_000);
    expect(shown()).toBe('0:12');
  });

  it('stands still while the drill is frozen for a class reveal', () => {
    waitingBuyer();
    tick(5_000);
    state({ status: 'paused', frozenAt: 'ask', clock: Date.now() });
    tick(120_000);
    expect(shown()).toBe('0:05');
    expect(timer().className).toContain('wait-ok');
  });
});
