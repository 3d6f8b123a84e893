// @vitest-environment jsdom
// A tile's big number must read right at a glance mid-drill. A trainee on buyer 1 of 2 who scores
// 96 there has a drill score of 48 (the buyer not reached counts 0): shown big, 48 reads like a bad
// score. So while they play, the big number is the current buyer's score, named 第 1/2 位买家, and the
// drill score so far is a smaller line that says how it is counted; once their drill is over the big
// number is the drill score the ranking uses. A drill of one buyer shows its score as before.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { TileCard } from '../../client/features/trainer/TileCard.tsx';
import { appStore } from '../../client/store/index.ts';
import type { LiveDrill, Tile } from '../../client/store/trainerSlice.ts';
import { fakeTile, info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const first = info().scenario;
const second = { ...first, id: 'phisher', title: { 'zh-CN': '钓鱼骗子：假客服', en: 'Phisher: fake support' } };

function live(tiles: Tile[], scenarios = [first, second], status: 'running' | 'ended' = 'running'): LiveDrill {
  const state = { drillId: 'd1', status, locked: false, mode: 'exam' as const, scenarios, frozenAt: null, endsAt: null, clock: 1_000_000 };
  return { drillId: 'd1', code: '123456', joinUrl: '', state, clockAt: Date.now(), tiles: Object.fromEntries(tiles.map((t) => [t.seatId, t])), order: tiles.map((t) => t.seatId), heat: [], moves: [], moveLabels: {} };
}

afterEach(() => {
  act(() => appStore.getState().setLang('zh-CN'));
  appStore.setState({ live: null });
});

const { host, render } = reactRoot();
const text = (id: string) => host.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
const bigTitle = () => host.querySelector('[data-testid="tile-score"]')?.parentElement?.getAttribute('title') ?? null;

const onBuyer1 = fakeTile({ position: 0, scenarioId: first.id, turns: 4, score: 96, drillScore: 48 });

describe('a tile mid-drill, on buyer 1 of 2', () => {
  it("shows the buyer's score big, named by the buyer, and the drill score so far spelled out", () => {
    appStore.setState({ live: live([onBuyer1]) });
    render(<TileCard tile={onBuyer1} />);
    expect(text('tile-score')).toBe('96');
    expect(text('tile-score-of')).toBe('第 1/2 位买家');
    expect(bigTitle()).toBe('第 1/2 位买家的实时得分');
    expect(text('tile-so-far')).toBe('演练累计 48 分（2 位买家平均，没接待到的记 0 分）');
    act(() => appStore.getState().setLang('en'));
    expect(text('tile-score-of')).toBe('Buyer 1/2');
    expect(text('tile-so-far')).toBe('Drill so far: 48 (mean over all 2 buyers, 0 for each not reached yet)');
  });
});

describe('a tile whose drill is over', () => {
  it('shows the drill score big, as the ranking counts it, once the trainee has finished', () => {
    const finished = { ...onBuyer1, status: 'finished' as const, position: 1, scenarioId: second.id, score: 70, drillScore: 83 };
    appStore.setState({ live: live([finished]) });
    render(<TileCard tile={finished} />);
    expect(text('tile-score')).toBe('83');
    expect(text('tile-score-of')).toBe('演练得分');
    expect(text('tile-so-far')).toBeNull();
  });

  it('shows the drill score big when the trainer ended the drill with the trainee on buyer 1', () => {
    appStore.setState({ live: live([onBuyer1], [first, second], 'ended') });
    render(<TileCard tile={onBuyer1} />);
    expect(text('tile-score')).toBe('48');
    expect(text('tile-score-of')).toBe('演练得分');
    expect(bigTitle()).toBe('演练得分：本场每位买家都计入，还没接待的买家记 0 分');
  });
});

describe('a tile of a one-buyer drill', () => {
  it('shows the live score with no buyer caption and no second line', () => {
    const only = { ...onBuyer1, drillScore: 96 };
    appStore.setState({ live: live([only], [first]) });
    render(<TileCard tile={only} />);
    expect(text('tile-score')).toBe('96');
    expect(text('tile-score-of')).toBeNull();
    expect(text('tile-so-far')).toBeNull();
    expect(bigTitle()).toBe('实时得分');
  });
});
