// @vitest-environment jsdom
// The heat map says what it counts (trainees, once per rule), that removed trainees are left out,
// and keeps every rule's row in the order given (rubric order) from the first verdict on, so rows do
// not jump as verdicts arrive.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { HeatMap } from '../../client/features/trainer/HeatMap.tsx';
import { appStore } from '../../client/store/index.ts';
import type { HeatRow, LiveDrill } from '../../client/store/trainerSlice.ts';
import { fakeTile, info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

function live(heat: HeatRow[]): LiveDrill {
  const state = { drillId: 'd1', status: 'running' as const, locked: false, mode: 'exam' as const, scenarios: [info().scenario], frozenAt: null, endsAt: null, clock: 0 };
  const tiles = [fakeTile(), fakeTile({ seatId: 'seat2', status: 'removed' })];
  return { drillId: 'd1', code: '123456', joinUrl: '', state, clockAt: 0, tiles: Object.fromEntries(tiles.map((t) => [t.seatId, t])), order: tiles.map((t) => t.seatId), heat, moves: [], moveLabels: {} };
}

const row = (rule: string, pass: number, fail: number): HeatRow => ({ rule, title: { 'zh-CN': rule, en: rule }, category: 'sales', redLine: false, pass, fail });

afterEach(() => {
  act(() => appStore.getState().setLang('zh-CN'));
  appStore.setState({ live: null });
});
const { host, render } = reactRoot();

describe('the class heat map', () => {
  it('labels its counts as trainees, says removed ones are left out, and keeps every row in order', () => {
    appStore.setState({ live: live([row('greeting', 0, 0), row('hold-price', 1, 0), row('polite-close', 0, 0)]) });
    render(<HeatMap />);
    const rows = () => [...host.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent?.trim()));
    expect([...host.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['规则', '通过人数', '未通过人数', '通过率']);
    expect(host.querySelector('[data-testid="heat-basis"]')?.textContent).toBe('按学员计：每位学员每条规则算一次，只要在任何一位买家那里没通过就算未通过。已移出的 1 位学员不计入。');
    expect(rows()).toEqual([
      ['greeting', '—', '—', '还没评到'],
      ['hold-price', '1', '0', '100%'],
      ['polite-close', '—', '—', '还没评到'],
    ]);
    act(() => appStore.setState({ live: live([row('greeting', 0, 0), row('hold-price', 1, 0), row('polite-close', 0, 1)]) }));
    expect(rows().map((r) => r[0])).toEqual(['greeting', 'hold-price', 'polite-close']);
  });
});
