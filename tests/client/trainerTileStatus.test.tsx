// @vitest-environment jsdom
// A tile says where a trainee stands in words. Offline: 已离线, with the time this dashboard saw them
// go, and the buyer's waiting counter stops (nobody is there to answer). At the end: 未作答 for a
// trainee who never answered, 时间到 when the time limit ended the drill before they were through,
// and 已完成 only for one who went through every buyer and answered.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { TileCard } from '../../client/features/trainer/TileCard.tsx';
import { appStore } from '../../client/store/index.ts';
import type { LiveDrill, Tile } from '../../client/store/trainerSlice.ts';
import { shortTime } from '../../client/ui/format.ts';
import { fakeTile, info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const scenario = info().scenario;

function live(tile: Tile, status: 'running' | 'ended', clockAt: number, endsAt: number | null = null, clock = 1_000): LiveDrill {
  const state = { drillId: 'd1', status, locked: false, mode: 'exam' as const, scenarios: [scenario], frozenAt: null, endsAt, clock };
  return { drillId: 'd1', code: '123456', joinUrl: '', state, clockAt, tiles: { [tile.seatId]: tile }, order: [tile.seatId], heat: [], moves: [], moveLabels: {} };
}

afterEach(() => {
  act(() => appStore.getState().setLang('zh-CN'));
  appStore.setState({ live: null });
});

const { host, render } = reactRoot();
const text = (id: string) => host.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;

describe('a trainee who closed the tab', () => {
  it('reads 已离线 since the update that said so, and the buyer’s wait no longer counts', () => {
    const online = fakeTile({ waitingSince: 500, turns: 1 });
    appStore.setState({ live: live(online, 'running', 1_700_000_000_000) });
    render(<TileCard tile={online} />);
    expect(text('tile-offline')).toBeNull();
    expect(text('tile-wait')).not.toBeNull();
    const offline = { ...online, connected: false };
    const wentAt = 1_700_000_060_000;
    act(() => appStore.setState({ live: live(offline, 'running', wentAt) }));
    render(<TileCard tile={offline} />);
    expect(text('tile-offline')).toBe(`已离线（${shortTime(wentAt)} 起）`);
    expect(text('tile-wait')).toBeNull();
  });

  it('says only 已离线 when already offline as the dashboard opened', () => {
    const offline = fakeTile({ connected: false, waitingSince: 500 });
    appStore.setState({ live: live(offline, 'running', 1_700_000_000_000) });
    render(<TileCard tile={offline} />);
    expect(text('tile-offline')).toBe('已离线');
  });
});

describe('the foot of a tile at the end', () => {
  it('says 未作答 · 时间到 for a trainee the time limit stopped before any answer', () => {
    const tile = fakeTile({ turns: 0, connected: false });
    appStore.setState({ live: live(tile, 'ended', 0, 60_000, 60_000) });
    render(<TileCard tile={tile} />);
    expect(text('tile-foot')).toBe('未作答 · 时间到');
    expect(text('tile-offline')).toBeNull();
  });

  it('does not call a chat the buyer left unanswered 已完成', () => {
    const tile = fakeTile({ turns: 0, status: 'finished', outcome: 'left', buyerDone: true });
    appStore.setState({ live: live(tile, 'running', 0) });
    render(<TileCard tile={tile} />);
    expect(text('tile-foot')).toBe('未作答 · 买家离开了');
  });

  it('keeps 已完成 for one who answered through, and names a drill the trainer ended', () => {
    const done = fakeTile({ turns: 3, status: 'finished', outcome: 'purchased', buyerDone: true });
    appStore.setState({ live: live(done, 'running', 0) });
    render(<TileCard tile={done} />);
    expect(text('tile-foot')).toBe('已回复 3 次 · 买家已下单 · 已完成');
    const cut = fakeTile({ turns: 2 });
    act(() => appStore.setState({ live: live(cut, 'ended', 0, null, 5_000) }));
    render(<TileCard tile={cut} />);
    expect(text('tile-foot')).toBe('已回复 2 次 · 演练结束时未完成');
    // Said by the server, it wins over the clock.
    act(() => appStore.setState({ live: { ...live(cut, 'ended', 0, null, 5_000), state: { ...live(cut, 'ended', 0).state, endedBy: 'time' } } }));
    render(<TileCard tile={cut} />);
    expect(text('tile-foot')).toBe('已回复 2 次 · 时间到');
  });

  it('does not call a seat the drill’s end cut short 已完成, though the end marks it finished', () => {
    const cut = fakeTile({ turns: 0, status: 'finished', outcome: null });
    appStore.setState({ live: live(cut, 'ended', 0, 60_000, 60_000) });
    render(<TileCard tile={cut} />);
    expect(text('tile-foot')).toBe('未作答 · 时间到');
  });
});
