// A seat whose drill has ended is all the trainee has of it: its chats, its drill total, an exam's
// released results. A later rejoin that is refused (a server that cannot answer it from the stored
// results) must not make the page forget it, while a seat of a drill not known to have ended still
// goes when its token opens nothing.
import { describe, expect, it } from 'vitest';
import type { DrillRefusal, DrillTransport, SeatInfo, SeatRecord } from '../../client/store/drillSlice.ts';
import { createAppStore } from '../../client/store/index.ts';
import { info, MemoryStorage } from './fakes.ts';

const drillState: SeatInfo['drill'] = { drillId: 'd1', status: 'running', locked: false, mode: 'practice', scenarios: [info().scenario], frozenAt: null, endsAt: null, clock: 0 };
const seatInfo: SeatInfo = { drillId: 'd1', seatId: 'seat1', seatToken: 'tok', displayName: '小明', drill: drillState, session: info('s1', { token: 'tok' }) };
const badToken: DrillRefusal = { code: 'unauthorized', reason: 'bad-seat-token', message: 'this seat token does not open a seat' };

function page(storage: MemoryStorage) {
  const store = createAppStore({ storage, now: () => 1000 });
  const rejoined: SeatRecord[] = [];
  const transport: DrillTransport = {
    join: () => {
      store.getState().netSeat(seatInfo);
      return Promise.resolve({ ok: true, data: seatInfo });
    },
    rejoin: (seat) => rejoined.push(seat),
    leave: () => undefined,
    check: () => Promise.resolve({ ok: true, data: { status: 'open' } }),
  };
  store.getState().attachDrillTransport(transport);
  return { store, rejoined };
}

describe('a seat refused on a reload', () => {
  it('is kept, with its chats, once the drill is known to have ended', async () => {
    const storage = new MemoryStorage();
    const first = page(storage);
    first.store.getState().enterDrill('123456');
    await first.store.getState().joinDrill('123456', '小明');
    first.store.getState().netDrillState({ ...drillState, status: 'ended' });

    const reloaded = page(storage);
    reloaded.store.getState().enterDrill('123456');
    expect(reloaded.rejoined).toHaveLength(1);
    reloaded.store.getState().netSeatFailed(badToken);
    expect(reloaded.store.getState().seats['123456']).toMatchObject({ seatToken: 'tok', sessionIds: ['s1'], ended: true });
    // Its last chat is no longer followed on the seat's socket: it is read, like the earlier ones.
    expect(reloaded.store.getState().isEarlierDrillChat('s1')).toBe(true);

    // And the reload after that still asks for it.
    const again = page(storage);
    again.store.getState().enterDrill('123456');
    expect(again.rejoined).toEqual([expect.objectContaining({ seatToken: 'tok', ended: true })]);
  });

  it('is forgotten when the drill was not known to have ended', async () => {
    const storage = new MemoryStorage();
    const first = page(storage);
    first.store.getState().enterDrill('123456');
    await first.store.getState().joinDrill('123456', '小明');
    expect(first.store.getState().isEarlierDrillChat('s1')).toBe(false);

    const reloaded = page(storage);
    reloaded.store.getState().enterDrill('123456');
    reloaded.store.getState().netSeatFailed(badToken);
    expect(reloaded.store.getState().seats['123456']).toBeUndefined();
  });
});
