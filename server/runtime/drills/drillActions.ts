// What the node that runs a drill does for an event, whichever node the socket is connected to.
// An action does not touch the socket: it hands back an Outcome (the answer, the rooms the socket
// joins, the socket's new seat or watch, the session events it gets after the answer), which the
// socket's own node applies (drillGateway.ts) — at once when the socket is here, or after the
// answer travelled back between nodes (drillForwarding.ts). The owner's broadcasts reach sockets on
// every node through the Socket.IO adapter's rooms.
import type { DrillAck, DrillAckData, DrillErrorReason, DrillEventName, DrillPayload, DrillServerEventBodies, TraineeAck, TraineeEventName } from '../../protocol/index.ts';
import type { ClientPayload } from '../../protocol/index.ts';
import type { DrillStore } from '../../store/drillStore.ts';
import type { DeliveredEvent } from '../liveSession.ts';
import { toSessionEvent } from '../traineeEvents.ts';
import { forTrainee, holdsResults } from '../examHold.ts';
import type { Drill } from './drill.ts';
import type { DrillManager } from './drillManager.ts';
import { removedSeatRoom, seatRoom, sessionRoom, traineesRoom, trainerRoom, watchRoom } from './drillRooms.ts';
import type { Seat } from './seats.ts';

export interface SeatClaim {
  drillId: string;
  seatId: string;
  epoch: number;
}

export interface Outcome {
  answer: DrillAck<unknown>;
  /** rooms the socket joins */
  join?: string[];
  /** the seat the socket holds from now on (it leaves the rooms of another one) */
  seat?: SeatClaim;
  /** the drill this trainer socket follows from now on */
  attached?: string;
  /** the session this trainer socket watches from now on (null: none) */
  watching?: string | null;
  /** session events for this socket alone, after the answer */
  then?: DeliveredEvent[];
  /** an ended exam's results for the seat taken, after those */
  results?: DrillServerEventBodies['drill:results'];
}

export type Deliver = (outcome: Outcome) => void;
type ControlName = Exclude<DrillEventName, 'drill:open' | 'drill:join' | 'drill:check' | 'drill:rejoin'> & keyof DrillAckData;

type DrillError = Extract<DrillAck<never>, { ok: false }>['error'];
const fail = (code: DrillError['code'], reason: DrillErrorReason, message: string): DrillAck<never> => ({ ok: false, error: { code, reason, message } });
const ok = <T>(data: T): DrillAck<T> => ({ ok: true, data });
const answer = (a: DrillAck<unknown>): Outcome => ({ answer: a });

export interface ActionDeps {
  drills: DrillManager;
  store: DrillStore;
  now: () => number;
}

/**
 * A trainer event on a drill in this node's memory; the trainer is checked already. The one lease
 * check for commands, whether the trainer's socket is here or another node forwarded the command:
 * the lease is confirmed first (commands are rare, and each changes the drill for everyone), and a
 * node that lost the drill without noticing yet lets go of it, does nothing and answers false, so
 * the command goes to the new owner instead of into a stale copy.
 */
export async function control(deps: ActionDeps, drill: Drill, name: ControlName, payload: unknown, host: string | undefined, deliver: Deliver): Promise<boolean> {
  // A cancel still being written is not a cancel yet: a command that comes meanwhile (a start) is
  // answered by how the write ends, as a trainee's join is. Stored, it finds the drill cancelled;
  // failed, a lobby again, and it goes ahead.
  if (drill.status === 'cancelled') await drill.settledStatus();
  // An ended or cancelled drill is read-only and nobody's lease holds it any more (what is left of it
  // is stored, or being stored): the copy in memory answers what a trainer may still ask of it, and
  // refuses the rest.
  if (drill.over) {
    if (!(drill.status === 'ended' ? readOnlyControls : readOnlyCancelled).has(name)) {
      deliver(answer(drill.overFailure()));
      return true;
    }
    await controlHere(deps, drill, name, payload, host, deliver);
    return true;
  }
  if (!(await deps.drills.leases.confirm(drill.id))) return false;
  await controlHere(deps, drill, name, payload, host, deliver);
  return true;
}

async function controlHere(deps: ActionDeps, drill: Drill, name: ControlName, payload: unknown, host: string | undefined, deliver: Deliver): Promise<void> {
  const p = payload as DrillPayload<ControlName>;
  switch (name) {
    case 'drill:attach':
      await deps.drills.remember(drill, host);
      return deliver({ answer: ok(deps.drills.snapshot(drill)), join: [trainerRoom(drill.id)], attached: drill.id });
    case 'drill:lock':
      return deliver(answer(drill.setLocked((p as DrillPayload<'drill:lock'>).locked)));
    case 'drill:start': {
      const started = await drill.start();
      if (started.ok) await deps.store.started(drill.id, deps.now());
      return deliver(answer(started));
    }
    case 'drill:cancel':
      return deliver(answer(await drill.cancel('trainer')));
    case 'drill:pause':
      return deliver(answer(drill.pause()));
    case 'drill:resume':
      return deliver(answer(drill.resume()));
    case 'drill:end':
      return deliver(answer(await drill.end()));
    case 'drill:reveal': {
      const r = p as DrillPayload<'drill:reveal'>;
      return deliver(answer(drill.freezeAt(r.move, r.scenarioId)));
    }
    case 'drill:reveal-show':
      return deliver(answer(drill.showReveal()));
    case 'drill:remove':
    case 'drill:admit': {
      const seatId = (p as DrillPayload<'drill:remove'>).seatId;
      const result = name === 'drill:remove' ? drill.remove(seatId) : drill.admit(seatId);
      return deliver(answer(result.ok ? ok(drill.tile(result.data)) : result));
    }
    case 'drill:watch': {
      const seat = drill.seats.get((p as DrillPayload<'drill:watch'>).seatId);
      if (!seat) return deliver(answer(fail('not-found', 'no-such-seat', 'no such seat in this drill')));
      const session = seat.session;
      if (!session) return deliver(answer(fail('not-found', 'no-session-yet', 'that seat has no session yet')));
      // In the session's queue: the history and the live events that follow neither overlap nor gap.
      // The verdict marks so far (an exam's too: the trainer is not the examinee) come in the answer,
      // later ones to the watch room, which only trainer sockets join.
      const shadow = seat.shadows.find((s) => s.sessionId === session.id);
      await session.resume(0, (lastSeq, missed) => {
        const verdicts = Object.fromEntries(shadow?.marks ?? []);
        deliver({ answer: ok({ seatId: seat.id, sessionId: session.id, lastSeq, rubric: session.ruleTexts.rubric, verdicts }), join: [sessionRoom(session.id), watchRoom(session.id)], watching: session.id, then: missed });
      });
      // Reading a removed seat's chat must not set it going again.
      if (seat.removed) await drill.freeze(seat);
      return;
    }
    case 'drill:unwatch':
      return deliver({ answer: ok({ watching: null }), watching: null });
    default:
      return deliver(answer({ ok: false, error: { code: 'unknown-event', message: `there is no event "${String(name)}"` } }));
  }
}

/** What a trainer may still ask of an ended drill: its dashboard, a chat, and its results (drill:end again). */
const readOnlyControls: ReadonlySet<ControlName> = new Set<ControlName>(['drill:attach', 'drill:watch', 'drill:unwatch', 'drill:end']);
/** What a cancelled one still answers: its room (saying it was cancelled), and the cancel again. */
const readOnlyCancelled: ReadonlySet<ControlName> = new Set<ControlName>(['drill:attach', 'drill:unwatch', 'drill:cancel']);

/** What a join or rejoin of a cancelled drill answers: plainly that, never "no such code". */
export const cancelledAnswer = (): Outcome => answer(fail('drill-not-running', 'cancelled', 'the trainer cancelled this drill before it started'));

/**
 * A rejoin of a removed seat: refused, and the socket waits in the seat's removed room to hear 放回
 * (drill:admitted). A room, not a seat claim, so the socket's own node joins it whichever node answered.
 */
export const removedAnswer = (seatId: string): Outcome => ({ answer: fail('removed', 'removed', 'the trainer has removed you from this drill'), join: [removedSeatRoom(seatId)] });

/** Hold the seat on the socket; the session's events after `lastSeq` follow the answer. */
export async function takeSeat(drill: Drill, seat: Seat, lastSeq: number, socketId: string, deliver: Deliver): Promise<void> {
  const claim = { drillId: drill.id, seatId: seat.id, epoch: seat.epoch };
  drill.presence(seat, socketId, true);
  const rooms = [seatRoom(seat.id), traineesRoom(drill.id)];
  const session = await drill.currentSession(seat);
  if (!session) return deliver({ answer: ok(drill.seatInfo(seat)), join: rooms, seat: claim });
  const results = drill.releasedResults(seat);
  await session.resume(Math.min(lastSeq, session.lastSeq), (seq, missed) =>
    deliver({ answer: ok(drill.seatInfo(seat, seq)), join: [...rooms, sessionRoom(session.id)], seat: claim, then: forTrainee(missed, holdsResults(drill.mode, drill.status)), ...(results ? { results } : {}) }),
  );
}

/** The seat of a claim, if the socket may still hold it (not removed since). */
export function claimedSeat(drill: Drill, claim: SeatClaim): Seat | undefined {
  const seat = drill.seats.get(claim.seatId);
  return seat && !seat.removed && seat.epoch === claim.epoch ? seat : undefined;
}

/** A trainee event in the seat's session. */
export async function act(drill: Drill, claim: SeatClaim, name: TraineeEventName, payload: ClientPayload<TraineeEventName>, deliver: Deliver): Promise<void> {
  const seat = claimedSeat(drill, claim);
  if (!seat) {
    const removed = drill.seats.get(claim.seatId)?.removed === true;
    return deliver(answer(removed ? fail('forbidden', 'removed', 'the trainer has removed you from this drill') : fail('forbidden', 'no-seat', 'join the drill or rejoin your seat on this connection first')));
  }
  await drill.currentSession(seat);
  const allowed = drill.sessionFor(seat, payload.sessionId);
  if (!allowed.ok) return deliver(answer(allowed));
  await allowed.data.act(toSessionEvent(name, payload as never), payload.clientMsgId, (a) => deliver(answer(a as DrillAck<TraineeAck>)));
}
