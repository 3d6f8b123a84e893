// Socket events -> runtime calls. Every handler validates its payload at the edge, checks that this
// socket may act in the session, and answers exactly once with an Ack; nothing thrown escapes.
import type { BroadcastOperator, Server, Socket } from 'socket.io';
import type { Logger } from 'pino';
import type {
  Ack,
  AckData,
  ClientEventName,
  ClientPayload,
  ClientToServerEvents,
  HandshakeAuth,
  InterServerEvents,
  ServerToClientEvents,
  SocketData,
} from '../protocol/index.ts';
import { fail, ok, validatePayload } from '../protocol/index.ts';
import type { TrustProxy } from './clientAddress.ts';
import { clientAddress, TRUST_NONE } from './clientAddress.ts';
import type { DeliveredEvent } from './liveSession.ts';
import type { SessionRegistry } from './sessionRegistry.ts';
import type { RateLimit } from './socketGuard.ts';
import { guardPackets, SESSION_START_LIMIT } from './socketGuard.ts';
import { FailureGuard } from './failureGuard.ts';
import { isStoreUnavailable, STORE_UNAVAILABLE } from '../store/storeFailures.ts';
import type { SessionTokens } from './tokens.ts';
import { toSessionEvent, traineeEventNames } from './traineeEvents.ts';

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/**
 * One socket follows at most this many sessions (tabs of one trainee, not a whole class); joining
 * one more lets go of the longest-held one, which its token can always resume.
 */
export const MAX_SESSIONS_PER_SOCKET = 16;

export interface GatewayDeps {
  registry: SessionRegistry;
  tokens: SessionTokens;
  logger: Logger;
  rateLimit: RateLimit;
  /** sessions one address may start per window (default SESSION_START_LIMIT) */
  startLimit?: RateLimit;
  now: () => number;
  /** whose X-Forwarded-For names the client of the per-address budgets (TRUST_PROXY); off if not given */
  trustProxy?: TrustProxy | undefined;
}


export function roomOf(sessionId: string): string {
  return `session:${sessionId}`;
}

/**
 * A session's events to its room. `except`: the socket that had them in its answer. On one node
 * with nobody else in the room (the usual case: one trainee, one tab) nothing is sent, and nothing
 * is encoded for nobody; with a cluster adapter, other nodes may have sockets in the room.
 */
export function broadcastTo(io: AppServer, clustered: boolean, sessionId: string, event: DeliveredEvent, except?: string): void {
  const room = roomOf(sessionId);
  if (except === undefined) return emitTo(io.to(room), event);
  if (!clustered && (io.of('/').adapter.rooms.get(room)?.size ?? 0) <= 1) return;
  emitTo(io.to(room).except(except), event);
}

type EventTarget = AppSocket | BroadcastOperator<ServerToClientEvents, SocketData>;

export function emitTo(target: EventTarget, event: DeliveredEvent): void {
  // DeliveredEvent pairs each name with its payload; the union is too wide for emit's overloads.
  const emit = target.emit as (this: EventTarget, name: string, payload: unknown) => unknown;
  emit.call(target, event.name, event.payload);
}

/** What coalesceFrames relies on in engine.io's socket, its WebSocket transport and the ws socket under it. */
interface EngineConnection {
  transport: unknown;
  flush(): void;
  on(event: 'upgrade', listener: (transport: unknown) => void): unknown;
}
interface WebSocketTransport {
  name: string;
  send(packets: unknown[]): void;
  socket?: { _socket?: { cork(): void; uncork(): void } };
}

/**
 * A reply's ack and the events it broadcasts are emitted in one go, but engine.io hands each emit to
 * the transport at once when it can, and ws writes every frame with its own system call: three or
 * four writes a reply, where the echo baseline makes one. Here engine.io's flush waits for the end
 * of the current tick, so a burst goes to the transport as one batch, and the TCP socket is corked
 * while ws frames it: one write. The same bytes in the same order; a shape other than the one
 * described above is left alone.
 */
export function coalesceFrames(connection: EngineConnection): void {
  if (typeof connection.flush !== 'function') return;
  const flush = connection.flush.bind(connection);
  let queued = false;
  connection.flush = () => {
    if (queued) return;
    queued = true;
    process.nextTick(() => {
      queued = false;
      flush();
    });
  };
  const wrap = (transport: unknown) => {
    const t = transport as Partial<WebSocketTransport>;
    const tcp = t.socket?._socket;
    if (t.name !== 'websocket' || typeof t.send !== 'function' || typeof tcp?.cork !== 'function') return;
    const send = t.send.bind(t);
    t.send = (packets) => {
      if (packets.length < 2) return send(packets);
      tcp.cork();
      try {
        send(packets);
      } finally {
        tcp.uncork();
      }
    };
  };
  wrap(connection.transport);
  connection.on('upgrade', wrap);
}

export function attachGateway(io: AppServer, deps: GatewayDeps): void {
  const { registry, tokens, logger } = deps;
  const starts = new FailureGuard(deps.startLimit ?? SESSION_START_LIMIT);
  io.on('connection', (socket) => {
    // A recovered socket (server/runtime/recoveryGate.ts) keeps the sessions it had opened with their tokens.
    if (!socket.recovered || !Array.isArray(socket.data.sessions)) socket.data.sessions = [];
    coalesceFrames(socket.conn as unknown as EngineConnection);
    // A client that asked for it gets the events due with each of its trainee events in the answer.
    const carrier = (socket.handshake.auth as HandshakeAuth | undefined)?.ackEvents === true ? socket.id : undefined;
    socket.use(guardPackets(deps.rateLimit, deps.now, logger, socket.id));
    const address = clientAddress(socket.handshake.address, socket.handshake.headers, deps.trustProxy ?? TRUST_NONE);
    const join = (sessionId: string) => {
      const held = socket.data.sessions.filter((id) => id !== sessionId);
      for (const dropped of held.splice(0, Math.max(0, held.length - MAX_SESSIONS_PER_SOCKET + 1))) void socket.leave(roomOf(dropped));
      socket.data.sessions = [...held, sessionId];
      void socket.join(roomOf(sessionId));
    };

    handle(socket, logger, 'session:start', async (payload, respond) => {
      if (!starts.begin(address, deps.now())) return respond(fail('rate-limited', 'too many new sessions from your network; wait a few minutes and try again'));
      let started: Awaited<ReturnType<SessionRegistry['start']>> | undefined;
      try {
        started = await registry.start(payload);
      } finally {
        // only a session that was made uses the budget
        starts.settle(address, deps.now(), started?.ok === true);
      }
      if (!started.ok) return respond(started);
      const session = started.data;
      join(session.id);
      respond(ok(registry.info(session, session.lastSeq)));
      await session.begin();
    });

    handle(socket, logger, 'session:resume', async (payload, respond) => {
      if (tokens.verify(payload.token) !== payload.sessionId) return respond(fail('unauthorized', 'this token does not open that session'));
      const session = await registry.attach(payload.sessionId);
      if (!session) return respond(fail('not-found', 'no such session'));
      await session.resume(payload.lastSeq, (lastSeq, missed) => {
        join(session.id);
        respond(ok(registry.info(session, lastSeq)));
        for (const event of missed) emitTo(socket, event);
      });
    });

    for (const name of traineeEventNames) {
      handle(socket, logger, name, async (payload, respond) => {
        if (!socket.data.sessions.includes(payload.sessionId)) {
          return respond(fail('forbidden', 'start or resume this session on this connection first'));
        }
        const event = toSessionEvent(name, payload);
        const session = await registry.take(payload.sessionId);
        if (!session) return respond(fail('not-found', 'no such session'));
        // Moved to another node since this one loaded it: take the lease back (it follows the trainee) and go again, once.
        await session.act(
          event,
          payload.clientMsgId,
          respond,
          async () => {
            const again = await registry.take(payload.sessionId).catch(() => undefined);
            if (!again) return respond(fail('unavailable', 'the session moved between nodes; send it again (same clientMsgId)'));
            await again.act(event, payload.clientMsgId, respond, undefined, carrier);
          },
          carrier,
        );
      });
    }
  });
}

type Respond<E extends ClientEventName> = (answer: Ack<AckData[E]>) => void;

/** Register a validated handler; a client that sends no ack function gets no processing. */
function handle<E extends ClientEventName>(
  socket: AppSocket,
  logger: Logger,
  name: E,
  run: (payload: ClientPayload<E>, respond: Respond<E>) => Promise<void>,
): void {
  const listener = (...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack !== 'function') return;
    let answered = false;
    const respond: Respond<E> = (answer) => {
      if (answered) return;
      answered = true;
      (ack as Respond<E>)(answer);
    };
    const valid = validatePayload(name, args.length > 1 ? args[0] : undefined);
    if (!valid.ok) return respond(valid);
    run(valid.data, respond).catch((err: unknown) => {
      // A database outage is expected to pass: say so, so the client retries instead of giving up.
      if (isStoreUnavailable(err)) return respond(fail('unavailable', STORE_UNAVAILABLE));
      logger.error({ err, event: name, socketId: socket.id }, 'event handler failed');
      respond(fail('internal', 'something went wrong on the server; try again'));
    });
  };
  // Listeners are typed per event; this one checks its arguments itself, so it takes unknowns.
  socket.on(name, listener as never);
}
