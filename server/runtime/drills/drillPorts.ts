// What a drill is given, and what it sends and records through, kept apart so the drill runs the
// same on a real namespace and store as on the doubles a test gives it.
import type { Logger } from 'pino';
import type { DrillResults, DrillServerEventBodies } from '../../protocol/index.ts';
import type { DeliveredEvent } from '../liveSession.ts';
import type { ScenarioCatalog } from '../scenarioCatalog.ts';
import type { Scheduler } from '../scheduler.ts';
import type { Drill } from './drill.ts';
import type { Seat } from './seats.ts';
import type { SeatTokens } from './seatTokens.ts';
import type { TappedSessionLog } from './tappedLog.ts';

export interface DrillOutbox {
  toSeat<N extends keyof DrillServerEventBodies>(seatId: string, name: N, body: DrillServerEventBodies[N]): void;
  toTrainees<N extends keyof DrillServerEventBodies>(drillId: string, name: N, body: DrillServerEventBodies[N]): void;
  toTrainer<N extends keyof DrillServerEventBodies>(drillId: string, name: N, body: DrillServerEventBodies[N]): void;
  /** `watchersOnly`: to the trainer sockets watching it, not the seat's (an exam's held-back result) */
  toSession(sessionId: string, event: DeliveredEvent, watchersOnly?: boolean): void;
  /** to the trainer sockets watching the session only */
  toWatchers<N extends keyof DrillServerEventBodies>(sessionId: string, name: N, body: DrillServerEventBodies[N]): void;
  /** the seat's sockets hear the session's events from now on */
  seatFollows(seatId: string, sessionId: string): void;
  /** the seat's sockets leave every room of the drill and lose the seat (they wait apart for a readmission) */
  evictSeat(drillId: string, seatId: string, sessionIds: string[]): void;
  /** the sockets a removal evicted hear that the seat is back (then take it with drill:rejoin) */
  readmitSeat(seatId: string, body: DrillServerEventBodies['drill:admitted']): void;
}

/** Seats and sessions as they come, so a drill a stopped server leaves behind can be accounted for. */
export interface DrillRecorder {
  seatJoined(drillId: string, seat: Seat): Promise<void>;
  /** `at`: drill time of the removal */
  seatRemoved(drillId: string, seatId: string, removed: boolean, at?: number): Promise<void>;
  sessionStarted(drillId: string, seatId: string, position: number, sessionId: string, scenarioId: string): Promise<void>;
}

export interface DrillDeps {
  wall: Scheduler;
  log: TappedSessionLog;
  catalog: ScenarioCatalog;
  logger: Logger;
  speed: number;
  secret: string;
  seatTokens: SeatTokens;
  outbox: DrillOutbox;
  /** the drill ended: persist its results */
  onEnded: (drill: Drill, results: DrillResults) => Promise<void>;
  /** the drill's end time as stored with its results; undefined while the store has no end for it */
  storedEndAt: () => Promise<number | null | undefined>;
  /** its results stored: remove its run row and release its lease (throws if either failed) */
  letGo: () => Promise<void>;
  /** the lobby was called off: store it as cancelled (throws if that failed: the drill stays a lobby) */
  onCancelled: (drill: Drill) => Promise<void>;
  /** a lobby not started this long after it opened is cancelled (DRILL_LOBBY_TTL_HOURS); null: never */
  lobbyTtlMs: number | null;
  /** seats and sessions as they come, so a drill a stopped server leaves behind can be accounted for */
  record: DrillRecorder;
  /** status, lock, pause or reveal changed: store the checkpoint another node would go on from */
  checkpoint: (drill: Drill) => void;
  /** does this node still run the drill (its lease)? asked before the time limit ends it */
  stillOwned: () => Promise<boolean>;
  /** seats a drill may have (removed ones count): DRILL_MAX_SEATS */
  maxSeats: number;
  /** taken over from the store: the drill clock goes on from here */
  clockFrom?: { at: number; paused: boolean };
}
