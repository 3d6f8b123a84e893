// The server disconnects a trainer's drill socket once its login has ended (logged out elsewhere,
// the account disabled, a new password). The page then asks whether it is still logged in: no, and
// it shows the login page (the live drill and the watched chat gone) instead of a dashboard that
// no longer updates; yes (the socket was cut off for another reason), and it connects again. A
// connection that merely dropped is left to socket.io's own reconnecting.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { trainerBackend } from '../../client/net/trainerConnect.ts';
import { createAppStore } from '../../client/store/index.ts';
import type { FakeSocket } from './fakes.ts';
import { drillSnapshot, MemoryStorage } from './fakes.ts';

const sockets = vi.hoisted(() => [] as unknown[]);
vi.mock('socket.io-client', async () => {
  const { FakeSocket: Fake } = await import('./fakes.ts');
  return {
    io: () => {
      const socket = new Fake();
      sockets.push(socket);
      return socket;
    },
  };
});

const TRAINER = { id: 't1', name: '王老师', admin: false };
const snapshot = drillSnapshot();

/** A logged-in page following drill d1, whose GET /api/trainer/me answers `statuses` in turn (the last one from then on). */
async function loggedIn(...statuses: number[]) {
  const meCalls: number[] = [];
  vi.stubGlobal('fetch', (path: string) => {
    if (path !== '/api/trainer/me') return Promise.reject(new TypeError(`unexpected ${path}`));
    const status = statuses.length > 1 ? (statuses.shift() as number) : (statuses[0] as number);
    meCalls.push(status);
    return Promise.resolve(new Response(status === 200 ? JSON.stringify({ trainer: TRAINER }) : JSON.stringify({ error: { code: 'unauthorized' } }), { status }));
  });
  const store = createAppStore({ storage: new MemoryStorage(), now: () => 1000 });
  store.getState().attachTrainerBackend(trainerBackend(store));
  await expect.poll(() => store.getState().trainer).toEqual(TRAINER);
  const socket = sockets.at(-1) as FakeSocket;
  socket.connect();
  store.setState({ live: { drillId: 'd1', code: snapshot.code, joinUrl: snapshot.joinUrl, state: snapshot.state, clockAt: 1000, tiles: {}, order: [], heat: [], moves: [], moveLabels: {} } });
  return { store, socket, meCalls };
}

afterEach(() => {
  vi.unstubAllGlobals();
  sockets.length = 0;
});

describe('a trainer socket the server disconnected', () => {
  it('shows the login page when the login has ended', async () => {
    const { store, socket, meCalls } = await loggedIn(200, 401);
    socket.fire('disconnect', 'io server disconnect');
    await expect.poll(() => store.getState().trainer).toBeNull();
    expect(store.getState().live).toBeNull();
    expect(store.getState().trainerChecked).toBe(true);
    expect(meCalls).toEqual([200, 401]);
    // Not connected again: the page is logged out.
    expect(sockets).toHaveLength(1);
  });

  it('connects again when the login still holds', async () => {
    const { store, socket, meCalls } = await loggedIn(200);
    socket.fire('disconnect', 'io server disconnect');
    await expect.poll(() => sockets.length).toBe(2);
    expect(meCalls).toEqual([200, 200]);
    expect(store.getState().trainer).toEqual(TRAINER);
    expect(store.getState().live?.drillId).toBe('d1');
  });

  it('leaves a dropped connection to socket.io to reconnect', async () => {
    const { store, socket, meCalls } = await loggedIn(200);
    socket.drop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(meCalls).toEqual([200]);
    expect(sockets).toHaveLength(1);
    expect(store.getState().trainer).toEqual(TRAINER);
  });
});
