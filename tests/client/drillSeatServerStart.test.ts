// A drill seat's chat remembered across a reload has no server start until the drill connection
// names it again (drill:session carries the SessionInfo): then its order dates count from the
// server's start of the chat, as a practice chat's do once its resume answer comes.
import { describe, expect, it } from 'vitest';
import type { DrillTransport, SeatInfo } from '../../client/store/drillSlice.ts';
import { createAppStore } from '../../client/store/index.ts';
import { info, MemoryStorage } from './fakes.ts';

const drillState: SeatInfo['drill'] = { drillId: 'd1', status: 'lobby', locked: false, mode: 'exam', scenarios: [info().scenario], frozenAt: null, endsAt: null, clock: 0 };
const seatInfo = (): SeatInfo => ({ drillId: 'd1', seatId: 'seat1', seatToken: 'tok', displayName: '小明', drill: drillState, session: null });
const serverStart = Date.UTC(2026, 10, 25, 2, 0);

function seated(storage: MemoryStorage) {
  const store = createAppStore({ storage, now: () => 1000 });
  const transport: DrillTransport = {
    join: () => {
      store.getState().netSeat(seatInfo());
      return Promise.resolve({ ok: true, data: seatInfo() });
    },
    rejoin: () => undefined,
    leave: () => undefined,
    check: () => Promise.resolve({ ok: true, data: { status: 'open' } }),
  };
  store.getState().attachDrillTransport(transport);
  return store;
}

describe('a drill seat chat after a reload', () => {
  it('takes the server start from the drill connection naming it again', async () => {
    const storage = new MemoryStorage();
    const store = seated(storage);
    store.getState().enterDrill('123456');
    await store.getState().joinDrill('123456', '小明');
    store.getState().netDrillSession({ drillId: 'd1', seatId: 'seat1', session: info('s9', { token: 'tok', startedAt: serverStart }) });
    expect(store.getState().sessions['s9']?.serverStartedAt).toBe(serverStart);

    const again = seated(storage);
    again.getState().restoreSessions();
    again.getState().enterDrill('123456');
    expect(again.getState().sessions['s9']).toBeDefined();
    expect(again.getState().sessions['s9']?.serverStartedAt).toBeUndefined();
    again.getState().netSeat(seatInfo());
    again.getState().netDrillSession({ drillId: 'd1', seatId: 'seat1', session: info('s9', { token: 'tok', startedAt: serverStart }) });
    expect(again.getState().sessions['s9']?.serverStartedAt).toBe(serverStart);
  });
});
