// @vitest-environment jsdom
// The trainer's drill room: the lobby shows the drill's setup (mode, time limit, buyers in order, as
// the trainees' lobby does) and the dashboard keeps it on one line; the lobby can be cancelled,
// after a confirmation, and then says so (no QR, no start, no results); a cancelled drill reopened
// later says so too, and the history lists it as cancelled with nothing to open. A watch panel opened
// while the reveal card is open is brought into view.
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DrillRoom } from '../../client/features/trainer/DrillRoom.tsx';
import { ResultsPage } from '../../client/features/trainer/ResultsPage.tsx';
import { TrainerHome } from '../../client/features/trainer/TrainerHome.tsx';
import { appStore } from '../../client/store/index.ts';
import type { DrillListItem, LiveDrill, Tile, TrainerBackend } from '../../client/store/trainerSlice.ts';
import type { DrillState } from '../../server/protocol/index.ts';
import { allByRole, byRole, readOut } from './a11y.ts';
import { drillSnapshot, fakeTile, fakeTrainerBackend, info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const first = info().scenario;
const second = { ...first, id: 'phisher-hard', title: { 'zh-CN': '冒充客服的买家', en: 'The fake support agent' } };

function live(over: Partial<DrillState>, tiles: Tile[] = []): LiveDrill {
  const state: DrillState = { drillId: 'd1', status: 'lobby', locked: false, mode: 'exam', scenarios: [first, second], frozenAt: null, endsAt: null, timeLimitMs: 15 * 60_000, clock: 0, ...over };
  return { drillId: 'd1', code: '123456', joinUrl: 'http://x/join/123456', state, clockAt: Date.now(), tiles: Object.fromEntries(tiles.map((t) => [t.seatId, t])), order: tiles.map((t) => t.seatId), heat: [], moves: ['bargainer/ask'], moveLabels: {} };
}

/** A backend whose attach answers the live drill as it stands, recording every event sent. */
function backend(answer: (name: string) => unknown = () => undefined) {
  const sent: string[] = [];
  const b: TrainerBackend = fakeTrainerBackend({
    send: ((name: string) => {
      sent.push(name);
      const given = answer(name);
      if (given !== undefined) return Promise.resolve(given);
      const l = appStore.getState().live as LiveDrill;
      if (name === 'drill:attach') return Promise.resolve({ ok: true, data: { ...drillSnapshot(), state: l.state, tiles: l.order.map((id) => l.tiles[id]) } });
      if (name === 'drill:cancel') return Promise.resolve({ ok: true, data: { ...l.state, status: 'cancelled', cancelledBy: 'trainer' } });
      if (name === 'drill:watch') return Promise.resolve({ ok: true, data: { seatId: 'seat1', sessionId: 's1', lastSeq: 0, rubric: 'r' } });
      return Promise.resolve({ ok: true, data: { watching: null } });
    }) as unknown as TrainerBackend['send'],
  });
  return { b, sent };
}

afterEach(() => {
  act(() => appStore.getState().setLang('zh-CN'));
  appStore.setState({ live: null, liveReveal: null, watched: null, trainerBackend: null, history: null, trainer: null, scenarios: null });
  vi.restoreAllMocks();
});
const { host, render } = reactRoot();

const settle = async () => {
  for (let i = 0; i < 4; i++) await act(async () => await new Promise((resolve) => setTimeout(resolve, 5)));
};
const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
/** Each term with its definition (grouped in <div>s, as the HTML spec allows). */
const facts = (list: Element) => [...list.querySelectorAll('dt')].map((dt) => [readOut(dt), dt.nextElementSibling ? readOut(dt.nextElementSibling) : '']);
const link = (name: string) => [...host.querySelectorAll('a')].find((a) => a.textContent?.trim() === name);

describe("the trainer's lobby", () => {
  it('shows the setup: mode, time limit and the buyers in order', async () => {
    const { b } = backend();
    appStore.setState({ trainerBackend: b, live: live({}) });
    render(<DrillRoom drillId="d1" />);
    await settle();
    const setup = host.querySelector('[data-testid="drill-setup"]') as HTMLElement;
    expect(byRole(setup, 'heading', '本场设置')).toBeTruthy();
    const said = Object.fromEntries(facts(setup.querySelector('dl') as Element)) as Record<string, string>;
    expect(said['模式']).toMatch(/^考试模式 /);
    expect(said['时间限制']).toMatch(/^15 分钟 从你点“开始演练”起计时/);
    expect(byRole(setup, 'heading', '学员依次接待的 2 位买家')).toBeTruthy();
    expect(allByRole(setup.querySelector('ol') as Element, 'listitem').map((li) => li.getAttribute('data-scenario'))).toEqual([first.id, second.id]);
    act(() => appStore.getState().setLang('en'));
    expect(byRole(setup, 'heading', 'The 2 buyers the trainees will serve, one after another')).toBeTruthy();
  });

  it('keeps the setup on one line once the drill runs, and says when there is no limit', async () => {
    const { b } = backend();
    appStore.setState({ trainerBackend: b, live: live({ status: 'running', mode: 'practice', timeLimitMs: null }) });
    render(<DrillRoom drillId="d1" />);
    await settle();
    expect(host.querySelector('[data-testid="drill-setup"]')).toBeNull();
    const line = host.querySelector('[data-testid="drill-setup-summary"]') as HTMLElement;
    expect(facts(line)).toEqual([
      ['模式', '练习模式'],
      ['时间限制', '不限时'],
      ['买家（按顺序）', `${first.title['zh-CN']} ${second.title['zh-CN']}`],
    ]);
  });

  it('is cancelled only after the trainer confirms, and then says so instead of offering the start', async () => {
    const { b, sent } = backend();
    const seated = fakeTile({ status: 'lobby', sessionId: null, scenarioId: null, move: null, score: null, turns: 0 });
    appStore.setState({ trainerBackend: b, live: live({}, [seated]) });
    render(<DrillRoom drillId="d1" />);
    await settle();
    expect(host.querySelector('img.trainer-qr')).not.toBeNull();
    expect(button('移出 小明')).toBeDefined();
    await act(async () => button('取消演练')?.click());
    const ask = byRole(host, 'group', '确定取消这场演练？已入座的学员会马上收到通知，演练码也会作废。');
    await act(async () => (ask.querySelector('button:last-child') as HTMLButtonElement).click());
    expect(sent).not.toContain('drill:cancel');
    expect(button('开始演练')).toBeDefined();

    await act(async () => button('取消演练')?.click());
    await act(async () => button('确定取消')?.click());
    expect(sent.filter((n) => n === 'drill:cancel')).toHaveLength(1);
    expect(readOut(host.querySelector('[data-testid="drill-status"]') as HTMLElement)).toBe('已取消');
    const said = host.querySelector('[data-testid="drill-cancelled"]') as HTMLElement;
    expect(byRole(said, 'heading', '这场演练已取消')).toBeTruthy();
    expect(readOut(said)).toContain('演练码 123456 不能再加入');
    expect(button('开始演练')).toBeUndefined();
    expect(button('关闭入场')).toBeUndefined();
    expect(button('取消演练')).toBeUndefined();
    expect(host.querySelector('img.trainer-qr')).toBeNull();
    // the code is named as spent, not shown large to the class with its join link
    expect(host.querySelector('[data-testid="drill-code"]')).toBeNull();
    expect(host.querySelector('[data-testid="join-url"]')).toBeNull();
    expect(readOut(host.querySelector('[data-testid="drill-code-spent"]') as HTMLElement)).toBe('演练码 123456 已失效，不能再加入');
    expect(link('查看结果')).toBeUndefined();
    // Its seats stay listed, read-only.
    expect(host.querySelector('[data-testid="tile"]')).not.toBeNull();
    expect(button('移出 小明')).toBeUndefined();
    expect(link('回到课堂演练')?.getAttribute('href')).toBe('/trainer');
  });

  it('offers no cancel once the drill has started', async () => {
    const { b } = backend();
    appStore.setState({ trainerBackend: b, live: live({ status: 'running' }) });
    render(<DrillRoom drillId="d1" />);
    await settle();
    expect(button('取消演练')).toBeUndefined();
    expect(button('结束演练')).toBeDefined();
  });

  it('says a cancelled drill reopened later was cancelled, with the way back', async () => {
    const { b } = backend((name) => (name === 'drill:attach' ? { ok: false, error: { code: 'drill-not-running', reason: 'cancelled', message: 'cancelled' } } : undefined));
    appStore.setState({ trainerBackend: b });
    render(<DrillRoom drillId="d1" />);
    await settle();
    const said = host.querySelector('[data-testid="drill-cancelled"]') as HTMLElement;
    expect(readOut(said)).toContain('这场演练在开始前就取消了，没有成绩可看。');
    expect(link('回到课堂演练')).toBeDefined();
    expect(host.querySelector('.drill-note')).toBeNull();
  });
});

describe('the results page of a cancelled drill', () => {
  it('says the drill was cancelled and has no results, not that it is someone else\'s', async () => {
    const refused = Object.assign(new Error('this drill was cancelled before it started: it has no results'), { code: 'not-found', reason: 'cancelled' });
    appStore.setState({ trainerBackend: fakeTrainerBackend({ results: () => Promise.reject(refused) }), scenarios: { state: 'ready', data: [] } });
    render(<ResultsPage drillId="d1" />);
    await settle();
    expect(readOut(byRole(host, 'alert'))).toBe('这场演练在开始前就取消了，没有成绩可看。');
  });
});

describe('the drill history', () => {
  it('lists a cancelled drill as cancelled, with nothing to open', async () => {
    const row = (drillId: string, status: DrillListItem['status']): DrillListItem => ({ drillId, code: drillId === 'c' ? '111111' : '222222', scenarioIds: [first.id], mode: 'exam', status, createdAt: 1_700_000_000_000, startedAt: null, endedAt: null, seats: null, summary: null });
    const b = fakeTrainerBackend({ drills: () => Promise.resolve([row('c', 'cancelled'), row('l', 'lobby')]) });
    appStore.setState({ trainerBackend: b, trainer: { id: 't1', name: '王老师', admin: false }, scenarios: { state: 'ready', data: [] } });
    render(<TrainerHome />);
    await settle();
    const rows = [...host.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelectorAll('td')[3]?.textContent)).toEqual(['已取消', '候场中']);
    expect(rows[0]?.querySelector('a')).toBeNull();
    expect(rows[1]?.querySelector('a')?.getAttribute('href')).toBe('/trainer/drill/l');
  });
});

describe('the watch panel on the dashboard', () => {
  it('is scrolled into view and focused when opened below an open reveal card, once per trainee', async () => {
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    const tile = fakeTile({ scenarioId: first.id });
    const { b } = backend();
    appStore.setState({ trainerBackend: b, live: live({ status: 'paused', frozenAt: 'ask' }, [tile]), liveReveal: { drillId: 'd1', scenarioId: first.id, move: 'ask', entries: [], unanswered: 1 } });
    render(<DrillRoom drillId="d1" />);
    await settle();
    expect(host.querySelector('[data-testid="reveal-panel"]')).not.toBeNull();
    await act(async () => button('查看 小明 的对话')?.click());
    await settle();
    const panel = host.querySelector('[data-testid="watch-panel"]') as HTMLElement;
    expect(scrolled).toEqual([panel]);
    expect(document.activeElement).toBe(byRole(panel, 'heading', '小明 的对话（只读）'));
    // The dashboard moving on does not pull the page back to the panel.
    act(() => appStore.getState().netDashboard({ drillId: 'd1', clock: 10, running: false, tiles: [{ ...tile, turns: 2 }] }));
    expect(scrolled).toHaveLength(1);
    delete (Element.prototype as Partial<Element>).scrollIntoView;
  });
});
