// @vitest-environment jsdom
// A trainee seated in a drill that has not ended cannot leave for a chat of their own: the drill
// decides the buyers, and in an exam a practice chat would give live feedback. 「＋ 接待新买家」 is
// disabled there, saying why (zh and en) in words on the page, not only in a tooltip; it comes back
// once the drill ends.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DrillSeat } from '../../client/features/drill/DrillSeat.tsx';
import type { DrillState } from '../../client/store/drillSlice.ts';
import type { AppState } from '../../client/store/index.ts';
import { appStore } from '../../client/store/index.ts';
import { attachDesktopBackend, drillStateOf, seatInDrill } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
beforeEach(() => {
  attachDesktopBackend();
});
afterEach(() => appStore.setState(initial, true));
const { host, render } = reactRoot();

const newBuyer = () => host.querySelector('.convo-new') as HTMLElement;
const state = (over: Partial<DrillState>) => act(() => appStore.getState().netDrillState(drillStateOf(over)));

describe('「＋ 接待新买家」 in a drill seat', () => {
  it.each(['exam', 'practice'] as const)('is disabled, with a reason, while a %s drill runs or is paused', (mode) => {
    seatInDrill(drillStateOf({ mode }));
    render(<DrillSeat code="123456" />);
    expect(newBuyer().tagName).toBe('BUTTON');
    expect((newBuyer() as HTMLButtonElement).disabled).toBe(true);
    expect(newBuyer().getAttribute('href')).toBeNull();
    expect(newBuyer().getAttribute('title')).toContain('演练结束后');
    // Said as text too (a phone shows no tooltip), and tied to the button for screen readers.
    const why = document.getElementById(newBuyer().getAttribute('aria-describedby') ?? 'none');
    expect(why?.textContent).toContain('演练结束后');

    const navigate = appStore.getState().navigate;
    const went: string[] = [];
    appStore.setState({ navigate: (to: string) => void went.push(to) });
    act(() => newBuyer().click());
    expect(went).toEqual([]);
    appStore.setState({ navigate });

    state({ mode, status: 'paused' });
    expect((newBuyer() as HTMLButtonElement).disabled).toBe(true);
    act(() => appStore.getState().setLang('en'));
    expect(newBuyer().getAttribute('title')).toContain('once it ends');
  });

  it('leads home again once the drill has ended', () => {
    seatInDrill(drillStateOf({ mode: 'exam' }));
    render(<DrillSeat code="123456" />);
    state({ mode: 'exam', status: 'ended' });
    expect(newBuyer().tagName).toBe('A');
    expect(newBuyer().getAttribute('href')).toBe('/');
    expect(newBuyer().getAttribute('title')).toBeNull();
    expect(host.querySelector('.convo-new-why')).toBeNull();
  });
});
