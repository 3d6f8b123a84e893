// @vitest-environment jsdom
// Ending a chat in a classroom exam gives no score now: the confirmation says the results come after
// the drill, and its button says where it leads (the next buyer, or just this buyer ended). Outside
// an exam it still promises the score. The report page of such an ended chat says the results come
// after the exam, not that the chat has not ended; once released it shows the report.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DrillSeat } from '../../client/features/drill/DrillSeat.tsx';
import { ReportPage } from '../../client/features/report/ReportPage.tsx';
import type { AppState } from '../../client/store/index.ts';
import { appStore } from '../../client/store/index.ts';
import type { SessionView } from '../../client/store/types.ts';
import { attachDesktopBackend, drillStateOf, FakeTransport, info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
beforeEach(() => {
  attachDesktopBackend();
});
afterEach(() => appStore.setState(initial, true));
const { host, render } = reactRoot();

const two = [info().scenario, { ...info().scenario, id: 'size-hesitant' }];

function seat(mode: 'exam' | 'practice', sessionIds: string[]): void {
  for (const id of sessionIds) appStore.getState().netStarted(info(id, { mode, token: 'tok' }));
  appStore.setState({
    connection: 'online',
    drillCode: '123456',
    seatPhase: 'seated',
    seats: { '123456': { code: '123456', drillId: 'd1', seatId: 'seat1', seatToken: 'tok', displayName: '小明', sessionIds } },
    drillState: drillStateOf({ mode, scenarios: two }),
    route: { name: 'join', code: '123456' },
  });
}

function askToEnd(): { text: string; button: string } {
  const end = [...host.querySelectorAll('button')].find((b) => b.textContent === '结束会话');
  act(() => end?.click());
  const group = host.querySelector('.end-confirm');
  return { text: group?.querySelector('span')?.textContent ?? '', button: group?.querySelector('.btn-primary')?.textContent ?? '' };
}

describe('ending a chat in an exam drill', () => {
  it('says the result comes after the drill and that the next buyer follows', () => {
    seat('exam', ['s8']);
    render(<DrillSeat code="123456" />);
    expect(askToEnd()).toEqual({ text: '结束这位买家？成绩在演练结束后公布。', button: '结束并进入下一位' });
  });

  it('on the last buyer, ends this buyer', () => {
    seat('exam', ['s8', 's9']);
    render(<DrillSeat code="123456" />);
    expect(askToEnd()).toEqual({ text: '结束这位买家？成绩在演练结束后公布。', button: '结束这位买家' });
  });

  it('in a practice drill still promises the score', () => {
    seat('practice', ['s8']);
    render(<DrillSeat code="123456" />);
    expect(askToEnd()).toEqual({ text: '确定结束？结束后将生成评分报告。', button: '结束并评分' });
  });
});

describe('the report page of an exam chat ended while the drill runs', () => {
  it('says the results come after the exam, and asks for the report again once released', async () => {
    const s = info('s8', { mode: 'exam', token: 'tok' });
    let asked = 0;
    const view: SessionView = { session: { id: 's8', mode: 'exam', displayName: '小明', scenario: s.scenario, startedAt: 1, ended: true, lastSeq: 4 }, transcript: [], report: null };
    appStore.getState().attachBackend({ transport: new FakeTransport(), api: { scenarios: () => Promise.resolve([]), context: () => new Promise(() => undefined), session: () => {
          asked++;
          return Promise.resolve(view);
        }, ruleTexts: () => new Promise(() => undefined) } });
    seat('exam', ['s8', 's9']);
    appStore.getState().netDrillChatEnded({ drillId: 'd1', seatId: 'seat1', sessionId: 's8' });
    render(<ReportPage sessionId="s8" />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(host.querySelector('[data-testid="report-pending"]')?.textContent).toBe('考试进行中，成绩在演练结束后公布');
    expect(host.textContent).not.toContain('还没结束');
    const before = asked;
    const report = { score: 80, passed: true, passMark: 70, redLines: [], rules: [], categories: [], kpis: { firstResponseMs: null, avgResponseMs: null, longestResponseMs: null, replies: 1, outcome: null } };
    act(() => appStore.getState().netDrillResults({ drillId: 'd1', seatId: 'seat1', chats: [{ sessionId: 's8', report, outcome: null }] }));
    expect(asked).toBe(before + 1);
  });
});
