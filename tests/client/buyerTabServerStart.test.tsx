// @vitest-environment jsdom
// A chat's order dates count from the server's start of the session when the client has it (the
// session's HTTP view), not from when this browser first saw the chat: a chat opened again on a
// later day, or on another device, shows the dates its buyer spoke to.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { BuyerTab } from '../../client/features/side/BuyerTab.tsx';
import type { AppState } from '../../client/store/index.ts';
import { appStore } from '../../client/store/index.ts';
import type { SessionView } from '../../client/store/types.ts';
import { attachDesktopBackend, info } from './fakes.ts';
import { relativeOrderContext, shownDays } from './orderDatesFixture.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
afterEach(() => appStore.setState(initial, true));
const { host, render } = reactRoot();

const context = relativeOrderContext();
const days = () => shownDays(host);

describe('the buyer tab order dates of a chat seen again', () => {
  it('count from the server start in the session view rather than this browser\'s first sight of it', () => {
    attachDesktopBackend();
    act(() => appStore.getState().netStarted(info('s1')));
    act(() => appStore.getState().selectSession('s1'));
    // this browser first saw the chat on 2 Dec; the server started it on 25 Nov (10:00 in Beijing)
    const seenAt = Date.UTC(2026, 11, 2, 2, 0);
    const serverStart = Date.UTC(2026, 10, 25, 2, 0);
    // a chat remembered from before, the server not yet answered for it: no server start from the socket either
    act(() =>
      appStore.setState((s) => {
        const { serverStartedAt: _unanswered, ...remembered } = s.sessions['s1']!;
        return { sessions: { ...s.sessions, s1: { ...remembered, startedAt: seenAt } } };
      }),
    );
    render(<BuyerTab context={context} />);
    expect(days()).toEqual(expect.arrayContaining(['2026-11-23', '2026-11-25']));

    const view = { session: { ...info('s1'), id: 's1', startedAt: serverStart }, transcript: [], report: null } as unknown as SessionView;
    act(() => appStore.setState((s) => ({ reports: { ...s.reports, s1: { state: 'ready', data: view } } })));
    expect(days()).toEqual(expect.arrayContaining(['2026-11-16', '2026-11-18']));
    expect(days()).not.toContain('2026-11-25');
  });
});
