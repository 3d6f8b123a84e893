// @vitest-environment jsdom
// The chat follows its bottom while the trainee is there, also when no line is added: the typing
// indicator replaced by the buyer's (taller) line, verdict chips under a reply, a banner that makes
// the list shorter. A trainee who has scrolled up to read is left where they are. The scrolling box
// is a labelled region the keyboard can reach.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MessageList } from '../../client/features/chat/MessageList.tsx';
import { appStore, useApp } from '../../client/store/index.ts';
import type { AppState } from '../../client/store/index.ts';
import type { ChatSession, DeliveredEvent } from '../../client/store/types.ts';
import { buyerLine, FakeTransport, info, traineeLine } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

/** jsdom lays nothing out: the test sets the box's sizes, and fires the resize observers itself. */
const observers: { callback: ResizeObserverCallback; targets: Element[] }[] = [];
class FakeResizeObserver {
  private readonly entry: { callback: ResizeObserverCallback; targets: Element[] };
  constructor(callback: ResizeObserverCallback) {
    this.entry = { callback, targets: [] };
    observers.push(this.entry);
  }
  observe(target: Element) {
    this.entry.targets.push(target);
  }
  unobserve() {}
  disconnect() {
    this.entry.targets = [];
  }
}
const resized = (target: Element) => {
  act(() => {
    for (const o of observers) if (o.targets.includes(target)) o.callback([], o as unknown as ResizeObserver);
  });
};

const box = { scrollHeight: 1000, clientHeight: 400, scrollTop: 0 };
function layout(el: HTMLElement) {
  Object.defineProperty(el, 'scrollHeight', { configurable: true, get: () => box.scrollHeight });
  Object.defineProperty(el, 'clientHeight', { configurable: true, get: () => box.clientHeight });
  Object.defineProperty(el, 'scrollTop', {
    configurable: true,
    get: () => box.scrollTop,
    set: (v: number) => {
      box.scrollTop = Math.max(0, Math.min(v, box.scrollHeight - box.clientHeight));
    },
  });
}
const bottom = () => box.scrollHeight - box.clientHeight;

const initial: AppState = appStore.getState();
const hadObserver = globalThis.ResizeObserver;

function Harness() {
  const session = useApp((s) => s.sessions['s1']) as ChatSession;
  return <MessageList session={session} shop={undefined} nickname="小米" avatarId="bargainer" />;
}

let seq = 0;
const deliver = (event: DeliveredEvent) => act(() => appStore.getState().netEvent(event));

beforeEach(() => {
  observers.length = 0;
  globalThis.ResizeObserver = FakeResizeObserver as unknown as typeof ResizeObserver;
  Object.assign(box, { scrollHeight: 1000, clientHeight: 400, scrollTop: 0 });
  seq = 0;
  appStore.getState().attachBackend({
    transport: new FakeTransport(),
    api: { scenarios: () => Promise.resolve([]), context: () => new Promise(() => undefined), session: () => new Promise(() => undefined), ruleTexts: () => new Promise(() => undefined) },
  });
  appStore.getState().netStarted(info('s1'));
});

afterEach(() => {
  appStore.setState(initial, true);
  globalThis.ResizeObserver = hadObserver;
});

const { host, render } = reactRoot();

/** A chat with a few lines, shown scrolled to its bottom, the buyer typing their next line. */
function open() {
  deliver({ name: 'buyer:say', payload: { sessionId: 's1', seq: ++seq, message: buyerLine('m1', '在吗') } });
  deliver({ name: 'trainee:say', payload: { sessionId: 's1', seq: ++seq, clientMsgId: 'c1', message: traineeLine('m2', '亲，在的') } });
  deliver({ name: 'buyer:typing', payload: { sessionId: 's1', seq: ++seq, messageId: 'm3', at: Date.now(), until: Date.now() + 60_000 } });
  render(<Harness />);
  const scroller = host.querySelector('.chat-scroll') as HTMLElement;
  const content = scroller.firstElementChild as HTMLElement;
  layout(scroller);
  box.scrollTop = bottom();
  act(() => scroller.dispatchEvent(new Event('scroll')));
  return { scroller, content };
}

describe('the message list', () => {
  it('follows the bottom when the typing indicator becomes the buyer’s longer line', () => {
    const { content } = open();
    expect(host.querySelector('.typing')).not.toBeNull();
    box.scrollHeight += 60;
    deliver({ name: 'buyer:say', payload: { sessionId: 's1', seq: ++seq, message: buyerLine('m3', '学生党 生活费不多 [可怜] 能便宜点吗') } });
    expect(host.querySelector('.typing')).toBeNull();
    resized(content);
    expect(box.scrollTop).toBe(bottom());
  });

  it('follows the bottom when verdict chips arrive under the reply', () => {
    const { content } = open();
    box.scrollHeight += 38;
    deliver({ name: 'verdict:add', payload: { sessionId: 's1', seq: ++seq, messageId: 'm2', verdicts: [{ rule: 'greeting', category: 'politeness', verdict: 'pass', redLine: false, points: 5, max: 5 }] } });
    resized(content);
    expect(box.scrollTop).toBe(bottom());
  });

  it('follows the bottom when a banner above makes the list shorter', () => {
    const { scroller } = open();
    box.clientHeight -= 108;
    resized(scroller);
    expect(box.scrollTop).toBe(bottom());
  });

  it('leaves a trainee who scrolled up to read where they are', () => {
    const { scroller, content } = open();
    box.scrollTop = 200;
    act(() => scroller.dispatchEvent(new Event('scroll')));
    box.scrollHeight += 60;
    deliver({ name: 'buyer:say', payload: { sessionId: 's1', seq: ++seq, message: buyerLine('m3', '能便宜点吗') } });
    resized(content);
    box.clientHeight -= 100;
    resized(scroller);
    expect(box.scrollTop).toBe(200);
    // Back near the bottom, it follows again.
    box.scrollTop = bottom() - 30;
    act(() => scroller.dispatchEvent(new Event('scroll')));
    box.scrollHeight += 40;
    resized(content);
    expect(box.scrollTop).toBe(bottom());
  });

  it('is a labelled region the keyboard can reach and scroll', () => {
    const { scroller } = open();
    expect(scroller.tabIndex).toBe(0);
    expect(scroller.getAttribute('role')).toBe('region');
    expect(scroller.getAttribute('aria-label')).toBe('聊天窗口：小米');
    expect(scroller.querySelector('[role="log"]')?.getAttribute('aria-label')).toBe('与 小米 的聊天记录');
  });
});
