// @vitest-environment jsdom
// Small words on a tile: a buyer whose chat is over is 这位买家 / 最后一位买家, never 本位买家; a
// cancelled drill's tile shows no number (it has no results, a 0 would read as a score); a long
// nickname's 「查看 … 的对话」 button keeps inside the tile, cut with …, the full text in its title.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { TileCard } from '../../client/features/trainer/TileCard.tsx';
import { appStore } from '../../client/store/index.ts';
import type { LiveDrill, Tile } from '../../client/store/trainerSlice.ts';
import type { DrillStatus } from '../../server/protocol/index.ts';
import { fakeTile, info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const first = info().scenario;
const second = { ...first, id: 'phisher' };

function live(tile: Tile, status: DrillStatus, scenarios = [first, second]): LiveDrill {
  const state = { drillId: 'd1', status, locked: false, mode: 'exam' as const, scenarios, frozenAt: null, endsAt: null, clock: 0 };
  return { drillId: 'd1', code: '123456', joinUrl: '', state, clockAt: 0, tiles: { [tile.seatId]: tile }, order: [tile.seatId], heat: [], moves: [], moveLabels: {} };
}

afterEach(() => {
  act(() => appStore.getState().setLang('zh-CN'));
  appStore.setState({ live: null });
});
const { host, render } = reactRoot();
const text = (id: string) => host.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;

describe('tile wording', () => {
  it('says 这位买家 / 最后一位买家 for a buyer whose chat is over', () => {
    const done = fakeTile({ turns: 2, outcome: 'purchased', buyerDone: true });
    appStore.setState({ live: live(done, 'running') });
    render(<TileCard tile={done} />);
    expect(text('tile-buyer-done')).toBe('这位买家已结束，学员结束这段对话后接待下一位');
    const last = { ...done, position: 1, scenarioId: second.id };
    render(<TileCard tile={last} />);
    expect(text('tile-buyer-done')).toBe('最后一位买家已结束，学员结束这段对话后出分');
    expect(host.textContent).not.toContain('本位');
  });

  it('shows no number on the tile of a cancelled drill', () => {
    const seated = fakeTile({ status: 'lobby', sessionId: null, scenarioId: null, move: null, score: 0, drillScore: 0, turns: 0 });
    appStore.setState({ live: live(seated, 'cancelled') });
    render(<TileCard tile={seated} />);
    expect(text('tile-score')).toBeNull();
    expect(text('tile-so-far')).toBeNull();
  });

  it('keeps a long nickname’s watch button inside the tile, the whole text in its title', () => {
    const name = '超长昵称'.repeat(8);
    const tile = fakeTile({ name });
    appStore.setState({ live: live(tile, 'running') });
    render(<TileCard tile={tile} />);
    const button = host.querySelector<HTMLButtonElement>('.tile-actions .tile-watch');
    expect(button?.title).toBe(`查看 ${name} 的对话`);
    const css = readFileSync(join(import.meta.dirname, '../../client/features/trainer/live.css'), 'utf8');
    expect(css).toMatch(/\.tile-actions \.tile-watch \{[^}]*max-width: 100%;[^}]*text-overflow: ellipsis;/);
  });
});
