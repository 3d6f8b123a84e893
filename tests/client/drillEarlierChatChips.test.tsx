// @vitest-environment jsdom
// A drill seat's earlier practice chat read over HTTP after a reload shows the verdict chips under
// its replies (the transcript carries none: they come from its report, as on the report page). An
// exam chat never does: during the exam the server sends no report, and should one come, the chat
// still shows none.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DrillSeat } from '../../client/features/drill/DrillSeat.tsx';
import type { AppState } from '../../client/store/index.ts';
import { appStore } from '../../client/store/index.ts';
import type { Api, Mode, Report, SessionView } from '../../client/store/types.ts';
import { attachDesktopBackend, buyerLine, drillStateOf, info, traineeLine } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
beforeEach(() => {
  attachDesktopBackend();
});
afterEach(() => appStore.setState(initial, true));
const { host, render } = reactRoot();

const report: Report = {
  score: 82,
  passed: true,
  passMark: 70,
  redLines: [],
  rules: [
    { rule: 'greeting', title: { 'zh-CN': '欢迎语', en: 'Greeting' }, category: 'politeness', verdict: 'pass', redLine: false, points: 10, max: 10, messageId: 'm2', feedback: { 'zh-CN': '问候到位', en: 'Good' } },
    { rule: 'size-advice', title: { 'zh-CN': '尺码建议', en: 'Size advice' }, category: 'professionalism', verdict: 'fail', redLine: false, points: 0, max: 10, messageId: 'm2', feedback: { 'zh-CN': '要问脚长', en: 'Ask' } },
    { rule: 'not-here', category: 'professionalism', verdict: 'n/a', redLine: false, points: 0, max: 0, messageId: 'm2', feedback: { 'zh-CN': '', en: '' } },
    { rule: 'good-outcome', category: 'sales', verdict: 'pass', redLine: false, points: 10, max: 10, feedback: { 'zh-CN': '成交', en: 'Sold' } },
  ],
  categories: [],
  kpis: { firstResponseMs: 1000, avgResponseMs: 1000, longestResponseMs: 1000, replies: 1, outcome: 'purchased' },
};

function view(mode: Mode, withReport: boolean): SessionView {
  const s = info('s8', { mode });
  return {
    session: { id: 's8', mode, displayName: s.displayName, scenario: s.scenario, startedAt: 1, ended: true, lastSeq: 5 },
    transcript: [buyerLine('m1', '这件有L码吗'), traineeLine('m2', '亲，您好，L码有货')],
    report: withReport ? { report, outcome: null } : null,
  };
}

async function openEarlier(mode: Mode, answer: SessionView): Promise<void> {
  const api: Api = { scenarios: () => Promise.resolve([]), context: () => new Promise(() => undefined), session: () => Promise.resolve(answer), ruleTexts: () => new Promise(() => undefined) };
  appStore.setState({ backend: { transport: appStore.getState().backend?.transport as never, api } });
  const state = appStore.getState();
  state.netStarted({ ...info('s8', { mode, token: 'tok' }), ended: true });
  state.netStarted(info('s9', { mode, token: 'tok' }));
  appStore.setState({
    connection: 'online',
    drillCode: '123456',
    seatPhase: 'seated',
    seats: { '123456': { code: '123456', drillId: 'd1', seatId: 'seat1', seatToken: 'tok', displayName: '小明', sessionIds: ['s8', 's9'] } },
    drillState: drillStateOf({ mode }),
    route: { name: 'join', code: '123456' },
  });
  render(<DrillSeat code="123456" />);
  const earlier = [...host.querySelectorAll<HTMLAnchorElement>('a.convo-item')].find((a) => !a.classList.contains('active'));
  act(() => earlier?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 })));
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  expect(host.textContent).toContain('亲，您好，L码有货');
}

const chipsUnder = (messageId: string) => [...host.querySelectorAll(`li[data-message-id="${messageId}"] .chip`)];

describe("a drill seat's earlier chat read over HTTP", () => {
  it('shows a practice chat’s verdict chips under the reply they concern', async () => {
    await openEarlier('practice', view('practice', true));
    const chips = chipsUnder('m2');
    // Misses first; named once the rubric's texts load (this fake never answers: the chips wait for them).
    expect(chips.map((c) => [c.classList.contains('chip-fail'), c.classList.contains('chip-pass')])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(chipsUnder('m1')).toHaveLength(0);
  });

  it('shows none for an exam chat, held or not', async () => {
    await openEarlier('exam', view('exam', false));
    expect(host.querySelectorAll('.chip')).toHaveLength(0);
    appStore.setState(initial, true);
    attachDesktopBackend();
    await openEarlier('exam', view('exam', true));
    expect(host.querySelectorAll('.chip')).toHaveLength(0);
    expect(appStore.getState().sessions['s8']?.verdicts).toEqual({});
  });
});
