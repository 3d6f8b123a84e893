// @vitest-environment jsdom
// The report of a chat ended before the buyer reached an outcome says what was still open: the move
// she was in (its label) and that her last line needed an answer, quoted; or, when the trainee had
// answered it, that she had not responded yet. A finished chat says none of it.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReportPage } from '../../client/features/report/ReportPage.tsx';
import { appStore } from '../../client/store/index.ts';
import type { AppState } from '../../client/store/index.ts';
import type { BuyerMove, Message, Report, SessionView } from '../../client/store/types.ts';
import { buyerLine, FakeTransport, info, traineeLine } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
afterEach(() => appStore.setState(initial, true));
beforeEach(() => {
  window.matchMedia = ((query: string) => ({ matches: false, media: query, addEventListener: () => undefined, removeEventListener: () => undefined })) as unknown as typeof window.matchMedia;
});
const { host, render } = reactRoot();

const waiting = '好 辛苦了 快递那边有回复了跟我讲一下';
const move: BuyerMove = { id: 'await-courier', label: { 'zh-CN': '等快递回复', en: 'Waiting on the courier' } };

function report(unfinished: Report['unfinished']): Report {
  return {
    score: 80,
    passed: false,
    passMark: 70,
    redLines: [],
    rules: [],
    categories: [],
    kpis: { firstResponseMs: 1000, avgResponseMs: 1000, longestResponseMs: 1000, replies: 3, outcome: null },
    ...(unfinished ? { unfinished } : {}),
  };
}

async function show(transcript: Message[], shown: Report, openMove?: BuyerMove): Promise<string> {
  const s = info('s1', { mode: 'practice' });
  const view: SessionView = {
    session: { id: 's1', mode: 'practice', displayName: '小峰', scenario: s.scenario, startedAt: 1, ended: true, lastSeq: 9 },
    transcript,
    report: { report: shown, outcome: null, ...(openMove ? { openMove } : {}) },
  };
  appStore.getState().attachBackend({
    transport: new FakeTransport(),
    api: { scenarios: () => Promise.resolve([]), context: () => new Promise(() => undefined), session: () => Promise.resolve(view), ruleTexts: () => new Promise(() => undefined) },
  });
  appStore.getState().netStarted({ ...s, ended: true });
  render(<ReportPage sessionId="s1" />);
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return host.querySelector('[data-testid="report-open"]')?.textContent ?? '';
}

describe('the report of an unfinished chat', () => {
  it('names the buyer’s move and quotes the line that still wanted a reply', async () => {
    const text = await show([buyerLine('m1', '我的快递还没到'), traineeLine('m2', '亲，我马上帮您查'), buyerLine('m3', waiting, 3000)], report('no-ending'), move);
    expect(text).toContain('「等快递回复」');
    expect(text).toContain(`「${waiting}」你还没有回复`);
  });

  it('says she had not responded yet when the trainee spoke last, and in English', async () => {
    appStore.setState({ lang: 'en' });
    const text = await show([buyerLine('m1', '我的快递还没到'), traineeLine('m2', '亲，我马上帮您查')], report('no-ending'), move);
    expect(text).toContain('“Waiting on the courier”');
    expect(text).toContain('You had answered her last line');
  });

  it('says nothing of it for a finished chat', async () => {
    await show([buyerLine('m1', '好的谢谢')], report(undefined));
    expect(host.querySelector('[data-testid="report-open"]')).toBeNull();
    expect(host.querySelector('[data-testid="report-score"]')).not.toBeNull();
  });
});
