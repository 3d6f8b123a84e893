// @vitest-environment jsdom
// An exam drill holds each chat's result back while it runs. When it ends, the server sends the seat
// how every chat went (drill:results): the list of the trainee's chats shows each buyer's score at
// once, the earlier buyers' too, without opening each report, and keeps it after a reload.
import { act } from 'react';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DrillSeatLink } from '../../client/net/DrillSeatLink.ts';
import type { DrillSink } from '../../client/net/DrillSeatLink.ts';
import type { NetSink } from '../../client/net/SessionSocket.ts';
import { DrillSeat } from '../../client/features/drill/DrillSeat.tsx';
import type { AppState, AppStore } from '../../client/store/index.ts';
import { appStore, createAppStore } from '../../client/store/index.ts';
import type { DrillServerEventBodies, ReleasedChat } from '../../server/protocol/index.ts';
import { attachDesktopBackend, drillStateOf, FakeSocket, info, MemoryStorage } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
beforeEach(() => {
  attachDesktopBackend();
});
afterEach(() => appStore.setState(initial, true));
const { host, render } = reactRoot();

function released(sessionId: string, score: number, passed: boolean): ReleasedChat {
  const report = { score, passed, passMark: 70, redLines: [], rules: [], categories: [], kpis: { firstResponseMs: null, avgResponseMs: null, longestResponseMs: null, replies: 2, outcome: null } };
  return { sessionId, report, outcome: null };
}

/** A seat of an exam drill that played two buyers, s8 then s9; both chats ended, results held. */
function examSeatWithTwoChats(store: AppStore = appStore): void {
  const state = store.getState();
  state.netStarted(info('s8', { mode: 'exam' }));
  state.netStarted(info('s9', { mode: 'exam' }));
  store.setState({
    connection: 'online',
    drillCode: '123456',
    seatPhase: 'seated',
    seats: { '123456': { code: '123456', drillId: 'd1', seatId: 'seat1', seatToken: 'tok', displayName: '小明', sessionIds: ['s8', 's9'] } },
    drillState: drillStateOf({ mode: 'exam' }),
  });
  for (const sessionId of ['s8', 's9']) state.netDrillChatEnded({ drillId: 'd1', seatId: 'seat1', sessionId });
}

const badges = () => [...host.querySelectorAll('.convo-item .badge')].map((b) => b.textContent);

describe('an exam drill ending', () => {
  it('shows every chat of the seat with its score in the list, opened or not', () => {
    examSeatWithTwoChats();
    render(<DrillSeat code="123456" />);
    expect(badges()).toEqual(['已结束', '已结束']);

    act(() => appStore.getState().netDrillState(drillStateOf({ mode: 'exam', status: 'ended' })));
    act(() => appStore.getState().netDrillResults({ drillId: 'd1', seatId: 'seat1', chats: [released('s8', 62, false), released('s9', 88, true)] }));
    // newest first: s9, then s8
    expect(badges()).toEqual(['88 分', '62 分']);
    expect(host.querySelector('.convo-item .badge-red')?.textContent).toBe('62 分');
    expect(appStore.getState().sessions['s8']?.report?.score).toBe(62);
  });

  it('keeps the scores for the list after a reload, and ignores results for another seat', () => {
    const storage = new MemoryStorage();
    const store = createAppStore({ storage, now: () => 1000 });
    examSeatWithTwoChats(store);
    store.getState().netDrillResults({ drillId: 'd1', seatId: 'someone-else', chats: [released('s8', 10, false)] });
    expect(store.getState().sessions['s8']?.score).toBeUndefined();
    store.getState().netDrillResults({ drillId: 'd1', seatId: 'seat1', chats: [released('s8', 62, false), released('s9', 88, true)] });

    const reloaded = createAppStore({ storage, now: () => 2000 });
    reloaded.getState().restoreSessions();
    expect(reloaded.getState().sessions['s8']).toMatchObject({ score: 62, passed: false, ended: true });
    expect(reloaded.getState().sessions['s9']).toMatchObject({ score: 88, passed: true, ended: true });
  });

  it('reaches the store from the drill socket', () => {
    const socket = new FakeSocket();
    const got: DrillServerEventBodies['drill:results'][] = [];
    const sink = new Proxy({}, { get: (_t, name) => (name === 'results' ? (p: DrillServerEventBodies['drill:results']) => got.push(p) : () => undefined) }) as DrillSink;
    const sessionSink = new Proxy({}, { get: () => () => undefined }) as NetSink;
    new DrillSeatLink(socket as unknown as Socket, sink, sessionSink, new MemoryStorage());
    const body = { drillId: 'd1', seatId: 'seat1', chats: [released('s8', 62, false)] };
    socket.fire('drill:results', body);
    expect(got).toEqual([body]);
  });
});
