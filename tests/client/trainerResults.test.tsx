// @vitest-environment jsdom
// A drill's results page lists the per-rule rows as the server orders them (red lines first, then the
// weakest first; rules nobody could judge left out) and marks the red-line rules as such, in the
// page's language, so the order reads as meant.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultsPage } from '../../client/features/trainer/ResultsPage.tsx';
import { appStore } from '../../client/store/index.ts';
import type { DrillResults } from '../../client/store/trainerSlice.ts';
import type { Report, Verdict } from '../../server/engine/index.ts';
import type { SeatResult } from '../../server/protocol/index.ts';
import { summarize } from '../../server/runtime/drills/results.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const verdict = (rule: string, zh: string, category: Verdict['category'], value: Verdict['verdict'], redLine = false): Verdict => ({ rule, title: { 'zh-CN': zh, en: rule }, category, verdict: value, redLine, points: value === 'pass' ? 5 : 0, max: 5, feedback: { 'zh-CN': '', en: '' } });
const report = (rules: Verdict[]): Report => ({ score: 70, passed: true, passMark: 60, redLines: [], rules, categories: [], kpis: { firstResponseMs: 1000, avgResponseMs: 1000, longestResponseMs: 1000, replies: 2, outcome: null } });
const seat = (id: string, rules: Verdict[]): SeatResult => ({ seatId: id, name: id, removed: false, score: 70, sessions: [{ sessionId: `${id}-s`, scenarioId: 'bargainer-easy', scenarioVersion: 1, outcome: null, report: report(rules) }] });

const seats = [
  seat('小明', [verdict('greeting', '欢迎语', 'politeness', 'pass'), verdict('no-offplatform-contact', '不引导站外联系', 'compliance', 'pass', true), verdict('apology-first', '投诉先致歉', 'empathy', 'n/a'), verdict('hold-price', '守住价格', 'sales', 'fail')]),
  seat('小红', [verdict('greeting', '欢迎语', 'politeness', 'fail'), verdict('no-offplatform-contact', '不引导站外联系', 'compliance', 'pass', true), verdict('apology-first', '投诉先致歉', 'empathy', 'n/a'), verdict('hold-price', '守住价格', 'sales', 'pass')]),
];
const results = { drillId: 'd1', code: '123456', scenarioIds: ['bargainer-easy'], mode: 'exam', startedAt: 1, endedAt: 2, seats, summary: summarize(seats, 1), leaderboard: [] } as unknown as DrillResults;

let root: ReturnType<typeof createRoot> | null = null;
afterEach(() => {
  act(() => root?.unmount());
  act(() => appStore.getState().setLang('zh-CN'));
  appStore.setState({ results: {} });
  document.body.innerHTML = '';
});

describe('the results page', () => {
  it('lists the judged rules in the order given, the red lines marked', async () => {
    appStore.setState({ results: { d1: results } });
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    await act(async () => root?.render(<ResultsPage drillId="d1" />));
    const rows = () => [...host.querySelectorAll<HTMLElement>('.results-rules li')].map((li) => [li.dataset['rule'], li.querySelector('span')?.textContent, li.querySelector('.mono')?.textContent]);
    expect(rows()).toEqual([
      ['no-offplatform-contact', '不引导站外联系 红线', '100%'],
      ['greeting', '欢迎语', '50%'],
      ['hold-price', '守住价格', '50%'],
    ]);
    expect(host.querySelector('.results-rules')?.textContent).not.toContain('—');
    act(() => appStore.getState().setLang('en'));
    expect(host.querySelector('[data-rule="no-offplatform-contact"] .badge')?.textContent).toBe('Red line');
  });
});
