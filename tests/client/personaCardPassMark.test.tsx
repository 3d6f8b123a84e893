// @vitest-environment jsdom
// A buyer's card shows its pass mark (marks differ by buyer) and says whether the best score passed:
// 80 against a mark of 85 must not read as a pass.
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { PersonaCard } from '../../client/features/home/PersonaCard.tsx';
import { appStore } from '../../client/store/index.ts';
import type { AppState } from '../../client/store/index.ts';
import { info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
afterEach(() => appStore.setState(initial, true));
const { host, render } = reactRoot();

const scenario = { ...info().scenario, passMark: 85 };
const card = () => host.querySelector('.persona-foot')?.textContent ?? '';

describe('a buyer card', () => {
  it('shows the pass mark before any attempt', () => {
    render(<PersonaCard scenario={scenario} busy={false} disabled={false} onStart={() => undefined} />);
    expect(card()).toContain('及格线 85 分');
    expect(card()).toContain('尚未练习');
  });

  it('labels a best under the pass mark as not passed, and a passed one as passed', () => {
    render(<PersonaCard scenario={scenario} busy={false} disabled={false} onStart={() => undefined} />);
    act(() => appStore.getState().offerBest('bargainer', { score: 80, passed: false, redLines: [] }));
    expect(card()).toContain('最佳成绩 80 分 未通过');
    expect(host.querySelector('[data-passed]')?.getAttribute('data-passed')).toBe('false');
    act(() => appStore.getState().offerBest('bargainer', { score: 90, passed: true, redLines: [] }));
    expect(card()).toContain('最佳成绩 90 分 已通过');
    act(() => appStore.setState({ lang: 'en' }));
    expect(card()).toContain('Best score 90 passed');
    expect(card()).toContain('Pass mark 85');
  });

  it('shows a best carried over from before verdicts were kept with no verdict at all', () => {
    render(<PersonaCard scenario={scenario} busy={false} disabled={false} onStart={() => undefined} />);
    act(() => appStore.setState({ best: { bargainer: { score: 80, passed: null } } }));
    expect(card()).toContain('最佳成绩 80 分');
    expect(card()).not.toContain('通过');
    expect(host.querySelector('[data-passed]')).toBeNull();
  });
});
