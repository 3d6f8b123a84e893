// The dashboard of a drill that ended and is no longer in any node's memory (let go after a while,
// or a restart): made from its stored results, read-only. The trainer reopening /trainer/drill/<id>
// gets what `drill:attach` gives for a live drill: its final state, one tile per seat (each one's
// last session as it ended), the class heat map of the seats that stayed, and the moves' names.
import type { LocalText } from '../../engine/index.ts';
import type { DrillResults, DrillSnapshot, HeatRow, ScenarioSummary, Tile } from '../../protocol/index.ts';
import type { OpenedScenario } from '../scenarioCatalog.ts';
import { endedState } from './endedSeat.ts';
import { heatRows, rubricRules } from './heat.ts';
import { moveLabelsOf } from './moveLabels.ts';
import { withCurrentSummary } from './results.ts';

/** `scenarios`: the drill's scenarios as played, those that still load (the others get a bare summary). */
export function endedSnapshot(results: DrillResults, scenarios: readonly OpenedScenario[], joinUrl: string): DrillSnapshot {
  return {
    state: endedState(results, playedSummaries(results, scenarios)),
    code: results.code,
    joinUrl,
    // An ended drill has no QR code to show (nobody joins it).
    qrSvg: '',
    tiles: withCurrentSummary(results).seats.map(tileOf),
    heat: heatOf(results, scenarios),
    moves: [],
    moveLabels: moveLabelsOf(scenarios),
  };
}

/** The drill's scenarios' summaries in drill order; one that no longer loads gets a bare one. */
export function playedSummaries(results: DrillResults, scenarios: readonly OpenedScenario[]): ScenarioSummary[] {
  return results.scenarioIds.map((id) => scenarios.find((s) => s.summary.id === id)?.summary ?? bareSummary(id, results));
}

function tileOf(seat: DrillResults['seats'][number]): Tile {
  const last = seat.sessions.at(-1);
  const titles: Record<string, LocalText> = {};
  for (const s of seat.sessions) for (const v of s.report?.rules ?? []) if (v.title && s.report?.redLines.includes(v.rule)) titles[v.rule] = v.title;
  return {
    seatId: seat.seatId,
    name: seat.name,
    status: seat.removed ? 'removed' : last ? 'finished' : 'lobby',
    connected: false,
    sessionId: last?.sessionId ?? null,
    position: Math.max(0, seat.sessions.length - 1),
    scenarioId: last?.scenarioId ?? null,
    move: null,
    score: last?.report?.score ?? null,
    ...(seat.score === null ? {} : { drillScore: seat.score }),
    buyerDone: last?.outcome != null,
    redLines: seat.sessions.flatMap((s) => s.report?.redLines ?? []),
    redLineBuyers: seat.sessions.flatMap((s, i) => (s.report?.redLines ?? []).map(() => i)),
    ruleTitles: titles,
    waitingSince: null,
    outcome: last?.outcome ?? null,
    turns: last?.report?.kpis.replies ?? 0,
  };
}

/** The heat map as the live one counts it: per trainee who stayed, in rubric order. */
function heatOf(results: DrillResults, scenarios: readonly OpenedScenario[]): HeatRow[] {
  const trainees = results.seats
    .filter((seat) => !seat.removed)
    .map((seat) => seat.sessions.flatMap((s) => (s.report?.rules ?? []).flatMap((v) => (v.verdict === 'n/a' ? [] : [{ rule: v.rule, status: v.verdict, ...(v.title ? { title: v.title } : {}), category: v.category, redLine: v.redLine }]))));
  return heatRows(rubricRules(scenarios), trainees);
}

function bareSummary(id: string, results: DrillResults): ScenarioSummary {
  const version = results.seats.flatMap((s) => s.sessions).find((s) => s.scenarioId === id)?.scenarioVersion ?? 0;
  const text = { 'zh-CN': id, en: id };
  return { id, version, title: text, description: text, difficulty: '', persona: '', shop: '' };
}
