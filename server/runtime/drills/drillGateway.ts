// The `/drill` namespace: who a socket is (a trainer from the login cookie at the handshake, or a
// trainee once it holds a seat), and every event checked against it before anything happens. A
// trainer socket whose login ends (logout, disabled, a new password) is disconnected: it leaves
// every room, so it hears nothing more of the drills and chats it followed.
// Trainer events act only on the trainer's own drills; trainee events only in the seat's session.
// The drill's node acts (drillActions.ts): this one when it runs the drill, else the one that does,
// reached through the adapter (drillForwarding.ts); either way this node applies the outcome.
import type { Logger } from 'pino';
import type { ClientPayload, DrillAck, DrillAckData, DrillErrorReason, DrillEventName, DrillPayload, DrillResults, DrillSnapshot, TraineeAck, TraineeEventName } from '../../protocol/index.ts';
import { isClientEventName, isDrillEventName, validateDrillPayload, validatePayload } from '../../protocol/index.ts';
import type { DrillStore } from '../../store/drillStore.ts';
import type { Trainer, TrainerLogin } from '../../store/trainerStore.ts';
import type { RateLimit } from '../socketGuard.ts';
import { SlidingWindowLimiter } from '../socketGuard.ts';
import { traineeEventNames } from '../traineeEvents.ts';
import type { Outcome } from './drillActions.ts';
import { act, cancelledAnswer, claimedSeat, control, removedAnswer, takeSeat } from './drillActions.ts';
import { Drill } from './drill.ts';
import type { ControlName, ForwardRequest } from './drillForwarding.ts';
import { answerForwarded, forwarder } from './drillForwarding.ts';
import type { DrillManager, Found } from './drillManager.ts';
import type { DrillNamespace, DrillSocket } from './drillRooms.ts';
import { emitEvent, sessionRoom, trainerRoom, watchRoom } from './drillRooms.ts';
import type { FailureBudget } from '../failureGuard.ts';
import type { TrustProxy } from '../clientAddress.ts';
import { clientAddress, TRUST_NONE } from '../clientAddress.ts';
import { MemoryFailureBudget } from '../failureGuard.ts';
import { joinCodeStatus } from './joinCodeStatus.ts';
import { JOIN_FAILURE_LIMIT, JOINS_PER_SOCKET, lookUpCode } from './joinGuard.ts';
import { isStoreUnavailable, STORE_UNAVAILABLE } from '../../store/storeFailures.ts';

export interface DrillGatewayDeps {
  drills: DrillManager;
  store: DrillStore;
  /** the trainer login a Cookie header carries, and whether one read earlier still holds */
  trainerFromCookie: (header: string | undefined) => Promise<TrainerLogin | undefined>;
  loginValid: (loginId: string, expiresAt: number) => boolean;
  /** registers what to do with each login found ended (TrainerAuth.onLoginEnded) */
  onLoginEnded?: (listener: (loginId: string) => void) => void;
  logger: Logger;
  rateLimit: RateLimit;
  now: () => number;
  /** failed join attempts allowed per address (default JOIN_FAILURE_LIMIT) */
  joinLimit?: RateLimit;
  /** the wrong-code budget itself, e.g. shared by the nodes in Redis (guessLimits.ts); else one in memory of `joinLimit` */
  joinBudget?: FailureBudget | undefined;
  /** whose X-Forwarded-For names the client the join-code budget counts (TRUST_PROXY); off if not given */
  trustProxy?: TrustProxy | undefined;
  /** run `fn` at wall time `at` (the app's scheduler); returns a cancel function */
  schedule: (at: number, fn: () => void) => () => void;
}

type Respond<T> = (answer: DrillAck<T>) => void;
type DrillError = Extract<DrillAck<never>, { ok: false }>['error'];
/** A refusal with its reason code, which the client words (the message is English, for logs). */
const fail = (code: DrillError['code'], reason: DrillErrorReason | undefined, message: string) => ({ ok: false as const, error: { code, ...(reason ? { reason } : {}), message } });
const ok = <T>(data: T) => ({ ok: true as const, data });
/** The drill runs on another node (or is being taken over): the client tries again shortly. */
const moving = () => fail('unavailable', 'moving', 'this drill is moving to another server; try again in a moment');
const notLoggedIn = () => fail('unauthorized', 'not-logged-in', 'log in as a trainer first');
const tooManyWrongCodes = () => fail('rate-limited', 'too-many-wrong-codes', 'too many wrong codes from your network; wait a few minutes and try again');

export function attachDrillGateway(nsp: DrillNamespace, deps: DrillGatewayDeps): void {
  const { drills, logger } = deps;
  /** `drill:join`s that found a drill, per socket */
  const joinsBy = new WeakMap<DrillSocket, number>();
  const joins = deps.joinBudget ?? new MemoryFailureBudget(deps.joinLimit ?? JOIN_FAILURE_LIMIT);
  /** this node's trainer sockets, by the login each holds, with the timer that cuts them off when it expires */
  const byLogin = new Map<string, { sockets: Set<DrillSocket>; cancelExpiry: () => void }>();
  const cutOff = (loginId: string) => {
    const held = byLogin.get(loginId);
    byLogin.delete(loginId);
    held?.cancelExpiry();
    // Disconnected, not just refused: a socket left in a drill's rooms would still get its
    // dashboard and an exam's verdicts. The page then finds itself logged out.
    for (const socket of held?.sockets ?? []) socket.disconnect(true);
  };
  deps.onLoginEnded?.(cutOff);
  nsp.use((socket, next) => {
    socket.data = { trainer: null, seat: null, attached: null, watching: null };
    joinsBy.set(socket, 0);
    deps
      .trainerFromCookie(socket.request.headers.cookie)
      .then((login) => {
        if (login) socket.data.trainer = { ...login.trainer, loginId: login.id, expiresAt: login.expiresAt };
      })
      .catch((err: unknown) => logger.error({ err }, 'reading the trainer cookie failed'))
      .finally(() => next());
  });

  const actionDeps = { drills, store: deps.store, now: deps.now };
  const forward = forwarder(nsp, logger);
  answerForwarded(nsp, actionDeps, logger);

  nsp.on('connection', (socket) => {
    const held = socket.data.trainer;
    if (held) {
      // Watched from now on (stillValid), so an end elsewhere is found at the next check. Ended
      // since the handshake (or since the state this socket recovered): cut off at once.
      if (!deps.loginValid(held.loginId, held.expiresAt)) return void socket.disconnect(true);
      // Its end is known from the start: the sockets go the moment it comes, as after a logout.
      const login = byLogin.get(held.loginId) ?? { sockets: new Set<DrillSocket>(), cancelExpiry: deps.schedule(held.expiresAt, () => cutOff(held.loginId)) };
      byLogin.set(held.loginId, login);
      login.sockets.add(socket);
      socket.on('disconnect', () => {
        login.sockets.delete(socket);
        if (login.sockets.size > 0 || byLogin.get(held.loginId) !== login) return;
        byLogin.delete(held.loginId);
        login.cancelExpiry();
      });
    }
    guard(socket, deps);
    socket.on('disconnect', () => release(socket));

    /** What the drill's node decided, applied to this socket: rooms, seat, watch, answer, then events. */
    const apply = (respond: Respond<unknown>) => (outcome: Outcome) => {
      if (outcome.seat) {
        const previous = socket.data.seat;
        if (previous && (previous.drillId !== outcome.seat.drillId || previous.seatId !== outcome.seat.seatId)) {
          release(socket);
          for (const room of [...socket.rooms]) if (room !== socket.id) void socket.leave(room);
        }
        socket.data.seat = outcome.seat;
      }
      if (outcome.attached !== undefined) {
        if (socket.data.attached && socket.data.attached !== outcome.attached) void socket.leave(trainerRoom(socket.data.attached));
        socket.data.attached = outcome.attached;
      }
      if (outcome.watching !== undefined) {
        if (socket.data.watching) {
          void socket.leave(sessionRoom(socket.data.watching));
          void socket.leave(watchRoom(socket.data.watching));
        }
        socket.data.watching = outcome.watching;
      }
      if (outcome.join) void socket.join(outcome.join);
      respond(outcome.answer);
      for (const event of outcome.then ?? []) emitEvent(socket, event);
      if (outcome.results) socket.emit('drill:results', outcome.results);
    };

    /** Run here if this node runs the drill (`local` answers false if it found it does not); else on the node that does. */
    const route = async (drill: Found, local: (drill: Drill) => Promise<boolean | void>, request: ForwardRequest, respond: Respond<unknown>) => {
      if (drill instanceof Drill && (await local(drill)) !== false) return;
      if (drill === undefined) return respond(fail('not-found', 'no-such-code', 'no open drill has this code'));
      const outcome = await forward(request);
      if (outcome) apply(respond)(outcome);
      else respond(moving());
    };

    on(socket, logger, 'drill:open', async (payload, respond) => {
      const trainer = trainerOf(socket, deps);
      if (!trainer) return respond(notLoggedIn());
      const opened = await drills.open(trainer, payload, socket.request.headers.host);
      if (!opened.ok) return respond(fail(opened.error.code, 'scenario-unavailable', opened.error.message));
      apply(respond as Respond<unknown>)({ answer: ok(drills.snapshot(opened.data)), join: [trainerRoom(opened.data.id)], attached: opened.data.id });
    });
    for (const name of controlNames) {
      on(socket, logger, name, async (payload, respond) => {
        const trainer = trainerOf(socket, deps);
        if (!trainer) return respond(notLoggedIn());
        const { drillId } = payload as { drillId: string };
        const drill = await drills.find(drillId);
        const refuse = () => respond(fail('forbidden', 'not-your-drill', 'only the trainer who opened this drill controls it'));
        const host = socket.request.headers.host;
        if (drill === undefined) {
          // No node runs it: an ended drill of this trainer still opens, read-only, from its results;
          // a cancelled one says so (it has none).
          const ended = await drills.endedFromStore(drillId, trainer.id, host);
          if (!ended && (await drills.cancelledInStore(drillId, trainer.id))) return respond(fail('drill-not-running', 'cancelled', 'this drill was cancelled before it started'));
          if (!ended) return refuse();
          return answerEnded(name, ended, drillId, apply(respond as Respond<unknown>));
        }
        await route(
          drill,
          async (here) => (here.trainer.id === trainer.id ? control(actionDeps, here, name as never, payload, host, apply(respond as Respond<unknown>)) : refuse()),
          { kind: 'control', drillId, trainerId: trainer.id, name, payload, host },
          respond as Respond<unknown>,
        );
      });
    }

    on(socket, logger, 'drill:join', async (payload, respond) => {
      // Per address, not per socket: a guesser opens a new socket whenever one is refused. A
      // cancelled or ended drill's code was a right one: the trainee is told so, and it is no wrong guess.
      const lookUp = async () => {
        const found = await drills.byCode(payload.code);
        return { found, closed: found === undefined ? await drills.closedCode(payload.code) : undefined };
      };
      const looked = await lookUpCode(joins, clientAddress(socket.handshake.address, socket.handshake.headers, deps.trustProxy ?? TRUST_NONE), deps.now, lookUp, (x) => x.found === undefined && x.closed === undefined);
      if (!looked) return respond(tooManyWrongCodes());
      const { found: drill, closed } = looked.found;
      if (closed === 'cancelled') return apply(respond as Respond<unknown>)(cancelledAnswer());
      if (closed === 'ended') return respond(fail('drill-not-running', 'ended', 'this drill has ended'));
      // One connection, a few seats at most: a trainee needs one.
      const joinsHere = joinsBy.get(socket) ?? 0;
      if (drill !== undefined && joinsHere >= JOINS_PER_SOCKET) return respond(fail('rate-limited', 'too-many-joins', `one connection may join at most ${JOINS_PER_SOCKET} times`));
      if (drill !== undefined) joinsBy.set(socket, joinsHere + 1);
      const here = async (d: Drill) => {
        const joined = await d.join(payload.displayName);
        if (!joined.ok) return respond(joined);
        await takeSeat(d, joined.data, 0, socket.id, apply(respond as Respond<unknown>));
      };
      await route(drill, here, { kind: 'join', code: payload.code, displayName: payload.displayName, socketId: socket.id }, respond as Respond<unknown>);
    });
    // Before the trainee types a name: what the code leads to. Under the same budget as a join, so it
    // is no cheaper way to guess codes; the join checks again (the drill may change in between).
    on(socket, logger, 'drill:check', async (payload, respond) => {
      const looked = await lookUpCode(joins, clientAddress(socket.handshake.address, socket.handshake.headers, deps.trustProxy ?? TRUST_NONE), deps.now, () => joinCodeStatus(drills, payload.code), (status) => status === 'unknown');
      respond(looked ? ok({ status: looked.found }) : tooManyWrongCodes());
    });
    on(socket, logger, 'drill:rejoin', async (payload, respond) => {
      const found = await drills.seatOf(payload.seatToken);
      if (found === 'removed') {
        // Still out: this socket waits with the seat's other evicted ones to hear it let back in.
        const seatId = drills.seatTokens.verify(payload.seatToken)?.seatId;
        if (seatId) return apply(respond as Respond<unknown>)(removedAnswer(seatId));
        return respond(fail('removed', 'removed', 'the trainer has removed you from this drill'));
      }
      if (found === 'cancelled') return apply(respond as Respond<unknown>)(cancelledAnswer());
      if (found === undefined) return respond(fail('unauthorized', 'bad-seat-token', 'this seat token does not open a seat'));
      if (found === 'elsewhere') {
        const outcome = await forward({ kind: 'rejoin', seatToken: payload.seatToken, lastSeq: payload.lastSeq, socketId: socket.id });
        return outcome ? apply(respond as Respond<unknown>)(outcome) : respond(moving());
      }
      // Ended, and no node holds it any more: answered from its stored results.
      if ('ended' in found) return apply(respond as Respond<unknown>)(found.ended);
      await takeSeat(found.drill, found.seat, payload.lastSeq, socket.id, apply(respond as Respond<unknown>));
    });

    for (const name of traineeEventNames) {
      onTrainee(socket, logger, name, async (payload, respond) => {
        const claim = socket.data.seat;
        if (!claim) return respond(fail('forbidden', 'no-seat', 'join the drill or rejoin your seat on this connection first'));
        const drill = drills.get(claim.drillId);
        const deliver = apply(respond as Respond<unknown>);
        if (drill) return act(drill, claim, name, payload, deliver);
        const outcome = await forward({ kind: 'act', claim, name, payload });
        // Nobody runs the drill now (it is moving): the client resumes, which finds it again.
        if (outcome) deliver(outcome);
        else respond(fail('forbidden', 'moving', 'rejoin your seat: the drill moved to another server'));
      });
    }
  });

  /** The socket leaves its seat (disconnect, or another seat taken): the dashboard shows it gone. */
  function release(socket: DrillSocket): void {
    const claim = socket.data.seat;
    if (!claim) return;
    const drill = drills.get(claim.drillId);
    const seat = drill && claimedSeat(drill, claim);
    if (drill && seat) drill.presence(seat, socket.id, false);
    else if (!drill) void forward({ kind: 'presence', claim, socketId: socket.id });
  }
}

/** A trainer event on an ended drill no node holds: its dashboard and results answer; nothing changes it. */
async function answerEnded(name: ControlName, ended: { results: DrillResults; snapshot: () => Promise<DrillSnapshot> }, drillId: string, deliver: (outcome: Outcome) => void): Promise<void> {
  switch (name) {
    case 'drill:attach':
      return deliver({ answer: ok(await ended.snapshot()), join: [trainerRoom(drillId)], attached: drillId });
    case 'drill:end':
      return deliver({ answer: ok(ended.results) });
    case 'drill:unwatch':
      return deliver({ answer: ok({ watching: null }), watching: null });
    default:
      // drill:watch too: an ended chat opens from the results (GET /api/sessions/<id> with the trainer's login).
      return deliver({ answer: fail('drill-not-running', 'ended', 'this drill has ended: it can no longer be changed') });
  }
}

const controlNames = ['drill:attach', 'drill:lock', 'drill:start', 'drill:cancel', 'drill:pause', 'drill:resume', 'drill:end', 'drill:reveal', 'drill:reveal-show', 'drill:remove', 'drill:admit', 'drill:watch', 'drill:unwatch'] as const satisfies readonly ControlName[];

/** The trainer of this socket, if its login still holds. */
function trainerOf(socket: DrillSocket, deps: DrillGatewayDeps): Trainer | undefined {
  const trainer = socket.data.trainer;
  return trainer && deps.loginValid(trainer.loginId, trainer.expiresAt) ? trainer : undefined;
}

/** Unknown events and floods stop here, with an error ack when the client asked for one. */
function guard(socket: DrillSocket, deps: DrillGatewayDeps): void {
  const limiter = new SlidingWindowLimiter(deps.rateLimit);
  socket.use((packet, next) => {
    const [name] = packet;
    const last = packet[packet.length - 1];
    const ack = typeof last === 'function' ? (last as Respond<never>) : undefined;
    if (!isDrillEventName(name) && !isClientEventName(name)) return ack?.(fail('unknown-event', undefined, `there is no event "${String(name).slice(0, 64)}"`));
    if (!limiter.allow(deps.now())) return ack?.(fail('rate-limited', 'too-many-events', `at most ${deps.rateLimit.events} events per ${deps.rateLimit.windowMs / 1000} s; slow down`));
    next();
  });
}

function on<E extends DrillEventName & keyof DrillAckData>(socket: DrillSocket, logger: Logger, name: E, run: (payload: DrillPayload<E>, respond: Respond<DrillAckData[E]>) => Promise<void> | void): void {
  listen(socket, logger, name, (payload) => validateDrillPayload(name, payload), run);
}

function onTrainee<E extends TraineeEventName>(socket: DrillSocket, logger: Logger, name: E, run: (payload: ClientPayload<E>, respond: Respond<TraineeAck>) => Promise<void> | void): void {
  listen(socket, logger, name, (payload) => validatePayload(name, payload), run);
}

function listen<E extends string, P, T>(
  socket: DrillSocket,
  logger: Logger,
  name: E,
  validate: (payload: unknown) => DrillAck<P>,
  run: (payload: P, respond: Respond<T>) => Promise<void> | void,
): void {
  const listener = (...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack !== 'function') return;
    let answered = false;
    const respond: Respond<T> = (answer) => {
      if (answered) return;
      answered = true;
      (ack as Respond<T>)(answer);
    };
    const valid = validate(args.length > 1 ? args[0] : undefined);
    if (!valid.ok) return respond(valid);
    Promise.resolve()
      .then(() => run(valid.data, respond))
      .catch((err: unknown) => {
        if (isStoreUnavailable(err)) return respond(fail('unavailable', undefined, STORE_UNAVAILABLE));
        logger.error({ err, event: name, socketId: socket.id }, 'drill event handler failed');
        respond(fail('internal', undefined, 'something went wrong on the server; try again'));
      });
  };
  // Listeners are typed per event; this one checks its arguments itself, so it takes unknowns.
  socket.on(name as never, listener as never);
}
