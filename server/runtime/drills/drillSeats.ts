// A drill's seats and their practice sessions: joining, presence, removal, each seat playing the
// drill's scenarios one after another, the seats taken up again after a takeover, and the trainer's
// dashboard of them. Each seat owns ordinary LiveSessions from the drill's own SessionRegistry,
// whose scheduler is the drill clock: pausing the drill stops their time. The drill (drill.ts)
// runs the class itself: start, pause, lock, reveal, end.
import { randomUUID } from 'node:crypto';
import type { DrillErrorReason, DrillServerEventBodies, DrillState, SeatInfo, SeatTotal, Tile } from '../../protocol/index.ts';
import type { DeliveredEvent, LiveSession } from '../liveSession.ts';
import type { SessionEvent } from '../../engine/index.ts';
import { SessionRegistry } from '../sessionRegistry.ts';
import { SessionTokens } from '../tokens.ts';
import { DashboardFeed } from './dashboardFeed.ts';
import type { Drill } from './drill.ts';
import type { Result } from './drillFailure.ts';
import { failure } from './drillFailure.ts';
import type { DrillJobs } from './drillJobs.ts';
import type { DrillDeps } from './drillPorts.ts';
import { UnrebuildableDrill } from './drillRestore.ts';
import { heatMap } from './heat.ts';
import { revealableMoves } from './reveal.ts';
import type { Seat } from './seats.ts';
import { distinctName, tileOf } from './seats.ts';
import { SessionShadow } from './sessionShadow.ts';
import { holdsResults, tellsResult } from '../examHold.ts';

/** What the seats read of their drill: what it plays, and its status and lock as the trainer changes them. */
export type SeatsDrill = Pick<Drill, 'id' | 'scenarios' | 'mode' | 'clock' | 'status' | 'locked' | 'settledStatus' | 'results' | 'resultsOut'>;

export type SeatsDeps = Pick<DrillDeps, 'wall' | 'log' | 'catalog' | 'logger' | 'speed' | 'secret' | 'seatTokens' | 'outbox' | 'record' | 'maxSeats'>;

/** The session a trainee event may act in, or why not. */
export type SeatSessionResult = Result<LiveSession> | { ok: false; error: { code: 'paused' | 'forbidden'; reason: DrillErrorReason; message: string } };

export class DrillSeats {
  readonly seats = new Map<string, Seat>();
  private readonly bySession = new Map<string, { seat: Seat; shadow: SessionShadow }>();
  private readonly registry: SessionRegistry;
  private readonly feed: DashboardFeed;
  /** how many revealable moves the trainer has been sent (the list only grows) */
  private movesSent = 0;
  /** the headcount the lobby's trainees were last told */
  private headcountSent: number | null = null;

  constructor(
    private readonly drill: SeatsDrill,
    private readonly deps: SeatsDeps,
    private readonly jobs: DrillJobs,
  ) {
    this.registry = new SessionRegistry({
      log: deps.log,
      catalog: deps.catalog,
      scheduler: drill.clock,
      // Never handed out: a drill session is resumed with its seat token, through the drill only.
      tokens: new SessionTokens(`${deps.secret}:drill-sessions`),
      logger: deps.logger,
      speed: deps.speed,
      broadcast: (sessionId, event) => this.delivered(sessionId, event),
    });
    this.feed = new DashboardFeed(deps.wall, (seatIds, heat) => this.sendDashboard(seatIds, heat));
  }

  tiles(): Tile[] {
    return [...this.seats.values()].map((seat) => this.tile(seat));
  }

  tile(seat: Seat): Tile {
    return tileOf(seat, this.drill.clock.now(), this.drill.scenarios.length);
  }

  heat() {
    return heatMap(this.drill.scenarios, [...this.seats.values()]);
  }

  moves(): string[] {
    return revealableMoves(this.seats.values());
  }

  /** Trainees in the drill now: every seat but the removed ones. */
  headcount(): number {
    let n = 0;
    for (const seat of this.seats.values()) if (!seat.removed) n++;
    return n;
  }

  async join(displayName: string): Promise<Result<Seat>> {
    if (this.drill.status === 'ended') return failure('drill-not-running', 'ended', 'this drill has ended');
    if (this.drill.status === 'cancelled' && (await this.drill.settledStatus()) === 'cancelled') {
      return failure('drill-not-running', 'cancelled', 'the trainer cancelled this drill before it started');
    }
    if (this.drill.locked) return failure('drill-locked', 'locked', 'the trainer has closed this drill to new trainees');
    // Every seat counts, removed ones too: removing seats must not make room for a flood.
    if (this.seats.size >= this.deps.maxSeats) return failure('drill-full', 'full', `this drill has ${this.deps.maxSeats} seats, as many as it may have`);
    const seat: Seat = { id: randomUUID(), name: distinctName(displayName, new Set([...this.seats.values()].map((s) => s.name))), removed: false, epoch: 0, joinedAt: this.deps.wall.now(), sockets: new Set(), session: null, shadows: [], finished: false };
    this.seats.set(seat.id, seat);
    // Stored before the seat token is handed out: a token always names a seat the store knows.
    await this.jobs.track(this.deps.record.seatJoined(this.drill.id, seat));
    this.feed.touch(seat.id);
    // A late joiner starts at once, with the class.
    if (this.drill.status === 'running' || this.drill.status === 'paused') await this.jobs.track(this.start(seat, 0));
    return { ok: true, data: seat };
  }

  /** `drill`: the drill's state now, which the seat is told with its session. */
  seatInfo(seat: Seat, drill: DrillState, lastSeq?: number): SeatInfo {
    const seatToken = this.deps.seatTokens.sign(this.drill.id, seat.id);
    const session = seat.session ? { ...this.registry.info(seat.session, lastSeq ?? seat.session.lastSeq), token: seatToken } : null;
    const total = this.totalOf(seat);
    return { drillId: this.drill.id, seatId: seat.id, seatToken, displayName: seat.name, drill, session, ...(total ? { total } : {}) };
  }

  /** The seat's own drill score once the drill has ended: its row of the results the trainer reads. */
  totalOf(seat: Seat): SeatTotal | undefined {
    // Not before the end is stored: told, a total cannot be taken back (Drill.end).
    const row = this.drill.resultsOut ? this.drill.results?.seats.find((s) => s.seatId === seat.id) : undefined;
    return row && !row.removed && row.score !== null ? { score: row.score, buyers: row.buyers ?? [] } : undefined;
  }

  /** The drill has ended: each seat still in the class hears its drill score. */
  tellTotals(): void {
    for (const seat of this.seats.values()) {
      const total = this.totalOf(seat);
      if (total) this.deps.outbox.toSeat(seat.id, 'drill:total', { drillId: this.drill.id, seatId: seat.id, total });
    }
  }

  /** A socket took or left the seat. */
  presence(seat: Seat, socketId: string, present: boolean): void {
    if (present) seat.sockets.add(socketId);
    else seat.sockets.delete(socketId);
    this.feed.touch(seat.id);
  }

  remove(seatId: string): Result<Seat> {
    const seat = this.seats.get(seatId);
    if (!seat) return failure('not-found', 'no-such-seat', 'no such seat in this drill');
    if (seat.removed) return { ok: true, data: seat };
    seat.removed = true;
    seat.removedAt = this.drill.clock.now();
    seat.epoch++;
    this.deps.outbox.toSeat(seat.id, 'drill:removed', { drillId: this.drill.id, seatId });
    this.deps.outbox.evictSeat(this.drill.id, seat.id, seat.shadows.map((s) => s.sessionId));
    seat.sockets.clear();
    // The chat stops where it is: no timer of its fires while the seat is out (the buyer neither
    // nudges nor leaves, no verdict follows), so its score stays the one it had at the removal.
    seat.session?.standStill();
    void this.jobs.track(this.freeze(seat));
    void this.jobs.track(this.deps.record.seatRemoved(this.drill.id, seat.id, true, seat.removedAt));
    this.feed.touch(seat.id, true);
    return { ok: true, data: seat };
  }

  admit(seatId: string): Result<Seat> {
    const seat = this.seats.get(seatId);
    if (!seat) return failure('not-found', 'no-such-seat', 'no such seat in this drill');
    if (!seat.removed) return { ok: true, data: seat };
    seat.removed = false;
    delete seat.removedAt;
    this.deps.outbox.readmitSeat(seat.id, { drillId: this.drill.id, seatId });
    void this.jobs.track(this.deps.record.seatRemoved(this.drill.id, seat.id, false));
    this.feed.touch(seat.id, true);
    void this.jobs.track(this.goOn(seat));
    return { ok: true, data: seat };
  }

  /**
   * A removed seat's session stands still: once whatever it was doing at the removal has run (a
   * step, a session start under way), it is told to (no timer of its is armed from then on). A copy
   * rebuilt while the seat is out (the trainer watching the chat after it left memory, a takeover)
   * is a new object: this is called for it again.
   */
  async freeze(seat: Seat): Promise<void> {
    const session = seat.session;
    if (!session || session.ended) await Promise.allSettled(this.jobs.underWay());
    const current = await this.currentSession(seat);
    if (!current || !seat.removed) return;
    await current.settled();
    if (seat.removed) current.standStill();
  }

  /**
   * A seat let back in goes on: its chat where it stood (its timer armed again; the time away
   * counts as the buyer's wait), or its next scenario if that chat was over, once the drill runs.
   */
  private async goOn(seat: Seat): Promise<void> {
    await Promise.allSettled(this.jobs.underWay());
    if (seat.removed || (this.drill.status !== 'running' && this.drill.status !== 'paused')) return;
    const session = await this.currentSession(seat);
    const last = seat.shadows.at(-1);
    if (session && last && !last.ended) {
      session.moveOn();
      return session.begin();
    }
    if (seat.shadows.length < this.drill.scenarios.length) await this.start(seat, seat.shadows.length);
    else if (!seat.finished) {
      seat.finished = true;
      this.feed.touch(seat.id, true);
    }
  }

  /** The seat plays the drill's scenario at `position` (0 for the first): a new session, followed by its shadow. */
  async start(seat: Seat, position: number): Promise<void> {
    const scenario = this.drill.scenarios[position];
    if (!scenario || seat.removed) return;
    const started = await this.registry.start({ scenarioId: scenario.summary.id, version: scenario.summary.version, displayName: seat.name, mode: this.drill.mode });
    if (!started.ok) throw new Error(`drill ${this.drill.id}: ${started.error.message}`);
    const session = started.data;
    const row = this.deps.log.takeCreated(session.id);
    if (!row) throw new Error(`drill ${this.drill.id}: session ${session.id} has no start row`);
    await this.deps.record.sessionStarted(this.drill.id, seat.id, position, session.id, scenario.summary.id);
    const shadow = new SessionShadow(session.id, scenario.summary.id, scenario.compiled, row);
    seat.shadows.push(shadow);
    seat.session = session;
    this.follow(seat, shadow);
    this.deps.outbox.seatFollows(seat.id, session.id);
    this.deps.outbox.toSeat(seat.id, 'drill:session', { drillId: this.drill.id, seatId: seat.id, position, session: { ...this.registry.info(session, 0), token: this.deps.seatTokens.sign(this.drill.id, seat.id) } });
    this.feed.touch(seat.id, true);
    await session.begin();
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
  sessionFor(seat: Seat, sessionId: string): SeatSessionResult {
    if (seat.session?.id !== sessionId) return { ok: false, error: { code: 'forbidden', reason: 'not-your-session', message: 'that is not the session of your seat' } };
    if (this.drill.status === 'paused') return { ok: false, error: { code: 'paused', reason: 'paused', message: 'the trainer has paused the drill' } };
    return { ok: true, data: seat.session };
  }

  /** The drill ends: every open session ends too (their reports follow), and every step of theirs has run. */
  async endSessions(): Promise<void> {
    const open = [...this.seats.values()].flatMap((s) => (s.session && !s.session.ended ? [{ session: s.session, stoodStillAt: s.removed ? s.removedAt : undefined }] : []));
    // A removed seat's chat stood still from its removal: a wait it left open ends there.
    const end = (stoodStillAt: number | undefined): SessionEvent => (stoodStillAt === undefined ? { type: 'end' } : { type: 'end', stoodStillAt });
    await Promise.all(open.map(({ session, stoodStillAt }) => new Promise<void>((done) => void session.act(end(stoodStillAt), `drill-end-${this.drill.id}`, () => done()))));
    await this.registry.settled();
  }

  /**
   * An exam drill has ended: each seat hears how every chat of its went. Its page followed only its
   * last chat, so the earlier ones' held-back reports would otherwise reach it only when opened.
   */
  releaseResults(): void {
    if (this.drill.mode !== 'exam') return;
    for (const seat of this.seats.values()) if (!seat.removed) this.deps.outbox.toSeat(seat.id, 'drill:results', this.resultsOf(seat));
  }

  /** How each chat of the seat went, for a `drill:results`. */
  resultsOf(seat: Seat): DrillServerEventBodies['drill:results'] {
    return { drillId: this.drill.id, seatId: seat.id, chats: seat.shadows.flatMap((shadow) => shadow.released() ?? []) };
  }

  /**
   * A seat as stored, with the sessions it played (shadows rebuilt from their logs). The last one is
   * taken up again from its log (buyer deadlines re-armed on the drill clock); a seat whose session
   * ended before the takeover moves on to its next scenario, as it would have.
   */
  async restore(seat: Seat, played: SessionShadow[]): Promise<void> {
    this.seats.set(seat.id, seat);
    for (const shadow of played) {
      seat.shadows.push(shadow);
      if (shadow !== played.at(-1)) continue;
      this.follow(seat, shadow);
      const session = await this.registry.get(shadow.sessionId);
      if (!session) throw new UnrebuildableDrill(`drill ${this.drill.id}: session ${shadow.sessionId} is not in the log`);
      seat.session = session;
    }
    // Removed while its chat ran: rebuilt from the log, it stands still again.
    if (seat.removed && seat.session && !seat.session.ended) await this.jobs.track(this.freeze(seat));
    if (this.drill.status === 'lobby' || seat.removed) return;
    const last = seat.shadows.at(-1);
    if (!last || last.ended) {
      if (seat.shadows.length < this.drill.scenarios.length) await this.jobs.track(this.start(seat, seat.shadows.length));
      else seat.finished = true;
    }
  }

  /** Every seat's tile and the heat map go to the trainer again (with the next dashboard update). */
  touchAll(): void {
    for (const seatId of this.seats.keys()) this.feed.touch(seatId, true);
  }

  /** Every step of every session started so far has run. */
  async settled(): Promise<void> {
    await this.registry.settled();
  }

  dispose(): void {
    this.feed.dispose();
    this.registry.dispose();
    for (const sessionId of this.bySession.keys()) this.deps.log.unlisten(sessionId);
  }

  /** The shadow hears the session's commits from now on, and the dashboard with it. */
  private follow(seat: Seat, shadow: SessionShadow): void {
    this.bySession.set(shadow.sessionId, { seat, shadow });
    this.deps.log.listen(shadow.sessionId, (event) => {
      const redLine = shadow.apply(event);
      // Heard before the chat's clients get the reply (the tap runs at the commit): the client keeps marks by message id.
      for (const { messageId, verdicts } of shadow.lastMarks) {
        this.deps.outbox.toWatchers(shadow.sessionId, 'drill:verdicts', { drillId: this.drill.id, seatId: seat.id, sessionId: shadow.sessionId, messageId, verdicts });
      }
      this.feed.touch(seat.id, true);
      if (redLine) this.deps.logger.debug({ drillId: this.drill.id, seatId: seat.id }, 'red line');
    });
  }

  private delivered(sessionId: string, event: DeliveredEvent): void {
    const held = tellsResult(event) && holdsResults(this.drill.mode, this.drill.status);
    this.deps.outbox.toSession(sessionId, event, held);
    const owner = this.bySession.get(sessionId);
    if (!owner) return;
    this.feed.touch(owner.seat.id);
    if (event.name !== 'session:report') return;
    if (held) this.tellEnded(owner.seat, sessionId);
    this.deps.log.unlisten(sessionId);
    const next = owner.seat.shadows.length;
    if (this.drill.status !== 'ended' && next < this.drill.scenarios.length) void this.jobs.track(this.start(owner.seat, next));
    else owner.seat.finished = true;
  }

  /** An exam chat ended while the drill runs: its seat learns that it is over (its page stops taking replies), not how it went. */
  private tellEnded(seat: Seat, sessionId: string): void {
    this.deps.outbox.toSeat(seat.id, 'drill:chat-ended', { drillId: this.drill.id, seatId: seat.id, sessionId });
  }

  private sendDashboard(seatIds: string[], heat: boolean): void {
    const tiles = seatIds.flatMap((id) => {
      const seat = this.seats.get(id);
      return seat ? [this.tile(seat)] : [];
    });
    const moves = this.moves();
    const movesChanged = moves.length !== this.movesSent;
    this.movesSent = moves.length;
    this.deps.outbox.toTrainer(this.drill.id, 'drill:dashboard', { drillId: this.drill.id, clock: this.drill.clock.now(), running: this.drill.status === 'running', tiles, ...(heat ? { heat: this.heat() } : {}), ...(movesChanged ? { moves } : {}) });
    this.sendHeadcount();
  }

  /**
   * The lobby's trainees see how many are in so far. It rides on the dashboard's pace (at most
   * twice a second, whoever joins): a class arriving at once is not told of every seat to every
   * seat. Once started, each drill:state carries the count instead.
   */
  private sendHeadcount(): void {
    if (this.drill.status !== 'lobby') return;
    const trainees = this.headcount();
    if (trainees === this.headcountSent) return;
    this.headcountSent = trainees;
    this.deps.outbox.toTrainees(this.drill.id, 'drill:headcount', { drillId: this.drill.id, trainees });
  }
}
