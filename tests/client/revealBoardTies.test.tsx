// @vitest-environment jsdom
// A reveal projected to the class says a shared rank as shared (并列第 1 名), not 第 1 / 第 2 名.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { RevealBoard } from '../../client/features/drill/RevealBoard.tsx';
import { appStore } from '../../client/store/index.ts';
import type { Reveal } from '../../client/store/drillSlice.ts';
import { reactRoot } from './reactRoot.ts';

const entry = (rank: number, text: string, points: number) => ({ rank, text, points, max: 26, redLine: false, verdicts: [] });
const reveal: Reveal = { drillId: 'd', scenarioId: 'sc', move: 'ask', entries: [entry(1, '亲，价格已经很实在了', 26), entry(1, '亲，这款不议价哦', 26), entry(3, '好的', 16)], unanswered: 0 };

afterEach(() => act(() => appStore.getState().setLang('zh-CN')));
const { host, render } = reactRoot();

describe('the ranks on a reveal board', () => {
  it('says a shared rank as shared, in both languages', () => {
    render(<RevealBoard reveal={reveal} />);
    const ranks = () => [...host.querySelectorAll('[data-testid="reveal-rank"]')].map((r) => r.textContent);
    expect(ranks()).toEqual(['并列第 1 名', '并列第 1 名', '第 3 名']);
    act(() => appStore.getState().setLang('en'));
    expect(ranks()).toEqual(['Joint No. 1', 'Joint No. 1', 'No. 3']);
  });
});
