// @vitest-environment jsdom
// The buyer tab shows a library order's relative dates ('-7d') as the calendar days they name for
// the session's own day, so the panel agrees with a buyer who says "a week ago" whenever he says it.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { BuyerTab } from '../../client/features/side/BuyerTab.tsx';
import type { AppState } from '../../client/store/index.ts';
import { appStore } from '../../client/store/index.ts';
import type { ScenarioContext } from '../../client/store/types.ts';
import { attachDesktopBackend, info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
afterEach(() => appStore.setState(initial, true));
const { host, render } = reactRoot();

describe('the buyer tab order dates', () => {
  it('resolves relative dates against the session start and leaves calendar days alone', () => {
    attachDesktopBackend();
    act(() => appStore.getState().netStarted(info('s1')));
    act(() => appStore.getState().selectSession('s1'));
    const startedAt = Date.UTC(2026, 10, 25, 2, 0); // 10:00 on 25 Nov in Beijing
    act(() => appStore.setState((s) => ({ sessions: { ...s.sessions, s1: { ...s.sessions['s1']!, startedAt, serverStartedAt: startedAt } } })));
    const order = { id: '1', items: [{ product: 'x', qty: 1, price: 1 }], status: 'delivered', placedAt: '-9d', shippedAt: '2026-11-16', deliveredAt: '-7d' };
    const context = { scenario: { ...info().scenario, buyer: { nickname: '老周', avatar: 'a', types: [] }, order }, shop: { products: [] } } as unknown as ScenarioContext;
    render(<BuyerTab context={context} />);
    const days = [...host.querySelectorAll('dl.kv dd')].map((d) => d.textContent);
    expect(days).toEqual(expect.arrayContaining(['2026-11-16', '2026-11-18']));
    expect(host.textContent).not.toContain('-9d');
    expect(host.textContent).not.toContain('-7d');
  });
});
