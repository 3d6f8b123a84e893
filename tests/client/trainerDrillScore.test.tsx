// @vitest-environment jsdom
// What a trainer reads of a trainee's drill score, as the browser walkthrough found it wanting:
// - a tile keeps the drill score so far when the trainee starts buyer 2 (not the new chat's 0) and
//   says which buyer they are on;
// - a buyer whose chat has its outcome is shown as done, never as a buyer kept waiting;
// - one score is written one way everywhere (leaderboard, trainee row), equal scores share a rank,
//   and every buyer of the drill is listed per trainee with its status.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultsPage } from '../../client/features/trainer/ResultsPage.tsx';
import { TileCard } from '../../client/features/trainer/TileCard.tsx';
import { appStore } from '../../client/store/index.ts';
import type { DrillResults, LiveDrill, Tile } from '../../client/store/trainerSlice.ts';
import type { Report } from '../../client/store/types.ts';
import type { SeatResult } from '../../server/protocol/index.ts';
import { withCurrentSummary } from '../../server/runtime/drills/results.ts';
import { fakeTile, info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const first = info().scenario;
const second = { ...first, id: 'phisher', title: { 'zh-CN': '钓鱼骗子：假客服', en: 'Phisher: fake support' } };
const CLOCK = 1_000_000;

const tile = fakeTile({ sessionId: 's2', position: 1, scenarioId: second.id, score: 0, drillScore: 48, buyerDone: false, turns: 0 });

function live(tiles: Tile[]): LiveDrill {
  const state = { drillId: 'd1', status: 'running' as const, locked: false, mode: 'practice' as const, scenarios: [first, second], frozenAt: null, endsAt: null, clock: CLOCK };
  return { drillId: 'd1', code: '123456', joinUrl: '', state, clockAt: Date.now(), tiles: Object.fromEntries(tiles.map((t) => [t.seatId, t])), order: tiles.map((t) => t.seatId), heat: [], moves: [], moveLabels: {} };
}

afterEach(() => {
  act(() => appStore.getState().setLang('zh-CN'));
  appStore.setState({ live: null, results: {} });
});

const { host, render } = reactRoot();
const text = (id: string) => host.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;

describe('a tile of a drill of two buyers', () => {
  it('keeps the drill score so far when buyer 2 starts, and says which buyer it is', () => {
    appStore.setState({ live: live([tile]) });
    render(<TileCard tile={tile} />);
    // No reply to buyer 2 yet: no big 0, and the drill score so far stays on the tile.
    expect(text('tile-score')).toBeNull();
    expect(text('tile-so-far')).toBe('演练累计 48 分（2 位买家平均，没接待到的记 0 分）');
    expect(text('tile-scenario')).toBe('第 2/2 位买家 · 钓鱼骗子：假客服');
    render(<TileCard tile={{ ...tile, turns: 2, score: 75, drillScore: 85.5 }} />);
    expect(text('tile-score')).toBe('75');
    expect(text('tile-score-of')).toBe('第 2/2 位买家');
    expect(text('tile-so-far')).toBe('演练累计 85.5 分（2 位买家平均，没接待到的记 0 分）');
  });

  it('shows a buyer with an outcome as done, not as a buyer kept waiting', () => {
    const done = { ...tile, position: 0, scenarioId: first.id, turns: 3, score: 96, drillScore: 48, outcome: 'purchased' as const, buyerDone: true, waitingSince: CLOCK - 61_000 };
    appStore.setState({ live: live([done]) });
    render(<TileCard tile={done} />);
    expect(text('tile-wait')).toBeNull();
    expect(text('tile-buyer-done')).toBe('这位买家已结束，学员结束这段对话后接待下一位');
    act(() => appStore.getState().setLang('en'));
    expect(text('tile-buyer-done')).toBe('This buyer is done; the next one comes once the trainee ends this chat');
  });
});

const report = (score: number): Report => ({ score, passed: score >= 60, passMark: 60, redLines: [], rules: [], categories: [], kpis: { firstResponseMs: 1000, avgResponseMs: 1000, longestResponseMs: 1000, replies: 2, outcome: null } });
const seat = (name: string, scores: number[], outcome: 'purchased' | null = 'purchased'): SeatResult => ({
  seatId: name,
  name,
  removed: false,
  score: null,
  sessions: scores.map((score, i) => ({ sessionId: `${name}-${i}`, scenarioId: i === 0 ? first.id : second.id, scenarioVersion: 1, outcome: i === scores.length - 1 ? outcome : 'purchased', report: report(score) })),
});

describe('the results of a drill of two buyers', () => {
  // Stored as an old server left them (no buyers, mean of sessions played): the page reads them anew.
  const stored = { drillId: 'd1', code: '123456', trainer: 't', mode: 'practice', scenarioIds: [first.id, second.id], createdAt: 1, startedAt: 2, endedAt: 3, status: 'ended', summary: { sessions: 0, passed: 0, passRate: null, scoreAvg: null, scoreStdDev: null, scoreMin: null, scoreMax: null, rules: [], firstResponseMsAvg: null, avgResponseMsAvg: null, conversion: null }, seats: [seat('小张', [80, 95]), seat('小王', [61], null), seat('小李', [100, 75], null), seat('小赵', [75, 100])], leaderboard: [] } as unknown as DrillResults;

  it('rounds one way, shares a rank between equal scores, and lists every buyer with its status', async () => {
    appStore.setState({ results: { d1: withCurrentSummary(stored) }, scenarios: { state: 'ready', data: [first, second] } });
    render(<ResultsPage drillId="d1" />);
    await act(async () => (host.querySelector('input[type="checkbox"]') as HTMLInputElement).click());
    const board = [...host.querySelectorAll('[data-testid="leaderboard"] li')].map((li) => li.textContent);
    // Three at 87.5 (80+95, 100+75 — 75 unfinished — and 75+100): one shared rank, then 4.
    expect(board.map((row) => row?.replace(/ 小./, ''))).toEqual(['1. 87.5 (并列)', '1. 87.5 (并列)', '1. 87.5 (并列)', '4. 30.5']);
    expect(board[3]).toBe('4. 小王 30.5');
    const rows = [...host.querySelectorAll('[data-testid="result-seat"]')];
    expect(rows.map((r) => r.querySelector('[data-testid="seat-score"]')?.textContent)).toEqual(['87.5', '30.5', '87.5', '87.5']);
    const wang = rows[1];
    expect([...(wang?.querySelectorAll('[data-testid="result-buyer"]') ?? [])].map((b) => (b as HTMLElement).dataset['status'])).toEqual(['unfinished', 'notStarted']);
    expect(wang?.querySelector('[data-status="notStarted"]')?.textContent).toContain('未开始');
    expect(wang?.querySelector('[data-status="unfinished"]')?.textContent).toContain('未完成');
    expect(text('results-basis')).toContain('没接待到的买家记 0 分');
  });
});
