// The one class that owns the socket (Excalidraw's Portal plays this role there). It starts and
// resumes sessions with their tokens, tracks each session's last sequence number and asks for what
// it missed after a reconnect, and sends trainee events from the outbox one at a time per session,
// each with its client-generated id, until the server acknowledges it.
import { io } from 'socket.io-client';
import { serverEventNames } from '../../server/protocol/events.ts';
import type { KeyValueStorage } from '../store/persist.ts';
import type { ConnectionStatus, DeliveredEvent, NetAck, NetError, OutboxItem, SessionInfo, StartRequest, TraineeAck, TraineeBody, Transport } from '../store/types.ts';
import { retryLater } from '../store/types.ts';
import type { HandshakeAuth, TraineeEventName } from '../../server/protocol/index.ts';
import { Outbox } from './outbox.ts';

/** The part of a socket.io-client Socket this class uses; tests hand in a fake. */
export interface SocketLike {
  readonly connected: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  emit(event: string, payload: unknown, ack: (answer: never) => void): unknown;
  connect(): unknown;
  disconnect(): unknown;
}

/** Where the class reports what happens; client/net/connect.ts points it at the store. */
export interface NetSink {
  connection(status: ConnectionStatus): void;
  started(info: SessionInfo): void;
  resumed(info: SessionInfo): void;
  gone(sessionId: string, error: NetError): void;
  event(event: DeliveredEvent): void;
  outbox(sessionId: string, items: readonly OutboxItem[]): void;
  acked(sessionId: string, clientMsgId: string, ack: TraineeAck, localMidpoint: number): void;
}

export interface NetOptions {
  ackTimeoutMs?: number;
  retryMs?: number;
  rateLimitedRetryMs?: number;
  now?: () => number;
  newId?: () => string;
}

interface Tracked {
  token: string;
  lastSeq: number;
  /** resumed (or started) on the current connection: trainee events may go */
  ready: boolean;
  resuming: boolean;
  retry: ReturnType<typeof setTimeout> | null;
}

const SESSION_GONE = new Set<NetError['code']>(['unauthorized', 'not-found', 'scenario-unavailable']);

export function newClientMsgId(): string {
  // getRandomValues works on plain-http origins too, where randomUUID does not exist.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class SessionSocket implements Transport {
  private readonly tracked = new Map<string, Tracked>();
  /** counts connections: an answer that arrives on a later one is stale */
  private epoch = 0;
  private forcedOffline = false;
  private readonly ackTimeoutMs: number;
  private readonly retryMs: number;
  private readonly rateLimitedRetryMs: number;
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(
    private readonly socket: SocketLike,
    private readonly sink: NetSink,
    private readonly outbox: Outbox,
    options: NetOptions = {},
  ) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
    this.retryMs = options.retryMs ?? 1000;
    this.rateLimitedRetryMs = options.rateLimitedRetryMs ?? 3000;
    this.now = options.now ?? (() => Date.now());
    this.newId = options.newId ?? newClientMsgId;
    socket.on('connect', () => this.onConnect());
    socket.on('disconnect', () => this.onDisconnect());
    socket.on('connect_error', () => this.sink.connection('offline'));
    for (const name of serverEventNames) {
      socket.on(name, (payload: DeliveredEvent['payload']) => this.onEvent({ name, payload } as DeliveredEvent));
    }
  }

  /** The browser's socket to the page's own server, following the browser's online/offline events. */
  static inBrowser(sink: NetSink, storage: KeyValueStorage | null): SessionSocket {
    // ackEvents: a reply's answer carries the events due with it (the trainee's line, the verdicts), one
    // frame instead of four or five; the events still come one by one to this page's other sockets.
    const auth: HandshakeAuth = { ackEvents: true };
    const socket = io({ autoConnect: false, auth });
    // The cast narrows socket.io's overloaded generics to the few calls this class makes.
    const net = new SessionSocket(socket as unknown as SocketLike, sink, new Outbox(storage));
    // An open WebSocket can outlive the network for a long while before a heartbeat notices; the
    // browser knows at once, so the trainee sees the banner at once and nothing is sent into the void.
    window.addEventListener('offline', () => net.goOffline());
    window.addEventListener('online', () => net.goOnline());
    if (window.navigator.onLine === false) net.goOffline();
    else socket.connect();
    return net;
  }

  goOffline(): void {
    this.forcedOffline = true;
    if (this.socket.connected) this.socket.disconnect();
    this.sink.connection('offline');
  }

  goOnline(): void {
    if (!this.forcedOffline) return;
    this.forcedOffline = false;
    this.sink.connection('connecting');
    this.socket.connect();
  }

  start(request: StartRequest): Promise<NetAck<SessionInfo>> {
    return new Promise((resolve) => {
      if (!this.socket.connected) return resolve({ ok: false, error: { code: 'offline', message: 'not connected to the server' } });
      this.request<SessionInfo>('session:start', request, (answer) => {
        // Synchronously, inside the ack: the session's first events may follow in the same packet batch.
        if (answer.ok) {
          const info = answer.data;
          this.tracked.set(info.sessionId, { token: info.token, lastSeq: 0, ready: true, resuming: false, retry: null });
          this.sink.started(info);
        }
        resolve(answer);
      });
    });
  }

  track(sessionId: string, token: string): void {
    const known = this.tracked.get(sessionId);
    if (known) {
      known.token = token;
      if (!known.ready) this.resume(sessionId);
      return;
    }
    this.tracked.set(sessionId, { token, lastSeq: 0, ready: false, resuming: false, retry: null });
    this.sink.outbox(sessionId, this.outbox.load(sessionId));
    this.resume(sessionId);
  }

  untrack(sessionId: string): void {
    const t = this.tracked.get(sessionId);
    if (t?.retry) clearTimeout(t.retry);
    this.tracked.delete(sessionId);
    this.outbox.forget(sessionId);
  }

  send<E extends TraineeEventName>(event: E, body: TraineeBody<E>): string {
    const clientMsgId = this.newId();
    const item = { clientMsgId, event, payload: { ...body, clientMsgId }, queuedAt: this.now(), state: 'queued' } as OutboxItem;
    this.outbox.add(body.sessionId, item);
    this.notify(body.sessionId);
    this.flush(body.sessionId);
    return clientMsgId;
  }

  discard(sessionId: string, clientMsgId: string): void {
    this.outbox.remove(sessionId, clientMsgId);
    this.notify(sessionId);
  }

  lastSeq(sessionId: string): number | undefined {
    return this.tracked.get(sessionId)?.lastSeq;
  }

  private onConnect(): void {
    this.epoch++;
    this.sink.connection('online');
    for (const id of this.tracked.keys()) this.resume(id);
  }

  private onDisconnect(): void {
    this.epoch++;
    this.sink.connection(this.forcedOffline ? 'offline' : 'connecting');
    for (const t of this.tracked.values()) {
      t.ready = false;
      t.resuming = false;
    }
    for (const id of this.outbox.requeueSending()) this.notify(id);
  }

  private onEvent(event: DeliveredEvent): void {
    const id = event.payload.sessionId;
    const t = this.tracked.get(id);
    if (!t) return;
    const seq = event.payload.seq;
    if (seq <= t.lastSeq) return; // seen already (a replay overlapping a live broadcast)
    if (seq !== t.lastSeq + 1) {
      // A gap: ask for everything after the last event we hold; the answer fills it in order.
      this.resume(id);
      return;
    }
    t.lastSeq = seq;
    this.sink.event(event);
  }

  private resume(sessionId: string): void {
    const t = this.tracked.get(sessionId);
    if (!t || t.resuming || !this.socket.connected) return;
    t.resuming = true;
    t.ready = false;
    const epoch = this.epoch;
    this.request<SessionInfo>('session:resume', { sessionId, token: t.token, lastSeq: t.lastSeq }, (answer) => {
      if (epoch !== this.epoch || this.tracked.get(sessionId) !== t) return;
      t.resuming = false;
      if (answer.ok) {
        t.ready = true;
        this.sink.resumed(answer.data);
        this.flush(sessionId);
      } else if (SESSION_GONE.has(answer.error.code)) {
        this.sink.gone(sessionId, answer.error);
      } else {
        this.later(sessionId, () => this.resume(sessionId), this.retryMs);
      }
    });
  }

  private flush(sessionId: string): void {
    const t = this.tracked.get(sessionId);
    if (!t?.ready || !this.socket.connected) return;
    const item = this.outbox.next(sessionId);
    if (!item) return;
    this.outbox.mark(sessionId, item.clientMsgId, 'sending');
    this.notify(sessionId);
    const epoch = this.epoch;
    const sentAt = this.now();
    this.request<TraineeAck>(item.event, item.payload, (answer) => {
      if (epoch !== this.epoch) return; // the disconnect put it back in the queue
      if (answer.ok) {
        this.outbox.remove(sessionId, item.clientMsgId);
        this.notify(sessionId);
        this.sink.acked(sessionId, item.clientMsgId, answer.data, (sentAt + this.now()) / 2);
        // In order, as if they had come after the answer one by one (the same seq checks apply).
        for (const event of answer.data.events ?? []) this.onEvent(event);
        this.flush(sessionId);
        return;
      }
      const code = answer.error.code;
      if (code === 'forbidden' || retryLater(code)) {
        // Same clientMsgId next time: if the first try did reach the server, it answers the same.
        this.outbox.mark(sessionId, item.clientMsgId, 'queued');
        this.notify(sessionId);
        // No answer in time: the answer may still have gone out with the events it carried (auth
        // ackEvents), and this socket would not get them again. Resuming first asks for whatever came
        // after the last event held; the retry then goes, and a cached answer is all it gets.
        if (code === 'forbidden' || code === 'timeout') {
          t.ready = false;
          this.resume(sessionId);
        } else {
          this.later(sessionId, () => this.flush(sessionId), code === 'rate-limited' ? this.rateLimitedRetryMs : this.retryMs);
        }
        return;
      }
      this.outbox.mark(sessionId, item.clientMsgId, 'failed', answer.error);
      this.notify(sessionId);
      this.flush(sessionId);
    });
  }

  /** Emit with an ack, and answer `timeout` if none comes in time; the callback runs once. */
  private request<T>(name: string, payload: unknown, onAnswer: (answer: NetAck<T>) => void): void {
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      onAnswer({ ok: false, error: { code: 'timeout', message: `no answer to ${name}` } });
    }, this.ackTimeoutMs);
    this.socket.emit(name, payload, (answer: NetAck<T>) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      onAnswer(answer);
    });
  }

  private later(sessionId: string, run: () => void, ms: number): void {
    const t = this.tracked.get(sessionId);
    if (!t) return;
    if (t.retry) clearTimeout(t.retry);
    t.retry = setTimeout(() => {
      t.retry = null;
      run();
    }, ms);
  }

  private notify(sessionId: string): void {
    this.sink.outbox(sessionId, this.outbox.list(sessionId));
  }
}
