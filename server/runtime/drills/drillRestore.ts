// A drill rebuilt from the store by the node that takes it over (after a restart, or from a node
// that died): the drill row, its checkpoint (status, lock, pause, reveal, drill clock), the seats in
// joining order, and each session from its log. The engine is deterministic, so every shadow and
// every session comes back exactly as it was when the last row was committed.
import type { Logger } from 'pino';
import type { DrillRun } from '../../store/drillRunStore.ts';
import type { UnfinishedDrill } from '../../store/drillStore.ts';
import type { OpenedScenario, ScenarioCatalog } from '../scenarioCatalog.ts';
import type { TappedSessionLog } from './tappedLog.ts';
import type { Drill } from './drill.ts';
import type { Seat } from './seats.ts';
import { SessionShadow } from './sessionShadow.ts';

export interface RestoreDeps {
  log: TappedSessionLog;
  catalog: ScenarioCatalog;
  logger: Logger;
}

/** The store lacks something a drill needs (a session's log): no node will ever rebuild it. */
export class UnrebuildableDrill extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnrebuildableDrill';
  }
}

/** Builds the Drill object itself (the manager knows its wiring). */
export type DrillFactory = (scenarios: OpenedScenario[], clockFrom: { at: number; paused: boolean }) => Drill;

/** The drill as it was, running again on this node; undefined if it cannot be rebuilt (a scenario or a log is gone). */
export async function restoreDrill(deps: RestoreDeps, stored: UnfinishedDrill, run: DrillRun, build: DrillFactory): Promise<Drill | undefined> {
  const scenarios: OpenedScenario[] = [];
  for (const { id, version } of run.scenarios) {
    const opened = await deps.catalog.forStart(id, version);
    if (!opened.ok) {
      deps.logger.error({ drillId: stored.drillId, scenario: id, version }, 'a drill scenario is gone: the drill cannot be rebuilt');
      return undefined;
    }
    scenarios.push(opened.data);
  }
  const played = new Map<string, SessionShadow[]>();
  // The drill clock goes on from the latest moment known to have happened: the last checkpoint,
  // or a session event committed after it.
  let clockAt = run.clockMs;
  for (const seat of stored.seats) {
    const shadows: SessionShadow[] = [];
    for (const { sessionId, scenarioId } of seat.sessions) {
      const shadow = await shadowOf(deps, sessionId, scenarioId);
      if (!shadow) return undefined;
      shadows.push(shadow.shadow);
      clockAt = Math.max(clockAt, shadow.lastAt);
    }
    played.set(seat.seatId, shadows);
  }
  const drill = build(scenarios, { at: clockAt, paused: run.status === 'paused' });
  try {
    drill.restoreState(run);
    for (const s of stored.seats) {
      // The epoch counts removals, as on the node that ran it: above 0 on a seat in now, it was let back in.
      const seat: Seat = { id: s.seatId, name: s.name, removed: s.removed, ...(s.removedAt === undefined ? {} : { removedAt: s.removedAt }), epoch: s.removals, joinedAt: s.joinedAt, sockets: new Set(), session: null, shadows: [], finished: false };
      await drill.restoreSeat(seat, played.get(s.seatId) ?? []);
    }
    drill.restored();
  } catch (err) {
    // Half rebuilt: its timers and log listeners stop with it, whoever tries next.
    drill.dispose();
    throw err;
  }
  return drill;
}

/** A session as its log has it (undefined: its log or scenario bundle is gone). */
export async function shadowOf(deps: RestoreDeps, sessionId: string, scenarioId: string): Promise<{ shadow: SessionShadow; lastAt: number } | undefined> {
  const stored = await deps.log.load(sessionId);
  const scenario = stored && (await deps.catalog.byHash(stored.session.bundle_hash));
  if (!stored || !scenario) {
    deps.logger.error({ sessionId, scenarioId }, 'a drill session or its scenario bundle is missing from the store');
    return undefined;
  }
  const shadow = new SessionShadow(sessionId, scenarioId, scenario.compiled, stored.session);
  let lastAt = Number(stored.session.started_at);
  for (const event of stored.events) {
    shadow.apply(event);
    lastAt = Math.max(lastAt, event.at);
  }
  return { shadow, lastAt };
}
