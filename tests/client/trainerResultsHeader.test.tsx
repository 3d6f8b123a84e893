// @vitest-environment jsdom
// A results page says which drill it is (when, exam or practice, which buyers in order) and leads
// back to the history; the history says each drill's mode.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultsPage } from '../../client/features/trainer/ResultsPage.tsx';
import { TrainerHome } from '../../client/features/trainer/TrainerHome.tsx';
import { appStore } from '../../client/store/index.ts';
import type { DrillResults } from '../../client/store/trainerSlice.ts';
import { dateTime } from '../../client/ui/format.ts';
import { summarize } from '../../server/runtime/drills/results.ts';
import { info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const first = info().scenario;
const second = { ...first, id: 'phisher', title: { 'zh-CN': '冒充客服的买家', en: 'The fake support agent' } };
const STARTED = Date.UTC(2026, 10, 20, 2, 30);
const results: DrillResults = { drillId: 'd1', code: '270203', trainer: 't', mode: 'exam', scenarioIds: [first.id, second.id], createdAt: STARTED - 60_000, startedAt: STARTED, endedAt: STARTED + 600_000, status: 'ended', seats: [], summary: summarize([], 2), leaderboard: [] };

afterEach(() => {
  act(() => appStore.getState().setLang('zh-CN'));
  appStore.setState({ results: {}, history: null, scenarios: null, trainer: null });
});
const { host, render } = reactRoot();

describe('the results header', () => {
  it('gives the date, the mode and the buyers, and a link back to the history', async () => {
    appStore.setState({ results: { d1: results }, scenarios: { state: 'ready', data: [first, second] }, loadScenarios: () => Promise.resolve() });
    render(<ResultsPage drillId="d1" />);
    await act(async () => await Promise.resolve());
    expect(host.querySelector('h1')?.textContent).toBe('演练结果 · 270203');
    expect(host.querySelector('[data-testid="results-meta"]')?.textContent).toBe(`${dateTime(STARTED, 'zh-CN')} · 考试模式 · 买家：1. ${first.title['zh-CN']}、2. 冒充客服的买家`);
    const back = [...host.querySelectorAll('a')].find((a) => a.textContent === '返回演练记录');
    expect(back?.getAttribute('href')).toBe('/trainer');
    act(() => appStore.getState().setLang('en'));
    expect(host.querySelector('[data-testid="results-meta"]')?.textContent).toContain(' · Exam · Buyers: 1. ');
  });
});

describe('the drill history', () => {
  it('has a mode column', () => {
    const row = { drillId: 'd1', code: '123456', scenarioIds: [first.id], mode: 'exam', status: 'ended' as const, createdAt: 0, startedAt: 1, endedAt: 2, summary: null, seats: 1, removed: 0 };
    appStore.setState({ scenarios: { state: 'ready', data: [first] }, trainer: { id: 't1', name: '王老师', admin: false }, history: [row, { ...row, drillId: 'd2', mode: 'practice' }], loadHistory: () => Promise.resolve(), loadScenarios: () => Promise.resolve() });
    render(<TrainerHome />);
    expect([...host.querySelectorAll('thead th')].map((th) => th.textContent)).toContain('模式');
    expect([...host.querySelectorAll('[data-testid="history-mode"]')].map((td) => td.textContent)).toEqual(['考试模式', '练习模式']);
  });
});
