// @vitest-environment jsdom
// The trainer's dashboard: a tile's buyer-waiting timer ticks on locally from the drill clock the
// server last sent (and stands still while the drill is paused); rules are shown by their titles and
// buyer moves by their labels in the current language, not by their ids (a move without a label
// shows its id). Time is faked: nothing waits on the wall clock.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HeatMap } from '../../client/features/trainer/HeatMap.tsx';
import { RevealPanel } from '../../client/features/trainer/RevealPanel.tsx';
import { TileCard } from '../../client/features/trainer/TileCard.tsx';
import { appStore } from '../../client/store/index.ts';
import type { LiveDrill } from '../../client/store/trainerSlice.ts';
import { byRole, readOut, termsOf } from './a11y.ts';
import { fakeTile, info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const CLOCK = 1_000_000;
const tile = fakeTile({
  redLines: ['no-off-platform'],
  ruleTitles: { 'no-off-platform': { 'zh-CN': '不引导站外联系', en: 'No off-platform contact' } },
  waitingSince: CLOCK - 5_000,
});

function live(status: LiveDrill['state']['status']): LiveDrill {
  const state = { drillId: 'd1', status, locked: false, mode: 'exam' as const, scenarios: [info().scenario], frozenAt: null, endsAt: null, clock: CLOCK };
  const heat = [{ rule: 'greeting', title: { 'zh-CN': '欢迎语', en: 'Welcome greeting' }, category: 'politeness' as const, redLine: false, pass: 2, fail: 1 }];
  const moveLabels = { 'bargainer/ask': { 'zh-CN': '第一次砍价', en: 'First ask for a discount' } };
  return { drillId: 'd1', code: '123456', joinUrl: '', state, clockAt: Date.now(), tiles: { seat1: tile }, order: ['seat1'], heat, moves: ['bargainer/ask', 'bargainer/haggle'], moveLabels };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  act(() => appStore.getState().setLang('zh-CN'));
  appStore.setState({ live: null, liveReveal: null });
  vi.useRealTimers();
});
const { host, render } = reactRoot();

/** The waiting time as read out: its term and its definition. */
const waiting = () => {
  const facts = host.querySelector('dl');
  const pair = facts ? termsOf(facts).find(([term]) => term === '买家已等') : undefined;
  return pair?.join(' ');
};

describe('a dashboard tile', () => {
  it('ticks the buyer-waiting time on from the last drill clock while the drill runs', () => {
    appStore.setState({ live: live('running') });
    render(<TileCard tile={tile} />);
    expect(waiting()).toBe('买家已等 0:05');
    act(() => void vi.advanceTimersByTime(3_000));
    expect(waiting()).toBe('买家已等 0:08');
    // An answered buyer (the server clears waitingSince) shows no timer.
    render(<TileCard tile={{ ...tile, waitingSince: null }} />);
    expect(waiting()).toBeUndefined();
  });

  it('says the buyer-waiting time once to a screen reader: the term, then the time', () => {
    appStore.setState({ live: live('running') });
    render(<TileCard tile={tile} />);
    const tileEl = host.querySelector('[data-testid="tile"]') as HTMLElement;
    const term = byRole(tileEl, 'term', '买家已等');
    expect(term.nextElementSibling && readOut(term.nextElementSibling)).toBe('0:05');
    expect(readOut(tileEl)).toContain('买家已等 0:05');
    expect(readOut(tileEl).split('买家已等')).toHaveLength(2);
    act(() => appStore.getState().setLang('en'));
    expect(byRole(tileEl, 'term', 'Buyer waiting').nextElementSibling?.textContent).toBe('0:05');
    expect(readOut(tileEl).split('Buyer waiting')).toHaveLength(2);
  });

  it('stands still while the drill is paused', () => {
    appStore.setState({ live: live('paused') });
    render(<TileCard tile={tile} />);
    act(() => void vi.advanceTimersByTime(60_000));
    expect(waiting()).toBe('买家已等 0:05');
  });

  it('names red lines and heat-map rows by their titles, in the current language', () => {
    appStore.setState({ live: live('running') });
    render(
      <>
        <TileCard tile={tile} />
        <HeatMap />
      </>,
    );
    expect(host.querySelector('.tile-redlines')?.textContent).toBe('红线：不引导站外联系');
    expect(host.querySelector('[data-rule="greeting"] th')?.textContent).toContain('欢迎语');
    act(() => appStore.getState().setLang('en'));
    expect(host.querySelector('.tile-redlines')?.textContent).toBe('Red lines: No off-platform contact');
    expect(host.querySelector('[data-rule="greeting"] th')?.textContent).toContain('Welcome greeting');
    expect(host.textContent).not.toContain('no-off-platform');
  });

  it('names the buyer move by its label in the current language, with the id in the tooltip', () => {
    appStore.setState({ live: live('running') });
    render(<TileCard tile={tile} />);
    const move = () => host.querySelector<HTMLElement>('[data-testid="tile-move"]');
    expect(move()?.textContent).toBe('第一次砍价');
    expect(move()?.title).toBe('ask');
    expect(move()?.classList.contains('mono')).toBe(false);
    act(() => appStore.getState().setLang('en'));
    expect(move()?.textContent).toBe('First ask for a discount');
  });

  it('shows the id of a move without a label, and the lobby before any move', () => {
    appStore.setState({ live: live('running') });
    render(<TileCard tile={{ ...tile, move: 'haggle' }} />);
    const move = () => host.querySelector<HTMLElement>('[data-testid="tile-move"]');
    expect(move()?.textContent).toBe('haggle');
    expect(move()?.classList.contains('mono')).toBe(true);
    render(<TileCard tile={{ ...tile, status: 'lobby', move: null, scenarioId: null }} />);
    expect(move()?.textContent).toBe('候场');
    expect(move()?.hasAttribute('title')).toBe(false);
  });
});

describe('the reveal panel', () => {
  const options = () => [...host.querySelectorAll('option')].map((o) => [o.value, o.textContent]);

  it('offers the moves by their labels alone, and an unlabelled move by its id', () => {
    appStore.setState({ live: live('paused') });
    render(<RevealPanel />);
    expect(options()).toEqual([
      ['bargainer/ask', '第一次砍价'],
      ['bargainer/haggle', 'haggle'],
    ]);
    act(() => appStore.getState().setLang('en'));
    expect(options()[0]).toEqual(['bargainer/ask', 'First ask for a discount']);
  });

  it('tells two moves of one label apart by their ids, and names the scenario by its title in a drill of several', () => {
    const base = live('paused');
    const other = { ...info().scenario, id: 'phisher', title: { 'zh-CN': '钓鱼骗子：假客服', en: 'Phisher: fake support' } };
    const same = { 'zh-CN': '再砍一次', en: 'Haggles again' };
    appStore.setState({
      live: {
        ...base,
        state: { ...base.state, scenarios: [...base.state.scenarios, other] },
        moves: ['bargainer/ask', 'bargainer/haggle', 'bargainer/haggle-2', 'phisher/bait'],
        moveLabels: { ...base.moveLabels, 'bargainer/haggle': same, 'bargainer/haggle-2': same, 'phisher/bait': { 'zh-CN': '发链接', en: 'Sends a link' } },
      },
    });
    render(<RevealPanel />);
    expect(options()).toEqual([
      ['bargainer/ask', '议价 · 第一次砍价'],
      ['bargainer/haggle', '议价 · 再砍一次（haggle）'],
      ['bargainer/haggle-2', '议价 · 再砍一次（haggle-2）'],
      ['phisher/bait', '钓鱼骗子：假客服 · 发链接'],
    ]);
  });

  it('heads the reveal board with the frozen move by its label', () => {
    const entry = { rank: 1, text: '亲，这已经是活动价了哦', points: 10, max: 10, redLine: false, verdicts: [] };
    const reveal = { drillId: 'd1', scenarioId: 'bargainer', move: 'ask', moveLabel: { 'zh-CN': '第一次砍价', en: 'First ask for a discount' }, entries: [entry], unanswered: 0 };
    appStore.setState({ live: live('paused'), liveReveal: reveal });
    render(<RevealPanel />);
    const heading = () => host.querySelector<HTMLElement>('[data-testid="reveal-move"]');
    expect(heading()?.textContent).toBe('对话环节：第一次砍价');
    expect(heading()?.title).toBe('ask');
    const { moveLabel: _label, ...unlabelled } = reveal;
    act(() => appStore.setState({ liveReveal: { ...unlabelled, move: 'haggle' } }));
    expect(heading()?.textContent).toBe('对话环节：haggle');
  });
});
