// @vitest-environment jsdom
// Opening a buyer's link: the shop's own product (`product-link`) is normal work, so its note in the
// chat is neutral and names the product, and no warning dialog opens; a phishing link (`link`,
// unsafe) is a mistake, so its note is a warning and the warning dialog says why. Both while the
// action waits to be confirmed and once it is in the transcript, in zh-CN and en.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MessageBubble, PendingBubble } from '../../client/features/chat/MessageBubble.tsx';
import type { AppState } from '../../client/store/index.ts';
import { appStore } from '../../client/store/index.ts';
import type { ChatSession, Message, OutboxItem, Shop } from '../../client/store/types.ts';
import { buyerLine, FakeTransport, info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
let transport: FakeTransport;
beforeEach(() => {
  transport = new FakeTransport();
  appStore.getState().attachBackend({
    transport,
    api: { scenarios: () => Promise.resolve([]), context: () => new Promise(() => undefined), session: () => new Promise(() => undefined), ruleTexts: () => new Promise(() => undefined) },
  });
});
afterEach(() => appStore.setState(initial, true));
const { host, render } = reactRoot();

const shop = { products: [{ id: 'breeze-daily-runner', name: { 'zh-CN': '轻风跑鞋', en: 'Breeze daily runner' } }], coupons: [] } as unknown as Shop;
const product: Message = { ...buyerLine('m1', '这双还有39码吗'), attachment: { kind: 'product-link', product: 'breeze-daily-runner' } };
const phishing: Message = { ...buyerLine('m2', '先在这里付款'), attachment: { kind: 'link', url: 'http://tm-order-help.top/pay', title: '订单支付页面', unsafe: true } };
const plain: Message = { ...buyerLine('m3', '看看这个'), attachment: { kind: 'link', url: 'https://example.com/size', unsafe: false } };
const opened = (id: string, target: string): Message => ({ id, from: 'trainee', text: '', at: 3000, action: { kind: 'link-opened', target } });

function chat(): ChatSession {
  act(() => appStore.getState().netStarted(info('s1')));
  const session = { ...(appStore.getState().sessions['s1'] as ChatSession), messages: [product, phishing, plain, opened('t1', 'm1'), opened('t2', 'm2'), opened('t3', 'm3')] };
  act(() => appStore.setState({ sessions: { s1: session } }));
  return session;
}

function note(session: ChatSession, id: string): HTMLElement {
  const message = session.messages.find((m) => m.id === id) as Message;
  render(
    <ul>
      <MessageBubble session={session} message={message} shop={shop} nickname="买家" avatarId="a" verdicts={undefined} fileAnswer={undefined} />
    </ul>,
  );
  return host.querySelector('li') as HTMLElement;
}

function pending(session: ChatSession, messageId: string): HTMLElement {
  const item: OutboxItem = { clientMsgId: 'c1', event: 'link:open', payload: { sessionId: 's1', clientMsgId: 'c1', messageId }, state: 'sending', queuedAt: 1000 };
  render(
    <ul>
      <PendingBubble session={session} item={item} shop={shop} />
    </ul>,
  );
  return host.querySelector('li') as HTMLElement;
}

const warns = (li: HTMLElement) => li.classList.contains('chat-note-warn') || li.textContent?.includes('⚠');

describe('the note after opening a buyer’s link', () => {
  it('is neutral for the shop’s own product and names it; no warning dialog opens', () => {
    const session = chat();
    act(() => appStore.getState().openLink('s1', 'm1'));
    expect(transport.sent.at(-1)).toMatchObject({ event: 'link:open', body: { sessionId: 's1', messageId: 'm1' } });
    expect(appStore.getState().notice).toBeNull();
    expect(appStore.getState().focusProduct).toBe('breeze-daily-runner');
    const li = note(session, 't1');
    expect(li.dataset['link']).toBe('product');
    expect(li.textContent).toContain('你打开了买家发来的本店宝贝链接：轻风跑鞋');
    expect(li.textContent).not.toContain('可疑');
    expect(warns(li)).toBe(false);
  });

  it('warns for a phishing link, as the dialog does', () => {
    const session = chat();
    act(() => appStore.getState().openLink('s1', 'm2'));
    expect(appStore.getState().notice).toMatchObject({ kind: 'link', unsafe: true, recorded: true });
    const li = note(session, 't2');
    expect(li.dataset['link']).toBe('unsafe');
    expect(li.textContent).toContain('你打开了买家发来的可疑链接');
    expect(warns(li)).toBe(true);
  });

  it('stays neutral and general for another link that is not marked unsafe', () => {
    const session = chat();
    const li = note(session, 't3');
    expect(li.dataset['link']).toBe('link');
    expect(li.textContent).toContain('你打开了买家发来的链接');
    expect(warns(li)).toBe(false);
  });

  it('says the same in English', () => {
    act(() => appStore.getState().setLang('en'));
    const session = chat();
    expect(note(session, 't1').textContent).toContain('You opened the buyer’s link to this shop’s product: Breeze daily runner');
    expect(note(session, 't2').textContent).toContain('You opened a suspicious link the buyer sent');
  });

  it('tells the two apart while the action still waits for the server', () => {
    const session = chat();
    const product = pending(session, 'm1');
    expect(product.textContent).toContain('本店宝贝链接：轻风跑鞋');
    expect(warns(product)).toBe(false);
    const unsafe = pending(session, 'm2');
    expect(unsafe.textContent).toContain('可疑链接');
    expect(warns(unsafe)).toBe(true);
  });
});
