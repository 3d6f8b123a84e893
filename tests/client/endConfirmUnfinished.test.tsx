// @vitest-environment jsdom
// Ending a chat before the buyer reaches an outcome fails it as 未完成 whatever its points, so the
// end confirmation says so first (practice and solo exam each in their own words); once the buyer
// has her outcome the plain confirmation stays. A drill's chats keep the drill's own wording.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../client/features/chat/Workspace.tsx';
import { appStore } from '../../client/store/index.ts';
import type { AppState } from '../../client/store/index.ts';
import { attachDesktopBackend, drillStateOf, info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
beforeEach(() => {
  attachDesktopBackend();
});
afterEach(() => appStore.setState(initial, true));
const { host, render } = reactRoot();

const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent === name);
const confirmation = () => host.querySelector('.end-confirm')?.textContent ?? '';

function askToEnd(sessionId: string): string {
  render(<Workspace sessionId={sessionId} />);
  act(() => button('结束会话')?.click());
  return confirmation();
}

describe('the end confirmation of a chat with no outcome yet', () => {
  it('warns in practice that the buyer still waits and the attempt will not pass', () => {
    appStore.getState().netStarted(info('s1'));
    const text = askToEnd('s1');
    expect(text).toContain('买家还在等着');
    expect(text).toContain('这次练习不算通过');
    expect(text).not.toContain('结束后将生成评分报告');
  });

  it('warns in a solo exam in its own words', () => {
    appStore.getState().netStarted(info('s2', { mode: 'exam' }));
    const text = askToEnd('s2');
    expect(text).toContain('买家还在等着');
    expect(text).toContain('这场考试不算通过');
  });

  it('says English too', () => {
    appStore.setState({ lang: 'en' });
    appStore.getState().netStarted(info('s3'));
    render(<Workspace sessionId="s3" />);
    act(() => button('End chat')?.click());
    expect(confirmation()).toContain('will not count as passed');
  });

  it('keeps a drill’s own wording, exam or practice', () => {
    for (const mode of ['exam', 'practice'] as const) {
      const id = `d-${mode}`;
      appStore.getState().netStarted(info(id, { mode, token: 'tok' }));
      appStore.setState({
        drillCode: '123456',
        drillState: drillStateOf({ mode }),
        seats: { '123456': { code: '123456', drillId: 'd1', seatId: 'seat1', seatToken: 'tok', displayName: '小峰', sessionIds: [id] } },
      });
      const text = askToEnd(id);
      expect(text).toContain(mode === 'exam' ? '成绩在演练结束后公布' : '结束后将生成评分报告');
      expect(text).not.toContain('不算通过');
    }
  });
});
