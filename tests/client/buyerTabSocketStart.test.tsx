// @vitest-environment jsdom
// A live chat's order dates count from the server's start of the session as the socket's start or
// resume answer carries it (SessionInfo.startedAt), not from this browser's clock: a trainee whose
// computer clock is off, or who reopens the chat on a later day, sees the dates the buyer speaks to.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { BuyerTab } from '../../client/features/side/BuyerTab.tsx';
import type { AppState } from '../../client/store/index.ts';
import { appStore } from '../../client/store/index.ts';
import { attachDesktopBackend, info } from './fakes.ts';
import { relativeOrderContext, shownDays } from './orderDatesFixture.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
afterEach(() => appStore.setState(initial, true));
const { host, render } = reactRoot();

const context = relativeOrderContext();
const days = () => shownDays(host);

// this browser's clock says 2 Dec; the server started the chat on 25 Nov (10:00 in Beijing)
const browserAt = Date.UTC(2026, 11, 2, 2, 0);
const serverStart = Date.UTC(2026, 10, 25, 2, 0);
const browserClock = (id: string) => appStore.setState((s) => ({ sessions: { ...s.sessions, [id]: { ...s.sessions[id]!, startedAt: browserAt } } }));

describe('the buyer tab order dates of a live chat', () => {
  it('count from the server start the start answer carries, with no HTTP view of the session', () => {
    attachDesktopBackend();
    act(() => appStore.getState().netStarted(info('s1', { startedAt: serverStart })));
    act(() => browserClock('s1'));
    act(() => appStore.getState().selectSession('s1'));
    render(<BuyerTab context={context} />);
    expect(appStore.getState().reports['s1']).toBeUndefined();
    expect(days()).toEqual(expect.arrayContaining(['2026-11-16', '2026-11-18']));
    expect(days()).not.toContain('2026-11-25');
  });

  it('move to the server start once a resume answer brings it to a chat remembered without it', () => {
    attachDesktopBackend();
    act(() => appStore.getState().netStarted(info('s1')));
    // as fromSaved makes it: a chat this browser remembers, its server start not known yet
    act(() =>
      appStore.setState((s) => {
        const { serverStartedAt: _unknown, ...remembered } = s.sessions['s1']!;
        return { sessions: { ...s.sessions, s1: { ...remembered, startedAt: browserAt, status: 'resuming' } } };
      }),
    );
    act(() => appStore.getState().selectSession('s1'));
    render(<BuyerTab context={context} />);
    expect(days()).toEqual(expect.arrayContaining(['2026-11-23', '2026-11-25']));

    act(() => appStore.getState().netResumed(info('s1', { startedAt: serverStart })));
    expect(days()).toEqual(expect.arrayContaining(['2026-11-16', '2026-11-18']));
    expect(days()).not.toContain('2026-11-25');
  });
});
