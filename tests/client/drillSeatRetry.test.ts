// A trainee waiting in a drill's lobby when the drill changes nodes (the node that ran it died and
// another is taking it over) gets a passing error to `drill:rejoin`. The seat link asks again until
// the drill answers; only "removed"/"unauthorized" give the seat up. A real Socket.IO server on
// port 0 plays the drill namespace and answers the first two rejoins with `internal`.
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
  drill: { drillId: 'd1', status: 'lobby', locked: false, mode: 'exam', scenarios: [info().scenario], frozenAt: null, endsAt: null, clock: 0 },
  session: null,
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function drillServer(answers: (attempt: number) => unknown): Promise<{ url: string; rejoins: number[] }> {
  const http = createServer();
  const server = new Server(http);
  const rejoins: number[] = [];
  server.of('/drill').on('connection', (socket) => {
    socket.on('drill:rejoin', (_payload: unknown, ack: (answer: unknown) => void) => {
      rejoins.push(Date.now());
      ack(answers(rejoins.length));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => void server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, rejoins };
}

function link(url: string) {
  const seated: SeatInfo[] = [];
  const failed: string[] = [];
  const kept: boolean[] = [];
  const sink: DrillSink = { seat: (s) => seated.push(s), seatFailed: (e, k) => { failed.push(e.code); kept.push(k ?? false); }, state: () => undefined, session: () => undefined, reveal: () => undefined, removed: () => undefined };
  const sessionSink = new Proxy({}, { get: () => () => undefined }) as NetSink;
  const socket = io(`${url}/drill`, { transports: ['websocket'], forceNew: true });
  closers.push(async () => void socket.disconnect());
  const seatLink = new DrillSeatLink(socket, sink, sessionSink, new MemoryStorage());
  return { seatLink, socket, seated, failed, kept };
}

const seatRecord = { code: '123456', drillId: 'd1', seatId: 'seat1', seatToken: 'tok', displayName: '小明', sessionIds: [] };

describe('a lobby seat during a drill takeover', () => {
  it('asks again after a passing error until the new owner answers', async () => {
    const server = await drillServer((n) => (n <= 2 ? { ok: false, error: { code: 'unavailable', message: 'the drill is moving to this node; try again in a moment' } } : { ok: true, data: seatInfo }));
    const { seatLink, socket, seated, failed } = link(server.url);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    seatLink.rejoin(seatRecord);
    await expect.poll(() => seated.length, { timeout: 10_000 }).toBe(1);
    expect(server.rejoins).toHaveLength(3);
    // About a second apart: a retry, not a busy loop.
    expect((server.rejoins[2] as number) - (server.rejoins[1] as number)).toBeGreaterThanOrEqual(900);
    expect(failed).toEqual([]);
  }, 15_000);

  it('gives the seat up at once when the token opens nothing', async () => {
    const server = await drillServer(() => ({ ok: false, error: { code: 'removed', message: 'removed by the trainer' } }));
    const { seatLink, socket, seated, failed } = link(server.url);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    seatLink.rejoin(seatRecord);
    await expect.poll(() => failed, { timeout: 5_000 }).toEqual(['removed']);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(server.rejoins).toHaveLength(1);
    expect(seated).toEqual([]);
  }, 15_000);

  it('says so at once, keeping the seat for a reload, when the answer is not a passing one', async () => {
    const server = await drillServer(() => ({ ok: false, error: { code: 'bad-request', message: 'seatToken: required' } }));
    const { seatLink, socket, failed, kept } = link(server.url);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    seatLink.rejoin(seatRecord);
    await expect.poll(() => failed, { timeout: 5_000 }).toEqual(['bad-request']);
    expect(kept).toEqual([true]);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(server.rejoins).toHaveLength(1);
  }, 15_000);

  it('runs one retry loop even when the connection comes back while a retry waits', async () => {
    const server = await drillServer((n) => (n <= 1 ? { ok: false, error: { code: 'internal', message: 'moving' } } : { ok: true, data: seatInfo }));
    const { seatLink, socket, seated } = link(server.url);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    seatLink.rejoin(seatRecord);
    await expect.poll(() => server.rejoins.length, { timeout: 5_000 }).toBe(1);
    // A rejoin started by a reconnect while the retry timer waits replaces it.
    seatLink.rejoin(seatRecord);
    await expect.poll(() => seated.length, { timeout: 5_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(server.rejoins).toHaveLength(2);
    expect(seated).toHaveLength(1);
  }, 15_000);
});
