// @vitest-environment jsdom
// A page reloaded mid-drill replays the seat's chat. Its lines must show the wall-clock time they
// appeared, as the live ones did: the seat's drill state names every pause (drill time it began,
// how long it lasted), so a line said after a 15-second pause is not shown 15 seconds early, and
// one said before it is not shown 15 seconds late.
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { DrillSeat } from '../../client/features/drill/DrillSeat.tsx';
import { drillLineWallTime } from '../../client/store/drillTime.ts';
import { appStore } from '../../client/store/index.ts';
import type { SeatInfo } from '../../server/protocol/index.ts';
import { buyerLine, drillStateOf, info } from './fakes.ts';
import { desktopChatRoot } from './desktopChatRoot.ts';

const { host, render } = desktopChatRoot();

const PAUSED_MS = 15_000;
const shownAt = (id: string) => Date.parse((host.querySelector(`[data-message-id="${id}"] time`) as HTMLTimeElement).dateTime);

describe('a drill chat replayed after a reload', () => {
  it('shows every line at the wall-clock time it appeared, before and after a pause', () => {
    const now = Date.now();
    // Wall clock (this page's): the buyer spoke 60 s ago, the trainer paused 50 s ago for 15 s,
    // and the buyer spoke again 20 s ago. Drill time is the wall clock less the pause.
    const beforeWall = now - 60_000;
    const pausedAtDrill = now - 50_000;
    const afterWall = now - 20_000;
    const drill = drillStateOf({ status: 'running', clock: now - PAUSED_MS, pauses: [{ at: pausedAtDrill, ms: PAUSED_MS }] });
    const seat: SeatInfo = { drillId: 'd1', seatId: 'seat1', seatToken: 'tok', displayName: '小明', drill, session: info('s9', { token: 'tok', lastSeq: 2 }) };

    act(() => {
      appStore.setState({
        connection: 'online',
        route: { name: 'join', code: '123456' },
        seats: { '123456': { code: '123456', drillId: 'd1', seatId: 'seat1', seatToken: 'tok', displayName: '小明', sessionIds: ['s9'] } },
      });
      appStore.getState().enterDrill('123456');
      appStore.getState().netSeat(seat);
      appStore.getState().netResumed(info('s9', { token: 'tok', lastSeq: 2 }));
    });
    render(<DrillSeat code="123456" />);
    act(() => {
      appStore.getState().netEvent({ name: 'buyer:say', payload: { sessionId: 's9', seq: 1, message: buyerLine('m1', '在吗', beforeWall) } });
      appStore.getState().netEvent({ name: 'buyer:say', payload: { sessionId: 's9', seq: 2, message: buyerLine('m2', '还能便宜吗', afterWall - PAUSED_MS) } });
    });
    expect(Math.abs(shownAt('m1') - beforeWall)).toBeLessThan(2000);
    expect(Math.abs(shownAt('m2') - afterWall)).toBeLessThan(2000);
  });
});

describe('drillLineWallTime', () => {
  it('takes off only the pauses that began at or after the line', () => {
    const pauses = [
      { at: 1_000, ms: 5_000 },
      { at: 3_000, ms: 7_000 },
    ];
    // offset: drill clock minus local clock now (-12 s: both pauses, no clock skew)
    expect(drillLineWallTime(500, -12_000, pauses)).toBe(500);
    expect(drillLineWallTime(2_000, -12_000, pauses)).toBe(7_000);
    expect(drillLineWallTime(4_000, -12_000, pauses)).toBe(16_000);
    expect(drillLineWallTime(4_000, -12_000, [])).toBe(16_000);
  });
});
