// @vitest-environment jsdom
// The end of a drill on the trainee's page: a time-limit end says the time is up; the seat's own drill
// score (the server's, as the trainer's results page has it) and each buyer's score are shown, from
// the live drill:total or from the rejoin's answer after a reload. No rank.
import type { Socket } from 'socket.io-client';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DrillSeatLink } from '../../client/net/DrillSeatLink.ts';
import type { DrillSink } from '../../client/net/DrillSeatLink.ts';
import type { NetSink } from '../../client/net/SessionSocket.ts';
import { DrillSeat } from '../../client/features/drill/DrillSeat.tsx';
import type { AppState } from '../../client/store/index.ts';
import { appStore } from '../../client/store/index.ts';
import type { SeatTotal } from '../../server/protocol/index.ts';
import { attachDesktopBackend, drillStateOf, FakeSocket, info, MemoryStorage, seatInDrill } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
beforeEach(() => {
  attachDesktopBackend();
});
afterEach(() => appStore.setState(initial, true));
const { host, render } = reactRoot();

const scenarios = [info().scenario, { ...info().scenario, id: 'size-hesitant', title: { 'zh-CN': '尺码纠结', en: 'Size doubts' } }];
const total: SeatTotal = {
  score: 41,
  buyers: [
    { position: 0, scenarioId: 'bargainer', status: 'done', score: 82, sessionId: 's9' },
    { position: 1, scenarioId: 'size-hesitant', status: 'notStarted', score: 0, sessionId: null },
  ],
};

const banner = () => host.querySelector('[data-testid="drill-banner"]')?.textContent ?? '';
const shown = () => host.querySelector('[data-testid="drill-total"]');

describe('a drill that has ended, on the seat', () => {
  it('says the time ran out, and shows the drill score and each buyer', () => {
    seatInDrill(drillStateOf({ scenarios }));
    render(<DrillSeat code="123456" />);
    expect(shown()).toBeNull();
    act(() => appStore.getState().netDrillState(drillStateOf({ scenarios, status: 'ended', endedBy: 'time' })));
    expect(banner()).toContain('时间到，演练已结束');
    act(() => appStore.getState().netDrillTotal({ drillId: 'd1', seatId: 'seat1', total }));
    const text = shown()?.textContent ?? '';
    expect(text).toContain('你的演练成绩');
    expect(text).toContain('总分 41');
    expect(text).toContain('第 1 位 · 议价82 分');
    expect(text).toContain('第 2 位 · 尺码纠结0 分 · 没轮到');
    expect(text).not.toMatch(/名次|排名|rank/i);
  });

  it('says the trainer ended it plainly, and takes the score from the rejoin after a reload', () => {
    seatInDrill(drillStateOf({ scenarios, status: 'ended', endedBy: 'trainer' }));
    render(<DrillSeat code="123456" />);
    expect(banner()).not.toContain('时间到');
    expect(banner()).toContain('演练已结束');
    act(() => appStore.getState().netSeat({ drillId: 'd1', seatId: 'seat1', seatToken: 'tok', displayName: '小明', drill: drillStateOf({ scenarios, status: 'ended', endedBy: 'trainer' }), session: info('s9'), total }));
    expect(shown()?.textContent).toContain('总分 41');
  });

  it('ignores another seat’s total, and hears drill:total on the drill socket', () => {
    seatInDrill(drillStateOf({ scenarios, status: 'ended' }));
    appStore.getState().netDrillTotal({ drillId: 'd1', seatId: 'seat2', total });
    expect(appStore.getState().drillTotal).toBeNull();

    const socket = new FakeSocket();
    const got: unknown[] = [];
    const sink = new Proxy({}, { get: (_t, name) => (name === 'total' ? (p: unknown) => got.push(p) : () => undefined) }) as DrillSink;
    new DrillSeatLink(socket as unknown as Socket, sink, new Proxy({}, { get: () => () => undefined }) as NetSink, new MemoryStorage());
    socket.fire('drill:total', { drillId: 'd1', seatId: 'seat1', total });
    expect(got).toEqual([{ drillId: 'd1', seatId: 'seat1', total }]);
  });
});
