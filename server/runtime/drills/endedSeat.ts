// A trainee's rejoin of a drill that has ended and that no node holds in memory any more (let go
// after KEEP_ENDED_MS, a restart, or simply a reload on a node that never ran it): answered from the
// stored results, so the page keeps its seat, its drill total and, for an exam, the released
// results of every chat, as the node that ran the drill would have given them.
import type { DrillResults, DrillState, ReleasedChat, ScenarioSummary, SeatInfo } from '../../protocol/index.ts';
import type { Outcome } from './drillActions.ts';
import { removedAnswer } from './drillActions.ts';
import type { RestoreDeps } from './drillRestore.ts';
import { shadowOf } from './drillRestore.ts';
import type { RecentCache } from './recentCache.ts';
import { withCurrentSummary } from './results.ts';

/**
 * What the rejoin answers: the seat (no session to follow: every chat is read over HTTP now), or its
 * removal; undefined if the results have no such seat. An exam's results were released at its end:
 * a page that missed them (or reloads) gets them again, each chat rebuilt from its log as the
 * drill's node had it (the stored results keep only the outcome's kind).
 */
export async function endedSeatOutcome(deps: RestoreDeps, stored: DrillResults, seatId: string, seatToken: string, state: DrillState, chatsCache: RecentCache<ReleasedChat[]>): Promise<Outcome | undefined> {
  const results = withCurrentSummary(stored);
  const row = results.seats.find((s) => s.seatId === seatId);
  if (!row) return undefined;
  if (row.removed) return removedAnswer(seatId);
  const total = row.score === null ? undefined : { score: row.score, buyers: row.buyers ?? [] };
  const info: SeatInfo = { drillId: results.drillId, seatId, seatToken, displayName: row.name, drill: state, session: null, ...(total ? { total } : {}) };
  if (results.mode !== 'exam') return { answer: { ok: true, data: info } };
  // Replayed from every log of the seat: once for a while, however often or from however many sockets it rejoins.
  const chats = await chatsCache.remember(`${results.drillId}:${seatId}`, async () => {
    const released: ReleasedChat[] = [];
    for (const s of row.sessions) {
      const chat = (await shadowOf(deps, s.sessionId, s.scenarioId))?.shadow.released();
      if (chat) released.push(chat);
    }
    return released;
  });
  return { answer: { ok: true, data: info }, results: { drillId: results.drillId, seatId, chats } };
}

/** An ended drill's state as its stored results give it (`scenarios`: their summaries, in drill order). */
export function endedState(results: DrillResults, scenarios: ScenarioSummary[]): DrillState {
  return { drillId: results.drillId, status: 'ended', locked: false, mode: results.mode, scenarios, frozenAt: null, endsAt: null, clock: results.endedAt ?? results.startedAt ?? 0 };
}
