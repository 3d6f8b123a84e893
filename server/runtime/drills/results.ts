// A drill's results: per-seat reports, the class summary, the leaderboard, and the CSV export.
import { ruleCategories } from '../../engine/index.ts';
import type { Report } from '../../engine/index.ts';
import type { ClassSummary, DrillResults, RuleSummary, SeatResult } from '../../protocol/index.ts';
import type { Seat } from './seats.ts';

export function drillResults(meta: Omit<DrillResults, 'summary' | 'seats' | 'leaderboard'>, seats: readonly Seat[]): DrillResults {
  const results: SeatResult[] = seats.map((seat) => {
    const sessions = seat.shadows.map((s) => ({ sessionId: s.sessionId, scenarioId: s.scenarioId, scenarioVersion: s.scenarioVersion, outcome: s.outcome, report: s.report }));
    return { seatId: seat.id, name: seat.name, removed: seat.removed, sessions, score: seatScore(sessions) };
  });
  return { ...meta, summary: summarize(results), seats: results, leaderboard: leaderboard(results) };
}

/**
 * Stored results with their summary made again from their seats: a drill that ended before the
 * summary's rules were filtered and ordered reads like a new one. Cheap: a few reports per seat.
 */
export function withCurrentSummary(results: DrillResults): DrillResults {
  return { ...results, summary: summarize(results.seats) };
}

export function summarize(seats: readonly SeatResult[]): ClassSummary {
  const reports: { report: Report; outcome: string | null }[] = [];
  for (const seat of seats) {
    if (seat.removed) continue;
    for (const s of seat.sessions) if (s.report) reports.push({ report: s.report, outcome: s.outcome });
  }
  const scores = reports.map((r) => r.report.score);
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
  return {
    seats: seats.length - removedSeats,
    removedSeats,
    sessions: reports.length,
    passed,
    passRate: reports.length === 0 ? null : passed / reports.length,
    scoreAvg: mean,
    scoreStdDev: mean === null ? null : Math.sqrt(average(scores.map((s) => (s - mean) ** 2)) ?? 0),
    scoreMin: scores.length === 0 ? null : Math.min(...scores),
    scoreMax: scores.length === 0 ? null : Math.max(...scores),
    rules: ruleRows([...rules.values()]),
    firstResponseMsAvg: average(reports.flatMap((r) => (r.report.kpis.firstResponseMs === null ? [] : [r.report.kpis.firstResponseMs]))),
    avgResponseMsAvg: average(reports.flatMap((r) => (r.report.kpis.avgResponseMs === null ? [] : [r.report.kpis.avgResponseMs]))),
    conversion: reports.length === 0 ? null : reports.filter((r) => r.outcome === 'purchased').length / reports.length,
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

export function seatScore(sessions: SeatResult['sessions']): number | null {
  return average(sessions.flatMap((s) => (s.report ? [s.report.score] : [])));
}

export function leaderboard(seats: readonly SeatResult[]): DrillResults['leaderboard'] {
  const ranked = seats.flatMap((s) => (s.removed || s.score === null ? [] : [{ name: s.name, score: s.score }]));
  ranked.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return ranked.map((r, i) => ({ rank: i + 1, ...r }));
}

const CSV_COLUMNS = ['seat', 'name', 'removed', 'position', 'scenario', 'scenario_version', 'session', 'outcome', 'score', 'passed', 'red_lines', 'first_response_ms', 'avg_response_ms', 'replies'];

/**
 * One row per session played (a seat with none gets one empty row). UTF-8 with a BOM for Excel. A
 * removed seat's rows say `removed` yes, keep the score its session had when removed, and leave
 * `passed` empty: like the summary, the CSV does not grade it with the class.
 */
export function resultsCsv(results: DrillResults): string {
  const rows = [CSV_COLUMNS];
  for (const seat of results.seats) {
    const sessions = seat.sessions.length > 0 ? seat.sessions : [null];
    sessions.forEach((s, position) => {
      const r = s?.report;
      rows.push([
        seat.seatId,
        seat.name,
        seat.removed ? 'yes' : 'no',
        s ? String(position + 1) : '',
        s?.scenarioId ?? '',
        s ? String(s.scenarioVersion) : '',
        s?.sessionId ?? '',
        s?.outcome ?? '',
        r ? String(r.score) : '',
        // A removed seat is not graded with the class: its score is the one frozen at the removal.
        r && !seat.removed ? (r.passed ? 'yes' : 'no') : '',
        r ? r.redLines.join(' ') : '',
        r?.kpis.firstResponseMs == null ? '' : String(r.kpis.firstResponseMs),
        r?.kpis.avgResponseMs == null ? '' : String(Math.round(r.kpis.avgResponseMs)),
        r ? String(r.kpis.replies) : '',
      ]);
    });
  }
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function csvField(value: string): string {
  // A leading = + - @ would make a spreadsheet run the cell as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function average(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}
