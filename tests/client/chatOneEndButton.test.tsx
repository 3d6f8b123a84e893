// @vitest-environment jsdom
// Once the buyer has her outcome, the outcome banner alone ends the chat: the header offers no second
// way (a confirmation row with its own 结束并评分 stacked over the banner's on a phone). Before the
// outcome the header's 结束会话 asks first, its confirmation a row of its own in the header.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../client/features/chat/Workspace.tsx';
import { appStore } from '../../client/store/index.ts';
import type { AppState } from '../../client/store/index.ts';
import { attachDesktopBackend, info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
beforeEach(() => {
  attachDesktopBackend();
});
afterEach(() => appStore.setState(initial, true));
const { host, render } = reactRoot();

const buttons = (name: string) => [...host.querySelectorAll('button')].filter((b) => b.textContent === name);

describe('ending a chat', () => {
  it('has one 结束并评分 once the buyer has her outcome, in the outcome banner', () => {
    appStore.getState().netStarted(info('s1'));
    render(<Workspace sessionId="s1" />);
    act(() => buttons('结束会话')[0]?.click());
    expect(buttons('结束并评分')).toHaveLength(1);

    act(() => appStore.getState().netEvent({ name: 'session:outcome', payload: { sessionId: 's1', seq: 1, outcome: { kind: 'resolved', state: 'done', success: true } } }));
    expect(buttons('结束会话')).toHaveLength(0);
    expect(host.querySelector('.end-confirm')).toBeNull();
    const ends = buttons('结束并评分');
    expect(ends).toHaveLength(1);
    expect(host.querySelector('[data-testid="outcome-banner"]')?.contains(ends[0] as Node)).toBe(true);
  });

  it('puts the confirmation beside, not inside, the header’s drawer buttons', () => {
    appStore.getState().netStarted(info('s2'));
    render(<Workspace sessionId="s2" />);
    act(() => buttons('结束会话')[0]?.click());
    const confirm = host.querySelector('.end-confirm');
    expect(confirm?.parentElement?.classList.contains('chat-head')).toBe(true);
    expect(host.querySelector('.chat-head-actions')?.contains(confirm)).toBe(false);
  });
});
