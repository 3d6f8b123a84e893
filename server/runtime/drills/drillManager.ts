// The drills this node runs: opening them (scenarios resolved once, a join code, a QR code), finding
// them by id, code or seat token, and letting go of ended ones after a while. A drill this node does
// not have in memory is taken over from the store when nobody else holds its lease (a restart, a
// dead node): see drillLeases.ts and drillRestore.ts.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Ack, DrillPayload, DrillResults, DrillSnapshot, Mode, ReleasedChat } from '../../protocol/index.ts';
import { fail, ok } from '../../protocol/index.ts';
import type { DrillRun, DrillRunStore } from '../../store/drillRunStore.ts';
import type { DrillStore, UnfinishedDrill } from '../../store/drillStore.ts';
import type { LeaseStore } from '../../store/leases.ts';
import type { Trainer } from '../../store/trainerStore.ts';
import type { OpenedScenario, ScenarioCatalog } from '../scenarioCatalog.ts';
import type { Scheduler } from '../scheduler.ts';
import type { DrillOutbox } from './drill.ts';
import { Drill } from './drill.ts';
import { DrillLeases } from './drillLeases.ts';
import { restoreDrill, UnrebuildableDrill } from './drillRestore.ts';
import type { Outcome } from './drillActions.ts';
import { endedSeatOutcome, endedState } from './endedSeat.ts';
import { endedSnapshot, playedSummaries } from './endedSnapshot.ts';
import { joinUrl, newJoinCode, qrSvg } from './joinCode.ts';
import { RecentCache } from './recentCache.ts';
import { withCurrentSummary } from './results.ts';
import { closeOneInterrupted } from './recovery.ts';
import type { Seat } from './seats.ts';
import { SeatTokens } from './seatTokens.ts';
import type { TappedSessionLog } from './tappedLog.ts';

export interface DrillManagerDeps {
  wall: Scheduler;
  log: TappedSessionLog;
  catalog: ScenarioCatalog;
  store: DrillStore;
  logger: Logger;
  speed: number;
  secret: string;
  outbox: DrillOutbox;
  /** the address trainees open, e.g. https://dojo.example.com; else the trainer's Host header */
  publicUrl: string | undefined;
  runs: DrillRunStore;
  /** the lease table, as this node (its owner id) */
  leases: LeaseStore;
  leaseMs: number;
  /** seats a drill may have, removed ones included (DRILL_MAX_SEATS) */
  maxSeats: number;
  /** a lobby not started this long after it opened is cancelled (DRILL_LOBBY_TTL_HOURS); null: never */
  lobbyTtlMs: number | null;
}

/** Where a drill is: here, run by another live node ('elsewhere'), or nowhere (no such running drill). */
export type Found = Drill | 'elsewhere' | undefined;

/** An ended drill stays in memory this long, so its trainees can still open their reports. */
const KEEP_ENDED_MS = 60 * 60 * 1000;
/** An ended exam's chats for a seat that rejoins, kept this long (they never change: the results are final) ... */
const ENDED_CHATS_KEEP_MS = 5 * 60 * 1000;
/** ... for this many seats at most (a whole class reloading at once fits). */
const ENDED_CHATS_KEPT = 500;
/** Expired lobbies one sweep looks at: a backlog (an old database) is worked off a sweep at a time. */
const LOBBIES_PER_SWEEP = 100;

export class DrillManager {
  private readonly drills = new Map<string, Drill>();
  private readonly codes = new Map<string, Drill>();
  private readonly urls = new Map<string, { joinUrl: string; qrSvg: string }>();
  readonly seatTokens: SeatTokens;
  readonly leases: DrillLeases;
  /** takeovers under way, so two events for one drill rebuild it once */
  private readonly taking = new Map<string, Promise<Found>>();
  /** ends a node began and died in, finished here */
  private readonly endings = new Set<Promise<unknown>>();
  /** ended exams' chats, rebuilt from their logs for a seat that rejoins when no node holds the drill */
  private readonly endedChats: RecentCache<ReleasedChat[]>;
  /** the sweep for expired lobbies under way, if any */
  private lobbySweep: Promise<unknown> | null = null;

  readonly maxSeats: number;

  constructor(private readonly deps: DrillManagerDeps) {
    this.maxSeats = deps.maxSeats;
    this.seatTokens = new SeatTokens(deps.secret);
    this.endedChats = new RecentCache(ENDED_CHATS_KEEP_MS, ENDED_CHATS_KEPT, () => deps.wall.now());
    this.leases = new DrillLeases({
      wall: deps.wall,
      leases: deps.leases,
      runs: deps.runs,
      logger: deps.logger,
      leaseMs: deps.leaseMs,
      running: () => [...this.drills.values()].filter((d) => !d.over).map((d) => ({ id: d.id, checkpoint: () => d.checkpointState() })),
      lost: (drillId) => this.forget(drillId),
      // One drill that cannot come back never stops the others.
      orphans: async (drillIds) => {
        for (const id of drillIds) await this.find(id).catch((err: unknown) => deps.logger.error({ err, drillId: id }, 'taking over an orphaned drill failed'));
      },
    });
  }

  get size(): number {
    return this.drills.size;
  }

  async open(trainer: Trainer, request: DrillPayload<'drill:open'>, host: string | undefined): Promise<Ack<Drill>> {
    const scenarios: OpenedScenario[] = [];
    for (const id of request.scenarioIds) {
      const opened = await this.deps.catalog.forStart(id, undefined);
      if (!opened.ok) return opened;
      scenarios.push(opened.data);
    }
    const id = randomUUID();
    // Unique among the drills running on every node, not only this one's.
    let code = newJoinCode((c) => this.codes.has(c));
    for (let i = 0; i < 10 && (await this.deps.runs.byCode(code)) !== undefined; i++) code = newJoinCode((c) => this.codes.has(c));
    const now = this.deps.wall.now();
    const timeLimitMs = request.timeLimitSeconds === undefined ? null : request.timeLimitSeconds * 1000;
    const drill = this.build(id, code, trainer, scenarios, request.mode, timeLimitMs, now, undefined);
    this.drills.set(id, drill);
    this.codes.set(code, drill);
    await this.remember(drill, host);
    await this.deps.store.insert({ id, code, trainerId: trainer.id, scenarioIds: request.scenarioIds, mode: request.mode, timeLimitMs, createdAt: now });
    await this.deps.runs.create(id, scenarios.map((sc) => ({ id: sc.summary.id, version: sc.summary.version })), drill.checkpointState());
    await this.leases.claimNew(id);
    this.deps.logger.info({ drillId: id, trainer: trainer.name, scenarios: request.scenarioIds, mode: request.mode }, 'drill opened');
    return ok(drill);
  }

  snapshot(drill: Drill): DrillSnapshot {
    const urls = this.urls.get(drill.id) ?? { joinUrl: '', qrSvg: '' };
    return { state: drill.state(), code: drill.code, ...urls, tiles: drill.tiles(), heat: drill.heat(), moves: drill.moves(), moveLabels: drill.moveLabels };
  }

  get(drillId: string): Drill | undefined {
    return this.drills.get(drillId);
  }

  /**
   * An ended drill of this trainer that no node holds in memory, from its stored results: its
   * dashboard (read-only) and the results. Undefined for a drill that is not ended, or not theirs.
   */
  async endedFromStore(drillId: string, trainerId: string, host: string | undefined): Promise<{ results: DrillResults; snapshot: () => Promise<DrillSnapshot> } | undefined> {
    const stored = await this.deps.store.results(drillId);
    if (!stored?.results || stored.trainerId !== trainerId) return undefined;
    const results = withCurrentSummary(stored.results);
    const snapshot = async () => endedSnapshot(results, await this.playedScenarios(results), joinUrl(this.deps.publicUrl ?? `http://${host ?? 'localhost'}`, results.code));
    return { results, snapshot };
  }

  /** The scenarios an ended drill played, at the versions played, those that still load. */
  private async playedScenarios(results: DrillResults): Promise<OpenedScenario[]> {
    const scenarios: OpenedScenario[] = [];
    for (const id of results.scenarioIds) {
      const version = results.seats.flatMap((s) => s.sessions).find((s) => s.scenarioId === id)?.scenarioVersion;
      const opened = await this.deps.catalog.forStart(id, version);
      if (opened.ok) scenarios.push(opened.data);
    }
    return scenarios;
  }

  /** A seat's rejoin of an ended drill no node holds, answered from its stored results (undefined: none stored, or no such seat). */
  private async endedSeat(drillId: string, seatId: string, token: string): Promise<{ ended: Outcome } | 'removed' | undefined> {
    const results = (await this.deps.store.results(drillId))?.results;
    if (!results) return undefined;
    const outcome = await endedSeatOutcome(this.deps, results, seatId, token, endedState(results, playedSummaries(results, await this.playedScenarios(results))), this.endedChats);
    if (!outcome) return undefined;
    return outcome.answer.ok ? { ended: outcome } : 'removed';
  }

  /** The drill a trainer controls, or why not. */
  controlled(drillId: string, trainerId: string): Ack<Drill> {
    const drill = this.drills.get(drillId);
    // The same answer for someone else's drill and none: a drill id tells a stranger nothing.
    if (!drill || drill.trainer.id !== trainerId) return fail('not-found', 'no such drill of yours');
    return ok(drill);
  }

  /** The drill, here or taken over from the store if nobody runs it now. */
  find(drillId: string): Promise<Found> {
    const here = this.drills.get(drillId);
    if (here) return Promise.resolve(here);
    let pending = this.taking.get(drillId);
    if (!pending) {
      pending = this.takeOver(drillId).finally(() => this.taking.delete(drillId));
      this.taking.set(drillId, pending);
    }
    return pending;
  }

  /** The drill with this join code if this node runs it. */
  hereByCode(code: string): Drill | undefined {
    return this.codes.get(code);
  }

  /** The running drill with this join code, wherever it was opened. */
  async byCode(code: string): Promise<Found> {
    const here = this.codes.get(code);
    if (here) return here;
    const drillId = await this.deps.runs.byCode(code);
    return drillId === undefined ? undefined : this.find(drillId);
  }

  /** The seat a token names, if the token is genuine and the seat is still in its drill (and it was not cancelled). */
  async seatOf(token: string): Promise<{ drill: Drill; seat: Seat } | { ended: Outcome } | 'removed' | 'cancelled' | 'elsewhere' | undefined> {
    const claim = this.seatTokens.verify(token);
    if (!claim) return undefined;
    const drill = await this.find(claim.drillId);
    if (drill === 'elsewhere') return drill;
    // Gone from memory (or never here: a restart, another node ran it): the store still says it was
    // cancelled, or has the results of its end, which the seat is answered from.
    if (drill === undefined) {
      const status = (await this.deps.store.statusOf(claim.drillId))?.status;
      if (status === 'ended') return this.endedSeat(claim.drillId, claim.seatId, token);
      return status === 'cancelled' ? 'cancelled' : undefined;
    }
    if (drill.status === 'cancelled' && (await drill.settledStatus()) === 'cancelled') return 'cancelled';
    const seat = drill.seats.get(claim.seatId);
    if (!seat) return undefined;
    return seat.removed ? 'removed' : { drill, seat };
  }

  /**
   * For a code no node runs a drill with: whether the newest drill that had it was cancelled or has
   * ended (a join or a check is told so, plainly), else undefined (no drill ever had it).
   */
  async closedCode(code: string): Promise<'cancelled' | 'ended' | undefined> {
    const status = await this.deps.store.statusByCode(code);
    return status === 'cancelled' || status === 'ended' ? status : undefined;
  }

  /** A cancelled drill of this trainer's that no node holds in memory (it has no results to open). */
  async cancelledInStore(drillId: string, trainerId: string): Promise<boolean> {
    const stored = await this.deps.store.statusOf(drillId);
    return stored?.status === 'cancelled' && stored.trainerId === trainerId;
  }

  /**
   * At start-up: every drill nobody runs now is taken over and goes on (its lease expired or was
   * handed on); a drill that cannot be rebuilt ends as interrupted with its results so far. Returns
   * how many ended so. The heartbeat starts: from now on this node also takes over drills of dead nodes.
   */
  async recover(now: number): Promise<number> {
    let interrupted = 0;
    for (const stored of await this.deps.store.unfinished()) {
      if (this.drills.has(stored.drillId)) continue;
      // One drill must not keep the node from starting, every time. A drill that can never be
      // rebuilt ends in takeOver; what fails here is the store (whether another node runs the drill
      // is unknown, so it is not ended): the orphan loop tries again.
      try {
        const lease = await this.deps.leases.holder('drill', stored.drillId);
        // Opened by a version without leases, or the node died between the drill row and its lease.
        if (!lease) {
          if ((await this.closeUnrunnable(stored, now)) === 'interrupted') interrupted++;
          continue;
        }
        const found = await this.find(stored.drillId);
        // A lobby nobody will run (its lease let go of, yet stored as a lobby) would read 候场中 for ever.
        if (found === undefined && neverStarted(stored)) await this.deps.store.cancel(stored.drillId, now);
        else if (found === undefined) interrupted++;
      } catch (err) {
        this.deps.logger.error({ err, drillId: stored.drillId }, 'a drill could not be recovered at start-up; the orphan loop tries again');
      }
    }
    await this.sweepLobbies(now);
    this.leases.start();
    return interrupted;
  }

  async settled(): Promise<void> {
    await this.lobbySweep;
    await Promise.allSettled([...this.taking.values()]);
    await Promise.allSettled([...this.endings]);
    await Promise.all([...this.drills.values()].map((d) => d.settled()));
    await this.leases.settled();
  }

  /**
   * Let go of drills that ended or were cancelled a while ago (what is left of them is stored), and
   * cancel the lobbies nobody runs that were left unstarted too long.
   */
  sweep(now: number): void {
    for (const [id, drill] of this.drills) {
      // An end still waiting for the store is kept: let go of, its lease would be renewed with nobody to finish it.
      if (drill.over && drill.endedAt !== null && now - drill.endedAt > KEEP_ENDED_MS && !drill.endPending) {
        drill.dispose();
        this.drills.delete(id);
        this.urls.delete(id);
      }
    }
    this.lobbySweep ??= this.sweepLobbies(now)
      .catch((err: unknown) => this.deps.logger.error({ err }, 'cancelling expired drill lobbies failed; the next sweep tries again'))
      .finally(() => (this.lobbySweep = null));
  }

  /**
   * Lobbies opened more than DRILL_LOBBY_TTL_HOURS ago and never started, in the store, are
   * cancelled: one a dead node left is taken over (and cancelled as it is rebuilt), one no node can
   * run (stored by an older version, its lease let go of) is cancelled in the store, and one a live
   * node runs is left to that node. One this node runs has its own timer; should that have failed
   * (the store was away), it is tried again here. Returns how many this look cancelled in the store.
   */
  async sweepLobbies(now: number): Promise<number> {
    if (this.deps.lobbyTtlMs === null) return 0;
    let cancelled = 0;
    for (const drillId of await this.deps.store.lobbiesOpenedBefore(now - this.deps.lobbyTtlMs, LOBBIES_PER_SWEEP)) {
      try {
        const here = this.drills.get(drillId);
        if (here) {
          if (here.status === 'lobby' && (await this.leases.confirm(drillId))) await here.cancel('expiry');
          continue;
        }
        if ((await this.find(drillId)) !== undefined) continue;
        const stored = await this.deps.store.unfinishedOne(drillId);
        if (stored && neverStarted(stored) && (await this.deps.store.cancel(drillId, now))) cancelled++;
      } catch (err) {
        this.deps.logger.error({ err, drillId }, 'an expired drill lobby could not be cancelled; the next sweep tries again');
      }
    }
    if (cancelled > 0) this.deps.logger.info({ cancelled }, 'drill lobbies left unstarted were cancelled');
    return cancelled;
  }

  /**
   * Shutdown: timers stop, and the leases are handed on (they expire now) so that the next node to
   * look, or this one restarted, goes on with the drills at once. Resolves once that is stored.
   */
  async close(): Promise<void> {
    const handed = this.leases.stop();
    this.disposeAll();
    await handed.catch((err: unknown) => this.deps.logger.error({ err }, 'handing on the drill leases failed'));
    // A takeover that was under way when the shutdown began has finished now (stop waits for it).
    this.disposeAll();
  }

  private disposeAll(): void {
    for (const drill of this.drills.values()) drill.dispose();
    this.drills.clear();
    this.codes.clear();
  }

  /** Stored as cancelled first (else it throws, and the drill stays a lobby); then nobody needs to run it. */
  private async cancelled(drill: Drill): Promise<void> {
    if (!(await this.deps.store.cancel(drill.id, this.deps.wall.now()))) throw new Error(`drill ${drill.id} is no longer a lobby in the store`);
    if (this.codes.get(drill.code) === drill) this.codes.delete(drill.code);
    // Its run row and lease: should this fail, the lease runs out and whoever takes it finds nothing to run.
    await this.leases.finished(drill.id).catch(async (err: unknown) => {
      // Handed on instead of renewed with nothing to run: whoever takes it finds it cancelled in the store.
      this.deps.logger.error({ err, drillId: drill.id }, 'letting go of a cancelled drill lease failed; it is left to expire');
      await this.leases.abandon(drill.id).catch(() => undefined);
    });
    this.deps.logger.info({ drillId: drill.id, by: drill.cancelledBy, seats: drill.seats.size }, 'drill cancelled before it started');
  }

  private async ended(drill: Drill, results: DrillResults): Promise<void> {
    if (this.codes.get(drill.code) === drill) this.codes.delete(drill.code);
    await this.deps.store.saveResults(results, (seatId) => drill.seats.get(seatId)?.joinedAt ?? 0);
    await this.leases.finished(drill.id);
    this.deps.logger.info({ drillId: drill.id, seats: results.seats.length, passRate: results.summary.passRate }, 'drill ended');
  }

  private build(id: string, code: string, trainer: Trainer, scenarios: OpenedScenario[], mode: Mode, timeLimitMs: number | null, createdAt: number, clockFrom: { at: number; paused: boolean } | undefined): Drill {
    return new Drill(id, code, trainer, scenarios, mode, timeLimitMs, createdAt, {
      wall: this.deps.wall,
      log: this.deps.log,
      catalog: this.deps.catalog,
      logger: this.deps.logger.child({ drillId: id }),
      speed: this.deps.speed,
      secret: this.deps.secret,
      seatTokens: this.seatTokens,
      outbox: this.deps.outbox,
      onEnded: (ended, results) => this.ended(ended, results),
      storedEndAt: () => this.deps.store.endedAt(id),
      letGo: () => this.leases.finished(id),
      onCancelled: (cancelled) => this.cancelled(cancelled),
      lobbyTtlMs: this.deps.lobbyTtlMs,
      record: {
        seatJoined: (drillId, seat) => this.deps.store.seatJoined(drillId, seat),
        seatRemoved: (drillId, seatId, removed, at) => this.deps.store.seatRemoved(drillId, seatId, removed, at),
        sessionStarted: (drillId, seatId, position, sessionId, scenarioId) => this.deps.store.sessionStarted(drillId, seatId, position, sessionId, scenarioId),
      },
      checkpoint: (changed) => void this.leases.checkpoint(changed.id, changed.checkpointState()),
      maxSeats: this.maxSeats,
      stillOwned: () => this.leases.confirm(id),
      ...(clockFrom ? { clockFrom } : {}),
    });
  }

  /** The join URL and its QR code; a drill taken over gets them from the first trainer's Host header. */
  async remember(drill: Drill, host: string | undefined): Promise<void> {
    if (this.urls.has(drill.id)) return;
    const url = joinUrl(this.deps.publicUrl ?? `http://${host ?? 'localhost'}`, drill.code);
    this.urls.set(drill.id, { joinUrl: url, qrSvg: await qrSvg(url) });
  }

  /**
   * Rebuild a drill nobody runs now; a drill that can never be rebuilt (a scenario or a log is gone)
   * ends as interrupted. Any other failure (a database hiccup) lets go of the lease again and answers
   * 'elsewhere': clients are told the drill is moving and ask again, and the next look, here or on
   * another node, tries afresh instead of the lease being renewed with no drill behind it.
   */
  private async takeOver(drillId: string): Promise<Found> {
    const taken = await this.leases.takeOver(drillId);
    if (taken === 'held') return 'elsewhere';
    if (taken === 'none') return undefined;
    try {
      return await this.rebuild(drillId);
    } catch (err) {
      if (err instanceof UnrebuildableDrill && (await this.endUnrebuildable(drillId, err))) return undefined;
      if (!(err instanceof UnrebuildableDrill)) this.deps.logger.error({ err, drillId }, 'a drill takeover failed: its lease is let go for another try');
      await this.leases.abandon(drillId).catch((e: unknown) => this.deps.logger.error({ err: e, drillId }, 'letting go of a drill lease failed; it runs out by itself'));
      return 'elsewhere';
    }
  }

  private async rebuild(drillId: string): Promise<Found> {
    const now = this.deps.wall.now();
    const stored = await this.deps.store.unfinishedOne(drillId);
    if (!stored) {
      await this.leases.finished(drillId);
      return undefined;
    }
    const run = await this.deps.runs.load(drillId);
    // Left unstarted too long while nobody ran it: cancelled, not brought back to life.
    if (neverStarted(stored, run) && this.deps.lobbyTtlMs !== null && now - stored.createdAt >= this.deps.lobbyTtlMs) {
      await this.deps.store.cancel(drillId, now);
      await this.leases.finished(drillId);
      this.deps.logger.info({ drillId }, 'a drill lobby left unstarted too long was cancelled');
      return undefined;
    }
    const trainer: Trainer = { id: stored.trainerId, name: stored.trainer, admin: stored.trainerAdmin };
    const mode: Mode = stored.mode === 'exam' ? 'exam' : 'practice';
    const drill = run && (await restoreDrill(this.deps, stored, run, (scenarios, clockFrom) => this.build(drillId, stored.code, trainer, scenarios, mode, stored.timeLimitMs, stored.createdAt, clockFrom)));
    if (!drill) {
      await this.closeUnrunnable(stored, now, run);
      await this.leases.finished(drillId);
      return undefined;
    }
    this.drills.set(drillId, drill);
    this.codes.set(drill.code, drill);
    await this.leases.checkpoint(drillId, drill.checkpointState());
    this.deps.logger.info({ drillId, status: drill.status, seats: drill.seats.size, clock: drill.clock.now() }, 'drill taken over from the store: it goes on here');
    if (run.status === 'ending') {
      // Ended as it was begun: by the trainer, or by the time limit (a checkpoint from before this was kept: the trainer).
      const ending = drill.end(run.endedBy ?? 'trainer').finally(() => this.endings.delete(ending));
      this.endings.add(ending);
    }
    return drill;
  }

  /** A drill that no node will ever rebuild ends as interrupted; false if that could not be stored (tried again later). */
  private async endUnrebuildable(drillId: string, err: UnrebuildableDrill): Promise<boolean> {
    this.deps.logger.error({ err, drillId }, 'a drill cannot be rebuilt: it ends as interrupted');
    try {
      const stored = await this.deps.store.unfinishedOne(drillId);
      if (stored) await this.closeUnrunnable(stored, this.deps.wall.now(), await this.deps.runs.load(drillId));
      await this.leases.finished(drillId);
      return true;
    } catch (e) {
      this.deps.logger.error({ err: e, drillId }, 'could not end an unrebuildable drill as interrupted');
      return false;
    }
  }

  /**
   * A drill no node can go on with: one that never started is cancelled (it has nothing to score),
   * any other ends as interrupted with its results so far.
   */
  private async closeUnrunnable(stored: UnfinishedDrill, now: number, run?: DrillRun): Promise<'cancelled' | 'interrupted'> {
    if (neverStarted(stored, run)) {
      await this.deps.store.cancel(stored.drillId, now);
      this.deps.logger.warn({ drillId: stored.drillId }, 'a drill lobby could not be taken up again: it is cancelled');
      return 'cancelled';
    }
    await closeOneInterrupted({ store: this.deps.store, log: this.deps.log, catalog: this.deps.catalog, logger: this.deps.logger }, stored, now);
    return 'interrupted';
  }

  /** Another node runs this drill now: this copy stops, and its sockets find the drill there. */
  private forget(drillId: string): void {
    const drill = this.drills.get(drillId);
    if (!drill) return;
    drill.dispose();
    this.drills.delete(drillId);
    this.urls.delete(drillId);
    if (this.codes.get(drill.code) === drill) this.codes.delete(drill.code);
  }
}

/**
 * Never started: a lobby in the store, in its checkpoint (a start is checkpointed before the drill
 * row says so) and in its seats (none has played a session).
 */
function neverStarted(stored: UnfinishedDrill, run?: DrillRun): boolean {
  return stored.status === 'lobby' && (run === undefined || run.status === 'lobby') && stored.seats.every((s) => s.sessions.length === 0);
}
