// @vitest-environment jsdom
// The top bar's connection state on a phone: a working connection may be the ticked dot alone (its
// word is still read out: hidden-on-phone), but connecting or a lost connection keeps its word on
// screen at every width, in a pill of its own, so it is never told by colour only. A lost one
// says 已断开 (the chat's banner says 网络已断开).
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { TopBar } from '../../client/features/shell/TopBar.tsx';
import { appStore } from '../../client/store/index.ts';
import { reactRoot } from './reactRoot.ts';

afterEach(() => {
  act(() => appStore.getState().setLang('zh-CN'));
  appStore.setState({ connection: 'connecting', displayName: '' });
});

const { host, render } = reactRoot();

const status = () => host.querySelector('[data-testid="connection"]') as HTMLElement;
const word = () => host.querySelector('[data-testid="connection-word"]') as HTMLElement;
const set = (connection: 'online' | 'connecting' | 'offline') => act(() => appStore.setState({ connection }));

describe("the top bar's connection state", () => {
  it('hides the word of a working connection on a phone only', () => {
    appStore.setState({ connection: 'online', displayName: '小明' });
    render(<TopBar />);
    expect(word().textContent).toBe('在线');
    expect(word().classList.contains('hidden-on-phone')).toBe(true);
    expect(status().textContent).toBe('小明 · 在线');
  });

  it.each([
    ['connecting', '连接中…', 'Connecting…'],
    ['offline', '已断开', 'Offline'],
  ] as const)('keeps the word on screen while %s, in both languages', (state, zh, en) => {
    appStore.setState({ connection: 'online', displayName: '小明' });
    render(<TopBar />);
    set(state);
    expect(status().classList.contains(`conn-${state}`)).toBe(true);
    expect(word().textContent).toBe(zh);
    expect(word().classList.contains('hidden-on-phone')).toBe(false);
    expect(word().classList.contains('conn-word')).toBe(true);
    // The name stays a wide screen's: a phone has room for the state, not for both.
    expect(status().textContent).toBe(`小明 · ${zh}`);
    act(() => appStore.getState().setLang('en'));
    expect(word().textContent).toBe(en);
    set('online');
    expect(word().classList.contains('hidden-on-phone')).toBe(true);
  });
});
