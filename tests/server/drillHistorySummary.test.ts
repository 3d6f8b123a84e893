// The trainer's drill history reads its pass rate from the same computation as the results page. A
// drill stored before the drill score counted every buyer kept the pass rate of then (passed chats
// over chats played); the list now shows what its results page shows (over trainee x buyer pairs),
// and stores it, so the next listing need not work it out again.
import { describe, expect, it } from 'vitest';
import type { ClassSummary, DrillResults } from '../../server/protocol/index.ts';
import type { HistoryStore } from '../../server/runtime/drills/drillHistory.ts';
import { drillHistory } from '../../server/runtime/drills/drillHistory.ts';
import { SUMMARY_VERSION } from '../../server/runtime/drills/results.ts';
import { DrillStore } from '../../server/store/drillStore.ts';
import type { DrillListItem } from '../../server/store/drillStore.ts';
import { drillFixture, loginTrainer } from './drillHelpers.ts';

const fixture = drillFixture();
const T0 = 1_760_000_000_000;

const report = (score: number, passed: boolean) => ({ score, passed, passMark: 70, redLines: [], rules: [], categories: [], kpis: { firstResponseMs: 4_000, avgResponseMs: 5_000, longestResponseMs: 6_000, replies: 3, outcome: 'purchased' } });

/** The class numbers as the release before "every buyer counts" computed them: over the chats played. */
const OLD_SUMMARY = { seats: 2, removedSeats: 0, sessions: 2, passed: 2, passRate: 1, scoreAvg: 88, scoreStdDev: 2, scoreMin: 86, scoreMax: 90, rules: [], firstResponseMsAvg: 4_000, avgResponseMsAvg: 5_000, conversion: 1 };

/** Two trainees, two buyers: each sold to buyer 1 and passed, and never reached buyer 2. */
function oldResults(drillId: string): DrillResults {
  const seat = (seatId: string, name: string, score: number) => ({ seatId, name, removed: false, score, sessions: [{ sessionId: `${seatId}-1`, scenarioId: 'mini-haggle', scenarioVersion: 1, outcome: 'purchased', report: report(score, true) }] });
  return {
    drillId,
    code: '654321',
    trainer: '韩老师',
    mode: 'exam',
    scenarioIds: ['mini-haggle', 'mini-haggle'],
    createdAt: T0,
    startedAt: T0 + 1_000,
    endedAt: T0 + 600_000,
    status: 'ended',
    summary: OLD_SUMMARY,
    seats: [seat('a', '小韩', 90), seat('b', '小杨', 86)],
    leaderboard: [
      { rank: 1, name: '小韩', score: 90 },
      { rank: 2, name: '小杨', score: 86 },
    ],
  } as unknown as DrillResults;
}

describe('the drill history', () => {
  it('shows a drill stored the old way with the pass rate of its results page, and stores that', async () => {
    const server = await fixture.server();
    const cookie = await loginTrainer(server, '韩老师');
    const trainer = await server.db.selectFrom('trainers').select('id').where('name', '=', '韩老师').executeTakeFirstOrThrow();
    const store = new DrillStore(server.db);
    await store.insert({ id: 'd-old', code: '654321', trainerId: trainer.id, scenarioIds: ['mini-haggle', 'mini-haggle'], mode: 'exam', timeLimitMs: null, createdAt: T0 });
    // Written as that release wrote it: the summary column and the results, both with the old numbers.
    const stored = oldResults('d-old');
    await server.db
      .updateTable('drills')
      .set({ status: 'ended', started_at: T0 + 1_000, ended_at: T0 + 600_000, summary: JSON.stringify({ seats: 2, joined: 2, removed: 0, summary: OLD_SUMMARY }), results: JSON.stringify(stored) })
      .where('id', '=', 'd-old')
      .execute();

    const list = async () => ((await (await fetch(`${server.url}/api/drills`, { headers: { cookie } })).json()) as { drills: DrillListItem[] }).drills;
    const page = (await (await fetch(`${server.url}/api/drills/d-old`, { headers: { cookie } })).json()) as DrillResults;
    // Two passes over four trainee x buyer pairs.
    expect(page.summary.passRate).toBe(0.5);
    const [row] = await list();
    expect(row?.summary?.passRate).toBe(page.summary.passRate);
    expect(row?.summary?.scoreAvg).toBe(page.summary.scoreAvg);
    expect(row?.seats).toBe(2);

    const kept = await server.db.selectFrom('drills').select('summary').where('id', '=', 'd-old').executeTakeFirstOrThrow();
    expect(JSON.parse(kept.summary ?? 'null')).toMatchObject({ seats: 2, joined: 2, removed: 0, summary: { version: SUMMARY_VERSION, passRate: 0.5 } });
    expect((await list())[0]?.summary?.passRate).toBe(0.5);
  });

  it('reads no results for a drill whose stored numbers are current', async () => {
    const current = { version: SUMMARY_VERSION, passRate: 0.25 } as ClassSummary;
    const item = { drillId: 'd-new', summary: current } as DrillListItem;
    let reads = 0;
    const store: HistoryStore = {
      list: () => Promise.resolve([item, { ...item, drillId: 'd-lobby', summary: null }]),
      results: () => {
        reads++;
        return Promise.resolve(undefined);
      },
      rewriteSummary: () => Promise.reject(new Error('nothing to rewrite')),
    };
    expect((await drillHistory(store, 't')).map((d) => d.summary)).toEqual([current, null]);
    expect(reads).toBe(0);
  });
});
