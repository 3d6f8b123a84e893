// The drills this node runs: opening them (scenarios resolved once, a join code, a QR code), finding
// them by id, code or seat token, and letting go of ended ones after a while.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Ack, DrillPayload, DrillResults, DrillSnapshot } from '../../protocol/index.ts';
import { fail, ok } from '../../protocol/index.ts';
import type { DrillStore } from '../../store/drillStore.ts';
import type { Trainer } from '../../store/trainerStore.ts';
import type { OpenedScenario, ScenarioCatalog } from '../scenarioCatalog.ts';
import type { Scheduler } from '../scheduler.ts';
import type { DrillOutbox } from './drill.ts';
import { Drill } from './drill.ts';
import { joinUrl, newJoinCode, qrSvg } from './joinCode.ts';
import { closeInterrupted } from './recovery.ts';
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
}

/** An ended drill stays in memory this long, so its trainees can still open their reports. */
const KEEP_ENDED_MS = 60 * 60 * 1000;

export class DrillManager {
  private readonly drills = new Map<string, Drill>();
  private readonly codes = new Map<string, Drill>();
  private readonly urls = new Map<string, { joinUrl: string; qrSvg: string }>();
  readonly seatTokens: SeatTokens;

  constructor(private readonly deps: DrillManagerDeps) {
    this.seatTokens = new SeatTokens(deps.secret);
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
    const code = newJoinCode((c) => this.codes.has(c));
    const now = this.deps.wall.now();
    const timeLimitMs = request.timeLimitSeconds === undefined ? null : request.timeLimitSeconds * 1000;
    const drill = new Drill(id, code, trainer, scenarios, request.mode, timeLimitMs, now, {
      wall: this.deps.wall,
      log: this.deps.log,
      catalog: this.deps.catalog,
      logger: this.deps.logger.child({ drillId: id }),
      speed: this.deps.speed,
      secret: this.deps.secret,
      seatTokens: this.seatTokens,
      outbox: this.deps.outbox,
      onEnded: (ended, results) => this.ended(ended, results),
      record: {
        seatJoined: (drillId, seat) => this.deps.store.seatJoined(drillId, seat),
        seatRemoved: (drillId, seatId, removed) => this.deps.store.seatRemoved(drillId, seatId, removed),
        sessionStarted: (drillId, seatId, position, sessionId, scenarioId) => this.deps.store.sessionStarted(drillId, seatId, position, sessionId, scenarioId),
      },
    });
    this.drills.set(id, drill);
    this.codes.set(code, drill);
    const url = joinUrl(this.deps.publicUrl ?? `http://${host ?? 'localhost'}`, code);
    this.urls.set(id, { joinUrl: url, qrSvg: await qrSvg(url) });
    await this.deps.store.insert({ id, code, trainerId: trainer.id, scenarioIds: request.scenarioIds, mode: request.mode, timeLimitMs, createdAt: now });
    this.deps.logger.info({ drillId: id, trainer: trainer.name, scenarios: request.scenarioIds, mode: request.mode }, 'drill opened');
    return ok(drill);
  }

  snapshot(drill: Drill): DrillSnapshot {
    const urls = this.urls.get(drill.id) ?? { joinUrl: '', qrSvg: '' };
    return { state: drill.state(), code: drill.code, ...urls, tiles: drill.tiles(), heat: drill.heat() };
  }

  get(drillId: string): Drill | undefined {
    return this.drills.get(drillId);
  }

  /** The drill a trainer controls, or why not. */
  controlled(drillId: string, trainerId: string): Ack<Drill> {
    const drill = this.drills.get(drillId);
    // The same answer for someone else's drill and none: a drill id tells a stranger nothing.
    if (!drill || drill.trainer.id !== trainerId) return fail('not-found', 'no such drill of yours');
    return ok(drill);
  }

  byCode(code: string): Drill | undefined {
    return this.codes.get(code);
  }

  /** The seat a token names, if the token is genuine and the seat is still in its drill. */
  seatOf(token: string): { drill: Drill; seat: Seat } | 'removed' | undefined {
    const claim = this.seatTokens.verify(token);
    const drill = claim && this.drills.get(claim.drillId);
    const seat = claim && drill?.seats.get(claim.seatId);
    if (!drill || !seat) return undefined;
    return seat.removed ? 'removed' : { drill, seat };
  }

  /** At start-up: drills the last run left open end as interrupted, with their results so far. */
  recover(now: number): Promise<number> {
    return closeInterrupted({ store: this.deps.store, log: this.deps.log, catalog: this.deps.catalog, logger: this.deps.logger }, now);
  }

  async settled(): Promise<void> {
    await Promise.all([...this.drills.values()].map((d) => d.settled()));
  }

  /** Let go of drills that ended a while ago (their results are stored). */
  sweep(now: number): void {
    for (const [id, drill] of this.drills) {
      if (drill.status === 'ended' && drill.endedAt !== null && now - drill.endedAt > KEEP_ENDED_MS) {
        drill.dispose();
        this.drills.delete(id);
        this.urls.delete(id);
      }
    }
  }

  dispose(): void {
    for (const drill of this.drills.values()) drill.dispose();
    this.drills.clear();
    this.codes.clear();
  }

  private async ended(drill: Drill, results: DrillResults): Promise<void> {
    if (this.codes.get(drill.code) === drill) this.codes.delete(drill.code);
    await this.deps.store.saveResults(results, (seatId) => drill.seats.get(seatId)?.joinedAt ?? 0);
    this.deps.logger.info({ drillId: drill.id, seats: results.seats.length, passRate: results.summary.passRate }, 'drill ended');
  }
}
