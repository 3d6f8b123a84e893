// The socket events of a classroom drill, on the Socket.IO namespace `/drill` (DRILL_NAMESPACE).
// A trainee's session inside a drill speaks the practice protocol unchanged on that namespace:
// `reply:send` & co. in, `buyer:say` & co. out, with the same payloads. Drill events come on top:
// trainer controls (authorised by the trainer cookie at the handshake) and trainee seat events.
import type { LocalText, Outcome, OutcomeKind, Report, RuleCategory, Verdict } from '../engine/index.ts';
import type { AckError, ErrorCode } from './errors.ts';
import type { ClientToServerEvents, ReportMarks, ScenarioSummary, ServerToClientEvents, SessionInfo, VerdictMark } from './events.ts';
import type { TraineeEventName } from './schemas.ts';
import type { DrillEventName, DrillPayload } from './drillSchemas.ts';

export const DRILL_NAMESPACE = '/drill';

/**
 * Besides the practice codes: the drill is not in a state where this can happen (`drill-full`: it
 * has DRILL_MAX_SEATS seats already).
 */
export type DrillErrorCode = ErrorCode | 'paused' | 'drill-not-running' | 'drill-locked' | 'drill-full' | 'removed';

/**
 * Why a drill event was refused, beside its code: stable, for the client to word in its own
 * language (the English `message` is for logs and other clients). Every refusal the drill itself
 * makes carries one; the generic guards (`bad-request`/`too-large` payloads, `unknown-event`,
 * `internal`, a store `unavailable`) and a trainee's chat events (the practice codes) have none.
 */
export type DrillErrorReason =
  // trainer events
  /** no trainer login on this connection (or it expired) */
  | 'not-logged-in'
  /** another trainer's drill, or no such drill */
  | 'not-your-drill'
  /** the drill has ended: it is read-only (attach, watch and end still answer) */
  | 'ended'
  /**
   * the drill was called off before it started (by its trainer, or left unstarted past
   * DRILL_LOBBY_TTL_HOURS): trainer controls, and a trainee's join or rejoin, are refused with it
   */
  | 'cancelled'
  /** the drill is ending right now: its results follow */
  | 'ending'
  /** start, or cancel (a started drill is ended instead) */
  | 'already-started'
  /** pause: the drill is not running */
  | 'not-running'
  /** resume: the drill is not paused */
  | 'not-paused'
  /** a reveal needs a started drill */
  | 'not-started'
  /** reveal-show before any reveal (drill:reveal) */
  | 'no-reveal'
  /** reveal: the drill does not play that scenario */
  | 'unknown-scenario'
  /** remove, admit, watch: no such seat in this drill */
  | 'no-such-seat'
  /** watch: the seat has not started a session yet */
  | 'no-session-yet'
  /** open: a scenario is missing or does not load */
  | 'scenario-unavailable'
  // trainee events
  /** join: no open drill has this code */
  | 'no-such-code'
  /** join or check: too many wrong codes from this network (JOIN_FAILURE_LIMIT); wait a few minutes */
  | 'too-many-wrong-codes'
  /** join: the trainer closed the drill to new trainees */
  | 'locked'
  /** join: the drill has as many seats as it may have */
  | 'full'
  /** join: this connection has joined too often (SEATS_PER_SOCKET) */
  | 'too-many-joins'
  /** rejoin or any seat event: the trainer removed this seat */
  | 'removed'
  /** rejoin: the seat token is not genuine or names no seat */
  | 'bad-seat-token'
  /** a chat event before joining or rejoining on this connection (or after a removal) */
  | 'no-seat'
  /** a chat event for a session that is not the seat's current one */
  | 'not-your-session'
  /** a chat event while the trainer has paused the drill */
  | 'paused'
  // both
  /** the drill is moving to another server: try again in a moment */
  | 'moving'
  /** too many events on this connection: slow down */
  | 'too-many-events';

export type DrillAck<T> = { ok: true; data: T } | { ok: false; error: Omit<AckError, 'code'> & { code: DrillErrorCode; reason?: DrillErrorReason } };

/** `cancelled`: called off before it started; nothing was played, it has no results. */
export type DrillStatus = 'lobby' | 'running' | 'paused' | 'ended' | 'cancelled';

/**
 * What a join code leads to (`drill:check`), and nothing more: `open` (a drill takes joins, though
 * the join itself may yet be refused: locked, full), `cancelled`, `ended`, or `unknown` (no drill
 * ever had it, as far as the server knows; it counts as a wrong code against the address's budget).
 */
export type JoinCodeStatus = 'open' | 'cancelled' | 'ended' | 'unknown';

/** Broadcast to everyone in the drill on every change of status, lock or reveal. */
/** A drill pause: the drill time it began at, and the wall-clock ms it lasted (a running one: so far). */
export interface DrillPause {
  at: number;
  ms: number;
}

export interface DrillState {
  drillId: string;
  status: DrillStatus;
  locked: boolean;
  mode: 'practice' | 'exam';
  scenarios: ScenarioSummary[];
  /** the buyer move the drill is frozen at for a class-wide reveal, while paused for one */
  frozenAt: string | null;
  /** drill clock ms (pauses excluded) at which the time limit ends the drill */
  endsAt: number | null;
  /**
   * The drill's time limit in ms (null: none), known from the lobby on, before `endsAt` is; a
   * seat's waiting room shows it. Absent from states built before it was sent (an ended drill's).
   */
  timeLimitMs?: number | null;
  /** the drill clock now: wall time less every pause */
  clock: number;
  /**
   * Every pause so far: a page reloaded mid-drill shows the lines it replays at the wall-clock time
   * they appeared, as it shows live ones. Absent from states of older releases and ended drills'.
   */
  pauses?: DrillPause[];
  /**
   * Trainees in the drill now (seats not removed): a seat's waiting room shows it, and
   * `drill:headcount` keeps it current in the lobby. Absent from states of older releases.
   */
  trainees?: number;
  /** A cancelled drill: its trainer called it off, or it was left unstarted too long (`expiry`). */
  cancelledBy?: 'trainer' | 'expiry';
  /** An ended drill: its trainer ended it, or its time limit ran out (`time`). Absent: not known (an older server's). */
  endedBy?: 'trainer' | 'time';
}

/** What the trainer gets on `drill:open` and `drill:attach`. */
export interface DrillSnapshot {
  state: DrillState;
  code: string;
  /** absolute URL of the join page: `<public url>/join/<code>` */
  joinUrl: string;
  /** the join URL as an SVG QR code (a complete <svg> document) */
  qrSvg: string;
  tiles: Tile[];
  heat: HeatRow[];
  /** every move some seat has answered ("scenarioId/move"): the moves a reveal can pick */
  moves: string[];
  /**
   * The display names of the buyer moves of the drill's scenarios, keyed "scenarioId/move" (the
   * states' `label`). Fixed for the drill's life, so it comes with the snapshot only, never with a
   * dashboard update. A move that is missing has no label: show its id.
   */
  moveLabels: Record<string, LocalText>;
}

export type SeatStatus = 'lobby' | 'playing' | 'finished' | 'removed';

/** One trainee on the dashboard. Times are drill clock ms (compare with `clock`). */
export interface Tile {
  seatId: string;
  name: string;
  status: SeatStatus;
  connected: boolean;
  sessionId: string | null;
  /** index of the scenario being played in the drill's sequence */
  position: number;
  scenarioId: string | null;
  /** the buyer's current move (persona state id; its display name is in the snapshot's `moveLabels`) */
  move: string | null;
  /** the live score of the current buyer: the report as if the chat ended now */
  score: number | null;
  /** the drill score so far: every buyer of the drill counts, one not reached yet as 0 */
  drillScore?: number;
  /** the current buyer's chat has an outcome (the buyer is done; the next buyer or the end follows) */
  buyerDone?: boolean;
  /** red-line rules failed so far, in the order they happened */
  redLines: string[];
  /** for each of `redLines`, the position (0-based) of the buyer it was crossed with (absent from older servers) */
  redLineBuyers?: number[];
  /** the short names of the rules in `redLines` that have one (the dashboard shows them, not ids) */
  ruleTitles?: Record<string, LocalText>;
  /** since when the buyer waits for an answer; null when it does not */
  waitingSince: number | null;
  outcome: OutcomeKind | null;
  turns: number;
}

export interface HeatRow {
  rule: string;
  /** the rule's short name, when it has one */
  title?: LocalText;
  category: RuleCategory;
  redLine: boolean;
  pass: number;
  fail: number;
}

/** To the drill's trainer, at most twice a second: only the tiles that changed since the last one. */
export interface DashboardUpdate {
  drillId: string;
  clock: number;
  running: boolean;
  tiles: Tile[];
  /** the whole heat map, when it changed */
  heat?: HeatRow[];
  /** every move some seat has answered ("scenarioId/move"), when the list grew */
  moves?: string[];
}

export interface RevealVerdict {
  rule: string;
  title?: LocalText;
  verdict: Verdict['verdict'];
  redLine: boolean;
  points: number;
  max: number;
  feedback: LocalText;
}

/** One trainee's reply to the frozen move, without any name or id. */
export interface RevealEntry {
  /** 1 = best */
  rank: number;
  text: string;
  points: number;
  max: number;
  redLine: boolean;
  verdicts: RevealVerdict[];
}

export interface Reveal {
  drillId: string;
  scenarioId: string;
  move: string;
  /** the move's display name (the state's `label`), when it has one: trainees get no snapshot */
  moveLabel?: LocalText;
  /** best first; the worst are last (red lines, then lowest points) */
  entries: RevealEntry[];
  /** trainees who have not answered this move (yet) */
  unanswered: number;
}

export interface RuleSummary {
  rule: string;
  title?: LocalText;
  category: RuleCategory;
  /** a red-line rule (listed first) */
  redLine: boolean;
  pass: number;
  fail: number;
  /** pass / (pass + fail); null when no session reached the rule */
  passRate: number | null;
}

/**
 * The class's numbers. A seat the trainer removed is not part of the class: its session stops
 * (frozen, as scored at the removal) and is left out of every number here, the heat map and the
 * leaderboard; it stays listed in `seats` (marked `removed`) and in the CSV with that frozen score.
 */
export interface ClassSummary {
  /**
   * How these numbers were computed (server/runtime/drills/results.ts SUMMARY_VERSION); absent:
   * before the drill score counted every buyer. A stale stored one is computed again when listed.
   */
  version?: number;
  /** seats that stayed in the class (joined, not removed): whose sessions these numbers count */
  seats?: number;
  /** seats the trainer removed (left out of every number here) */
  removedSeats?: number;
  /** reported sessions of the seats that stayed (a seat plays one per scenario of the drill) */
  sessions: number;
  /** trainee x buyer pairs: seats that stayed times the drill's buyers (absent in old stored results) */
  buyerSlots?: number;
  /** passed sessions of the seats that stayed */
  passed: number;
  /** passed / buyerSlots: a buyer not reached counts as not passed */
  passRate: number | null;
  /** over the drill scores of the seats that stayed (as on the leaderboard), as are the SD, min and max */
  scoreAvg: number | null;
  /** population standard deviation */
  scoreStdDev: number | null;
  scoreMin: number | null;
  scoreMax: number | null;
  rules: RuleSummary[];
  firstResponseMsAvg: number | null;
  avgResponseMsAvg: number | null;
  /** sessions that ended in `purchased` / buyerSlots: a buyer not reached bought nothing */
  conversion: number | null;
}

export interface SeatSessionResult {
  sessionId: string;
  scenarioId: string;
  /** the version played: a scenario republished during the drill does not change what was graded */
  scenarioVersion: number;
  outcome: OutcomeKind | null;
  report: Report | null;
}

export interface SeatResult {
  seatId: string;
  name: string;
  /** removed by the trainer: its last session ended at the removal; not counted in the summary */
  removed: boolean;
  /** removed by the trainer once or more, then let back in (absent: never, or not known) */
  readmitted?: boolean;
  sessions: SeatSessionResult[];
  /** one per buyer of the drill, in drill order, played or not (absent in results stored before it) */
  buyers?: SeatBuyerResult[];
  /** the drill score: every buyer of the drill counts, one not reached as 0 (see drillScore) */
  score: number | null;
  /** the red lines crossed, each with its buyer: any one fails that chat, so it ranks the seat last (made from `sessions`) */
  redLines?: SeatRedLine[];
}

/** A red line a trainee crossed, with the buyer (index in `scenarioIds`) it was crossed with. */
export interface SeatRedLine {
  rule: string;
  title?: LocalText;
  position: number;
}

/** done: the buyer's chat reached an ending; unfinished: cut short (drill end, removal); notStarted: never reached */
export type BuyerStatus = 'done' | 'unfinished' | 'notStarted';

export interface SeatBuyerResult {
  /** index in the drill's `scenarioIds` */
  position: number;
  scenarioId: string;
  status: BuyerStatus;
  /** the session's score (partial when unfinished); 0 when not started */
  score: number;
  sessionId: string | null;
}

export interface DrillResults {
  drillId: string;
  code: string;
  trainer: string;
  mode: 'practice' | 'exam';
  scenarioIds: string[];
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  status: DrillStatus;
  /** the server stopped while the drill ran: these are the results so far (see DrillManager.recover) */
  interrupted?: boolean;
  summary: ClassSummary;
  seats: SeatResult[];
  /** seats not removed: no red line before any red line, then best drill score first; equal ones share a rank */
  leaderboard: { rank: number; name: string; score: number; redLines?: number }[];
}

/** A trainee's seat: `seatToken` brings them back to it from any connection (`drill:rejoin`). */
export interface SeatInfo {
  drillId: string;
  seatId: string;
  seatToken: string;
  displayName: string;
  drill: DrillState;
  /** the session being played; its `token` is the seat token */
  session: SessionInfo | null;
  /** the seat's own drill score, once the drill has ended (absent before, and for a removed seat) */
  total?: SeatTotal;
}

/**
 * A trainee's own result of an ended drill, as the trainer's results page has it: the drill score
 * (every buyer of the drill counts, one not reached as 0) and each buyer's score. No rank.
 */
export interface SeatTotal {
  score: number;
  buyers: SeatBuyerResult[];
}

export interface DrillAckData {
  'drill:open': DrillSnapshot;
  'drill:attach': DrillSnapshot;
  'drill:lock': DrillState;
  'drill:remove': Tile;
  'drill:admit': Tile;
  'drill:start': DrillState;
  /** a lobby only: its seats are told (drill:state, status `cancelled`) and its code admits nobody any more */
  'drill:cancel': DrillState;
  'drill:pause': DrillState;
  'drill:resume': DrillState;
  'drill:end': DrillResults;
  'drill:reveal': Reveal;
  'drill:reveal-show': { trainees: number };
  /**
   * Followed by the seat's session events from seq 1, then live. `verdicts`: every reply's verdict
   * marks so far, by message id, in an exam too (the trainer is not the examinee); later ones come
   * as `drill:verdicts`. A node of an older release sends none.
   */
  'drill:watch': { seatId: string; sessionId: string; lastSeq: number; rubric: string; verdicts?: Record<string, VerdictMark[]> };
  'drill:unwatch': { watching: null };
  'drill:join': SeatInfo;
  'drill:check': { status: JoinCodeStatus };
  /** followed by the session events after `lastSeq` */
  'drill:rejoin': SeatInfo;
}

/** Drill events, plus the practice events a trainee plays the seat's session with. */
export type DrillClientToServerEvents = {
  [E in DrillEventName]: (payload: DrillPayload<E>, ack: (answer: DrillAck<DrillAckData[E]>) => void) => void;
} & Pick<ClientToServerEvents, TraineeEventName>;

/** One chat's result released at an exam drill's end: the body of its `session:report`. */
export interface ReleasedChat {
  sessionId: string;
  report: ReportMarks;
  outcome: Outcome | null;
}

export interface DrillServerEventBodies {
  'drill:state': DrillState;
  /** to a seat: its (next) session started; play it with the practice events */
  'drill:session': { drillId: string; seatId: string; position: number; session: SessionInfo };
  /** to the drill's trainer only */
  'drill:dashboard': DashboardUpdate;
  /** to the trainees, when the trainer shows the reveal */
  'drill:reveal': Reveal;
  /** to the trainees of a drill in its lobby, at most twice a second: how many are in it now */
  'drill:headcount': { drillId: string; trainees: number };
  /** to a removed seat's sockets: the seat token no longer works */
  'drill:removed': { drillId: string; seatId: string };
  /** to the sockets a removal evicted, when the trainer lets the seat back in: the token works again (rejoin) */
  'drill:admitted': { drillId: string; seatId: string };
  /** to a seat in an exam drill still running: this chat of its ended (how it went waits for the drill's end) */
  'drill:chat-ended': { drillId: string; seatId: string; sessionId: string };
  /**
   * To a seat of an exam drill once it has ended, and again on each rejoin after: how every chat of
   * the seat went (what `session:report` would have said), since its page follows only the last one.
   */
  'drill:results': { drillId: string; seatId: string; chats: ReleasedChat[] };
  /** to each seat still in the class when the drill ends (either mode): its own drill score */
  'drill:total': { drillId: string; seatId: string; total: SeatTotal };
  /**
   * To the trainer sockets watching this session only (never its trainee's): a reply's verdict
   * marks as they are decided, in either mode. An exam's reach its trainee only in the report.
   */
  'drill:verdicts': { drillId: string; seatId: string; sessionId: string; messageId: string; verdicts: VerdictMark[] };
}

export type DrillServerToClientEvents = ServerToClientEvents & { [N in keyof DrillServerEventBodies]: (payload: DrillServerEventBodies[N]) => void };

export interface DrillSocketData {
  /** set at the handshake from the trainer cookie */
  trainer: { id: string; name: string; admin: boolean; loginId: string; expiresAt: number } | null;
  /** the seat this socket joined or rejoined */
  seat: { drillId: string; seatId: string; epoch: number } | null;
  /** the drill this trainer socket follows, and the session it watches */
  attached: string | null;
  watching: string | null;
}
