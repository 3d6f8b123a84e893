// @vitest-environment jsdom
// The results page ranks by the server's one ranking (no red line first, then score) and marks red
// lines where the trainer reads a trainee: on the leaderboard and on the trainee's row, each red
// line with the buyer it was crossed with.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultsPage } from '../../client/features/trainer/ResultsPage.tsx';
import { appStore } from '../../client/store/index.ts';
import type { Report } from '../../server/engine/index.ts';
import type { DrillResults, SeatResult } from '../../server/protocol/index.ts';
import { withCurrentSummary } from '../../server/runtime/drills/results.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const report = (score: number, redLines: string[]): Report => ({
  score,
  passed: redLines.length === 0,
  passMark: 60,
  redLines,
  rules: redLines.map((rule) => ({ rule, title: { 'zh-CN': '不越权让价', en: 'No unauthorised discount' }, category: 'compliance', verdict: 'fail', redLine: true, points: 0, max: 10, feedback: { 'zh-CN': '', en: '' } })),
  categories: [],
  kpis: { firstResponseMs: 1000, avgResponseMs: 1000, longestResponseMs: 1000, replies: 2, outcome: null },
});
const seat = (name: string, scores: [number, string[]][]): SeatResult => ({ seatId: name, name, removed: false, score: null, sessions: scores.map(([score, red], i) => ({ sessionId: `${name}-${i}`, scenarioId: `b${i}`, scenarioVersion: 1, outcome: 'left', report: report(score, red) })) });

const results = withCurrentSummary({ drillId: 'd1', code: '270203', trainer: 't', mode: 'exam', scenarioIds: ['b0', 'b1'], createdAt: 1, startedAt: 1, endedAt: 2, status: 'ended', summary: {} as DrillResults['summary'], seats: [seat('小李', [[49, []], [49, ['no-discount', 'no-discount']]]), seat('小周', [[62, []]])], leaderboard: [] });

let root: ReturnType<typeof createRoot> | null = null;
afterEach(() => {
  act(() => root?.unmount());
  appStore.setState({ results: {} });
  document.body.innerHTML = '';
});

describe('red lines on the results page', () => {
  it('ranks the trainee without red lines first and marks the red lines on the board and the row', async () => {
    appStore.setState({ results: { d1: results } });
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    await act(async () => root?.render(<ResultsPage drillId="d1" />));
    await act(async () => host.querySelector<HTMLInputElement>('.trainer-toggle input')?.click());
    const board = [...host.querySelectorAll('[data-testid="leaderboard"] li')].map((li) => li.textContent);
    expect(board).toEqual(['1. 小周 31', '2. 小李 49 红线 2 次']);
    const li = [...host.querySelectorAll('[data-testid="result-seat"]')].find((s) => s.textContent?.includes('小李'));
    expect(li?.querySelector('[data-testid="seat-red-lines"]')?.textContent).toBe('红线 2 次');
    expect(li?.querySelector('[data-testid="seat-red-line-list"]')?.textContent).toBe('触碰红线：不越权让价（第 2 位买家）、不越权让价（第 2 位买家）');
  });
});
