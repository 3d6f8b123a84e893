// The sessions this node runs. A session is in memory while it is busy; any other time it can be
// dropped and rebuilt from its log (after a restart, on the next connect), timers re-armed.
import { randomInt } from 'node:crypto';
import type { Logger } from 'pino';
import { startSession } from '../engine/index.ts';
import type { Ack, Mode, SessionInfo } from '../protocol/index.ts';
import { ok } from '../protocol/index.ts';
import type { SessionLog } from '../store/sessionLog.ts';
import type { LeaseKeeper } from './leaseKeeper.ts';
import type { DeliveredEvent, SessionIdentity } from './liveSession.ts';
import { LiveSession } from './liveSession.ts';
import { replaySession } from './replay.ts';
import type { ScenarioCatalog } from './scenarioCatalog.ts';
import type { Scheduler } from './scheduler.ts';
import { effectsToRecords, toLogged } from './serverEvents.ts';
import { timeOrderedId } from './timeOrderedId.ts';
import type { SessionTokens } from './tokens.ts';

export interface RegistryDeps {
  log: SessionLog;
  catalog: ScenarioCatalog;
  scheduler: Scheduler;
  tokens: SessionTokens;
  logger: Logger;
  /** buyer pacing for new sessions: 1 = like a person, 0 = instant */
  speed: number;
  /** to the session's room; `except`: a socket that had the event in its answer (LiveSession.act) */
  broadcast: (sessionId: string, event: DeliveredEvent, except?: string) => void;
  /**
   * Several nodes: sessions run under a lease (server/runtime/leaseKeeper.ts). The node a trainee's
   * socket attaches to takes the lease; every append is fenced by its epoch.
   */
  leases?: LeaseKeeper | undefined;
}

export interface StartRequest {
  scenarioId: string;
  version?: number | undefined;
  displayName: string;
  mode: Mode;
}

/** A session with nothing scheduled and no activity for this long leaves memory (its log stays). */
const IDLE_EVICT_MS = 10 * 60 * 1000;

export class SessionRegistry {
  private readonly live = new Map<string, LiveSession>();
  private readonly loading = new Map<string, Promise<LiveSession | undefined>>();

  constructor(private readonly deps: RegistryDeps) {}

  get size(): number {
    return this.live.size;
  }

  /** Create and log a session. Call `begin()` on it once the starting socket is in its room. */
  async start(request: StartRequest): Promise<Ack<LiveSession>> {
    const scenario = await this.deps.catalog.forStart(request.scenarioId, request.version);
    if (!scenario.ok) return scenario;
    const { compiled, hash, summary } = scenario.data;
    const now = this.deps.scheduler.now();
    // The wall clock, not the session's: a drill's clock lags by its pauses, and the id's time is
    // what keeps new rows at the end of the log's index.
    const id = timeOrderedId(Date.now());
    const seed = randomInt(0, 2 ** 32 - 1);
    const first = startSession(compiled, { seed, now, speed: this.deps.speed });
    const records = effectsToRecords(first.effects, first.state, now, 1, null);
    const leases = this.deps.leases;
    const firstWake = records.reduce<number | null>((at, r) => (at === null || r.dueAt < at ? r.dueAt : at), null);
    await this.deps.log.create(
      {
        id,
        scenario_id: summary.id,
        scenario_version: summary.version,
        bundle_hash: hash,
        seed,
        speed: this.deps.speed,
        mode: request.mode,
        display_name: request.displayName,
        started_at: now,
        rules_revision: first.state.rulesRevision,
        ended_at: null,
        outcome: null,
        score: null,
      },
      records.map(toLogged),
      leases && { owner: leases.nodeId, expiresAt: leases.expiresAt(), wakeAt: firstWake },
    );
    const identity: SessionIdentity = { id, mode: request.mode, displayName: request.displayName, scenario: summary, startedAt: now };
    const epoch = leases && 1;
    const session = new LiveSession(identity, compiled, { state: first.state, records, results: new Map(), eventCount: 0, lastAt: now, replayed: false }, this.sessionDeps(id, epoch));
    if (epoch !== undefined) this.epochs.set(session, epoch);
    this.live.set(id, session);
    this.deps.logger.info({ sessionId: id, scenario: summary.id, version: summary.version, mode: request.mode }, 'session started');
    return ok(session);
  }

  /**
   * To read: the session in memory, or rebuilt from its log; undefined if there is no such session.
   * With leases, a session not in memory is rebuilt as a detached copy (no lease taken, no timers,
   * not kept): reading a transcript does not pull the session away from its trainee's node.
   */
  async get(sessionId: string): Promise<LiveSession | undefined> {
    if (!this.deps.leases) return this.take(sessionId);
    return this.live.get(sessionId) ?? (await this.loading.get(sessionId)) ?? this.detached(sessionId);
  }

  /** To act: the session in memory, or (taking its lease first, with leases) rebuilt from its log and kept running here. */
  async take(sessionId: string): Promise<LiveSession | undefined> {
    const running = this.live.get(sessionId);
    if (running) return running;
    let pending = this.loading.get(sessionId);
    if (!pending) {
      pending = this.takeAndRebuild(sessionId).finally(() => this.loading.delete(sessionId));
      this.loading.set(sessionId, pending);
    }
    return pending;
  }

  /**
   * A trainee's socket attaches (starts following the session): the lease follows it here. A copy in
   * memory is used only once the store confirms this node still holds the lease (one read, per attach
   * and not per event); otherwise the lease is taken and the session rebuilt from the log.
   */
  async attach(sessionId: string): Promise<LiveSession | undefined> {
    if (this.deps.leases && this.live.has(sessionId)) await this.deps.leases.confirm('session', sessionId);
    return this.take(sessionId);
  }

  /** Run a session whose lease this node took over from a dead one (the orphan sweep). */
  async adopt(sessionId: string, epoch: number): Promise<void> {
    if (this.live.has(sessionId) || this.loading.has(sessionId)) return;
    const pending = this.rebuild(sessionId, epoch).finally(() => this.loading.delete(sessionId));
    this.loading.set(sessionId, pending);
    await pending;
  }

  info(session: LiveSession, lastSeq: number): SessionInfo {
    const { id, mode, displayName, scenario, startedAt } = session.identity;
    return { sessionId: id, token: this.deps.tokens.sign(id), mode, displayName, scenario, startedAt, lastSeq, ended: session.ended, rubric: session.ruleTexts.rubric };
  }

  /** Let go of sessions with nothing scheduled that have been quiet for a while. */
  sweep(now: number): number {
    let evicted = 0;
    for (const [id, session] of this.live) {
      if (session.quiet && now - session.lastActivity > IDLE_EVICT_MS) {
        this.live.delete(id);
        this.deps.leases?.release('session', id);
        evicted++;
      }
    }
    return evicted;
  }

  /** Resolves once every session's queued jobs have run, including sessions still loading. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.loading.values()]);
    await Promise.all([...this.live.values()].map((s) => s.settled()));
  }

  /** Stop every timer (shutdown); the logs hold everything needed to go on later. */
  dispose(): void {
    for (const session of this.live.values()) session.dispose();
    this.live.clear();
  }

  /** With leases, take the lease first and read the log after: nothing the old owner commits later can be missing. */
  private async takeAndRebuild(sessionId: string): Promise<LiveSession | undefined> {
    const leases = this.deps.leases;
    if (!leases) return this.rebuild(sessionId, undefined);
    const epoch = await leases.acquire('session', sessionId, () => this.lose(sessionId, epoch));
    return this.rebuild(sessionId, epoch);
  }

  /** A session read without taking it over: rebuilt from the log, not kept, no timers. */
  private detached(sessionId: string): Promise<LiveSession | undefined> {
    return this.fromLog(sessionId, undefined);
  }

  private async rebuild(sessionId: string, epoch: number | undefined): Promise<LiveSession | undefined> {
    const leases = this.deps.leases;
    if (leases && epoch !== undefined && leases.epochOf('session', sessionId) !== epoch) leases.hold('session', sessionId, epoch, () => this.lose(sessionId, epoch));
    let session: LiveSession | undefined;
    try {
      session = await this.fromLog(sessionId, epoch);
    } finally {
      if (!session) leases?.release('session', sessionId);
    }
    if (!session) return undefined;
    if (epoch !== undefined) this.epochs.set(session, epoch);
    this.live.set(sessionId, session);
    this.deps.logger.info({ sessionId, lastSeq: session.lastSeq }, 'session rebuilt from its log');
    void session.begin();
    return session;
  }

  /** The session as its log has it (run under `epoch` if given); undefined if there is no such session. */
  private async fromLog(sessionId: string, epoch: number | undefined): Promise<LiveSession | undefined> {
    const stored = await this.deps.log.load(sessionId);
    if (!stored) return undefined;
    const scenario = await this.deps.catalog.byHash(stored.session.bundle_hash);
    if (!scenario) throw new Error(`session ${sessionId}: its scenario bundle ${stored.session.bundle_hash} is missing`);
    const replayed = replaySession(scenario.compiled, stored);
    if (replayed.divergence) this.deps.logger.error({ sessionId, divergence: replayed.divergence }, 'replaying the log did not reproduce the stored effects');
    const row = stored.session;
    const identity: SessionIdentity = { id: row.id, mode: row.mode === 'exam' ? 'exam' : 'practice', displayName: row.display_name, scenario: scenario.summary, startedAt: row.started_at };
    return new LiveSession(identity, scenario.compiled, replayed, this.sessionDeps(sessionId, epoch));
  }

  /** Another node runs the session now: let this node's copy go (its timers stop; its log is the truth). */
  private lose(sessionId: string, epoch: number): void {
    const session = this.live.get(sessionId);
    if (!session || this.epochs.get(session) !== epoch) return;
    this.live.delete(sessionId);
    session.leaseLost();
  }

  private readonly epochs = new WeakMap<LiveSession, number>();

  private sessionDeps(sessionId: string, epoch: number | undefined) {
    const leases = this.deps.leases;
    if (leases && epoch !== undefined && leases.epochOf('session', sessionId) !== epoch) leases.hold('session', sessionId, epoch, () => this.lose(sessionId, epoch));
    return {
      log: this.deps.log,
      scheduler: this.deps.scheduler,
      logger: this.deps.logger,
      broadcast: this.deps.broadcast,
      lease: leases && epoch !== undefined ? { owner: leases.nodeId, epoch } : undefined,
      onLeaseLost: (session: LiveSession) => {
        if (this.live.get(session.id) === session) this.live.delete(session.id);
        if (epoch !== undefined) leases?.lost('session', session.id, epoch);
      },
      onBehindLog: (session: LiveSession) => {
        if (this.live.get(session.id) !== session) return;
        this.live.delete(session.id);
        // Still ours: a copy rebuilt from the log takes over (same epoch, the lease stays held).
        const pending = this.rebuild(session.id, epoch).finally(() => this.loading.delete(session.id));
        this.loading.set(session.id, pending);
        pending.catch((err: unknown) => this.deps.logger.error({ err, sessionId: session.id }, 'rebuilding a session behind its log failed'));
      },
      onFinished: (session: LiveSession) => {
        if (this.live.get(session.id) !== session) return;
        this.live.delete(session.id);
        if (leases?.epochOf('session', session.id) !== epoch) return;
        // Ended here: the end's own write let the lease go. Ended before (a report reopened): let go now.
        if (session.leaseReleased) leases?.forget('session', session.id);
        else leases?.release('session', session.id);
      },
    };
  }
}
