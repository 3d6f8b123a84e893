// @vitest-environment jsdom
// A red line crossed with buyer 1 stays on the tile while the trainee is on buyer 2: it is labelled
// with its buyer, so it does not read as crossed with the buyer shown as current.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { TileCard } from '../../client/features/trainer/TileCard.tsx';
import { appStore } from '../../client/store/index.ts';
import type { LiveDrill, Tile } from '../../client/store/trainerSlice.ts';
import { endedSnapshot } from '../../server/runtime/drills/endedSnapshot.ts';
import { fakeTile, info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const first = info().scenario;
const second = { ...first, id: 'phisher' };

function live(tiles: Tile[]): LiveDrill {
  const state = { drillId: 'd1', status: 'running' as const, locked: false, mode: 'exam' as const, scenarios: [first, second], frozenAt: null, endsAt: null, clock: 1_000 };
  return { drillId: 'd1', code: '123456', joinUrl: '', state, clockAt: Date.now(), tiles: Object.fromEntries(tiles.map((t) => [t.seatId, t])), order: tiles.map((t) => t.seatId), heat: [], moves: [], moveLabels: {} };
}

afterEach(() => {
  act(() => appStore.getState().setLang('zh-CN'));
  appStore.setState({ live: null });
});

const { host, render } = reactRoot();
const lines = () => [...host.querySelectorAll('[data-testid="tile-redlines"] p')].map((p) => p.textContent);
const title = { 'zh-CN': '不越权让价', en: 'No unauthorised discount' };

describe('red lines on a tile of a drill of two buyers', () => {
  it('names the buyer each red line was crossed with', () => {
    const tile = fakeTile({ position: 1, scenarioId: second.id, redLines: ['no-discount'], redLineBuyers: [0], ruleTitles: { 'no-discount': title } });
    appStore.setState({ live: live([tile]) });
    render(<TileCard tile={tile} />);
    expect(lines()).toEqual(['红线（第 1 位买家）：不越权让价']);
    act(() => appStore.getState().setLang('en'));
    expect(lines()).toEqual(['Red line (buyer 1): No unauthorised discount']);
  });

  it('keeps one line per buyer when both were crossed', () => {
    const tile = fakeTile({ position: 1, scenarioId: second.id, redLines: ['no-discount', 'no-offsite', 'no-discount'], redLineBuyers: [0, 1, 1], ruleTitles: { 'no-discount': title } });
    appStore.setState({ live: live([tile]) });
    render(<TileCard tile={tile} />);
    expect(lines()).toEqual(['红线（第 1 位买家）：不越权让价', '红线（第 2 位买家）：no-offsite、不越权让价']);
  });

  it('gets the buyers from the stored results of an ended drill too', () => {
    const report = { score: 0, passed: false, passMark: 60, redLines: ['no-discount'], rules: [], categories: [], kpis: { firstResponseMs: null, avgResponseMs: null, longestResponseMs: null, replies: 1, outcome: null } };
    const session = (i: number, redLines: string[]) => ({ sessionId: `s${i}`, scenarioId: i === 0 ? first.id : second.id, scenarioVersion: 1, outcome: null, report: { ...report, redLines } });
    const snap = endedSnapshot({ drillId: 'd1', code: '1', trainer: 't', mode: 'exam', scenarioIds: [first.id, second.id], createdAt: 0, startedAt: 0, endedAt: 1, status: 'ended', summary: {} as never, leaderboard: [], seats: [{ seatId: 'a', name: 'a', removed: false, score: 0, sessions: [session(0, ['no-discount']), session(1, [])] }] }, [], '');
    expect(snap.tiles[0]?.redLineBuyers).toEqual([0]);
  });
});
