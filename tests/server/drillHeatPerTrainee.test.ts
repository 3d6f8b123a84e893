// The heat map counts trainees, not chats: a trainee with two buyers counts once per rule, failed if
// they failed it with either buyer. Rows keep the rubric's order whatever arrives first, and a stored
// drill's heat map counts the same way.
import { describe, expect, it } from 'vitest';
import type { DrillResults } from '../../server/protocol/index.ts';
import type { OpenedScenario } from '../../server/runtime/scenarioCatalog.ts';
import { endedSnapshot } from '../../server/runtime/drills/endedSnapshot.ts';
import { heatMap } from '../../server/runtime/drills/heat.ts';
import type { Seat } from '../../server/runtime/drills/seats.ts';

const rule = (id: string, redLine = false) => ({ id, category: 'sales', redLine });
const scenario = (id: string, rules: ReturnType<typeof rule>[]) => ({ summary: { id }, compiled: { rubric: { rules }, scenario: { id, states: {} } } }) as unknown as OpenedScenario;
const scenarios = [scenario('a', [rule('greeting'), rule('no-discount', true), rule('polite-close')]), scenario('b', [rule('greeting'), rule('verify-order')])];

type V = [rule: string, status: 'pass' | 'fail'];
const shadow = (verdicts: V[]) => ({ decided: () => verdicts.map(([r, status]) => ({ rule: r, status })) });
const seat = (id: string, chats: V[][], removed = false) => ({ id, removed, shadows: chats.map(shadow) }) as unknown as Seat;

describe('the live heat map', () => {
  it('counts each trainee once per rule, failed with any buyer meaning failed, rows in rubric order', () => {
    const seats = [
      // Passed the greeting with buyer 1, failed it with buyer 2: one trainee who failed it.
      seat('s1', [[['polite-close', 'pass'], ['greeting', 'pass']], [['greeting', 'fail']]]),
      seat('s2', [[['greeting', 'pass'], ['no-discount', 'fail']], [['greeting', 'pass'], ['verify-order', 'pass']]]),
      seat('gone', [[['greeting', 'fail']]], true),
    ];
    expect(heatMap(scenarios, seats).map((r) => [r.rule, r.pass, r.fail])).toEqual([
      ['greeting', 1, 1],
      ['no-discount', 0, 1],
      ['polite-close', 1, 0],
      ['verify-order', 1, 0],
    ]);
  });
});

describe('the heat map of a stored drill', () => {
  it('counts trainees the same way', () => {
    const v = (r: string, verdict: 'pass' | 'fail' | 'n/a') => ({ rule: r, category: 'sales' as const, verdict, redLine: false, points: 0, max: 5, feedback: { 'zh-CN': '', en: '' } });
    const report = (rules: ReturnType<typeof v>[]) => ({ score: 50, passed: false, passMark: 60, redLines: [], rules, categories: [], kpis: { firstResponseMs: null, avgResponseMs: null, longestResponseMs: null, replies: 1, outcome: null } });
    const session = (scenarioId: string, rules: ReturnType<typeof v>[]) => ({ sessionId: scenarioId, scenarioId, scenarioVersion: 1, outcome: null, report: report(rules) });
    const results = { drillId: 'd', code: '1', trainer: 't', mode: 'exam', scenarioIds: ['a', 'b'], createdAt: 0, startedAt: 0, endedAt: 1, status: 'ended', summary: {}, leaderboard: [], seats: [{ seatId: 'x', name: 'x', removed: false, score: 0, sessions: [session('a', [v('polite-close', 'fail'), v('greeting', 'pass')]), session('b', [v('greeting', 'fail'), v('verify-order', 'n/a')])] }] } as unknown as DrillResults;
    expect(endedSnapshot(results, scenarios, '').heat.map((r) => [r.rule, r.pass, r.fail])).toEqual([
      ['greeting', 0, 1],
      ['no-discount', 0, 0],
      ['polite-close', 0, 1],
      ['verify-order', 0, 0],
    ]);
  });
});
