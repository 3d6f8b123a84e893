// One classroom drill: the lobby, the seats and their practice sessions, pause and resume on the
// drill clock, the reveal, the end. Each seat owns ordinary LiveSessions from the drill's own
// SessionRegistry, whose scheduler is the drill clock: pausing the drill stops their time.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Mode, DrillState, DrillStatus, Reveal, SeatInfo, DrillResults } from '../../protocol/index.ts';
import type { Trainer } from '../../store/trainerStore.ts';
import type { DeliveredEvent, LiveSession } from '../liveSession.ts';
import type { OpenedScenario, ScenarioCatalog } from '../scenarioCatalog.ts';
import type { Scheduler } from '../scheduler.ts';
import { SessionRegistry } from '../sessionRegistry.ts';
import { SessionTokens } from '../tokens.ts';
import { DashboardFeed } from './dashboardFeed.ts';
import { DrillClock } from './drillClock.ts';
import { heatMap } from './heat.ts';
import { drillResults } from './results.ts';
import { buildReveal, revealableMoves } from './reveal.ts';
import type { SeatTokens } from './seatTokens.ts';
import type { Seat } from './seats.ts';
import { distinctName, tileOf } from './seats.ts';
import { UnrebuildableDrill } from './drillRestore.ts';
import { SessionShadow } from './sessionShadow.ts';
import type { DrillOutbox, DrillRecorder } from './drillPorts.ts';
import type { DrillCheckpoint } from '../../store/drillRunStore.ts';
import type { TappedSessionLog } from './tappedLog.ts';

export type { DrillOutbox, DrillRecorder } from './drillPorts.ts';

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
  /** seats and sessions as they come, so a drill a stopped server leaves behind can be accounted for */
  record: DrillRecorder;
  /** status, lock, pause or reveal changed: store the checkpoint another node would go on from */
  checkpoint: (drill: Drill) => void;
  /** does this node still run the drill (its lease)? asked before the time limit ends it */
  stillOwned: () => Promise<boolean>;
  /** taken over from the store: the drill clock goes on from here */
  clockFrom?: { at: number; paused: boolean };
}

export type DrillFailure = { code: 'drill-locked' | 'drill-not-running' | 'not-found' | 'bad-request'; message: string };
export type Result<T> = { ok: true; data: T } | { ok: false; error: DrillFailure };
const failure = (code: DrillFailure['code'], message: string): { ok: false; error: DrillFailure } => ({ ok: false, error: { code, message } });

export class Drill {
  readonly clock: DrillClock;
  readonly seats = new Map<string, Seat>();
  private readonly bySession = new Map<string, { seat: Seat; shadow: SessionShadow }>();
  private readonly registry: SessionRegistry;
  private readonly feed: DashboardFeed;
  /** how many revealable moves the trainer has been sent (the list only grows) */
  private movesSent = 0;
  status: DrillStatus = 'lobby';
  locked = false;
  frozenAt: string | null = null;
  private reveal: Reveal | null = null;
  private revealScenario: string | null = null;
  startedAt: number | null = null;
  endedAt: number | null = null;
  private cancelLimit: (() => void) | null = null;
  private pending = new Set<Promise<unknown>>();
  results: DrillResults | null = null;

  constructor(
    readonly id: string,
    readonly code: string,
    readonly trainer: Trainer,
    readonly scenarios: OpenedScenario[],
    readonly mode: Mode,
    readonly timeLimitMs: number | null,
    readonly createdAt: number,
    private readonly deps: DrillDeps,
  ) {
    this.clock = new DrillClock(deps.wall, deps.clockFrom);
    this.registry = new SessionRegistry({
      log: deps.log,
      catalog: deps.catalog,
      scheduler: this.clock,
      // Never handed out: a drill session is resumed with its seat token, through the drill only.
      tokens: new SessionTokens(`${deps.secret}:drill-sessions`),
      logger: deps.logger,
      speed: deps.speed,
      broadcast: (sessionId, event) => this.delivered(sessionId, event),
    });
    this.feed = new DashboardFeed(deps.wall, (seatIds, heat) => this.sendDashboard(seatIds, heat));
  }

  state(): DrillState {
    const endsAt = this.startedAt !== null && this.timeLimitMs !== null ? this.startedAt + this.timeLimitMs : null;
    return { drillId: this.id, status: this.status, locked: this.locked, mode: this.mode, scenarios: this.scenarios.map((s) => s.summary), frozenAt: this.frozenAt, endsAt, clock: this.clock.now() };
  }

  tiles() {
    return [...this.seats.values()].map((seat) => this.tile(seat));
  }

  tile(seat: Seat) {
    return tileOf(seat, this.clock.now());
  }

  heat() {
    return heatMap(this.scenarios, [...this.seats.values()]);
  }

  moves(): string[] {
    return revealableMoves(this.seats.values());
  }

  async join(displayName: string): Promise<Result<Seat>> {
    if (this.status === 'ended') return failure('drill-not-running', 'this drill has ended');
    if (this.locked) return failure('drill-locked', 'the trainer has closed this drill to new trainees');
    const seat: Seat = { id: randomUUID(), name: distinctName(displayName, new Set([...this.seats.values()].map((s) => s.name))), removed: false, epoch: 0, joinedAt: this.deps.wall.now(), sockets: new Set(), session: null, shadows: [], finished: false };
    this.seats.set(seat.id, seat);
    // Stored before the seat token is handed out: a token always names a seat the store knows.
    await this.track(this.deps.record.seatJoined(this.id, seat));
    this.feed.touch(seat.id);
    // A late joiner starts at once, with the class.
    if (this.status === 'running' || this.status === 'paused') await this.track(this.startSeat(seat, 0));
    return { ok: true, data: seat };
  }

  seatInfo(seat: Seat, lastSeq?: number): SeatInfo {
    const seatToken = this.deps.seatTokens.sign(this.id, seat.id);
    const session = seat.session ? { ...this.registry.info(seat.session, lastSeq ?? seat.session.lastSeq), token: seatToken } : null;
    return { drillId: this.id, seatId: seat.id, seatToken, displayName: seat.name, drill: this.state(), session };
  }

  /** A socket took or left the seat. */
  presence(seat: Seat, socketId: string, present: boolean): void {
    if (present) seat.sockets.add(socketId);
    else seat.sockets.delete(socketId);
    this.feed.touch(seat.id);
  }

  async start(): Promise<Result<DrillState>> {
    if (this.status !== 'lobby') return failure('drill-not-running', 'the drill has already started');
    this.status = 'running';
    this.startedAt = this.clock.now();
    this.armTimeLimit();
    this.deps.checkpoint(this);
    const seats = [...this.seats.values()].filter((s) => !s.removed);
    await this.track(Promise.all(seats.map((seat) => this.startSeat(seat, 0))));
    this.broadcastState();
    return { ok: true, data: this.state() };
  }

  pause(): Result<DrillState> {
    if (this.status !== 'running') return failure('drill-not-running', 'only a running drill can be paused');
    this.clock.pause();
    this.status = 'paused';
    this.deps.checkpoint(this);
    this.broadcastState();
    return { ok: true, data: this.state() };
  }

  resume(): Result<DrillState> {
    if (this.status !== 'paused') return failure('drill-not-running', 'the drill is not paused');
    this.clock.resume();
    this.status = 'running';
    this.frozenAt = null;
    this.reveal = null;
    this.revealScenario = null;
    this.deps.checkpoint(this);
    this.broadcastState();
    return { ok: true, data: this.state() };
  }

  setLocked(locked: boolean): DrillState {
    this.locked = locked;
    this.deps.checkpoint(this);
    this.broadcastState();
    return this.state();
  }

  /** Freeze the drill at a buyer move and gather the class's replies to it. */
  freezeAt(move: string, scenarioId: string | undefined): Result<Reveal> {
    if (this.status !== 'running' && this.status !== 'paused') return failure('drill-not-running', 'a reveal needs a started drill');
    const scenario = scenarioId ?? this.scenarios[0]?.summary.id ?? '';
    if (!this.scenarios.some((s) => s.summary.id === scenario)) return failure('bad-request', `this drill does not play "${scenario}"`);
    if (this.status === 'running') this.clock.pause();
    this.status = 'paused';
    this.frozenAt = move;
    this.revealScenario = scenario;
    this.reveal = this.gatherReveal(move, scenario);
    this.deps.checkpoint(this);
    this.broadcastState();
    return { ok: true, data: this.reveal };
  }

  showReveal(): Result<{ trainees: number }> {
    if (!this.reveal) return failure('drill-not-running', 'freeze the drill at a move first (drill:reveal)');
    this.deps.outbox.toTrainees(this.id, 'drill:reveal', this.reveal);
    return { ok: true, data: { trainees: [...this.seats.values()].filter((s) => !s.removed).length } };
  }

  remove(seatId: string): Result<Seat> {
    const seat = this.seats.get(seatId);
    if (!seat) return failure('not-found', 'no such seat in this drill');
    seat.removed = true;
    seat.epoch++;
    this.deps.outbox.toSeat(seat.id, 'drill:removed', { drillId: this.id, seatId });
    this.deps.outbox.evictSeat(this.id, seat.id, seat.shadows.map((s) => s.sessionId));
    seat.sockets.clear();
    void this.track(this.deps.record.seatRemoved(this.id, seat.id, true));
    this.feed.touch(seat.id, true);
    return { ok: true, data: seat };
  }

  admit(seatId: string): Result<Seat> {
    const seat = this.seats.get(seatId);
    if (!seat) return failure('not-found', 'no such seat in this drill');
    seat.removed = false;
    void this.track(this.deps.record.seatRemoved(this.id, seat.id, false));
    this.feed.touch(seat.id, true);
    return { ok: true, data: seat };
  }

  /** End every session (their reports follow), then the drill. */
  async end(): Promise<Result<DrillResults>> {
    if (this.status === 'ended' && this.results) return { ok: true, data: this.results };
    if (this.status === 'ended') return failure('drill-not-running', 'the drill is ending');
    this.status = 'ended';
    // Taken now: this very job may be tracked too, and must not wait for itself.
    const starting = [...this.pending];
    this.cancelLimit?.();
    // Time runs again for the last steps; it goes on from where the pause stopped it.
    this.clock.resume();
    this.frozenAt = null;
    this.endedAt = this.clock.now();
    // Stored as ending: should this node die before the results are written, the next one ends it.
    this.deps.checkpoint(this);
    await Promise.allSettled(starting);
    const open = [...this.seats.values()].flatMap((s) => (s.session && !s.session.ended ? [s.session] : []));
    await Promise.all(open.map((session) => new Promise<void>((done) => void session.act({ type: 'end' }, `drill-end-${this.id}`, () => done()))));
    await this.registry.settled();
    this.results = this.currentResults();
    await this.deps.onEnded(this, this.results);
    this.broadcastState();
    return { ok: true, data: this.results };
  }

  currentResults(): DrillResults {
    const scenarioIds = this.scenarios.map((sc) => sc.summary.id);
    const meta = { drillId: this.id, code: this.code, trainer: this.trainer.name, mode: this.mode, scenarioIds, createdAt: this.createdAt, startedAt: this.startedAt, endedAt: this.endedAt, status: this.status };
    return drillResults(meta, [...this.seats.values()]);
  }

  /**
   * The seat's session, with a copy dropped for being behind its log (a commit whose answer was
   * lost) replaced by the copy the registry rebuilt from that log.
   */
  async currentSession(seat: Seat): Promise<LiveSession | undefined> {
    const session = seat.session;
    if (!session?.dropped) return session ?? undefined;
    const fresh = await this.registry.take(session.id);
    if (fresh && seat.session === session) seat.session = fresh;
    return fresh;
  }

  /** The session of this seat that a trainee event may act in now, or why not. */
  sessionFor(seat: Seat, sessionId: string): Result<LiveSession> | { ok: false; error: { code: 'paused' | 'forbidden'; message: string } } {
    if (seat.session?.id !== sessionId) return { ok: false, error: { code: 'forbidden', message: 'that is not the session of your seat' } };
    if (this.status === 'paused') return { ok: false, error: { code: 'paused', message: 'the trainer has paused the drill' } };
    return { ok: true, data: seat.session };
  }

  /** What the store keeps of this drill, for a node that goes on with it. */
  checkpointState(): DrillCheckpoint {
    const status = this.status === 'ended' ? 'ending' : this.status;
    return { status, locked: this.locked, clockMs: this.clock.now(), startedClock: this.startedAt, frozenAt: this.frozenAt, frozenScenario: this.revealScenario };
  }

  /**
   * Taken over from the store (server/runtime/drills/drillRestore.ts): the status, lock and reveal
   * it had; the seats follow with restoreSeat.
   */
  restoreState(run: Pick<DrillCheckpoint, 'status' | 'locked' | 'startedClock' | 'frozenAt' | 'frozenScenario'>): void {
    this.status = run.status === 'ending' ? 'running' : run.status;
    this.locked = run.locked;
    this.startedAt = run.startedClock;
    if (this.status !== 'lobby') this.armTimeLimit();
    if (run.frozenAt !== null && run.frozenScenario !== null) {
      this.frozenAt = run.frozenAt;
      this.revealScenario = run.frozenScenario;
    }
  }

  /**
   * A seat as stored, with the sessions it played (shadows rebuilt from their logs). The last one is
   * taken up again from its log (buyer deadlines re-armed on the drill clock); a seat whose session
   * ended before the takeover moves on to its next scenario, as it would have.
   */
  async restoreSeat(seat: Seat, played: SessionShadow[]): Promise<void> {
    this.seats.set(seat.id, seat);
    for (const shadow of played) {
      seat.shadows.push(shadow);
      if (shadow !== played.at(-1)) continue;
      this.follow(seat, shadow);
      const session = await this.registry.get(shadow.sessionId);
      if (!session) throw new UnrebuildableDrill(`drill ${this.id}: session ${shadow.sessionId} is not in the log`);
      seat.session = session;
    }
    if (this.status === 'lobby' || seat.removed) return;
    const last = seat.shadows.at(-1);
    if (!last || last.ended) {
      if (seat.shadows.length < this.scenarios.length) await this.track(this.startSeat(seat, seat.shadows.length));
      else seat.finished = true;
    }
  }

  /** Once every seat is back: the reveal again, from the same replies. */
  restored(): void {
    if (this.frozenAt !== null && this.revealScenario !== null) this.reveal = this.gatherReveal(this.frozenAt, this.revealScenario);
    for (const seatId of this.seats.keys()) this.feed.touch(seatId, true);
  }

  /** Every job started so far (session starts and steps, the end) has run. */
  async settled(): Promise<void> {
    for (let i = 0; i < 100 && this.pending.size > 0; i++) await Promise.allSettled([...this.pending]);
    await this.registry.settled();
  }

  dispose(): void {
    this.cancelLimit?.();
    this.feed.dispose();
    this.clock.dispose();
    this.registry.dispose();
    for (const sessionId of this.bySession.keys()) this.deps.log.unlisten(sessionId);
  }

  private armTimeLimit(): void {
    if (this.timeLimitMs === null || this.startedAt === null) return;
    this.cancelLimit?.();
    // A node that lost the drill without noticing yet must not end it: the new owner's clock will.
    // The check and the end are tracked apart: end() waits for the jobs before it, never for itself.
    const endIfOwned = () =>
      this.track(this.deps.stillOwned())
        .then((owned) => (owned ? this.track(this.end()) : undefined))
        .catch(() => undefined);
    this.cancelLimit = this.clock.schedule(this.startedAt + this.timeLimitMs, () => void endIfOwned());
  }

  private gatherReveal(move: string, scenario: string): Reveal {
    const seats = [...this.seats.values()].filter((s) => !s.removed && s.shadows.length > 0);
    return buildReveal(this.id, scenario, move, seats.map((s) => s.shadows.find((sh) => sh.scenarioId === scenario)?.replies.get(move)));
  }

  /** The shadow hears the session's commits from now on, and the dashboard with it. */
  private follow(seat: Seat, shadow: SessionShadow): void {
    this.bySession.set(shadow.sessionId, { seat, shadow });
    this.deps.log.listen(shadow.sessionId, (event) => {
      const redLine = shadow.apply(event);
      this.feed.touch(seat.id, true);
      if (redLine) this.deps.logger.debug({ drillId: this.id, seatId: seat.id }, 'red line');
    });
  }

  private async startSeat(seat: Seat, position: number): Promise<void> {
    const scenario = this.scenarios[position];
    if (!scenario || seat.removed) return;
    const started = await this.registry.start({ scenarioId: scenario.summary.id, version: scenario.summary.version, displayName: seat.name, mode: this.mode });
    if (!started.ok) throw new Error(`drill ${this.id}: ${started.error.message}`);
    const session = started.data;
    const row = this.deps.log.takeCreated(session.id);
    if (!row) throw new Error(`drill ${this.id}: session ${session.id} has no start row`);
    await this.deps.record.sessionStarted(this.id, seat.id, position, session.id, scenario.summary.id);
    const shadow = new SessionShadow(session.id, scenario.summary.id, scenario.compiled, row);
    seat.shadows.push(shadow);
    seat.session = session;
    this.follow(seat, shadow);
    this.deps.outbox.seatFollows(seat.id, session.id);
    this.deps.outbox.toSeat(seat.id, 'drill:session', { drillId: this.id, seatId: seat.id, position, session: { ...this.registry.info(session, 0), token: this.deps.seatTokens.sign(this.id, seat.id) } });
    this.feed.touch(seat.id, true);
    await session.begin();
  }

  private delivered(sessionId: string, event: DeliveredEvent): void {
    this.deps.outbox.toSession(sessionId, event);
    const owner = this.bySession.get(sessionId);
    if (!owner) return;
    this.feed.touch(owner.seat.id);
    if (event.name !== 'session:report') return;
    this.deps.log.unlisten(sessionId);
    const next = owner.seat.shadows.length;
    if (this.status !== 'ended' && next < this.scenarios.length) void this.track(this.startSeat(owner.seat, next));
    else owner.seat.finished = true;
  }

  private sendDashboard(seatIds: string[], heat: boolean): void {
    const tiles = seatIds.flatMap((id) => {
      const seat = this.seats.get(id);
      return seat ? [this.tile(seat)] : [];
    });
    const moves = this.moves();
    const movesChanged = moves.length !== this.movesSent;
    this.movesSent = moves.length;
    this.deps.outbox.toTrainer(this.id, 'drill:dashboard', { drillId: this.id, clock: this.clock.now(), running: this.status === 'running', tiles, ...(heat ? { heat: this.heat() } : {}), ...(movesChanged ? { moves } : {}) });
  }

  private broadcastState(): void {
    const state = this.state();
    this.deps.outbox.toTrainees(this.id, 'drill:state', state);
    this.deps.outbox.toTrainer(this.id, 'drill:state', state);
  }

  private track<T>(job: Promise<T>): Promise<T> {
    const tracked = job.finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
    tracked.catch((err: unknown) => this.deps.logger.error({ err, drillId: this.id }, 'drill job failed'));
    return tracked;
  }
}
