// The `/drill` namespace's rooms, and the outbox a drill sends through. Rooms: one per seat (all
// the sockets holding it), the drill's trainees, the drill's trainer, one per session (the seat's
// sockets and a trainer watching it), and one per watched session (the watching trainer's alone).
import type { Namespace, Socket } from 'socket.io';
import type { DrillClientToServerEvents, DrillServerEventBodies, DrillServerToClientEvents, DrillSocketData, InterServerEvents } from '../../protocol/index.ts';
import { roomOf } from '../gateway.ts';
import type { DeliveredEvent } from '../liveSession.ts';
import type { DrillOutbox } from './drill.ts';

export type DrillNamespace = Namespace<DrillClientToServerEvents, DrillServerToClientEvents, InterServerEvents, DrillSocketData>;
export type DrillSocket = Socket<DrillClientToServerEvents, DrillServerToClientEvents, InterServerEvents, DrillSocketData>;

export const seatRoom = (seatId: string) => `seat:${seatId}`;
export const traineesRoom = (drillId: string) => `drill:${drillId}:trainees`;
export const trainerRoom = (drillId: string) => `drill:${drillId}:trainer`;
/** the trainer sockets watching a session (never its trainee's): what only the trainer may see of it */
export const watchRoom = (sessionId: string) => `watch:${sessionId}`;
/** a removed seat's evicted sockets, which hear nothing of the drill but its readmission */
export const removedSeatRoom = (seatId: string) => `removed:${seatId}`;
export { roomOf as sessionRoom };

type Emit = (name: string, payload: unknown) => unknown;

export function drillOutbox(nsp: DrillNamespace): DrillOutbox {
  // Each name is paired with its body by the outbox's own signature; emit's overloads cannot see that.
  const emit = (room: string, name: string, body: unknown) => {
    const target = nsp.to(room);
    (target.emit as Emit).call(target, name, body);
  };
  return {
    toSeat: <N extends keyof DrillServerEventBodies>(seatId: string, name: N, body: DrillServerEventBodies[N]) => emit(seatRoom(seatId), name, body),
    toTrainees: <N extends keyof DrillServerEventBodies>(drillId: string, name: N, body: DrillServerEventBodies[N]) => emit(traineesRoom(drillId), name, body),
    toTrainer: <N extends keyof DrillServerEventBodies>(drillId: string, name: N, body: DrillServerEventBodies[N]) => emit(trainerRoom(drillId), name, body),
    toSession: (sessionId: string, event: DeliveredEvent, watchersOnly?: boolean) => emit(watchersOnly === true ? watchRoom(sessionId) : roomOf(sessionId), event.name, event.payload),
    toWatchers: <N extends keyof DrillServerEventBodies>(sessionId: string, name: N, body: DrillServerEventBodies[N]) => emit(watchRoom(sessionId), name, body),
    seatFollows: (seatId: string, sessionId: string) => nsp.in(seatRoom(seatId)).socketsJoin(roomOf(sessionId)),
    evictSeat: (drillId: string, seatId: string, sessionIds: string[]) => {
      nsp.in(seatRoom(seatId)).socketsJoin(removedSeatRoom(seatId));
      nsp.in(seatRoom(seatId)).socketsLeave([traineesRoom(drillId), seatRoom(seatId), ...sessionIds.map(roomOf)]);
    },
    readmitSeat: (seatId: string, body: DrillServerEventBodies['drill:admitted']) => {
      emit(removedSeatRoom(seatId), 'drill:admitted', body);
      nsp.in(removedSeatRoom(seatId)).socketsLeave(removedSeatRoom(seatId));
    },
  };
}

export function emitEvent(socket: DrillSocket, event: DeliveredEvent): void {
  (socket.emit as Emit).call(socket, event.name, event.payload);
}
