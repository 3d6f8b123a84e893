// @vitest-environment jsdom
// The trainer's dashboard and results, as a trainer walking through a drill found them:
// - the buyer-waiting timer's colours are the dashboard's own, not the workbench's badge classes
//   (which paint a red background under the red text when both style sheets are loaded);
// - the watched chat follows the seat into its next scenario (a new session);
// - the results page styles each trainee's reports and heads each with its scenario;
// - an ended drill offers no remove / let-back-in, and the reveal counts only seats still in the drill;
// - in a drill of several scenarios a tile says which one the trainee is on, and counts read right
//   in English ("1 reply", "2 replies"; none yet is said in words, not as 0).
import { readFileSync } from 'node:fs';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DrillRoom } from '../../client/features/trainer/DrillRoom.tsx';
import { ResultsPage } from '../../client/features/trainer/ResultsPage.tsx';
import { RevealPanel } from '../../client/features/trainer/RevealPanel.tsx';
import { TileCard } from '../../client/features/trainer/TileCard.tsx';
import { WatchPanel } from '../../client/features/trainer/WatchPanel.tsx';
import { appStore } from '../../client/store/index.ts';
import type { DrillResults, LiveDrill, Tile, TrainerBackend } from '../../client/store/trainerSlice.ts';
import type { Report } from '../../client/store/types.ts';
import { WAIT_RED_MS } from '../../client/ui/format.ts';
import { FakeTransport, fakeTile, info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

// Whether the report's style sheet came with the component that shows the report.
const styles = vi.hoisted(() => ({ report: false }));
vi.mock('../../client/features/report/report.css', () => {
  styles.report = true;
  return {};
});

const CLOCK = 1_000_000;
const first = info().scenario;
const second = { ...first, id: 'phisher', title: { 'zh-CN': '钓鱼骗子：假客服', en: 'Phisher: fake support' } };

const tile = fakeTile({ scenarioId: first.id });

function live(status: LiveDrill['state']['status'], scenarios = [first], tiles: Tile[] = [tile]): LiveDrill {
  const state = { drillId: 'd1', status, locked: false, mode: 'exam' as const, scenarios, frozenAt: null, endsAt: null, clock: CLOCK };
  return { drillId: 'd1', code: '123456', joinUrl: '', state, clockAt: Date.now(), tiles: Object.fromEntries(tiles.map((t) => [t.seatId, t])), order: tiles.map((t) => t.seatId), heat: [], moves: ['bargainer/ask'], moveLabels: {} };
}

/** A trainer backend that records what is sent and answers like the server. */
function backend() {
  const sent: { name: string; payload: Record<string, unknown> }[] = [];
  const b: TrainerBackend = {
    login: () => Promise.reject(new Error('not here')),
    logout: () => Promise.resolve(),
    me: () => Promise.resolve(null),
    drills: () => Promise.resolve([]),
    addTrainer: () => Promise.reject(new Error('not here')),
    results: () => new Promise(() => undefined),
    connect: () => undefined,
    send: ((name: string, payload: Record<string, unknown>) => {
      sent.push({ name, payload });
      const seat = appStore.getState().live?.tiles[payload['seatId'] as string];
      if (name === 'drill:watch') return Promise.resolve({ ok: true, data: { seatId: payload['seatId'], sessionId: seat?.sessionId, lastSeq: 0, rubric: 'rubric-x' } });
      if (name === 'drill:reveal-show') return Promise.resolve({ ok: true, data: { trainees: 2 } });
      if (name === 'drill:attach') {
        const l = appStore.getState().live as LiveDrill;
        return Promise.resolve({ ok: true, data: { state: l.state, code: l.code, joinUrl: l.joinUrl, qrSvg: '', tiles: l.order.map((id) => l.tiles[id]), heat: l.heat, moves: l.moves, moveLabels: l.moveLabels } });
      }
      if (name === 'drill:remove') return Promise.resolve({ ok: true, data: { ...seat, status: 'removed', waitingSince: null } });
      return Promise.resolve({ ok: true, data: { watching: null } });
    }) as TrainerBackend['send'],
  };
  return { backend: b, sent };
}

afterEach(() => {
  act(() => appStore.getState().setLang('zh-CN'));
  appStore.setState({ live: null, liveReveal: null, watched: null, results: {}, trainerBackend: null, scenarios: null, contexts: {} });
  vi.useRealTimers();
});

const { host, render } = reactRoot();

/** Lets pending answers (the room's attach, a lazy chunk) and the updates they cause run. */
const settle = async (until: () => boolean = () => true) => {
  for (let i = 0; i < 50 && (i < 2 || !until()); i++) await act(async () => await new Promise((resolve) => setTimeout(resolve, 5)));
};
const buttons = () => [...host.querySelectorAll('button')].map((b) => b.textContent?.trim());

/** The class selectors a style sheet defines. */
const classesIn = (file: string) => new Set([...readFileSync(file, 'utf8').matchAll(/\.([A-Za-z_][\w-]*)/g)].map((m) => m[1]));

describe('the buyer-waiting timer on a tile', () => {
  it("uses classes of the dashboard's own, none the workbench's style sheet paints", () => {
    vi.useFakeTimers();
    const waiting = { ...tile, waitingSince: CLOCK - WAIT_RED_MS - 1_000 };
    appStore.setState({ live: live('running', [first], [waiting]) });
    render(<TileCard tile={waiting} />);
    const timer = host.querySelector('[data-testid="tile-wait"]') as HTMLElement;
    const workspace = classesIn('client/features/chat/workspace.css');
    const trainer = classesIn('client/features/trainer/trainer.css');
    const classes = [...timer.classList];
    expect(classes.filter((c) => workspace.has(c))).toEqual([]);
    // The red level has a colour of its own in the dashboard's sheet.
    expect(classes.some((c) => c.endsWith('red') && trainer.has(c))).toBe(true);
    expect(trainer.has('wait-red')).toBe(false);
    expect(trainer.has('wait-amber')).toBe(false);
  });
});

describe('watching a chat in a drill of two scenarios', () => {
  it('follows the seat into its next scenario: the new session, not the ended one', async () => {
    const { backend: b, sent } = backend();
    appStore.getState().attachBackend({
      transport: new FakeTransport(),
      api: { scenarios: () => Promise.resolve([]), context: () => new Promise(() => undefined), session: () => new Promise(() => undefined), ruleTexts: () => new Promise(() => undefined) },
    });
    appStore.setState({ trainerBackend: b, live: live('running', [first, second]) });
    await act(() => appStore.getState().watchSeat('seat1'));
    expect(sent.filter((s) => s.name === 'drill:watch')).toHaveLength(1);
    act(() => appStore.getState().netWatchEvent({ name: 'buyer:say', payload: { sessionId: 's1', seq: 1, message: { id: 'm1', from: 'buyer', text: '第一个买家的话', at: 1 } } }));
    render(<WatchPanel />);
    expect(host.textContent).toContain('第一个买家的话');

    // The first chat ends; the seat starts the drill's second scenario in a new session.
    const next = { ...tile, sessionId: 's2', position: 1, scenarioId: second.id, move: null, turns: 0 };
    await act(async () => appStore.getState().netDashboard({ drillId: 'd1', clock: CLOCK, running: true, tiles: [next] }));
    expect(sent.filter((s) => s.name === 'drill:watch')).toHaveLength(2);
    const watched = appStore.getState().watched;
    expect(watched?.seatId).toBe('seat1');
    expect(watched?.session.id).toBe('s2');
    expect(watched?.session.scenario.id).toBe('phisher');
    act(() => appStore.getState().netWatchEvent({ name: 'buyer:say', payload: { sessionId: 's2', seq: 1, message: { id: 'm1', from: 'buyer', text: '第二个买家的话', at: 2 } } }));
    expect(host.textContent).toContain('第二个买家的话');
    expect(host.textContent).not.toContain('第一个买家的话');

    // A later update of the same session does not watch it again.
    await act(async () => appStore.getState().netDashboard({ drillId: 'd1', clock: CLOCK, running: true, tiles: [{ ...next, turns: 1 }] }));
    expect(sent.filter((s) => s.name === 'drill:watch')).toHaveLength(2);
  });
});

describe('the results page', () => {
  const report: Report = {
    score: 100,
    passed: true,
    passMark: 60,
    redLines: [],
    rules: [],
    categories: [{ category: 'politeness', points: 30, max: 30 }],
    kpis: { firstResponseMs: 1000, avgResponseMs: 1000, longestResponseMs: 1000, replies: 2, outcome: 'purchased' },
  };
  const summary = { sessions: 2, passed: 2, passRate: 1, scoreAvg: 100, scoreStdDev: 0, scoreMin: 100, scoreMax: 100, rules: [], firstResponseMsAvg: 1000, avgResponseMsAvg: 1000, conversion: 1 };
  const results = {
    drillId: 'd1',
    code: '123456',
    trainer: '王老师',
    mode: 'exam',
    scenarioIds: [first.id, second.id],
    createdAt: 0,
    startedAt: 1,
    endedAt: 2,
    status: 'ended',
    summary,
    leaderboard: [],
    seats: [
      {
        seatId: 'seat1',
        name: '小明',
        removed: false,
        score: 100,
        sessions: [
          { sessionId: 's1', scenarioId: first.id, scenarioVersion: 1, outcome: 'purchased', report },
          { sessionId: 's2', scenarioId: second.id, scenarioVersion: 1, outcome: 'resolved', report },
        ],
      },
    ],
  } as DrillResults;

  it("brings the report's styles and heads each trainee's report with its scenario", async () => {
    appStore.setState({ results: { d1: results }, scenarios: { state: 'ready', data: [first, second] } });
    render(<ResultsPage drillId="d1" />);
    // The report summary is a lazy chunk.
    await settle(() => host.querySelector('[data-testid="result-report"]') !== null);
    const reports = [...host.querySelectorAll<HTMLElement>('[data-testid="result-report"]')];
    expect(reports.map((r) => r.querySelector('h3')?.textContent)).toEqual(['剧本：1/2 · 议价', '剧本：2/2 · 钓鱼骗子：假客服']);
    expect(reports.map((r) => r.querySelector('[data-testid="report-score"]') !== null)).toEqual([true, true]);
    expect(styles.report).toBe(true);
    // Two reports on one page: each section is named by its own heading.
    const ids = [...host.querySelectorAll('[data-testid="result-report"] h2[id]')].map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
    act(() => appStore.getState().setLang('en'));
    expect(reports[1]?.querySelector('h3')?.textContent).toBe('Scenario: 2/2 · Phisher: fake support');
  });

  it('names a scenario it has no title for by its id', async () => {
    appStore.setState({ results: { d1: { ...results, scenarioIds: [first.id] } }, scenarios: { state: 'ready', data: [] } });
    render(<ResultsPage drillId="d1" />);
    await settle(() => host.querySelector('[data-testid="result-report"]') !== null);
    expect([...host.querySelectorAll('[data-testid="result-report"] h3')].map((h) => h.textContent)).toEqual(['剧本：bargainer', '剧本：phisher']);
  });
});

describe('removing a seat', () => {
  it('asks first, in the page (no browser pop-up): a trainer who says no keeps the trainee in', async () => {
    const { backend: b, sent } = backend();
    appStore.setState({ trainerBackend: b, live: live('running', [first], [tile]) });
    render(<TileCard tile={tile} />);
    const button = (text: string) => [...host.querySelectorAll('button')].find((x) => x.textContent?.trim() === text) as HTMLButtonElement;
    const native = vi.spyOn(window, 'confirm');
    await act(async () => button('移出 小明').click());
    expect(host.querySelector('[data-testid="tile-remove-confirm"]')?.textContent).toContain('把 小明 移出本场演练');
    expect(document.activeElement?.textContent).toBe('先不移出');
    await act(async () => button('先不移出').click());
    expect(sent.filter((m) => m.name === 'drill:remove')).toEqual([]);
    expect(host.querySelector('[data-testid="tile-remove-confirm"]')).toBeNull();
    await act(async () => button('移出 小明').click());
    const confirm = host.querySelector('[data-testid="tile-remove-confirm"] .btn-primary') as HTMLButtonElement;
    await act(async () => confirm.click());
    expect(sent.filter((m) => m.name === 'drill:remove').map((m) => m.payload['seatId'])).toEqual([tile.seatId]);
    expect(native).not.toHaveBeenCalled();
    native.mockRestore();
  });
});

describe('an ended drill', () => {
  it('offers no remove or let-back-in on its tiles', () => {
    const removed = { ...tile, seatId: 'seat2', name: '小红', status: 'removed' as const };
    appStore.setState({ live: live('running', [first], [tile, removed]) });
    render(
      <>
        <TileCard tile={tile} />
        <TileCard tile={removed} />
      </>,
    );
    expect(buttons()).toContain('移出 小明');
    expect(buttons()).toContain('放回 小红');
    act(() => appStore.setState({ live: live('ended', [first], [{ ...tile, status: 'finished' }, removed]) }));
    expect(buttons().filter((b) => b?.startsWith('移出') || b?.startsWith('放回'))).toEqual([]);
  });

  it('offers none on the room page either', async () => {
    const { backend: b } = backend();
    appStore.setState({ trainerBackend: b, live: live('ended', [first], [{ ...tile, status: 'finished' }]) });
    render(<DrillRoom drillId="d1" />);
    await settle();
    expect(host.querySelectorAll('[data-testid="tile"]')).toHaveLength(1);
    expect(buttons().some((t) => t?.startsWith('移出'))).toBe(false);
  });
});

describe('the reveal badge', () => {
  it('counts only the seats still in the drill', async () => {
    const { backend: b } = backend();
    const tiles = [tile, { ...tile, seatId: 'seat2', name: '小红' }, { ...tile, seatId: 'seat3', name: '小刚', status: 'removed' as const }];
    const reveal = { drillId: 'd1', scenarioId: first.id, move: 'ask', entries: [], unanswered: 0 };
    appStore.setState({ trainerBackend: b, live: live('paused', [first], tiles), liveReveal: reveal });
    render(<RevealPanel />);
    const show = [...host.querySelectorAll('button')].find((x) => x.textContent === '投屏给全班') as HTMLButtonElement;
    await act(async () => show.click());
    // An exam that is still on: the trainer confirms first.
    const confirm = [...host.querySelectorAll('[role="alertdialog"] button')].find((x) => x.textContent === '仍然投屏') as HTMLButtonElement;
    await act(async () => confirm.click());
    const badge = () => host.querySelector('.badge-green')?.textContent;
    expect(badge()).toBe('已展示给 2 名学员');
    // The trainer removes one of the two after showing it: the badge no longer counts them.
    await act(() => appStore.getState().control('drill:remove', { seatId: 'seat2' }));
    expect(appStore.getState().live?.tiles['seat2']?.status).toBe('removed');
    expect(badge()).toBe('已展示给 1 名学员');
    act(() => appStore.getState().setLang('en'));
    expect(badge()).toBe('Shown to 1 trainee');
  });
});

describe('a tile in a drill of several scenarios', () => {
  it('says which scenario the trainee is on', () => {
    const onSecond = { ...tile, sessionId: 's2', position: 1, scenarioId: second.id };
    appStore.setState({ live: live('running', [first, second], [onSecond]) });
    render(<TileCard tile={onSecond} />);
    const scenario = () => host.querySelector('[data-testid="tile-scenario"]');
    expect(scenario()?.textContent).toBe('第 2/2 位买家 · 钓鱼骗子：假客服');
    expect(scenario()?.previousElementSibling?.textContent).toBe('当前买家');
    act(() => appStore.getState().setLang('en'));
    expect(scenario()?.textContent).toBe('Buyer 2/2 · Phisher: fake support');
  });

  it('says nothing of it in a drill of one', () => {
    appStore.setState({ live: live('running') });
    render(<TileCard tile={tile} />);
    expect(host.querySelector('[data-testid="tile-scenario"]')).toBeNull();
  });

  it('counts replies and trainees in good English, and in Chinese', async () => {
    appStore.setState({ live: live('running') });
    render(<DrillRoom drillId="d1" />);
    await settle();
    const foot = () => host.querySelector('.tile-foot')?.textContent;
    const heading = () => host.querySelector('.trainer-h2')?.textContent;
    expect(foot()).toBe('已回复 1 次');
    expect(heading()).toBe('学员 1 人');
    act(() => appStore.getState().setLang('en'));
    expect(foot()).toBe('1 reply');
    expect(heading()).toBe('1 trainee');
    act(() => appStore.setState({ live: live('running', [first], [{ ...tile, turns: 2 }, { ...tile, seatId: 'seat2', name: '小红', turns: 0 }]) }));
    expect([...host.querySelectorAll('.tile-foot')].map((f) => f.textContent)).toEqual(['2 replies', 'No reply yet']);
    expect(heading()).toBe('2 trainees');
  });
});
