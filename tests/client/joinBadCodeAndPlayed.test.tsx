// @vitest-environment jsdom
// A mistyped join link (/join/12ab) opens the join page, saying a code is 6 digits, instead of a
// generic "page not found". And the home page no longer says 尚未练习 for a buyer the trainee has
// played (in a drill, say) without a best score: it counts the chats this browser keeps.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DrillJoin } from '../../client/features/drill/DrillJoin.tsx';
import { PersonaCard } from '../../client/features/home/PersonaCard.tsx';
import type { AppState } from '../../client/store/index.ts';
import { appStore } from '../../client/store/index.ts';
import { parseRoute } from '../../client/store/route.ts';
import { attachDesktopBackend, info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
beforeEach(() => {
  attachDesktopBackend();
});
afterEach(() => appStore.setState(initial, true));
const { host, render } = reactRoot();

describe('a mistyped join link', () => {
  it('is the join page with the digits kept and a word on what a code is', () => {
    expect(parseRoute('/join/12ab')).toEqual({ name: 'drill', badCode: '12ab' });
    expect(parseRoute('/join/123456')).toEqual({ name: 'join', code: '123456' });
    expect(parseRoute('/join/12%20ab')).toEqual({ name: 'drill', badCode: '12 ab' });
    expect(parseRoute('/join/1/2')).toEqual({ name: 'not-found' });

    render(<DrillJoin badCode="12ab" />);
    expect(host.querySelector('[data-testid="drill-bad-code"]')?.textContent).toContain('演练码是老师给的 6 位数字');
    expect(host.querySelector('[data-testid="drill-bad-code"]')?.textContent).toContain('「12ab」');
    expect(host.querySelector<HTMLInputElement>('input')?.value).toBe('12');
  });
});

describe('the home page card of a buyer played without a best score', () => {
  it('says how often it was played instead of 尚未练习', () => {
    const card = () => host.querySelector('.persona-best')?.textContent;
    render(<PersonaCard scenario={info().scenario} busy={false} disabled={false} onStart={() => undefined} />);
    expect(card()).toBe('尚未练习');
    // A drill chat of this buyer, cut short: no best score.
    act(() => {
      appStore.getState().netStarted(info('s7', { mode: 'exam', token: 'tok' }));
      appStore.setState({ seats: { '123456': { code: '123456', drillId: 'd1', seatId: 'seat1', seatToken: 'tok', displayName: '小明', sessionIds: ['s7'] } } });
    });
    expect(card()).toBe('练过 1 次，还没有完整成绩');
    act(() => appStore.getState().offerBest('bargainer', { score: 77, passed: true, redLines: [] }));
    expect(card()).toBe('最佳成绩 77 分 已通过');
  });
});
