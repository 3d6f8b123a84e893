// Wires a trainee's drill seat to the store, and routes each session's traffic to the connection it
// belongs to: a drill seat's session to the `/drill` namespace, every other chat to the practice one.
// The drill connection opens only when a seat is taken or remembered, or a join code checked.
import type { AppStore } from '../store/index.ts';
import type { DrillTransport } from '../store/drillSlice.ts';
import type { KeyValueStorage } from '../store/persist.ts';
import type { NetAck, SessionInfo, StartRequest, TraineeBody, Transport } from '../store/types.ts';
import type { TraineeEventName } from '../../server/protocol/index.ts';
import { DrillSeatLink } from './DrillSeatLink.ts';

export class RoutingTransport implements Transport {
  constructor(
    private readonly practice: Transport,
    private readonly drill: () => Transport,
    private readonly isDrill: (sessionId: string) => boolean,
  ) {}

  private pick(sessionId: string): Transport {
    return this.isDrill(sessionId) ? this.drill() : this.practice;
  }

  start(request: StartRequest): Promise<NetAck<SessionInfo>> {
    return this.practice.start(request);
  }
  track(sessionId: string, token: string): void {
    this.pick(sessionId).track(sessionId, token);
  }
  untrack(sessionId: string): void {
    this.pick(sessionId).untrack(sessionId);
  }
  send<E extends TraineeEventName>(event: E, body: TraineeBody<E>): string {
    return this.pick(body.sessionId).send(event, body);
  }
  discard(sessionId: string, clientMsgId: string): void {
    this.pick(sessionId).discard(sessionId, clientMsgId);
  }
}

/** The store's transport with drill seats routed; attaches the drill transport to the store too. */
export function withDrills(store: AppStore, practice: Transport, storage: KeyValueStorage | null): Transport {
  const act = () => store.getState();
  let link: DrillSeatLink | null = null;
  const drill = (): DrillSeatLink => {
    link ??= DrillSeatLink.inBrowser(
      {
        seat: (info) => act().netSeat(info),
        seatFailed: (error, kept) => act().netSeatFailed(error, kept),
        state: (state) => act().netDrillState(state),
        session: (payload) => act().netDrillSession(payload),
        reveal: (reveal) => act().netDrillReveal(reveal),
        removed: (payload) => act().netDrillRemoved(payload),
        admitted: (payload) => act().netDrillAdmitted(payload),
        total: (payload) => act().netDrillTotal(payload),
        headcount: (payload) => act().netDrillHeadcount(payload),
        chatEnded: (payload) => act().netDrillChatEnded(payload),
        results: (payload) => act().netDrillResults(payload),
      },
      {
        // The practice socket reports the connection; the drill one rides on the same.
        connection: () => undefined,
        started: (info) => act().netStarted(info),
        resumed: (info) => act().netResumed(info),
        gone: (sessionId, error) => act().netGone(sessionId, error),
        event: (event) => act().netEvent(event),
        outbox: (sessionId, items) => act().netOutbox(sessionId, items),
        acked: (sessionId, clientMsgId, ack, midpoint) => act().netAcked(sessionId, clientMsgId, ack, midpoint),
      },
      storage,
    );
    return link;
  };
  const transport: DrillTransport = {
    join: (code, name) => drill().join(code, name),
    check: (code) => drill().check(code),
    rejoin: (seat) => drill().rejoin(seat),
    leave: () => link?.leave(),
  };
  act().attachDrillTransport(transport);
  return new RoutingTransport(practice, drill, (id) => act().isDrillSession(id));
}
