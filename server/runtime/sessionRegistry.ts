// The sessions this node runs. A session is in memory while it is busy; any other time it can be
// dropped and rebuilt from its log (after a restart, on the next connect), timers re-armed.
import { randomInt, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { startSession } from '../engine/index.ts';
import type { Ack, Mode, SessionInfo } from '../protocol/index.ts';
import { ok } from '../protocol/index.ts';
import type { SessionLog } from '../store/sessionLog.ts';
import type { DeliveredEvent, SessionIdentity } from './liveSession.ts';
import { LiveSession } from './liveSession.ts';
import { replaySession } from './replay.ts';
import type { ScenarioCatalog } from './scenarioCatalog.ts';
import type { Scheduler } from './scheduler.ts';
import { effectsToRecords, toLogged } from './serverEvents.ts';
import type { SessionTokens } from './tokens.ts';

export interface RegistryDeps {
  log: SessionLog;
  catalog: ScenarioCatalog;
  scheduler: Scheduler;
  tokens: SessionTokens;
  logger: Logger;
  /** buyer pacing for new sessions: 1 = like a person, 0 = instant */
  speed: number;
  broadcast: (sessionId: string, event: DeliveredEvent) => void;
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
    const id = randomUUID();
    const seed = randomInt(0, 2 ** 32 - 1);
    const now = this.deps.scheduler.now();
    const first = startSession(compiled, { seed, now, speed: this.deps.speed });
    const records = effectsToRecords(first.effects, first.state, now, 1, null);
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
        ended_at: null,
        outcome: null,
        score: null,
      },
      records.map(toLogged),
    );
    const identity: SessionIdentity = { id, mode: request.mode, displayName: request.displayName, scenario: summary, startedAt: now };
    const session = new LiveSession(identity, compiled, { state: first.state, records, results: new Map(), eventCount: 0, lastAt: now, replayed: false }, this.sessionDeps());
    this.live.set(id, session);
    this.deps.logger.info({ sessionId: id, scenario: summary.id, version: summary.version, mode: request.mode }, 'session started');
    return ok(session);
  }

  /** The session in memory, or rebuilt from its log; undefined if there is no such session. */
  async get(sessionId: string): Promise<LiveSession | undefined> {
    const running = this.live.get(sessionId);
    if (running) return running;
    let pending = this.loading.get(sessionId);
    if (!pending) {
      pending = this.rebuild(sessionId).finally(() => this.loading.delete(sessionId));
      this.loading.set(sessionId, pending);
    }
    return pending;
  }

  info(session: LiveSession, lastSeq: number): SessionInfo {
    const { id, mode, displayName, scenario } = session.identity;
    return { sessionId: id, token: this.deps.tokens.sign(id), mode, displayName, scenario, lastSeq, ended: session.ended };
  }

  /** Let go of sessions with nothing scheduled that have been quiet for a while. */
  sweep(now: number): number {
    let evicted = 0;
    for (const [id, session] of this.live) {
      if (session.quiet && now - session.lastActivity > IDLE_EVICT_MS) {
        this.live.delete(id);
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

  private async rebuild(sessionId: string): Promise<LiveSession | undefined> {
    const stored = await this.deps.log.load(sessionId);
    if (!stored) return undefined;
    const scenario = await this.deps.catalog.byHash(stored.session.bundle_hash);
    if (!scenario) throw new Error(`session ${sessionId}: its scenario bundle ${stored.session.bundle_hash} is missing`);
    const replayed = replaySession(scenario.compiled, stored);
    if (replayed.divergence) this.deps.logger.error({ sessionId, divergence: replayed.divergence }, 'replaying the log did not reproduce the stored effects');
    const row = stored.session;
    const identity: SessionIdentity = { id: row.id, mode: row.mode === 'exam' ? 'exam' : 'practice', displayName: row.display_name, scenario: scenario.summary, startedAt: row.started_at };
    const session = new LiveSession(identity, scenario.compiled, replayed, this.sessionDeps());
    this.live.set(sessionId, session);
    this.deps.logger.info({ sessionId, events: replayed.eventCount, lastSeq: session.lastSeq }, 'session rebuilt from its log');
    void session.begin();
    return session;
  }

  private sessionDeps() {
    return {
      log: this.deps.log,
      scheduler: this.deps.scheduler,
      logger: this.deps.logger,
      broadcast: this.deps.broadcast,
      onFinished: (session: LiveSession) => {
        if (this.live.get(session.id) === session) this.live.delete(session.id);
      },
    };
  }
}
