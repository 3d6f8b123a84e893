// Test doubles for the client: an in-memory localStorage, a socket that records emits and lets the
// test answer them, and a transport that records what the store sends.
import type { SocketLike } from '../../client/net/SessionSocket.ts';
import type { KeyValueStorage } from '../../client/store/persist.ts';
import type { Tile, TrainerBackend } from '../../client/store/trainerSlice.ts';
import type { Message, NetAck, SessionInfo, StartRequest, TraineeBody, Transport } from '../../client/store/types.ts';
import type { DrillSnapshot, DrillState, TraineeEventName } from '../../server/protocol/index.ts';
import { appStore } from '../../client/store/index.ts';

export class MemoryStorage implements KeyValueStorage {
  readonly data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

export interface Emitted {
  name: string;
  payload: Record<string, unknown>;
  ack: (answer: unknown) => void;
}

type Listener = (...args: unknown[]) => void;

export class FakeSocket implements SocketLike {
  connected = false;
  readonly emitted: Emitted[] = [];
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: (...args: never[]) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener as Listener]);
    return this;
  }

  emit(event: string, payload: unknown, ack: (answer: never) => void): this {
    this.emitted.push({ name: event, payload: payload as Record<string, unknown>, ack: ack as (answer: unknown) => void });
    return this;
  }

  connect(): this {
    this.connected = true;
    this.fire('connect');
    return this;
  }

  disconnect(): this {
    this.connected = false;
    this.fire('disconnect', 'io client disconnect');
    return this;
  }

  /** The server side of a dropped connection. */
  drop(): void {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }

  fire(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }

  named(name: string): Emitted[] {
    return this.emitted.filter((e) => e.name === name);
  }

  last(name: string): Emitted {
    const e = this.named(name).at(-1);
    if (!e) throw new Error(`nothing emitted as ${name}`);
    return e;
  }
}

export function info(sessionId = 's1', over: Partial<SessionInfo> = {}): SessionInfo {
  return {
    sessionId,
    token: `${sessionId}.token`,
    mode: 'practice',
    displayName: '小峰',
    scenario: { id: 'bargainer', version: 1, title: { 'zh-CN': '议价', en: 'Haggle' }, description: { 'zh-CN': '描述', en: 'About' }, difficulty: 'normal', persona: 'bargainer', shop: 'trailpeak' },
    // the server's start: 20 Nov 2026, 10:00 in Beijing
    startedAt: Date.UTC(2026, 10, 20, 2, 0),
    lastSeq: 0,
    ended: false,
    rubric: 'rubric-bargainer-1',
    ...over,
  };
}

export function buyerLine(id: string, text: string, at = 1000): Message {
  return { id, from: 'buyer', text, at };
}

export function traineeLine(id: string, text: string, at = 2000): Message {
  return { id, from: 'trainee', text, at };
}

export class FakeTransport implements Transport {
  readonly sent: { event: TraineeEventName; body: Record<string, unknown> }[] = [];
  readonly tracked: string[] = [];
  startAnswer: NetAck<SessionInfo> = { ok: true, data: info() };
  onStart: ((request: StartRequest) => void) | undefined;

  start(request: StartRequest): Promise<NetAck<SessionInfo>> {
    this.onStart?.(request);
    return Promise.resolve(this.startAnswer);
  }
  track(sessionId: string): void {
    this.tracked.push(sessionId);
  }
  untrack(): void {}
  send<E extends TraineeEventName>(event: E, body: TraineeBody<E>): string {
    this.sent.push({ event, body: body as Record<string, unknown> });
    return `c${this.sent.length}`;
  }
  discard(): void {}
}

/** A trainer backend that refuses everything it is not given: `over` supplies the calls a test uses. */
export function fakeTrainerBackend(over: Partial<TrainerBackend> = {}): TrainerBackend {
  return {
    login: () => Promise.reject(new Error('not here')),
    logout: () => Promise.resolve(),
    me: () => Promise.resolve(null),
    drills: () => Promise.resolve([]),
    addTrainer: () => Promise.reject(new Error('not here')),
    results: () => Promise.reject(new Error('not here')),
    connect: () => undefined,
    send: (() => Promise.resolve({ ok: false, error: { code: 'offline', message: 'no' } })) as TrainerBackend['send'],
    ...over,
  };
}

/** A running exam drill with no seats yet, as `drill:attach` answers it. */
export function drillSnapshot(): DrillSnapshot {
  return {
    state: { drillId: 'd1', status: 'running', locked: false, mode: 'exam', scenarios: [info().scenario], frozenAt: null, endsAt: null, clock: 5_000 },
    code: '123456',
    joinUrl: 'http://127.0.0.1/join/123456',
    qrSvg: '<svg/>',
    tiles: [],
    heat: [],
    moves: [],
    moveLabels: {},
  };
}

/** A drill state a seat sees: one buyer, practice mode, no time limit; `over` changes any part. */
export function drillStateOf(over: Partial<DrillState> = {}): DrillState {
  return { drillId: 'd1', status: 'running', locked: false, mode: 'practice', scenarios: [info().scenario], frozenAt: null, endsAt: null, clock: 0, ...over };
}

/** The store of a trainee seated in drill 123456 (seat1), chatting in session s9, in `drillState`. */
export function seatInDrill(drillState: DrillState): void {
  appStore.getState().netStarted(info('s9'));
  appStore.setState({
    connection: 'online',
    drillCode: '123456',
    seatPhase: 'seated',
    seats: { '123456': { code: '123456', drillId: 'd1', seatId: 'seat1', seatToken: 'tok', displayName: '小明', sessionIds: ['s9'] } },
    drillState,
  });
}

/**
 * The chat's backend for a component test: a desktop-wide window (jsdom has no matchMedia; the
 * drawers are grid columns then) and a fake transport, with an API that never answers.
 */
export function attachDesktopBackend(transport: FakeTransport = new FakeTransport()): FakeTransport {
  window.matchMedia = ((query: string) => ({ matches: false, media: query, addEventListener: () => undefined, removeEventListener: () => undefined })) as unknown as typeof window.matchMedia;
  appStore.getState().attachBackend({
    transport,
    api: { scenarios: () => Promise.resolve([]), context: () => new Promise(() => undefined), session: () => new Promise(() => undefined), ruleTexts: () => new Promise(() => undefined) },
  });
  return transport;
}

/** A trainee's tile on the live dashboard: seated, playing the first buyer, one reply in; a test overrides what it is about. */
export function fakeTile(overrides: Partial<Tile> = {}): Tile {
  return { seatId: 'seat1', name: '小明', status: 'playing', connected: true, sessionId: 's1', position: 0, scenarioId: 'bargainer', move: 'ask', score: 80, redLines: [], waitingSince: null, outcome: null, turns: 1, ...overrides };
}
