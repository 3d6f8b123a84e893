// Drills that cannot go on after their node stopped (a scenario or a log is gone, or the drill was
// opened before drills had leases; drillRestore.ts rebuilds every other one). Such a drill is
// closed as *interrupted* with the results so far: every seat and session recorded as the drill ran (drill_seats, drill_sessions),
// each session rebuilt from its log (the engine is deterministic) and scored as if it ended there.
import type { Logger } from 'pino';
import type { DrillResults } from '../../protocol/index.ts';
import type { DrillStore, UnfinishedDrill } from '../../store/drillStore.ts';
import type { SessionLog } from '../../store/sessionLog.ts';
import type { ScenarioCatalog } from '../scenarioCatalog.ts';
import { drillResults } from './results.ts';
import type { Seat } from './seats.ts';
import { SessionShadow } from './sessionShadow.ts';

export interface RecoveryDeps {
  store: DrillStore;
  log: SessionLog;
  catalog: ScenarioCatalog;
  logger: Logger;
}

/** Close an unfinished drill as interrupted, with its results so far. */
export async function closeOneInterrupted(deps: RecoveryDeps, drill: UnfinishedDrill, now: number): Promise<void> {
  const results = await resultsSoFar(deps, drill, now);
  await deps.store.saveResults(results, (seatId) => drill.seats.find((s) => s.seatId === seatId)?.joinedAt ?? 0);
  deps.logger.warn({ drillId: drill.drillId, seats: results.seats.length }, 'a drill could not be rebuilt: closed as interrupted with its results so far');
}

async function resultsSoFar(deps: RecoveryDeps, drill: UnfinishedDrill, now: number): Promise<DrillResults> {
  const seats: Seat[] = [];
  for (const s of drill.seats) {
    const shadows: SessionShadow[] = [];
    for (const { sessionId, scenarioId } of s.sessions) {
      const shadow = await rebuild(deps, sessionId, scenarioId);
      if (shadow) shadows.push(shadow);
    }
    seats.push({ id: s.seatId, name: s.name, removed: s.removed, epoch: s.removals, joinedAt: s.joinedAt, sockets: new Set(), session: null, shadows, finished: false });
  }
  const meta = { drillId: drill.drillId, code: drill.code, trainer: drill.trainer, mode: drill.mode === 'exam' ? ('exam' as const) : ('practice' as const), scenarioIds: drill.scenarioIds, createdAt: drill.createdAt, startedAt: drill.startedAt, endedAt: now, status: 'ended' as const };
  return { ...drillResults(meta, seats), interrupted: true };
}

async function rebuild(deps: RecoveryDeps, sessionId: string, scenarioId: string): Promise<SessionShadow | undefined> {
  const stored = await deps.log.load(sessionId);
  const opened = stored && (await deps.catalog.forStart(scenarioId, stored.session.scenario_version));
  if (!stored || !opened?.ok) {
    deps.logger.error({ sessionId, scenarioId }, 'an interrupted drill session could not be rebuilt; it is left out');
    return undefined;
  }
  const shadow = new SessionShadow(sessionId, scenarioId, opened.data.compiled, stored.session);
  for (const event of stored.events) shadow.apply(event);
  shadow.settleAsInterrupted();
  return shadow;
}
