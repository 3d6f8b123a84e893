// @vitest-environment jsdom
// The trainer's dashboard: a tile's buyer-waiting timer ticks on locally from the drill clock the
// server last sent (and stands still while the drill is paused); rules are shown by their titles in
// the current language, not by their ids. Time is faked: nothing waits on the wall clock.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HeatMap } from '../../client/features/trainer/HeatMap.tsx';
import { TileCard } from '../../client/features/trainer/TileCard.tsx';
import { appStore } from '../../client/store/index.ts';
import type { LiveDrill, Tile } from '../../client/store/trainerSlice.ts';
import { info } from './fakes.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const CLOCK = 1_000_000;
const tile: Tile = {
  seatId: 'seat1',
  name: '小明',
  status: 'playing',
  connected: true,
  sessionId: 's1',
  position: 0,
  scenarioId: 'bargainer',
  move: 'ask',
  score: 80,
  redLines: ['no-off-platform'],
  ruleTitles: { 'no-off-platform': { 'zh-CN': '不引导站外联系', en: 'No off-platform contact' } },
  waitingSince: CLOCK - 5_000,
  outcome: null,
  turns: 1,
};

function live(status: LiveDrill['state']['status']): LiveDrill {
  const state = { drillId: 'd1', status, locked: false, mode: 'exam' as const, scenarios: [info().scenario], frozenAt: null, endsAt: null, clock: CLOCK };
  const heat = [{ rule: 'greeting', title: { 'zh-CN': '欢迎语', en: 'Welcome greeting' }, category: 'politeness' as const, redLine: false, pass: 2, fail: 1 }];
  return { drillId: 'd1', code: '123456', joinUrl: '', state, clockAt: Date.now(), tiles: { seat1: tile }, order: ['seat1'], heat, moves: [] };
}

let root: ReturnType<typeof createRoot> | null = null;
let host: HTMLElement;
beforeEach(() => {
  vi.useFakeTimers();
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root?.unmount());
  act(() => appStore.getState().setLang('zh-CN'));
  appStore.setState({ live: null });
  document.body.innerHTML = '';
  vi.useRealTimers();
});

const waiting = () => host.querySelector('.tile-wait')?.textContent;

describe('a dashboard tile', () => {
  it('ticks the buyer-waiting time on from the last drill clock while the drill runs', () => {
    appStore.setState({ live: live('running') });
    act(() => root?.render(<TileCard tile={tile} />));
    expect(waiting()).toBe('买家已等 0:05');
    act(() => void vi.advanceTimersByTime(3_000));
    expect(waiting()).toBe('买家已等 0:08');
    // An answered buyer (the server clears waitingSince) shows no timer.
    act(() => root?.render(<TileCard tile={{ ...tile, waitingSince: null }} />));
    expect(waiting()).toBeUndefined();
  });

  it('stands still while the drill is paused', () => {
    appStore.setState({ live: live('paused') });
    act(() => root?.render(<TileCard tile={tile} />));
    act(() => void vi.advanceTimersByTime(60_000));
    expect(waiting()).toBe('买家已等 0:05');
  });

  it('names red lines and heat-map rows by their titles, in the current language', () => {
    appStore.setState({ live: live('running') });
    act(() =>
      root?.render(
        <>
          <TileCard tile={tile} />
          <HeatMap />
        </>,
      ),
    );
    expect(host.querySelector('.tile-redlines')?.textContent).toBe('红线：不引导站外联系');
    expect(host.querySelector('[data-rule="greeting"] th')?.textContent).toContain('欢迎语');
    act(() => appStore.getState().setLang('en'));
    expect(host.querySelector('.tile-redlines')?.textContent).toBe('Red lines: No off-platform contact');
    expect(host.querySelector('[data-rule="greeting"] th')?.textContent).toContain('Welcome greeting');
    expect(host.textContent).not.toContain('no-off-platform');
  });
});
