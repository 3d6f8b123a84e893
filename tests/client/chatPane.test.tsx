// @vitest-environment jsdom
// The chat's own state belongs to its chat: the end confirmation opened in one chat is not shown in
// the next one (two practice chats, or a drill seat's scenarios in turn). An ended chat offers its
// report once. A reply typed while the trainer has paused the drill says it waits for the drill,
// not for the network.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PendingBubble } from '../../client/features/chat/MessageBubble.tsx';
import { Workspace } from '../../client/features/chat/Workspace.tsx';
import { appStore } from '../../client/store/index.ts';
import type { AppState } from '../../client/store/index.ts';
import type { ChatSession, OutboxItem } from '../../client/store/types.ts';
import { FakeTransport, info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();

beforeEach(() => {
  // jsdom has no matchMedia: a desktop-wide window, where the drawers are grid columns.
  window.matchMedia = ((query: string) => ({ matches: false, media: query, addEventListener: () => undefined, removeEventListener: () => undefined })) as unknown as typeof window.matchMedia;
  appStore.getState().attachBackend({
    transport: new FakeTransport(),
    api: { scenarios: () => Promise.resolve([]), context: () => new Promise(() => undefined), session: () => new Promise(() => undefined), ruleTexts: () => new Promise(() => undefined) },
  });
});

afterEach(() => {
  appStore.setState(initial, true);
});

const { host, render } = reactRoot();

const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent === name);
const confirmation = () => host.querySelector('.end-confirm');

describe('the chat pane', () => {
  it('does not carry the end confirmation over to another chat', () => {
    appStore.getState().netStarted(info('s1'));
    appStore.getState().netStarted(info('s2'));
    render(<Workspace sessionId="s1" />);
    act(() => button('结束会话')?.click());
    expect(confirmation()?.textContent).toContain('确定结束');

    render(<Workspace sessionId="s2" />);
    expect(confirmation()).toBeNull();
    expect(button('结束会话')).toBeDefined();

    // Back in the first chat, it is asked again as well: nothing was ended.
    render(<Workspace sessionId="s1" />);
    expect(confirmation()).toBeNull();
  });

  it('opens a drill seat’s next scenario without the confirmation', () => {
    appStore.getState().netStarted(info('s1'));
    render(<Workspace sessionId="s1" />);
    act(() => button('结束会话')?.click());
    expect(confirmation()).not.toBeNull();
    // The seat page shows its newest session in the same place.
    appStore.getState().netStarted(info('s2'));
    render(<Workspace sessionId="s2" />);
    expect(confirmation()).toBeNull();
  });

  it('offers an ended chat’s report once', () => {
    appStore.getState().netStarted(info('s1'));
    const session = appStore.getState().sessions['s1'] as ChatSession;
    appStore.setState({ sessions: { s1: { ...session, ended: true, score: 80 } } });
    render(<Workspace sessionId="s1" />);
    const links = [...host.querySelectorAll('a')].filter((a) => a.textContent === '查看报告');
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe('/report/s1');
    expect(host.querySelector('[data-testid="ended-banner"]')?.contains(links[0] as Node)).toBe(true);
  });
});

describe('a reply waiting to be sent', () => {
  const queued: OutboxItem = { clientMsgId: 'c1', event: 'reply:send', payload: { sessionId: 's1', clientMsgId: 'c1', text: '亲，在的' }, state: 'queued', queuedAt: 1000 };
  const status = () => host.querySelector('.pending-status')?.textContent;
  const seat = (paused: boolean) => {
    appStore.getState().netStarted(info('s9'));
    appStore.setState({
      drillCode: '123456',
      seatPhase: 'seated',
      seats: { '123456': { code: '123456', drillId: 'd1', seatId: 'seat1', seatToken: 'tok', displayName: '小明', sessionIds: ['s9'] } },
      drillState: { drillId: 'd1', status: paused ? 'paused' : 'running', locked: false, mode: 'practice', scenarios: [info().scenario], frozenAt: null, endsAt: null, clock: 0 },
    });
    return appStore.getState().sessions['s9'] as ChatSession;
  };
  const renderPending = (session: ChatSession, item: OutboxItem = queued) =>
    render(
      <ol>
        <PendingBubble session={session} item={item} shop={undefined} />
      </ol>,
    );

  it('waits for the network when offline', () => {
    appStore.getState().netStarted(info('s1'));
    appStore.setState({ connection: 'offline' });
    renderPending(appStore.getState().sessions['s1'] as ChatSession);
    expect(status()).toBe('等待网络，恢复后自动发送');
  });

  it('in a paused drill, waits for the drill to go on', () => {
    appStore.setState({ connection: 'online' });
    const session = seat(true);
    renderPending(session);
    expect(status()).toBe('演练已暂停，继续后发送');
    // While a try is on its way during the pause, too: the server will refuse it until the resume.
    renderPending(session, { ...queued, state: 'sending' });
    expect(status()).toBe('演练已暂停，继续后发送');
    act(() => appStore.setState({ lang: 'en' }));
    expect(status()).toBe('Drill paused: sends when it resumes');
  });

  it('once the drill goes on, is sent (not waiting for the network)', () => {
    appStore.setState({ connection: 'online' });
    const session = seat(false);
    renderPending(session);
    expect(status()).toBe('发送中');
  });

  it('in an ordinary chat, the drill’s pause does not matter', () => {
    appStore.setState({ connection: 'online' });
    seat(true);
    appStore.getState().netStarted(info('s1'));
    renderPending(appStore.getState().sessions['s1'] as ChatSession);
    expect(status()).toBe('发送中');
  });

  it('says why a refused reply was not sent in the page language, never the server\'s English', () => {
    appStore.setState({ connection: 'online' });
    appStore.getState().netStarted(info('s1'));
    const session = appStore.getState().sessions['s1'] as ChatSession;
    const refused = (code: string): OutboxItem => ({ ...queued, state: 'failed', error: { code: code as never, message: 'the session has ended' } });
    renderPending(session, refused('ended'));
    expect(status()).toContain('发送失败：会话已经结束');
    renderPending(session, refused('something-new'));
    expect(status()).toContain('发送失败：服务器拒绝了这条消息');
    act(() => appStore.setState({ lang: 'en' }));
    renderPending(session, refused('too-large'));
    expect(status()).toContain('Not sent: too long; shorten it and send again');
    expect(status()).not.toContain('the session has ended');
  });
});
