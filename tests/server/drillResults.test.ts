// A drill's class summary lists the rules a trainer can learn from: a rule no session could judge
// (every report marks it n/a, e.g. the complaint rules in a bargainer drill) is left out, not shown
// as "—"; red lines come first, then the weakest rule first (pass rate ascending), ties in the report's
// category order, then by id. The JSON export is these results as they are, so it lists the same rows;
// the CSV has one row per session and no per-rule rows.
import { describe, expect, it } from 'vitest';
import type { Report, Verdict } from '../../server/engine/index.ts';
import type { RuleCategory } from '../../server/engine/index.ts';
import type { SeatResult } from '../../server/protocol/index.ts';
import { resultsCsv, summarize, withCurrentSummary } from '../../server/runtime/drills/results.ts';

type Row = [rule: string, category: RuleCategory, verdict: Verdict['verdict'], redLine?: boolean];

function report(rows: Row[]): Report {
  const rules = rows.map(([rule, category, verdict, redLine = false]): Verdict => ({ rule, category, verdict, redLine, points: verdict === 'pass' ? 5 : 0, max: 5, feedback: { 'zh-CN': '', en: '' } }));
  return { score: 80, passed: true, passMark: 60, redLines: [], rules, categories: [], kpis: { firstResponseMs: null, avgResponseMs: null, longestResponseMs: null, replies: 1, outcome: null } };
}

function seat(id: string, rows: Row[]): SeatResult {
  return { seatId: id, name: id, removed: false, score: 80, sessions: [{ sessionId: `${id}-s`, scenarioId: 'bargainer-easy', scenarioVersion: 1, outcome: null, report: report(rows) }] };
}

// Three trainees of a bargainer drill.
const seats = [
  seat('a', [
    ['greeting', 'politeness', 'pass'],
    ['no-offplatform-contact', 'compliance', 'pass', true],
    ['apology-first', 'empathy', 'n/a'],
    ['no-phishing-link-click', 'security', 'n/a', true],
    ['hold-price', 'sales', 'fail'],
    ['quick-reply', 'timeliness', 'pass'],
    ['polite-close', 'politeness', 'fail'],
  ]),
  seat('b', [
    ['greeting', 'politeness', 'fail'],
    ['no-offplatform-contact', 'compliance', 'fail', true],
    ['apology-first', 'empathy', 'n/a'],
    ['no-phishing-link-click', 'security', 'n/a', true],
    ['hold-price', 'sales', 'fail'],
    ['quick-reply', 'timeliness', 'pass'],
    ['polite-close', 'politeness', 'pass'],
  ]),
  seat('c', [
    ['greeting', 'politeness', 'pass'],
    ['no-offplatform-contact', 'compliance', 'pass', true],
    ['apology-first', 'empathy', 'n/a'],
    ['no-phishing-link-click', 'security', 'n/a', true],
    ['hold-price', 'sales', 'pass'],
    ['quick-reply', 'timeliness', 'fail'],
    ['polite-close', 'politeness', 'fail'],
  ]),
];

describe('the class summary of a drill', () => {
  it('leaves out rules no session could judge and lists red lines first, then the weakest first', () => {
    const summary = summarize(seats, 1);
    expect(summary.rules.map((r) => [r.rule, r.pass, r.fail])).toEqual([
      ['no-offplatform-contact', 2, 1],
      // 1/3 each: politeness before sales in the report's category order.
      ['polite-close', 1, 2],
      ['hold-price', 1, 2],
      // 2/3 each: politeness before timeliness.
      ['greeting', 2, 1],
      ['quick-reply', 2, 1],
    ]);
    expect(summary.rules.some((r) => r.passRate === null)).toBe(false);
  });

  it('orders rules of equal rate and category by id, and a red line nobody passed stays first', () => {
    const summary = summarize(
      [
        seat('a', [
          ['b-rule', 'sales', 'pass'],
          ['a-rule', 'sales', 'pass'],
          ['never', 'security', 'fail', true],
        ]),
      ],
      1,
    );
    expect(summary.rules.map((r) => r.rule)).toEqual(['never', 'a-rule', 'b-rule']);
  });

  it('makes the summary of results stored before again from their seats', () => {
    const fresh = summarize(seats, 1);
    const old = { ...fresh, rules: [...fresh.rules].reverse().concat({ rule: 'apology-first', category: 'empathy' as const, redLine: false, pass: 0, fail: 0, passRate: null }) };
    const stored = { drillId: 'd', code: '123456', trainer: 't', mode: 'practice' as const, scenarioIds: ['bargainer-easy'], createdAt: 1, startedAt: 2, endedAt: 3, status: 'ended' as const, summary: old, seats, leaderboard: [] };
    expect(withCurrentSummary(stored).summary).toEqual(fresh);
    expect(withCurrentSummary(stored).seats.map((s) => s.sessions)).toEqual(seats.map((s) => s.sessions));
  });

  it('keeps the CSV export to its per-session rows', () => {
    const csv = resultsCsv({ drillId: 'd', code: '123456', scenarioIds: ['bargainer-easy'], seats, summary: summarize(seats, 1), leaderboard: [] } as unknown as Parameters<typeof resultsCsv>[0]);
    expect(csv.trim().split('\r\n')).toHaveLength(4);
  });
});
