// A trainee's seat on the `/drill` namespace. The seat's session speaks the practice protocol there,
// so a SessionSocket does the session work (outbox, seq tracking, gap repair) over an adapter that
// turns its `session:resume` into `drill:rejoin` with the seat token, and a `paused` refusal into a
// "try again later" (what was typed during a pause goes out after the resume).
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import type { DRILL_NAMESPACE, DrillAck, DrillServerEventBodies, JoinCodeStatus, SeatInfo } from '../../server/protocol/index.ts';
import type { SeatRecord } from '../store/drillSlice.ts';
import type { KeyValueStorage } from '../store/persist.ts';
import type { NetAck, NetError, SessionInfo, StartRequest, TraineeBody, Transport } from '../store/types.ts';
import type { TraineeEventName } from '../../server/protocol/index.ts';
import { Outbox } from './outbox.ts';
import type { NetSink, SocketLike } from './SessionSocket.ts';
import { SessionSocket } from './SessionSocket.ts';
import { retryLater } from '../store/types.ts';

const NAMESPACE: typeof DRILL_NAMESPACE = '/drill';
/** A takeover waits for the dead node's lease to lapse (LEASE_TTL_MS, 15 s by default). */
const REJOIN_RETRY_MS = 1_000;
const MAX_REJOIN_ATTEMPTS = 60;
const ACK_TIMEOUT_MS = 10_000;

export interface DrillSink {
  seat(info: SeatInfo): void;
  /** `kept`: the seat may still come back (a reload tries again), so it is not forgotten */
  seatFailed(error: NetError, kept?: boolean): void;
  state(state: DrillServerEventBodies['drill:state']): void;
  session(payload: DrillServerEventBodies['drill:session']): void;
  reveal(reveal: DrillServerEventBodies['drill:reveal']): void;
  removed(payload: DrillServerEventBodies['drill:removed']): void;
  /** the drill ended: the seat's own drill score */
  total?(payload: DrillServerEventBodies['drill:total']): void;
  /** the trainer let the removed seat back in: take it again */
  admitted?(payload: DrillServerEventBodies['drill:admitted']): void;
  /** how many trainees the lobby has now */
  headcount?(payload: DrillServerEventBodies['drill:headcount']): void;
  /** an exam chat of the seat ended; its result waits for the drill's end */
  chatEnded?(payload: DrillServerEventBodies['drill:chat-ended']): void;
  /** an exam drill ended: how each chat of the seat went */
  results?(payload: DrillServerEventBodies['drill:results']): void;
}

/** The seat will not come back: the trainer cancelled the drill, or the token opens nothing (any more). */
const seatGone = (error: { code: string; reason?: string }) => error.code === 'unauthorized' || error.reason === 'cancelled';
/** Removed by the trainer: out until 放回, which reaches only sockets that asked for the seat since. */
const seatRemoved = (error: { code: string; reason?: string }) => error.code === 'removed';

type Ack = (answer: NetAck<unknown>) => void;

export class DrillSeatLink implements Transport {
  private readonly sessions: SessionSocket;
  private seat: SeatRecord | null = null;
  /**
   * The seat is removed: kept, so that every (re)connection asks for it again and the server puts
   * that socket in the seat's removed room, where the trainer's 放回 (drill:admitted) is heard.
   */
  private removed = false;
  /** the pending lobby rejoin retry, if any */
  private retry: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly socket: Socket,
    private readonly sink: DrillSink,
    sessionSink: NetSink,
    storage: KeyValueStorage | null,
  ) {
    this.sessions = new SessionSocket(this.adapter(), sessionSink, new Outbox(storage));
    socket.on('connect', () => {
      // With a session followed, the SessionSocket's resume rejoins the seat already.
      if (this.seat && (this.removed || !this.following())) this.rejoinNow(this.seat, 0);
    });
    socket.on('drill:state', (state: DrillServerEventBodies['drill:state']) => sink.state(state));
    socket.on('drill:session', (payload: DrillServerEventBodies['drill:session']) => {
      for (const old of this.seat?.sessionIds ?? []) if (old !== payload.session.sessionId) this.sessions.untrack(old);
      if (this.seat && !this.seat.sessionIds.includes(payload.session.sessionId)) this.seat = { ...this.seat, sessionIds: [...this.seat.sessionIds, payload.session.sessionId] };
      sink.session(payload);
      this.sessions.track(payload.session.sessionId, payload.session.token);
    });
    socket.on('drill:reveal', (reveal: DrillServerEventBodies['drill:reveal']) => sink.reveal(reveal));
    socket.on('drill:headcount', (payload: DrillServerEventBodies['drill:headcount']) => sink.headcount?.(payload));
    socket.on('drill:chat-ended', (payload: DrillServerEventBodies['drill:chat-ended']) => sink.chatEnded?.(payload));
    socket.on('drill:results', (payload: DrillServerEventBodies['drill:results']) => sink.results?.(payload));
    socket.on('drill:total', (payload: DrillServerEventBodies['drill:total']) => sink.total?.(payload));
    socket.on('drill:admitted', (payload: DrillServerEventBodies['drill:admitted']) => sink.admitted?.(payload));
    socket.on('drill:removed', (payload: DrillServerEventBodies['drill:removed']) => {
      this.outOfDrill();
      sink.removed(payload);
    });
  }

  static inBrowser(sink: DrillSink, sessionSink: NetSink, storage: KeyValueStorage | null): DrillSeatLink {
    // Same origin and options as the practice socket: socket.io multiplexes both namespaces on one connection.
    const link = new DrillSeatLink(io(NAMESPACE, { autoConnect: false }), sink, sessionSink, storage);
    link.socket.connect();
    return link;
  }

  join(code: string, displayName: string): Promise<NetAck<SeatInfo>> {
    return new Promise((resolve) => {
      this.request<SeatInfo>('drill:join', { code, displayName }, (answer) => {
        if (answer.ok) this.took(code, answer.data);
        resolve(answer);
      });
    });
  }

  check(code: string): Promise<NetAck<{ status: JoinCodeStatus }>> {
    return new Promise((resolve) => this.request<{ status: JoinCodeStatus }>('drill:check', { code }, resolve));
  }

  rejoin(seat: SeatRecord): void {
    this.seat = seat;
    this.removed = false;
    if (this.socket.connected) this.rejoinNow(seat, 0);
  }

  leave(): void {
    this.stopRetry();
    this.seat = null;
    this.removed = false;
  }

  start(_request: StartRequest): Promise<NetAck<SessionInfo>> {
    return Promise.resolve({ ok: false, error: { code: 'bad-request', message: 'a drill session is started by the trainer' } });
  }

  track(sessionId: string, token: string): void {
    this.sessions.track(sessionId, token);
  }

  untrack(sessionId: string): void {
    this.sessions.untrack(sessionId);
  }

  send<E extends TraineeEventName>(event: E, body: TraineeBody<E>): string {
    return this.sessions.send(event, body);
  }

  discard(sessionId: string, clientMsgId: string): void {
    this.sessions.discard(sessionId, clientMsgId);
  }

  private following(): boolean {
    return (this.seat?.sessionIds ?? []).some((id) => this.sessions.lastSeq(id) !== undefined);
  }

  private took(code: string, info: SeatInfo): void {
    this.removed = false;
    this.seat = { code, drillId: info.drillId, seatId: info.seatId, seatToken: info.seatToken, displayName: info.displayName, sessionIds: info.session ? [info.session.sessionId] : [] };
    this.sink.seat(info);
    if (info.session) this.sessions.track(info.session.sessionId, info.session.token);
  }

  private rejoinNow(seat: SeatRecord, lastSeq: number, attempt = 1): void {
    // One rejoin at a time: a reconnect while a retry waits starts over instead of running beside it.
    this.stopRetry();
    this.request<SeatInfo>('drill:rejoin', { seatToken: seat.seatToken, lastSeq }, (answer) => {
      if (this.seat !== seat) return;
      if (answer.ok) return this.took(seat.code, answer.data);
      if (seatRemoved(answer.error)) return this.stillRemoved(answer.error);
      if (seatGone(answer.error)) return this.lost(answer.error);
      // A passing error (e.g. another node is taking the drill over from a dead one): a trainee with
      // a running chat is retried by the session socket; one still waiting in the lobby has only
      // this, so ask again — and say so when it does not come back.
      // Said, not hidden; the seat token is kept, so a reload asks again.
      if (!retryLater(answer.error.code) || attempt >= MAX_REJOIN_ATTEMPTS) return this.sink.seatFailed(answer.error, true);
      this.retry = setTimeout(() => {
        this.retry = null;
        if (this.seat === seat && this.socket.connected) this.rejoinNow(seat, lastSeq, attempt + 1);
      }, REJOIN_RETRY_MS);
    });
  }

  private stopRetry(): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
  }

  private lost(error: NetError): void {
    for (const id of this.seat?.sessionIds ?? []) this.sessions.untrack(id);
    this.seat = null;
    this.removed = false;
    this.sink.seatFailed(error);
  }

  /** Its chats are no longer followed; the seat itself is kept for the next (re)connection's rejoin. */
  private outOfDrill(): void {
    for (const id of this.seat?.sessionIds ?? []) this.sessions.untrack(id);
    this.removed = this.seat !== null;
  }

  /** A rejoin answered "removed": this socket now waits in the removed room; the seat stays. */
  private stillRemoved(error: NetError): void {
    this.outOfDrill();
    this.sink.seatFailed(error, true);
  }

  private request<T>(name: string, payload: unknown, onAnswer: (answer: NetAck<T>) => void): void {
    this.socket.timeout(ACK_TIMEOUT_MS).emit(name, payload, (err: Error | null, answer: DrillAck<T>) => {
      if (err) return onAnswer({ ok: false, error: { code: 'timeout', message: `no answer to ${name}` } });
      // The drill's own codes are told apart by the store; the shared ones keep their meaning.
      onAnswer(answer as NetAck<T>);
    });
  }

  /** The SocketLike the SessionSocket drives: the drill socket, with resume as a seat rejoin. */
  private adapter(): SocketLike {
    const socket = this.socket;
    return {
      get connected() {
        return socket.connected;
      },
      on: (event, listener) => socket.on(event, listener as (...args: unknown[]) => void),
      connect: () => socket.connect(),
      disconnect: () => socket.disconnect(),
      emit: (event, payload, ack) => {
        const answer = ack as Ack;
        if (event === 'session:resume') {
          const { sessionId, token, lastSeq } = payload as { sessionId: string; token: string; lastSeq: number };
          const seat = this.seat;
          return this.request<SeatInfo>('drill:rejoin', { seatToken: token, lastSeq }, (reply) => {
            if (!reply.ok) {
              if (seatRemoved(reply.error)) this.stillRemoved(reply.error);
              else if (seatGone(reply.error)) this.lost(reply.error);
              return answer((reply.error.code as string) === 'removed' ? { ok: false, error: { code: 'unauthorized', message: reply.error.message } } : reply);
            }
            if (seat) this.took(seat.code, reply.data);
            const session = reply.data.session;
            if (session?.sessionId === sessionId) answer({ ok: true, data: session });
            else answer({ ok: false, error: { code: 'not-found', message: 'the seat plays another session now' } });
          });
        }
        return this.request(event, payload, (reply) => {
          if (!reply.ok && (reply.error.code as string) === 'paused') answer({ ok: false, error: { code: 'rate-limited', message: reply.error.message } });
          else answer(reply);
        });
      },
    };
  }
}
