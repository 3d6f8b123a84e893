// One classroom drill: the lobby (and its cancelling, by the trainer or once left unstarted too long),
// pause and resume on the drill clock, the lock, the reveal, the time limit, the end, and the
// checkpoint another node would go on from. The seats and their
// practice sessions (which run on the drill clock: pausing the drill stops their time) and the
// trainer's dashboard of them are in drillSeats.ts.
import type { LocalText } from '../../engine/index.ts';
import type { Mode, DrillServerEventBodies, DrillState, DrillStatus, Reveal, SeatInfo, DrillResults, Tile } from '../../protocol/index.ts';
import type { Trainer } from '../../store/trainerStore.ts';
import type { OpenedScenario } from '../scenarioCatalog.ts';
import type { LiveSession } from '../liveSession.ts';
import { DrillClock } from './drillClock.ts';
import type { DrillFailure, Result } from './drillFailure.ts';
import { failure } from './drillFailure.ts';
import { DrillJobs } from './drillJobs.ts';
import type { DrillDeps } from './drillPorts.ts';
import type { SeatSessionResult } from './drillSeats.ts';
import { DrillSeats } from './drillSeats.ts';
import { moveLabelsOf } from './moveLabels.ts';
import { drillResults } from './results.ts';
import { buildReveal } from './reveal.ts';
import { retryLater } from './retryLater.ts';
import type { Seat } from './seats.ts';
import type { SessionShadow } from './sessionShadow.ts';
import type { DrillCheckpoint } from '../../store/drillRunStore.ts';

export type { DrillDeps, DrillOutbox, DrillRecorder } from './drillPorts.ts';
export type { DrillFailure, Result } from './drillFailure.ts';

export class Drill {
  readonly clock: DrillClock;
  readonly seats: Map<string, Seat>;
  /** the buyer moves' display names ("scenarioId/move"), from the scenarios played: fixed for the drill's life */
  readonly moveLabels: Readonly<Record<string, LocalText>>;
  private readonly roster: DrillSeats;
  private readonly jobs: DrillJobs;
  status: DrillStatus = 'lobby';
  /** a cancel being written to the store (cancel()); null otherwise */
  private storingCancel: Promise<void> | null = null;
  locked = false;
  frozenAt: string | null = null;
  private reveal: Reveal | null = null;
  private revealScenario: string | null = null;
  startedAt: number | null = null;
  endedAt: number | null = null;
  private cancelLimit: (() => void) | null = null;
  /** the lobby's expiry (DRILL_LOBBY_TTL_HOURS), on the wall clock: it counts from the opening */
  private cancelLobbyExpiry: (() => void) | null = null;
  cancelledBy: 'trainer' | 'expiry' | null = null;
  /** the end's results are waiting for the store (storeLater); null otherwise */
  private cancelStoreRetry: (() => void) | null = null;
  /** the end is stored and its results gone out to the seats: only now does a seat get its total and an exam's results */
  resultsOut = false;
  /** what ended it: the trainer, or the time limit running out (a page says which) */
  endedBy: 'trainer' | 'time' | null = null;
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
    this.moveLabels = moveLabelsOf(scenarios);
    this.jobs = new DrillJobs((err) => deps.logger.error({ err, drillId: id }, 'drill job failed'));
    this.roster = new DrillSeats(this, deps, this.jobs);
    this.seats = this.roster.seats;
    this.armLobbyExpiry();
  }

  state(): DrillState {
    const endsAt = this.startedAt !== null && this.timeLimitMs !== null ? this.startedAt + this.timeLimitMs : null;
    const state: DrillState = { drillId: this.id, status: this.status, locked: this.locked, mode: this.mode, scenarios: this.scenarios.map((s) => s.summary), frozenAt: this.frozenAt, endsAt, timeLimitMs: this.timeLimitMs, clock: this.clock.now(), pauses: this.clock.history(), trainees: this.roster.headcount() };
    if (this.cancelledBy) state.cancelledBy = this.cancelledBy;
    if (this.endedBy) state.endedBy = this.endedBy;
    return state;
  }

  /** Over for good: ended, or cancelled before it started. Read-only from then on. */
  get over(): boolean {
    return this.status === 'ended' || this.status === 'cancelled';
  }

  // The seats' side, kept in drillSeats.ts.
  tiles(): Tile[] {
    return this.roster.tiles();
  }

  tile(seat: Seat): Tile {
    return this.roster.tile(seat);
  }

  heat() {
    return this.roster.heat();
  }

  moves(): string[] {
    return this.roster.moves();
  }

  join(displayName: string): Promise<Result<Seat>> {
    return this.roster.join(displayName);
  }

  seatInfo(seat: Seat, lastSeq?: number): SeatInfo {
    return this.roster.seatInfo(seat, this.state(), lastSeq);
  }

  /** An ended exam's results for a seat taken again (a reload, a new tab); null while they are held, or never were. */
  releasedResults(seat: Seat): DrillServerEventBodies['drill:results'] | null {
    return this.mode === 'exam' && this.status === 'ended' && this.resultsOut ? this.roster.resultsOf(seat) : null;
  }

  presence(seat: Seat, socketId: string, present: boolean): void {
    this.roster.presence(seat, socketId, present);
  }

  /** The seat leaves the drill: its session ends where it is (frozen: no more timers, no later verdicts). */
  remove(seatId: string): Result<Seat> {
    if (this.over) return this.overFailure();
    return this.roster.remove(seatId);
  }

  /** A removed seat may come back: it goes on with the drill's next scenario, if any. */
  admit(seatId: string): Result<Seat> {
    if (this.over) return this.overFailure();
    return this.roster.admit(seatId);
  }

  /** A removed seat's session stands still again (after something re-armed it: a watch). */
  freeze(seat: Seat): Promise<void> {
    return this.roster.freeze(seat);
  }

  currentSession(seat: Seat): Promise<LiveSession | undefined> {
    return this.roster.currentSession(seat);
  }

  sessionFor(seat: Seat, sessionId: string): SeatSessionResult {
    return this.roster.sessionFor(seat, sessionId);
  }

  restoreSeat(seat: Seat, played: SessionShadow[]): Promise<void> {
    return this.roster.restore(seat, played);
  }

  async start(): Promise<Result<DrillState>> {
    if (this.status !== 'lobby') return this.over ? this.overFailure() : failure('drill-not-running', 'already-started', 'the drill has already started');
    this.status = 'running';
    this.cancelLobbyExpiry?.();
    this.startedAt = this.clock.now();
    this.armTimeLimit();
    this.deps.checkpoint(this);
    const seats = [...this.seats.values()].filter((s) => !s.removed);
    await this.jobs.track(Promise.all(seats.map((seat) => this.roster.start(seat, 0))));
    this.broadcastState();
    return { ok: true, data: this.state() };
  }

  /** The status once a cancel being written has its answer (the status as it is, if none is). */
  async settledStatus(): Promise<DrillStatus> {
    await this.storingCancel?.catch(() => undefined);
    return this.status;
  }

  /**
   * Call the drill off before it starts: nothing is played or scored, its seats are told, and its
   * code admits nobody from now on. A started drill is ended instead.
   */
  async cancel(by: 'trainer' | 'expiry'): Promise<Result<DrillState>> {
    if (this.status === 'cancelled') return { ok: true, data: this.state() };
    if (this.status !== 'lobby') return this.over ? this.overFailure() : failure('drill-not-running', 'already-started', 'a started drill cannot be cancelled: end it instead');
    // Closed at once, nothing else changes it meanwhile: a trainer's command (a start), and a
    // trainee's join or rejoin, that come while the store is written wait for its answer
    // (settledStatus), since the write may yet fail and leave the lobby as it was.
    this.status = 'cancelled';
    this.cancelledBy = by;
    this.endedAt = this.clock.now();
    const storing = this.deps.onCancelled(this);
    this.storingCancel = storing;
    try {
      await storing;
    } catch (err) {
      // Not stored: it is still a lobby, everywhere.
      this.status = 'lobby';
      this.cancelledBy = null;
      this.endedAt = null;
      throw err;
    } finally {
      this.storingCancel = null;
    }
    this.cancelLobbyExpiry?.();
    this.broadcastState();
    return { ok: true, data: this.state() };
  }

  pause(): Result<DrillState> {
    if (this.status !== 'running') return this.over ? this.overFailure() : failure('drill-not-running', 'not-running', 'only a running drill can be paused');
    this.clock.pause();
    this.status = 'paused';
    this.deps.checkpoint(this);
    this.broadcastState();
    return { ok: true, data: this.state() };
  }

  resume(): Result<DrillState> {
    if (this.status !== 'paused') return this.over ? this.overFailure() : failure('drill-not-running', 'not-paused', 'the drill is not paused');
    this.clock.resume();
    this.status = 'running';
    this.frozenAt = null;
    this.reveal = null;
    this.revealScenario = null;
    this.deps.checkpoint(this);
    this.broadcastState();
    return { ok: true, data: this.state() };
  }

  setLocked(locked: boolean): Result<DrillState> {
    if (this.over) return this.overFailure();
    this.locked = locked;
    this.deps.checkpoint(this);
    this.broadcastState();
    return { ok: true, data: this.state() };
  }

  /** What every command that would change an ended or cancelled drill answers: it is read-only now. */
  overFailure(): { ok: false; error: DrillFailure } {
    if (this.status === 'cancelled') return failure('drill-not-running', 'cancelled', 'this drill was cancelled before it started');
    return failure('drill-not-running', 'ended', 'this drill has ended: it can no longer be changed');
  }

  /** Freeze the drill at a buyer move and gather the class's replies to it. */
  freezeAt(move: string, scenarioId: string | undefined): Result<Reveal> {
    if (this.status !== 'running' && this.status !== 'paused') return this.over ? this.overFailure() : failure('drill-not-running', 'not-started', 'a reveal needs a started drill');
    const scenario = scenarioId ?? this.scenarios[0]?.summary.id ?? '';
    if (!this.scenarios.some((s) => s.summary.id === scenario)) return failure('bad-request', 'unknown-scenario', `this drill does not play "${scenario}"`);
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
    if (this.over) return this.overFailure();
    if (!this.reveal) return failure('drill-not-running', 'no-reveal', 'freeze the drill at a move first (drill:reveal)');
    this.deps.outbox.toTrainees(this.id, 'drill:reveal', this.reveal);
    return { ok: true, data: { trainees: [...this.seats.values()].filter((s) => !s.removed).length } };
  }

  /** End every session (their reports follow), then the drill; `by` the trainer, or the time limit. */
  async end(by: 'trainer' | 'time' = 'trainer'): Promise<Result<DrillResults>> {
    if (this.status === 'ended' && this.results && this.resultsOut) return { ok: true, data: this.results };
    if (this.status === 'ended') return failure('drill-not-running', 'ending', 'the drill is ending; its results follow');
    if (this.status === 'cancelled') return this.overFailure();
    this.status = 'ended';
    this.endedBy = by;
    // Taken now: this very job may be tracked too, and must not wait for itself.
    const starting = this.jobs.underWay();
    this.cancelLimit?.();
    this.cancelLobbyExpiry?.();
    // Time runs again for the last steps; it goes on from where the pause stopped it.
    this.clock.resume();
    this.frozenAt = null;
    this.endedAt = this.clock.now();
    // Stored as ending: should this node die before the results are written, the next one ends it.
    this.deps.checkpoint(this);
    await Promise.allSettled(starting);
    await this.roster.endSessions();
    const results = this.currentResults();
    this.results = results;
    try {
      await this.deps.onEnded(this, results);
    } catch (err) {
      // The store is away. The drill is over all the same (its sessions have ended): every page
      // hears so now. An exam's results and the totals wait until stored: released, they cannot be
      // taken back, and a drill whose end was never stored may yet be rebuilt by another node.
      this.broadcastState();
      this.storeLater(results);
      throw err;
    }
    this.announceResults(false);
    return { ok: true, data: results };
  }

  /** The end is stored: the state to everyone (again, after a retry: the pages read the stored results now), then what waited for it. */
  private announceResults(stateSaid: boolean): void {
    this.resultsOut = true;
    this.broadcastState();
    if (stateSaid) this.deps.logger.info({ drillId: this.id }, 'an ended drill was stored at last: its results go out');
    this.roster.releaseResults();
    this.roster.tellTotals();
  }

  /** An end not stored yet, or stored with its lease not let go of yet: a retry is pending (the sweep keeps such a drill). */
  get endPending(): boolean {
    return this.cancelStoreRetry !== null;
  }

  /**
   * Store the end again until it is stored, while this node still runs the drill; another that takes
   * it over ends it from the checkpoint. The results may be stored already, the run row or lease
   * being what failed after them: then they go out at once and only the letting go is tried again.
   */
  private storeLater(results: DrillResults): void {
    this.cancelStoreRetry?.();
    const attempt = async () => {
      const storedEnd = await this.deps.storedEndAt();
      if (storedEnd !== undefined && storedEnd === results.endedAt) {
        if (!this.resultsOut) this.announceResults(true);
        await this.deps.letGo();
      } else if (await this.deps.stillOwned()) {
        if (storedEnd === undefined) {
          await this.deps.onEnded(this, results);
          this.announceResults(true);
        } else {
          // Stored with another end, by a node that ran it before: nothing of this copy's to store,
          // only the lease to let go of (renewed, it would keep a drill nobody finishes).
          await this.deps.letGo();
        }
      }
      // A node that lost the drill (stillOwned let go of this copy) leaves the rest to the new owner.
      this.cancelStoreRetry = null;
    };
    this.cancelStoreRetry = retryLater(
      this.deps.wall,
      () => this.jobs.track(attempt()),
      (err, attempts) => this.deps.logger.warn({ err, drillId: this.id, attempts }, 'storing an ended drill failed again; trying later'),
    );
  }

  currentResults(): DrillResults {
    const scenarioIds = this.scenarios.map((sc) => sc.summary.id);
    const meta = { drillId: this.id, code: this.code, trainer: this.trainer.name, mode: this.mode, scenarioIds, createdAt: this.createdAt, startedAt: this.startedAt, endedAt: this.endedAt, status: this.status };
    return drillResults(meta, [...this.seats.values()]);
  }

  /** What the store keeps of this drill, for a node that goes on with it. */
  checkpointState(): DrillCheckpoint {
    // A cancelled drill is never checkpointed (its run row goes with the cancel); were it, it would
    // only be looked at as over: the store no longer lists it as unfinished.
    const status = this.over ? 'ending' : (this.status as Exclude<DrillStatus, 'ended' | 'cancelled'>);
    return { status, locked: this.locked, clockMs: this.clock.now(), startedClock: this.startedAt, frozenAt: this.frozenAt, frozenScenario: this.revealScenario, ...(status === 'ending' && this.endedBy ? { endedBy: this.endedBy } : {}) };
  }

  /**
   * Taken over from the store (server/runtime/drills/drillRestore.ts): the status, lock and reveal
   * it had; the seats follow with restoreSeat.
   */
  restoreState(run: Pick<DrillCheckpoint, 'status' | 'locked' | 'startedClock' | 'frozenAt' | 'frozenScenario'>): void {
    this.status = run.status === 'ending' ? 'running' : run.status;
    this.locked = run.locked;
    this.startedAt = run.startedClock;
    if (this.status !== 'lobby') {
      this.cancelLobbyExpiry?.();
      this.armTimeLimit();
    }
    if (run.frozenAt !== null && run.frozenScenario !== null) {
      this.frozenAt = run.frozenAt;
      this.revealScenario = run.frozenScenario;
    }
  }

  /** Once every seat is back: the reveal again, from the same replies. */
  restored(): void {
    if (this.frozenAt !== null && this.revealScenario !== null) this.reveal = this.gatherReveal(this.frozenAt, this.revealScenario);
    this.roster.touchAll();
  }

  /** Every job started so far (session starts and steps, the end) has run. */
  async settled(): Promise<void> {
    await this.jobs.settled();
    await this.roster.settled();
  }

  dispose(): void {
    this.cancelStoreRetry?.();
    this.cancelLimit?.();
    this.cancelLobbyExpiry?.();
    this.clock.dispose();
    this.roster.dispose();
  }

  private armTimeLimit(): void {
    if (this.timeLimitMs === null || this.startedAt === null) return;
    this.cancelLimit?.();
    // A node that lost the drill without noticing yet must not end it: the new owner's clock will.
    // The check and the end are tracked apart: end() waits for the jobs before it, never for itself.
    const endIfOwned = () =>
      this.jobs.track(this.deps.stillOwned())
        .then((owned) => (owned ? this.jobs.track(this.end('time')) : undefined))
        .catch(() => undefined);
    this.cancelLimit = this.clock.schedule(this.startedAt + this.timeLimitMs, () => void endIfOwned());
  }

  /**
   * A lobby left unstarted DRILL_LOBBY_TTL_HOURS after it opened is cancelled, by whichever node holds
   * it then (a copy that lost the drill without noticing yet leaves it to the new owner).
   */
  private armLobbyExpiry(): void {
    if (this.deps.lobbyTtlMs === null || this.status !== 'lobby') return;
    const cancelIfOwned = () =>
      this.jobs.track(this.deps.stillOwned())
        .then((owned) => (owned && this.status === 'lobby' ? this.jobs.track(this.cancel('expiry')) : undefined))
        .catch(() => undefined);
    this.cancelLobbyExpiry = this.deps.wall.schedule(this.createdAt + this.deps.lobbyTtlMs, () => void cancelIfOwned());
  }

  private gatherReveal(move: string, scenario: string): Reveal {
    const seats = [...this.seats.values()].filter((s) => !s.removed && s.shadows.length > 0);
    const replies = seats.map((s) => s.shadows.find((sh) => sh.scenarioId === scenario)?.replies.get(move));
    return buildReveal(this.id, scenario, move, replies, this.moveLabels[`${scenario}/${move}`]);
  }

  private broadcastState(): void {
    const state = this.state();
    this.deps.outbox.toTrainees(this.id, 'drill:state', state);
    this.deps.outbox.toTrainer(this.id, 'drill:state', state);
  }
}
