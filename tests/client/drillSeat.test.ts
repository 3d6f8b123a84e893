// A trainee's drill seat in the store and the routing of its session: the seat token survives a
// reload (a new store over the same storage) and the seat's session goes to the drill connection.
import { describe, expect, it } from 'vitest';
import { RoutingTransport } from '../../client/net/drillConnect.ts';
import type { DrillTransport, SeatInfo, SeatRecord } from '../../client/store/drillSlice.ts';
import { createAppStore } from '../../client/store/index.ts';
import { buyerLine, FakeTransport, info, MemoryStorage } from './fakes.ts';

const drillState: SeatInfo['drill'] = { drillId: 'd1', status: 'lobby', locked: false, mode: 'exam', scenarios: [info().scenario], frozenAt: null, endsAt: null, clock: 0 };
const seatInfo = (session: SeatInfo['session'] = null): SeatInfo => ({ drillId: 'd1', seatId: 'seat1', seatToken: 'tok', displayName: '小明', drill: drillState, session });

function setup(storage = new MemoryStorage()) {
  const store = createAppStore({ storage, now: () => 1000 });
  const rejoined: SeatRecord[] = [];
  const transport: DrillTransport = {
    join: () => {
      store.getState().netSeat(seatInfo());
      return Promise.resolve({ ok: true, data: seatInfo() });
    },
    rejoin: (seat) => rejoined.push(seat),
    leave: () => undefined,
    check: () => Promise.resolve({ ok: true, data: { status: 'open' } }),
  };
  store.getState().attachDrillTransport(transport);
  return { store, rejoined, storage };
}

describe('a drill seat', () => {
  it('is kept per join code and taken again after a reload', async () => {
    const { store, storage } = setup();
    store.getState().enterDrill('123456');
    expect(await store.getState().joinDrill('123456', '小明')).toBeNull();
    expect(store.getState().seatPhase).toBe('seated');
    store.getState().netDrillSession({ drillId: 'd1', seatId: 'seat1', session: info('s9', { token: 'tok' }) });
    expect(store.getState().sessions['s9']?.token).toBe('tok');
    expect(store.getState().isDrillSession('s9')).toBe(true);

    const again = setup(storage);
    again.store.getState().enterDrill('123456');
    expect(again.rejoined).toEqual([expect.objectContaining({ seatToken: 'tok', sessionIds: ['s9'] })]);
    expect(again.store.getState().isDrillSession('s9')).toBe(true);
  });

  it('is kept once the trainer removes it: the link opened again asks for that seat, not for a new name', async () => {
    const { store, storage } = setup();
    store.getState().enterDrill('123456');
    await store.getState().joinDrill('123456', '小明');
    store.getState().netDrillRemoved({ drillId: 'd1', seatId: 'seat1' });
    expect(store.getState().seatPhase).toBe('removed');

    // The same browser opens the join link again: the seat token goes back, and the refusal shows
    // the removed page again (the page offers no name form while a seat is remembered).
    const again = setup(storage);
    again.store.getState().enterDrill('123456');
    expect(again.rejoined).toEqual([expect.objectContaining({ seatToken: 'tok' })]);
    again.store.getState().netSeatFailed({ code: 'forbidden', reason: 'removed', message: 'removed' } as Parameters<ReturnType<typeof again.store.getState>['netSeatFailed']>[0]);
    expect(again.store.getState().seatPhase).toBe('removed');
    expect(again.store.getState().seats['123456']?.seatToken).toBe('tok');
  });

  it("counts no unread lines on its own /join page, where its chat is the open one", async () => {
    const { store } = setup();
    store.getState().navigate('/join/123456');
    store.getState().enterDrill('123456');
    await store.getState().joinDrill('123456', '小明');
    store.getState().netDrillSession({ drillId: 'd1', seatId: 'seat1', session: info('s9', { token: 'tok' }) });
    store.getState().netEvent({ name: 'buyer:say', payload: { sessionId: 's9', seq: 1, message: buyerLine('m1', '在吗') } });
    expect(store.getState().activeId).toBe('s9');
    expect(store.getState().sessions['s9']?.unread).toBe(0);
    // Elsewhere (the home page) the same chat collects unread lines as any other does.
    store.getState().navigate('/');
    store.getState().netEvent({ name: 'buyer:say', payload: { sessionId: 's9', seq: 2, message: buyerLine('m2', '人呢') } });
    expect(store.getState().sessions['s9']?.unread).toBe(1);
  });

  it('routes a drill session to the drill connection and every other chat to the practice one', () => {
    const practice = new FakeTransport();
    const drill = new FakeTransport();
    const routed = new RoutingTransport(practice, () => drill, (id) => id === 'drill-s');
    routed.track('drill-s', 't');
    routed.track('practice-s', 't');
    routed.send('reply:send', { sessionId: 'drill-s', text: '亲' });
    expect(drill.tracked).toEqual(['drill-s']);
    expect(practice.tracked).toEqual(['practice-s']);
    expect(drill.sent).toHaveLength(1);
  });
});
