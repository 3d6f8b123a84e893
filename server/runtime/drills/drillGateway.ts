// The `/drill` namespace: who a socket is (a trainer from the login cookie at the handshake, or a
// trainee once it holds a seat), and every event checked against it before anything happens.
// Trainer events act only on the trainer's own drills; trainee events only in the seat's session.
import type { Logger } from 'pino';
import type { ClientPayload, DrillAck, DrillAckData, DrillEventName, DrillPayload, TraineeAck, TraineeEventName } from '../../protocol/index.ts';
import { isClientEventName, isDrillEventName, validateDrillPayload, validatePayload } from '../../protocol/index.ts';
import type { DrillStore } from '../../store/drillStore.ts';
import type { Trainer, TrainerLogin } from '../../store/trainerStore.ts';
import type { RateLimit } from '../socketGuard.ts';
import { SlidingWindowLimiter } from '../socketGuard.ts';
import { toSessionEvent, traineeEventNames } from '../traineeEvents.ts';
import type { Drill } from './drill.ts';
import type { DrillManager } from './drillManager.ts';
import type { DrillNamespace, DrillSocket } from './drillRooms.ts';
import { JoinGuard } from './joinGuard.ts';
import { emitEvent, seatRoom, sessionRoom, traineesRoom, trainerRoom } from './drillRooms.ts';
import type { Seat } from './seats.ts';

export interface DrillGatewayDeps {
  drills: DrillManager;
  store: DrillStore;
  /** the trainer login a Cookie header carries, and whether one read earlier still holds */
  trainerFromCookie: (header: string | undefined) => Promise<TrainerLogin | undefined>;
  loginValid: (loginId: string, expiresAt: number) => boolean;
  logger: Logger;
  rateLimit: RateLimit;
  now: () => number;
  /** failed join attempts allowed per address (default JOIN_FAILURE_LIMIT) */
  joinLimit?: RateLimit;
}

type Respond<T> = (answer: DrillAck<T>) => void;
const fail = (code: Extract<DrillAck<never>, { ok: false }>['error']['code'], message: string) => ({ ok: false as const, error: { code, message } });
const ok = <T>(data: T) => ({ ok: true as const, data });

export function attachDrillGateway(nsp: DrillNamespace, deps: DrillGatewayDeps): void {
  const { drills, logger } = deps;
  const joins = new JoinGuard(deps.joinLimit);
  nsp.use((socket, next) => {
    socket.data = { trainer: null, seat: null, attached: null, watching: null };
    deps
      .trainerFromCookie(socket.request.headers.cookie)
      .then((login) => {
        if (login) socket.data.trainer = { ...login.trainer, loginId: login.id, expiresAt: login.expiresAt };
      })
      .catch((err: unknown) => logger.error({ err }, 'reading the trainer cookie failed'))
      .finally(() => next());
  });

  nsp.on('connection', (socket) => {
    guard(socket, deps);
    socket.on('disconnect', () => {
      const held = heldSeat(socket, drills);
      if (held) held.drill.presence(held.seat, socket.id, false);
    });

    /** A trainer event on one of this trainer's drills. */
    const control = <E extends DrillEventName & keyof DrillAckData>(name: E, run: (drill: Drill, payload: DrillPayload<E>, respond: Respond<DrillAckData[E]>, trainer: Trainer) => Promise<void> | void) =>
      on(socket, logger, name, async (payload, respond) => {
        const trainer = socket.data.trainer;
        if (!trainer || !deps.loginValid(trainer.loginId, trainer.expiresAt)) return respond(fail('unauthorized', 'log in as a trainer first'));
        if (name === 'drill:open') return run(undefined as never, payload, respond, trainer);
        const drill = drills.get((payload as { drillId: string }).drillId);
        if (!drill || drill.trainer.id !== trainer.id) return respond(fail('forbidden', 'only the trainer who opened this drill controls it'));
        await run(drill, payload, respond, trainer);
      });

    control('drill:open', async (_none, payload, respond, trainer) => {
      const opened = await drills.open(trainer, payload, socket.request.headers.host);
      if (!opened.ok) return respond(opened);
      follow(opened.data);
      respond(ok(drills.snapshot(opened.data)));
    });
    control('drill:attach', (drill, _p, respond) => {
      follow(drill);
      respond(ok(drills.snapshot(drill)));
    });
    control('drill:lock', (drill, p, respond) => respond(ok(drill.setLocked(p.locked))));
    control('drill:start', async (drill, _p, respond) => {
      const started = await drill.start();
      if (started.ok) await deps.store.started(drill.id, deps.now());
      respond(started);
    });
    control('drill:pause', (drill, _p, respond) => respond(drill.pause()));
    control('drill:resume', (drill, _p, respond) => respond(drill.resume()));
    control('drill:end', async (drill, _p, respond) => respond(await drill.end()));
    control('drill:reveal', (drill, p, respond) => respond(drill.freezeAt(p.move, p.scenarioId)));
    control('drill:reveal-show', (drill, _p, respond) => respond(drill.showReveal()));
    control('drill:remove', (drill, p, respond) => respond(mapSeat(drill, drill.remove(p.seatId))));
    control('drill:admit', (drill, p, respond) => respond(mapSeat(drill, drill.admit(p.seatId))));
    control('drill:watch', async (drill, p, respond) => {
      const session = drill.seats.get(p.seatId)?.session;
      if (!session) return respond(fail('not-found', 'that seat has no session yet'));
      if (socket.data.watching) void socket.leave(sessionRoom(socket.data.watching));
      // In the session's queue: the history and the live events that follow neither overlap nor gap.
      await session.resume(0, (lastSeq, missed) => {
        socket.data.watching = session.id;
        void socket.join(sessionRoom(session.id));
        respond(ok({ seatId: p.seatId, sessionId: session.id, lastSeq }));
        for (const event of missed) emitEvent(socket, event);
      });
    });
    control('drill:unwatch', (_drill, _p, respond) => {
      if (socket.data.watching) void socket.leave(sessionRoom(socket.data.watching));
      socket.data.watching = null;
      respond(ok({ watching: null }));
    });

    on(socket, logger, 'drill:join', async (payload, respond) => {
      // Per address, not per socket: a guesser opens a new socket whenever one is refused.
      const address = socket.handshake.address;
      if (!joins.allows(address, deps.now())) return respond(fail('rate-limited', 'too many wrong codes from your network; wait a few minutes and try again'));
      const drill = drills.byCode(payload.code);
      if (!drill) {
        joins.failed(address, deps.now());
        return respond(fail('not-found', 'no open drill has this code'));
      }
      const joined = await drill.join(payload.displayName);
      if (!joined.ok) return respond(joined);
      await takeSeat(drill, joined.data, 0, respond);
    });
    on(socket, logger, 'drill:rejoin', async (payload, respond) => {
      const found = drills.seatOf(payload.seatToken);
      if (found === 'removed') return respond(fail('removed', 'the trainer has removed you from this drill'));
      if (!found) return respond(fail('unauthorized', 'this seat token does not open a seat'));
      await takeSeat(found.drill, found.seat, payload.lastSeq, respond);
    });

    for (const name of traineeEventNames) {
      onTrainee(socket, logger, name, async (payload, respond) => {
        const held = heldSeat(socket, drills);
        if (!held) return respond(fail('forbidden', 'join the drill or rejoin your seat on this connection first'));
        const allowed = held.drill.sessionFor(held.seat, payload.sessionId);
        if (!allowed.ok) return respond(allowed);
        await allowed.data.act(toSessionEvent(name, payload), payload.clientMsgId, respond);
      });
    }

    function follow(drill: Drill): void {
      if (socket.data.attached && socket.data.attached !== drill.id) void socket.leave(trainerRoom(socket.data.attached));
      socket.data.attached = drill.id;
      void socket.join(trainerRoom(drill.id));
    }

    /** Hold the seat on this socket; the session's events after `lastSeq` follow the answer. */
    async function takeSeat(drill: Drill, seat: Seat, lastSeq: number, respond: Respond<DrillAckData['drill:join']>): Promise<void> {
      const previous = heldSeat(socket, drills);
      if (previous && previous.seat !== seat) {
        previous.drill.presence(previous.seat, socket.id, false);
        for (const room of [...socket.rooms]) if (room !== socket.id) void socket.leave(room);
      }
      socket.data.seat = { drillId: drill.id, seatId: seat.id, epoch: seat.epoch };
      void socket.join([seatRoom(seat.id), traineesRoom(drill.id)]);
      drill.presence(seat, socket.id, true);
      const session = seat.session;
      if (!session) return respond(ok(drill.seatInfo(seat)));
      await session.resume(Math.min(lastSeq, session.lastSeq), (seq, missed) => {
        void socket.join(sessionRoom(session.id));
        respond(ok(drill.seatInfo(seat, seq)));
        for (const event of missed) emitEvent(socket, event);
      });
    }
  });
}

/** The seat this socket holds, if it still may (not removed since). */
function heldSeat(socket: DrillSocket, drills: DrillManager): { drill: Drill; seat: Seat } | undefined {
  const claim = socket.data.seat;
  const drill = claim ? drills.get(claim.drillId) : undefined;
  const seat = claim ? drill?.seats.get(claim.seatId) : undefined;
  if (!claim || !drill || !seat || seat.removed || seat.epoch !== claim.epoch) return undefined;
  return { drill, seat };
}

function mapSeat(drill: Drill, result: ReturnType<Drill['remove']>): DrillAck<DrillAckData['drill:remove']> {
  if (!result.ok) return result;
  return ok(drill.tile(result.data));
}

/** Unknown events and floods stop here, with an error ack when the client asked for one. */
function guard(socket: DrillSocket, deps: DrillGatewayDeps): void {
  const limiter = new SlidingWindowLimiter(deps.rateLimit);
  socket.use((packet, next) => {
    const [name] = packet;
    const last = packet[packet.length - 1];
    const ack = typeof last === 'function' ? (last as Respond<never>) : undefined;
    if (!isDrillEventName(name) && !isClientEventName(name)) return ack?.(fail('unknown-event', `there is no event "${String(name).slice(0, 64)}"`));
    if (!limiter.allow(deps.now())) return ack?.(fail('rate-limited', `at most ${deps.rateLimit.events} events per ${deps.rateLimit.windowMs / 1000} s; slow down`));
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
        logger.error({ err, event: name, socketId: socket.id }, 'drill event handler failed');
        respond(fail('internal', 'something went wrong on the server; try again'));
      });
  };
  // Listeners are typed per event; this one checks its arguments itself, so it takes unknowns.
  socket.on(name as never, listener as never);
}
