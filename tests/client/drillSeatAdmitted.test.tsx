// @vitest-environment jsdom
// 放回 reaches the trainee's page: a removed seat told it is back (drill:admitted) takes its seat
// again and the page returns to the drill; a page reloaded (or the link opened again) while removed
// asks for the seat again too, and is seated once the trainer has let it back.
import type { Socket } from 'socket.io-client';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DrillSeatLink } from '../../client/net/DrillSeatLink.ts';
import type { DrillSink } from '../../client/net/DrillSeatLink.ts';
import type { NetSink } from '../../client/net/SessionSocket.ts';
import { DrillSeat } from '../../client/features/drill/DrillSeat.tsx';
import type { DrillTransport, SeatRecord } from '../../client/store/drillSlice.ts';
import type { AppState } from '../../client/store/index.ts';
import { appStore } from '../../client/store/index.ts';
import { drillStateOf, FakeSocket, MemoryStorage } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
afterEach(() => appStore.setState(initial, true));
const { host, render } = reactRoot();

const seat: SeatRecord = { code: '123456', drillId: 'd1', seatId: 'seat1', seatToken: 'tok', displayName: '小明', sessionIds: [] };

function removedSeat(): SeatRecord[] {
  const rejoined: SeatRecord[] = [];
  const transport: DrillTransport = { join: () => new Promise(() => undefined), rejoin: (s) => void rejoined.push(s), leave: () => undefined, check: () => new Promise(() => undefined) };
  appStore.setState({ drillCode: '123456', seats: { '123456': seat }, seatPhase: 'removed', drillTransport: transport, drillState: drillStateOf() });
  return rejoined;
}

describe('a removed trainee let back in', () => {
  it('returns to the drill when told, without opening the link again', () => {
    const rejoined = removedSeat();
    render(<DrillSeat code="123456" />);
    // Removed while on the page (the mount's own rejoin was refused so).
    act(() => appStore.setState({ seatPhase: 'removed' }));
    rejoined.length = 0;
    expect(host.textContent).toContain('你已被移出本场演练');
    act(() => appStore.getState().netDrillAdmitted({ drillId: 'd1', seatId: 'someone-else' }));
    expect(rejoined).toEqual([]);

    act(() => appStore.getState().netDrillAdmitted({ drillId: 'd1', seatId: 'seat1' }));
    expect(rejoined).toEqual([seat]);
    act(() => appStore.getState().netSeat({ drillId: 'd1', seatId: 'seat1', seatToken: 'tok', displayName: '小明', drill: drillStateOf(), session: null }));
    expect(appStore.getState().seatPhase).toBe('seated');
    expect(host.textContent).not.toContain('你已被移出本场演练');
  });

  it('asks for the seat again when the link is opened again on the same page', () => {
    const rejoined = removedSeat();
    appStore.getState().enterDrill('123456');
    expect(rejoined).toEqual([seat]);
  });

  it('hears drill:admitted on the drill socket', () => {
    const socket = new FakeSocket();
    const got: unknown[] = [];
    const sink = new Proxy({}, { get: (_t, name) => (name === 'admitted' ? (p: unknown) => got.push(p) : () => undefined) }) as DrillSink;
    new DrillSeatLink(socket as unknown as Socket, sink, new Proxy({}, { get: () => () => undefined }) as NetSink, new MemoryStorage());
    socket.fire('drill:admitted', { drillId: 'd1', seatId: 'seat1' });
    expect(got).toEqual([{ drillId: 'd1', seatId: 'seat1' }]);
  });
});
