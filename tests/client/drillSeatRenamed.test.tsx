// @vitest-environment jsdom
// A name already taken in the drill gets a number from the server ("小明" becomes "小明 (2)"): the
// trainee is told once, and their page shows the seat's real name (the top bar too), not the one typed.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DrillSeat } from '../../client/features/drill/DrillSeat.tsx';
import { TopBar } from '../../client/features/shell/TopBar.tsx';
import type { DrillTransport, SeatInfo } from '../../client/store/drillSlice.ts';
import type { AppState } from '../../client/store/index.ts';
import { appStore } from '../../client/store/index.ts';
import { drillStateOf } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
afterEach(() => appStore.setState(initial, true));
const { host, render } = reactRoot();

function joiningAs(given: string): DrillTransport {
  const seat: SeatInfo = { drillId: 'd1', seatId: 'seat2', seatToken: 'tok', displayName: given, drill: drillStateOf({ status: 'lobby' }), session: null };
  return {
    join: () => {
      appStore.getState().netSeat(seat);
      return Promise.resolve({ ok: true, data: seat });
    },
    rejoin: () => undefined,
    leave: () => undefined,
    check: () => Promise.resolve({ ok: true, data: { status: 'open' } }),
  };
}

async function join(typed: string, given: string): Promise<void> {
  appStore.setState({ drillTransport: joiningAs(given), displayName: typed, route: { name: 'join', code: '123456' } });
  render(
    <>
      <TopBar />
      <DrillSeat code="123456" />
    </>,
  );
  await act(async () => {
    await appStore.getState().joinDrill('123456', typed);
  });
}

describe('a duplicate nickname', () => {
  it('is told, and the seat name is shown on the page and in the top bar', async () => {
    await join('小明', '小明 (2)');
    expect(host.querySelector('[data-testid="seat-renamed"]')?.textContent).toContain('同名已有人，你的座位名是 小明 (2)');
    expect(host.querySelector('[data-testid="connection"]')?.textContent).toContain('小明 (2) · ');
    expect(host.textContent).toContain('小明 (2)，老师开始后');

    const ok = [...host.querySelectorAll('button')].find((b) => b.textContent === '知道了');
    act(() => ok?.click());
    expect(host.querySelector('[data-testid="seat-renamed"]')).toBeNull();
    expect(host.querySelector('[data-testid="connection"]')?.textContent).toContain('小明 (2) · ');
  });

  it('says nothing when the name was free', async () => {
    await join('小红', '小红');
    expect(host.querySelector('[data-testid="seat-renamed"]')).toBeNull();
    expect(host.querySelector('[data-testid="connection"]')?.textContent).toContain('小红 · ');
  });
});
