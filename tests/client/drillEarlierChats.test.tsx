// @vitest-environment jsdom
// After a reload, a drill seat's earlier buyers stay readable: the seat's socket follows only its
// current chat (a resume of an earlier one would rejoin the seat and come back "gone"), so an earlier
// chat is read over HTTP with the seat token. In a running exam the server leaves its result out and
// the chat says the result comes later; the drill's end (drill:results) brings the score. Picking an
// earlier buyer in the list keeps it open, even when the seat is rejoined meanwhile.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DrillSeat } from '../../client/features/drill/DrillSeat.tsx';
import type { AppState } from '../../client/store/index.ts';
import { appStore, createAppStore } from '../../client/store/index.ts';
import type { Api, SessionView } from '../../client/store/types.ts';
import type { ReleasedChat } from '../../server/protocol/index.ts';
import { attachDesktopBackend, buyerLine, drillStateOf, FakeTransport, info, MemoryStorage, traineeLine } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
beforeEach(() => {
  attachDesktopBackend();
});
afterEach(() => appStore.setState(initial, true));
const { host, render } = reactRoot();

const seat = { code: '123456', drillId: 'd1', seatId: 'seat1', seatToken: 'tok', displayName: '小明', sessionIds: ['s8', 's9'] };

/** What GET /api/sessions/s8 answers a seat during an exam: the transcript, no result. */
function heldView(): SessionView {
  const s = info('s8', { mode: 'exam' });
  return {
    session: { id: 's8', mode: 'exam', displayName: s.displayName, scenario: s.scenario, startedAt: 1, ended: true, lastSeq: 5 },
    transcript: [buyerLine('m1', '这件有L码吗'), traineeLine('m2', '有的亲，L码有货')],
    report: null,
  };
}

function apiWith(view: SessionView, asked: string[]): Api {
  return {
    scenarios: () => Promise.resolve([]),
    context: () => new Promise(() => undefined),
    session: (id, token) => {
      asked.push(`${id}:${token}`);
      return Promise.resolve(view);
    },
    ruleTexts: () => new Promise(() => undefined),
  };
}

function released(sessionId: string, score: number): ReleasedChat {
  const report = { score, passed: score >= 70, passMark: 70, redLines: [], rules: [], categories: [], kpis: { firstResponseMs: null, avgResponseMs: null, longestResponseMs: null, replies: 1, outcome: null } };
  return { sessionId, report, outcome: null };
}

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe("a drill seat's earlier buyers after a reload", () => {
  it('are read over HTTP with the seat token, not resumed on the seat socket; the result comes with the release', async () => {
    const storage = new MemoryStorage();
    const before = createAppStore({ storage, now: () => 1000 });
    before.getState().netStarted(info('s8', { mode: 'exam', token: 'tok' }));
    before.getState().netStarted(info('s9', { mode: 'exam', token: 'tok' }));
    // the seat as the drill slice saves it
    storage.setItem('kefu.drillSeats', JSON.stringify({ '123456': seat }));

    const reloaded = createAppStore({ storage, now: () => 2000 });
    const transport = new FakeTransport();
    const asked: string[] = [];
    reloaded.getState().attachBackend({ transport, api: apiWith(heldView(), asked) });
    reloaded.getState().restoreSessions();
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(transport.tracked).toEqual(['s9']);
    expect(asked).toEqual(['s8:tok']);
    const s8 = reloaded.getState().sessions['s8'];
    expect(s8).toMatchObject({ status: 'live', ended: true, report: null });
    expect(s8?.messages.map((m) => m.text)).toEqual(['这件有L码吗', '有的亲，L码有货']);
    expect(s8?.score).toBeUndefined();

    reloaded.setState({ drillCode: '123456' });
    reloaded.getState().netDrillResults({ drillId: 'd1', seatId: 'seat1', chats: [released('s8', 74)] });
    expect(reloaded.getState().sessions['s8']).toMatchObject({ score: 74, passed: true });
    // Opened again, it is read again (the result now in the answer) but never resumed on the socket.
    reloaded.getState().selectSession('s8');
    expect(transport.tracked).toEqual(['s9']);
  });

  it('opens an earlier buyer picked in the list and keeps it open through a rejoin', async () => {
    const asked: string[] = [];
    const transport = attachDesktopBackend();
    appStore.setState({ backend: { transport, api: apiWith(heldView(), asked) } });
    const state = appStore.getState();
    state.netStarted({ ...info('s8', { mode: 'exam', token: 'tok' }), ended: true });
    state.netStarted(info('s9', { mode: 'exam', token: 'tok' }));
    appStore.setState({ connection: 'online', drillCode: '123456', seatPhase: 'seated', seats: { '123456': seat }, drillState: drillStateOf({ mode: 'exam' }), route: { name: 'join', code: '123456' } });
    render(<DrillSeat code="123456" />);
    expect(appStore.getState().activeId).toBe('s9');

    const s8 = [...host.querySelectorAll<HTMLAnchorElement>('a.convo-item')].find((a) => !a.classList.contains('active'));
    act(() => s8?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 })));
    await settle();
    expect(transport.tracked).not.toContain('s8');
    expect(appStore.getState().activeId).toBe('s8');
    expect(host.textContent).toContain('有的亲，L码有货');
    expect(host.querySelector('[data-testid="ended-banner"]')?.textContent).toContain('考试进行中');
    expect(host.textContent).not.toContain('找不到');

    // The seat socket reconnects: the rejoin names the current chat, the earlier one stays open.
    act(() => appStore.getState().netSeat({ drillId: 'd1', seatId: 'seat1', seatToken: 'tok', displayName: '小明', drill: drillStateOf({ mode: 'exam' }), session: info('s9', { mode: 'exam', token: 'tok' }) }));
    expect(appStore.getState().activeId).toBe('s8');
  });

  it('reads, not loses, a chat the seat moved on from while the page was closed', async () => {
    const asked: string[] = [];
    appStore.setState({ backend: { transport: new FakeTransport(), api: apiWith(heldView(), asked) } });
    appStore.getState().netStarted(info('s8', { mode: 'exam', token: 'tok' }));
    appStore.setState({ drillCode: '123456', seats: { '123456': { ...seat, sessionIds: ['s8'] } }, route: { name: 'join', code: '123456' } });
    // The resume of s8 rejoins the seat, which plays s9 now: the seat hears s9 first, then s8's resume is refused.
    appStore.getState().netSeat({ drillId: 'd1', seatId: 'seat1', seatToken: 'tok', displayName: '小明', drill: drillStateOf({ mode: 'exam' }), session: info('s9', { mode: 'exam', token: 'tok' }) });
    appStore.getState().netGone('s8', { code: 'not-found', message: 'the seat plays another session now' });
    await settle();
    expect(asked).toEqual(['s8:tok']);
    expect(appStore.getState().sessions['s8']).toMatchObject({ status: 'live', ended: true });
  });
});
