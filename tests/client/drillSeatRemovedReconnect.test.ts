// A removed trainee's connection drops and comes back (Wi-Fi, a sleeping laptop) while they wait to
// be let back in. 放回 (drill:admitted) goes only to sockets the server put in the seat's removed
// room, so the seat link must keep the removed seat and ask for it again on the new connection. A
// real Socket.IO server on port 0 plays the drill namespace.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { DrillSink } from '../../client/net/DrillSeatLink.ts';
import { DrillSeatLink } from '../../client/net/DrillSeatLink.ts';
import type { NetSink } from '../../client/net/SessionSocket.ts';
import type { SeatInfo } from '../../server/protocol/index.ts';
import { info, MemoryStorage } from './fakes.ts';

const seatInfo: SeatInfo = {
  drillId: 'd1',
  seatId: 'seat1',
  seatToken: 'tok',
  displayName: '小明',
  drill: { drillId: 'd1', status: 'running', locked: false, mode: 'practice', scenarios: [info().scenario], frozenAt: null, endsAt: null, clock: 0 },
  session: null,
};
const seatRecord = { code: '123456', drillId: 'd1', seatId: 'seat1', seatToken: 'tok', displayName: '小明', sessionIds: [] };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** Seats the first rejoin; once `removed` is set, refuses as removed and keeps the socket in the removed room. */
async function drillServer() {
  const http = createServer();
  const server = new Server(http);
  const state = { removed: false, rejoins: 0 };
  server.of('/drill').on('connection', (socket) => {
    socket.on('drill:rejoin', (payload: { seatToken: string }, ack: (answer: unknown) => void) => {
      if (payload.seatToken !== 'tok') return ack({ ok: false, error: { code: 'unauthorized', message: 'no such seat' } });
      state.rejoins++;
      if (!state.removed) return ack({ ok: true, data: seatInfo });
      void socket.join('removed:seat1');
      ack({ ok: false, error: { code: 'removed', reason: 'removed', message: 'removed by the trainer' } });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => void server.close(() => resolve())));
  const nsp = server.of('/drill');
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    state,
    remove: () => {
      state.removed = true;
      nsp.emit('drill:removed', { drillId: 'd1', seatId: 'seat1' });
    },
    admit: () => nsp.to('removed:seat1').emit('drill:admitted', { drillId: 'd1', seatId: 'seat1' }),
  };
}

describe('a removed seat whose connection comes back', () => {
  it('asks for the seat again, so the trainer letting it back in still reaches the page', async () => {
    const server = await drillServer();
    const seated: SeatInfo[] = [];
    const removed: unknown[] = [];
    const admitted: unknown[] = [];
    const failed: string[] = [];
    const sink: DrillSink = { seat: (s) => seated.push(s), seatFailed: (e) => failed.push(e.code), state: () => undefined, session: () => undefined, reveal: () => undefined, removed: (p) => removed.push(p), admitted: (p) => admitted.push(p) };
    const socket = io(`${server.url}/drill`, { transports: ['websocket'], forceNew: true, reconnectionDelay: 50, reconnectionDelayMax: 100 });
    closers.push(async () => void socket.disconnect());
    const seatLink = new DrillSeatLink(socket, sink, new Proxy({}, { get: () => () => undefined }) as NetSink, new MemoryStorage());
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    seatLink.rejoin(seatRecord);
    await expect.poll(() => seated.length).toBe(1);

    server.remove();
    await expect.poll(() => removed.length).toBe(1);
    // The connection drops and comes back on a new socket, outside every room the old one was in.
    const reconnected = new Promise<void>((resolve) => socket.io.once('reconnect', () => resolve()));
    socket.io.engine.close();
    await reconnected;
    await expect.poll(() => server.state.rejoins).toBe(2);
    expect(failed).toEqual(['removed']);
    // Once more, now that the seat was last answered "removed" (as after a reload while out).
    const again = new Promise<void>((resolve) => socket.io.once('reconnect', () => resolve()));
    socket.io.engine.close();
    await again;
    await expect.poll(() => server.state.rejoins).toBe(3);

    server.admit();
    await expect.poll(() => admitted).toEqual([{ drillId: 'd1', seatId: 'seat1' }]);
  });
});
