// @vitest-environment jsdom
// In a classroom exam the server tells a seat only that a chat ended, not how it went: the seat's
// chat then says calmly that results come after the drill (zh and en), with no report link, until
// the drill ends.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DrillSeat } from '../../client/features/drill/DrillSeat.tsx';
import type { AppState } from '../../client/store/index.ts';
import { appStore } from '../../client/store/index.ts';
import { attachDesktopBackend, drillStateOf, info, seatInDrill } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
beforeEach(() => {
  attachDesktopBackend();
});
afterEach(() => appStore.setState(initial, true));
const { host, render } = reactRoot();

const banner = () => host.querySelector('[data-testid="ended-banner"]');
const reportLink = () => banner()?.querySelector('a[href^="/report/"]') ?? null;

describe('an exam chat that ended while the drill runs', () => {
  it('says the results come after the drill, with no report link, until it ends', () => {
    seatInDrill(drillStateOf({ mode: 'exam' }));
    act(() => appStore.setState({ sessions: {} }));
    act(() => appStore.getState().netStarted(info('s9', { mode: 'exam' })));
    render(<DrillSeat code="123456" />);
    expect(banner()).toBeNull();

    act(() => appStore.getState().netDrillChatEnded({ drillId: 'd1', seatId: 'seat1', sessionId: 's9' }));
    expect(banner()?.textContent).toBe('考试进行中，成绩在演练结束后公布');
    expect(reportLink()).toBeNull();
    act(() => appStore.getState().setLang('en'));
    expect(banner()?.textContent).toContain('results are published when the drill ends');

    act(() => appStore.getState().netDrillState(drillStateOf({ mode: 'exam', status: 'ended' })));
    expect(banner()?.textContent).not.toContain('published');
    expect(reportLink()?.getAttribute('href')).toBe('/report/s9');
  });
});
