// @vitest-environment jsdom
// A trainee and a drill that the trainer cancels before it starts: a seated trainee is told so at
// once (drill:state, status `cancelled`) and offered the way home, the seat forgotten; someone who
// comes with the cancelled code is told the same instead of a generic error. The lobby also says how
// many trainees are in, as the count changes.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DrillSeat } from '../../client/features/drill/DrillSeat.tsx';
import type { DrillState, DrillTransport, SeatInfo } from '../../client/store/drillSlice.ts';
import type { AppState } from '../../client/store/index.ts';
import { appStore } from '../../client/store/index.ts';
import { byRole, readOut } from './a11y.ts';
import { info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
afterEach(() => appStore.setState(initial, true));
const { host, render } = reactRoot();

const lobbyState: DrillState = { drillId: 'd1', status: 'lobby', locked: false, mode: 'practice', scenarios: [info().scenario], frozenAt: null, endsAt: null, timeLimitMs: null, clock: 0, trainees: 1 };

function transport(join: DrillTransport['join'] = () => new Promise(() => undefined)): DrillTransport {
  return { join, rejoin: () => undefined, leave: () => undefined, check: () => Promise.resolve({ ok: true, data: { status: 'open' } }) };
}

function seated(state: DrillState = lobbyState): void {
  const seat: SeatInfo = { drillId: 'd1', seatId: 'seat1', seatToken: 'tok', displayName: '小明', drill: state, session: null };
  act(() => {
    appStore.setState({ drillCode: '123456', seats: {}, seatPhase: 'joining', drillTransport: transport() });
    appStore.getState().netSeat(seat);
  });
}

const notice = () => host.querySelector('[data-testid="drill-cancelled"]') as HTMLElement | null;
/** A link by its text (the a11y helpers know no implicit link role). */
const link = (root: HTMLElement, text: string) => [...root.querySelectorAll('a')].find((a) => a.textContent === text);

describe('a drill the trainer cancels', () => {
  it('tells the seated trainee plainly, offers the home page, and forgets the seat', () => {
    seated();
    render(<DrillSeat code="123456" />);
    expect(host.querySelector('[data-testid="drill-waiting"]')).not.toBeNull();
    expect(appStore.getState().seats['123456']).toBeDefined();

    act(() => appStore.getState().netDrillState({ ...lobbyState, status: 'cancelled', cancelledBy: 'trainer' }));
    const shown = notice();
    expect(shown?.getAttribute('role')).toBe('alert');
    expect(byRole(shown as HTMLElement, 'heading', '老师取消了这场演练')).toBe(document.activeElement);
    expect(readOut(shown as HTMLElement)).toContain('演练码 123456 已经不能再加入了');
    expect(link(shown as HTMLElement, '回到首页')?.getAttribute('href')).toBe('/');
    expect(host.querySelector('[data-testid="drill-waiting"]')).toBeNull();
    // Nothing to come back to: a reload shows the name form, whose join the server refuses as cancelled.
    expect(appStore.getState().seats['123456']).toBeUndefined();

    act(() => appStore.getState().setLang('en'));
    expect(byRole(notice() as HTMLElement, 'heading', 'The trainer cancelled this drill')).toBeTruthy();
    expect(link(notice() as HTMLElement, 'Back to the home page')).toBeDefined();
  });

  it('says a lobby left unstarted was cancelled by itself, not by the trainer', () => {
    seated();
    render(<DrillSeat code="123456" />);
    act(() => appStore.getState().netDrillState({ ...lobbyState, status: 'cancelled', cancelledBy: 'expiry' }));
    expect(byRole(notice() as HTMLElement, 'heading', '这场演练一直没有开始，已自动取消')).toBeTruthy();
  });

  it('answers a join with the cancelled code with the same notice, not an error under the form', async () => {
    act(() => appStore.setState({ drillTransport: transport(() => Promise.resolve({ ok: false, error: { code: 'drill-not-running', reason: 'cancelled', message: 'the trainer cancelled this drill before it started' } as never })) }));
    render(<DrillSeat code="654321" />);
    await act(async () => void (await appStore.getState().joinDrill('654321', '小红')));
    expect(byRole(notice() as HTMLElement, 'heading', '这场演练已取消')).toBeTruthy();
    expect(readOut(notice() as HTMLElement)).toContain('演练码 654321 已经不能再加入了');
    expect(host.querySelector('form')).toBeNull();
    expect(host.querySelector('[role="alert"].drill-note')).toBeNull();
  });

  it('answers a rejoin of a cancelled drill (after a reload) with the notice too', () => {
    seated();
    render(<DrillSeat code="123456" />);
    act(() => appStore.getState().netSeatFailed({ code: 'drill-not-running' as never, reason: 'cancelled', message: 'cancelled' }));
    expect(notice()).not.toBeNull();
    expect(appStore.getState().seats['123456']).toBeUndefined();
  });
});

describe("the lobby's headcount", () => {
  it('says how many are seated and follows the count live, in zh-CN and en', () => {
    seated();
    render(<DrillSeat code="123456" />);
    const count = () => readOut(host.querySelector('[data-testid="drill-headcount"]') as HTMLElement);
    expect(count()).toBe('目前只有你入座');
    act(() => appStore.getState().netDrillHeadcount({ drillId: 'd1', trainees: 3 }));
    expect(count()).toBe('已有 3 名学员入座（包括你）');
    // Another drill's count is not this one's.
    act(() => appStore.getState().netDrillHeadcount({ drillId: 'other', trainees: 9 }));
    expect(count()).toBe('已有 3 名学员入座（包括你）');
    // A state change (the lock) keeps the count it does not carry.
    const { trainees: _unsaid, ...locked } = { ...lobbyState, locked: true };
    act(() => appStore.getState().netDrillState(locked));
    expect(count()).toBe('已有 3 名学员入座（包括你）');
    act(() => appStore.getState().setLang('en'));
    expect(count()).toBe('3 trainees are seated so far, you included');
  });
});
