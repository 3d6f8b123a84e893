// Events for a drill another node runs. The socket's node sends the event to the other nodes
// (Socket.IO's serverSideEmit through the adapter, with an acknowledgement); the node that runs the
// drill acts (drillActions.ts) and answers with the Outcome, which the socket's node applies. Every
// other node answers null. Why forward rather than move the drill: one node must own the drill's
// clock, timers and dashboard, and a class spread over several nodes by the load balancer would
// otherwise pull the drill back and forth.
import type { Logger } from 'pino';
import type { ClientPayload, DrillEventName, TraineeEventName } from '../../protocol/index.ts';
import type { ActionDeps, Outcome, SeatClaim } from './drillActions.ts';
import { act, cancelledAnswer, control, removedAnswer, takeSeat } from './drillActions.ts';
import type { DrillNamespace } from './drillRooms.ts';

export type ControlName = Exclude<DrillEventName, 'drill:open' | 'drill:join' | 'drill:check' | 'drill:rejoin'>;

export type ForwardRequest =
  | { kind: 'control'; drillId: string; trainerId: string; name: ControlName; payload: unknown; host: string | undefined }
  | { kind: 'join'; code: string; displayName: string; socketId: string }
  | { kind: 'rejoin'; seatToken: string; lastSeq: number; socketId: string }
  | { kind: 'act'; claim: SeatClaim; name: TraineeEventName; payload: unknown }
  | { kind: 'presence'; claim: SeatClaim; socketId: string };

const FORWARD_EVENT = 'drill:forward';

type Reply = (outcome: Outcome | null) => void;
interface ServerSide {
  serverSideEmit(event: string, request: ForwardRequest, ack: (err: Error | null, responses: (Outcome | null)[]) => void): boolean;
  on(event: string, listener: (request: ForwardRequest, reply: Reply) => void): unknown;
}

/** Longer than the adapter's own wait for every node's answer (5 s), which normally answers first. */
const FORWARD_DEADLINE_MS = 6000;

/** Send to the node that runs the drill: its Outcome, or undefined if no node answered for it. */
export function forwarder(nsp: DrillNamespace, logger: Logger): (request: ForwardRequest) => Promise<Outcome | undefined> {
  const sides = nsp as unknown as ServerSide;
  return async (request) => {
    // One node (the in-memory adapter, which would never answer): nobody else to ask.
    if ((await nsp.adapter.serverCount()) <= 1) return undefined;
    return new Promise((resolve) => {
      const deadline = setTimeout(() => resolve(undefined), FORWARD_DEADLINE_MS);
      sides.serverSideEmit(FORWARD_EVENT, request, (err, responses) => {
        clearTimeout(deadline);
        const answered = (responses ?? []).find((r): r is Outcome => r !== null && typeof r === 'object');
        if (!answered && err) logger.debug({ err: String(err), kind: request.kind }, 'no node answered a forwarded drill event');
        resolve(answered);
      });
    });
  };
}

/** Answer the other nodes' forwarded events for the drills this node runs. */
export function answerForwarded(nsp: DrillNamespace, deps: ActionDeps, logger: Logger): void {
  (nsp as unknown as ServerSide).on(FORWARD_EVENT, (request, reply) => {
    let answered = false;
    const deliver = (outcome: Outcome | null) => {
      if (answered) return;
      answered = true;
      reply(outcome);
    };
    run(deps, request, deliver)
      .then(() => deliver(null))
      .catch((err: unknown) => {
        logger.error({ err, kind: request.kind }, 'a forwarded drill event failed');
        deliver({ answer: { ok: false, error: { code: 'internal', message: 'something went wrong on the server; try again' } } });
      });
  });
}

/** Acts only on drills in this node's memory: a forwarded event never starts a takeover. */
async function run(deps: ActionDeps, request: ForwardRequest, deliver: (outcome: Outcome) => void): Promise<void> {
  const { drills } = deps;
  switch (request.kind) {
    case 'control': {
      const drill = drills.get(request.drillId);
      if (!drill) return;
      if (drill.trainer.id !== request.trainerId) return deliver({ answer: { ok: false, error: { code: 'forbidden', reason: 'not-your-drill', message: 'only the trainer who opened this drill controls it' } } });
      // Not confirmed: this copy is stale and let go of; the node that runs the drill answers.
      await control(deps, drill, request.name as never, request.payload, request.host, deliver);
      return;
    }
    case 'join': {
      const drill = drills.hereByCode(request.code);
      if (!drill) return;
      const joined = await drill.join(request.displayName);
      if (!joined.ok) return deliver({ answer: joined });
      return takeSeat(drill, joined.data, 0, request.socketId, deliver);
    }
    case 'rejoin': {
      const claim = drills.seatTokens.verify(request.seatToken);
      const drill = claim && drills.get(claim.drillId);
      if (!drill || !claim) return;
      if (drill.status === 'cancelled') return deliver(cancelledAnswer());
      const seat = drill.seats.get(claim.seatId);
      if (!seat) return deliver({ answer: { ok: false, error: { code: 'unauthorized', reason: 'bad-seat-token', message: 'this seat token does not open a seat' } } });
      if (seat.removed) return deliver(removedAnswer(seat.id));
      return takeSeat(drill, seat, request.lastSeq, request.socketId, deliver);
    }
    case 'act': {
      const drill = drills.get(request.claim.drillId);
      if (!drill) return;
      return act(drill, request.claim, request.name, request.payload as ClientPayload<TraineeEventName>, deliver);
    }
    case 'presence': {
      const drill = drills.get(request.claim.drillId);
      const seat = drill?.seats.get(request.claim.seatId);
      if (drill && seat) drill.presence(seat, request.socketId, false);
      return;
    }
  }
}
