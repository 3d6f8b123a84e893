// @vitest-environment jsdom
// On the drill page a trainee picking one of the seat's chats in the list stays on the drill page:
// the chat opens in place, the seat bar and notices stay, nothing navigates to /chat/<id>.
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

const item = (href: string) => [...host.querySelectorAll<HTMLAnchorElement>('a.convo-item')].find((a) => a.getAttribute('href') === href);

describe('switching chats in a drill seat', () => {
  it('opens the earlier chat on the drill page, seat bar and pause notice kept', () => {
    seatInDrill(drillStateOf({ status: 'paused' }));
    act(() => {
      appStore.getState().netStarted(info('s8'));
      const seat = appStore.getState().seats['123456'];
      if (!seat) throw new Error('no seat');
      appStore.setState({ seats: { '123456': { ...seat, sessionIds: ['s8', 's9'] } }, route: { name: 'join', code: '123456' } });
    });
    const went: string[] = [];
    appStore.setState({ navigate: (to: string) => void went.push(to) });
    render(<DrillSeat code="123456" />);
    expect(appStore.getState().activeId).toBe('s9');
    // Both of the seat's chats lead to the drill page itself.
    expect(item('/chat/s8')).toBeUndefined();
    const earlier = host.querySelectorAll<HTMLAnchorElement>('a.convo-item[href="/join/123456"]');
    expect(earlier).toHaveLength(2);
    const s8 = [...earlier].find((a) => !a.classList.contains('active'));
    act(() => s8?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 })));

    expect(went).toEqual([]);
    expect(appStore.getState().activeId).toBe('s8');
    expect(host.querySelector('a.convo-item.active')).toBe(s8);
    expect(host.querySelector('.drill-banner')).not.toBeNull();
    expect(host.querySelector('[data-testid="drill-pause-notice"]')).not.toBeNull();
  });
});
