// The trainer's backend: the trainer HTTP routes (login cookie, history, results) and a drill socket
// of its own, opened after the login so its handshake carries the cookie (a socket sharing the
// trainee's connection would not). Imported only by the lazily loaded trainer area.
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import { serverEventNames } from '../../server/protocol/events.ts';
import type { DRILL_NAMESPACE, DrillAck, DrillServerEventBodies } from '../../server/protocol/index.ts';
import type { AppStore } from '../store/index.ts';
import type { DrillListItem, DrillResults, TrainerAccount, TrainerBackend } from '../store/trainerSlice.ts';
import type { DeliveredEvent, NetAck } from '../store/types.ts';

const NAMESPACE: typeof DRILL_NAMESPACE = '/drill';
const ACK_TIMEOUT_MS = 10_000;

/** An Error with the server's error code (reason, and the wait it names) beside its message: the page words the code. */
function failed(message: string, code: string, reason?: string, retryAfterSeconds?: number): Error {
  return Object.assign(new Error(message), { code, ...(reason ? { reason } : {}), ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) });
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}) } });
  } catch (err) {
    throw failed(err instanceof Error ? err.message : String(err), 'offline');
  }
  if (!res.ok) {
    let error: { code?: unknown; reason?: unknown; message?: unknown; retryAfterSeconds?: unknown } | undefined;
    try {
      error = ((await res.json()) as { error?: typeof error }).error;
    } catch {
      // Not JSON: the status text will do.
    }
    const message = typeof error?.message === 'string' ? error.message : res.statusText;
    const wait = typeof error?.retryAfterSeconds === 'number' ? error.retryAfterSeconds : undefined;
    throw failed(message, typeof error?.code === 'string' ? error.code : `http-${res.status}`, typeof error?.reason === 'string' ? error.reason : undefined, wait);
  }
  return (await res.json()) as T;
}

export function trainerBackend(store: AppStore): TrainerBackend {
  const act = () => store.getState();
  let socket: Socket | null = null;
  return {
    async login(name, password) {
      return (await call<{ trainer: TrainerAccount }>('/api/trainer/login', { method: 'POST', body: JSON.stringify({ name, password }) })).trainer;
    },
    async logout() {
      socket?.disconnect();
      socket = null;
      await call('/api/trainer/logout', { method: 'POST' });
    },
    async me() {
      const res = await fetch('/api/trainer/me', { headers: { accept: 'application/json' } });
      if (res.status === 401) return null;
      if (!res.ok) throw new Error(res.statusText);
      return ((await res.json()) as { trainer: TrainerAccount }).trainer;
    },
    async drills() {
      return (await call<{ drills: DrillListItem[] }>('/api/drills')).drills;
    },
    async addTrainer(name, password, admin) {
      return (await call<{ trainer: TrainerAccount }>('/api/trainers', { method: 'POST', body: JSON.stringify({ name, password, admin }) })).trainer;
    },
    results(drillId) {
      return call<DrillResults>(`/api/drills/${encodeURIComponent(drillId)}`);
    },
    connect() {
      socket?.disconnect();
      const s = io(NAMESPACE, { forceNew: true });
      socket = s;
      s.on('connect', () => act().netTrainerConnected());
      // The server disconnects a trainer socket whose login ended (logged out elsewhere, the account
      // disabled, a new password); socket.io does not reconnect after that by itself.
      s.on('disconnect', (reason) => {
        if (reason === 'io server disconnect' && socket === s) act().netTrainerCutOff();
      });
      s.on('drill:state', (state: DrillServerEventBodies['drill:state']) => act().netTrainerState(state));
      s.on('drill:dashboard', (update: DrillServerEventBodies['drill:dashboard']) => act().netDashboard(update));
      s.on('drill:verdicts', (body: DrillServerEventBodies['drill:verdicts']) => act().netWatchVerdicts(body));
      for (const name of serverEventNames) {
        s.on(name, (payload: DeliveredEvent['payload']) => act().netWatchEvent({ name, payload } as DeliveredEvent));
      }
    },
    send(name, payload) {
      const s = socket;
      if (!s) return Promise.resolve({ ok: false, error: { code: 'offline', message: 'not connected to the server' } });
      // socket.io buffers an emit made while (re)connecting and sends it once connected.
      return new Promise((resolve) => {
        s.timeout(ACK_TIMEOUT_MS).emit(name, payload, (err: Error | null, answer: DrillAck<unknown>) => {
          resolve((err ? { ok: false, error: { code: 'timeout', message: `no answer to ${name}` } } : answer) as NetAck<never>);
        });
      });
    },
  };
}
