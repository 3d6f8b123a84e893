// A drill's results: per-seat reports, the class summary, the leaderboard, and the CSV export.
import { ruleCategories } from '../../engine/index.ts';
import type { Report } from '../../engine/index.ts';
import type { ClassSummary, DrillResults, RuleSummary, SeatBuyerResult, SeatResult } from '../../protocol/index.ts';
import { leaderboard, seatRedLines } from './ranking.ts';
export { resultsCsv } from './resultsCsv.ts';
import type { Seat } from './seats.ts';

export { leaderboard } from './ranking.ts';

/**
 * Bumped whenever the class numbers are computed differently: a drill history row stored with
 * another version is made again from its results (drillHistory.ts), as the results page is.
 */
export const SUMMARY_VERSION = 2;

export function drillResults(meta: Omit<DrillResults, 'summary' | 'seats' | 'leaderboard'>, seats: readonly Seat[]): DrillResults {
  const results: SeatResult[] = seats.map((seat) => {
    const sessions = seat.shadows.map((s) => ({ sessionId: s.sessionId, scenarioId: s.scenarioId, scenarioVersion: s.scenarioVersion, outcome: s.outcome, report: s.report }));
    // A seat's epoch counts its removals: one let back in is marked, its CSV rows say so.
    return withBuyers({ seatId: seat.id, name: seat.name, removed: seat.removed, ...(!seat.removed && seat.epoch > 0 ? { readmitted: true } : {}), sessions, score: null }, meta.scenarioIds);
  });
  return { ...meta, summary: summarize(results, meta.scenarioIds.length), seats: results, leaderboard: leaderboard(results) };
}

/**
 * Stored results with their buyers, scores, summary and leaderboard made again from the sessions:
 * a drill that ended before a trainee's score counted every buyer reads like a new one. Cheap: a
 * few reports per seat.
 */
export function withCurrentSummary(results: DrillResults): DrillResults {
  const seats = results.seats.map((seat) => withBuyers(seat, results.scenarioIds));
  return { ...results, seats, summary: summarize(seats, results.scenarioIds.length), leaderboard: leaderboard(seats) };
}

/** A seat's row for every buyer of the drill (sessions are played in drill order), and its drill score. */
function withBuyers(seat: SeatResult, scenarioIds: readonly string[]): SeatResult {
  const buyers: SeatBuyerResult[] = scenarioIds.map((scenarioId, position) => {
    const s = seat.sessions[position];
    if (!s) return { position, scenarioId, status: 'notStarted', score: 0, sessionId: null };
    // An outcome is the buyer's own ending; a chat the drill's end or a removal cut has none.
    return { position, scenarioId, status: s.outcome ? 'done' : 'unfinished', score: s.report?.score ?? 0, sessionId: s.sessionId };
  });
  return { ...seat, buyers, score: drillScore(buyers.map((b) => b.score), scenarioIds.length), redLines: seatRedLines(seat.sessions) };
}

/**
 * A trainee's drill score: the mean over every buyer of the drill, a buyer not reached counting 0,
 * so going further never lowers it. One decimal, like every score the trainer reads.
 */
export function drillScore(scores: readonly number[], buyers: number): number {
  const total = scores.reduce((a, b) => a + b, 0);
  return Math.round((total / Math.max(1, buyers)) * 10) / 10;
}

export function summarize(seats: readonly SeatResult[], buyersPerSeat: number): ClassSummary {
  const reports: { report: Report; outcome: string | null }[] = [];
  for (const seat of seats) {
    if (seat.removed) continue;
    for (const s of seat.sessions) if (s.report) reports.push({ report: s.report, outcome: s.outcome });
  }
  // The class's score figures are over trainees (their drill scores), like the leaderboard.
  const scores = seats.flatMap((s) => (s.removed || s.score === null ? [] : [s.score]));
  const mean = average(scores);
  const rules = new Map<string, RuleSummary>();
  for (const { report } of reports) {
    for (const v of report.rules) {
      const row = rules.get(v.rule) ?? { rule: v.rule, ...(v.title ? { title: v.title } : {}), category: v.category, redLine: v.redLine, pass: 0, fail: 0, passRate: null };
      if (v.verdict === 'pass') row.pass++;
      if (v.verdict === 'fail') row.fail++;
      rules.set(v.rule, row);
    }
  }
  for (const row of rules.values()) row.passRate = row.pass + row.fail === 0 ? null : row.pass / (row.pass + row.fail);
  const passed = reports.filter((r) => r.report.passed).length;
  const removedSeats = seats.filter((s) => s.removed).length;
  // Every trainee x buyer pair: a buyer not reached is neither passed nor sold to.
  const buyerSlots = (seats.length - removedSeats) * buyersPerSeat;
  return {
    version: SUMMARY_VERSION,
    seats: seats.length - removedSeats,
    removedSeats,
    sessions: reports.length,
    buyerSlots,
    passed,
    passRate: buyerSlots === 0 ? null : passed / buyerSlots,
    scoreAvg: mean,
    scoreStdDev: mean === null ? null : Math.sqrt(average(scores.map((s) => (s - mean) ** 2)) ?? 0),
    scoreMin: scores.length === 0 ? null : Math.min(...scores),
    scoreMax: scores.length === 0 ? null : Math.max(...scores),
    rules: ruleRows([...rules.values()]),
    firstResponseMsAvg: average(reports.flatMap((r) => (r.report.kpis.firstResponseMs === null ? [] : [r.report.kpis.firstResponseMs]))),
    avgResponseMsAvg: average(reports.flatMap((r) => (r.report.kpis.avgResponseMs === null ? [] : [r.report.kpis.avgResponseMs]))),
    conversion: buyerSlots === 0 ? null : reports.filter((r) => r.outcome === 'purchased').length / buyerSlots,
  };
}

/**
 * The per-rule rows a trainer reads: only rules some session could judge (a rule every report marks
 * n/a, e.g. a complaint rule in a bargainer drill, says nothing about the class), red lines first,
 * then the weakest first (pass rate ascending), ties in the report's category order, then by id.
 */
export function ruleRows(rows: readonly RuleSummary[]): RuleSummary[] {
  const category = (row: RuleSummary) => ruleCategories.indexOf(row.category);
  return rows
    .filter((row) => row.pass + row.fail > 0)
    .sort((a, b) => Number(b.redLine) - Number(a.redLine) || (a.passRate ?? 0) - (b.passRate ?? 0) || category(a) - category(b) || a.rule.localeCompare(b.rule));
}

function average(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}
