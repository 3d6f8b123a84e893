// @vitest-environment jsdom
// 快捷短语 speak the buyer's language: the starter set is Chinese in both UIs, the English UI shows a
// gloss beside each (never inserted), and an English starter set kept by an earlier version becomes
// the Chinese one while the trainee's own phrases stay as they are.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Composer } from '../../client/features/chat/Composer.tsx';
import { appStore, createAppStore } from '../../client/store/index.ts';
import type { AppState } from '../../client/store/index.ts';
import { KEYS } from '../../client/store/persist.ts';
import { migratePhrases } from '../../client/store/phrasesSlice.ts';
import type { ChatSession } from '../../client/store/types.ts';
import { FakeTransport, info, MemoryStorage } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const OLD_EN = [
  'Hello and welcome to our shop! I am your assistant, how can I help you today? 😊',
  'One moment please, let me check that for you.',
  'This item is already at its promotion price, so I am afraid I cannot go any lower. Thank you for understanding!',
  'For your account safety we never open outside links or files sent in chat.',
  'I am so sorry for the trouble! Could you send me a few photos? We will sort it out as soon as we have checked.',
  'Thank you for your order! If anything is wrong when it arrives, just message us. Have a lovely day!',
];
const HAN = /\p{Script=Han}/u;

const storeWith = (phrases?: unknown) => {
  const storage = new MemoryStorage();
  if (phrases !== undefined) storage.setItem(KEYS.phrases, JSON.stringify(phrases));
  return { storage, store: createAppStore({ storage, now: () => 0 }) };
};

describe('the starter phrases', () => {
  it('are Chinese in the English UI too, with the nickname filled in', () => {
    const { store } = storeWith();
    store.getState().setLang('en');
    const list = store.getState().phrases();
    expect(list).toHaveLength(6);
    for (const p of list) expect(p).toMatch(HAN);
    expect(list[0]).toContain('小客服');
    store.getState().setDisplayName('阿岚');
    expect(store.getState().phrases()[0]).toContain('客服阿岚');
    expect(store.getState().phrases().join('\n')).not.toContain('promotion price');
  });

  it('turns an untouched English starter set kept in the browser into the Chinese set', () => {
    const { store, storage } = storeWith(OLD_EN);
    expect(store.getState().customPhrases).toBeNull();
    expect(storage.getItem(KEYS.phrases)).toBeNull();
    store.getState().setLang('en');
    expect(store.getState().phrases()[2]).toBe('亲，这款现在是活动价，已经很优惠啦，价格这边实在没法再低了，请您理解哈~');
  });

  it('keeps the trainee’s own phrases, putting the English starter ones they kept into Chinese', () => {
    const mine = ['Hello and welcome to our shop! I am Lan, how can I help you today? 😊', 'My own: we ship tomorrow', '亲，这款明天发货哦', OLD_EN[3] as string];
    const { store, storage } = storeWith(mine);
    const expected = ['亲，您好~ 欢迎光临本店，我是客服Lan，有什么可以帮您的呢？😊', 'My own: we ship tomorrow', '亲，这款明天发货哦', '亲，为了您的账户安全，聊天里的外部链接和文件我们都不打开的哦~'];
    expect(store.getState().customPhrases).toEqual(expected);
    expect(JSON.parse(storage.getItem(KEYS.phrases) ?? 'null')).toEqual(expected);
    // A list of the trainee's own is left alone (the very same array).
    const own = ['亲在的', 'Custom English'];
    expect(migratePhrases(own)).toBe(own);
  });
});

const initial: AppState = appStore.getState();

describe('the phrase panel', () => {
  beforeEach(() => {
    appStore.getState().attachBackend({
      transport: new FakeTransport(),
      api: { scenarios: () => Promise.resolve([]), context: () => new Promise(() => undefined), session: () => new Promise(() => undefined), ruleTexts: () => new Promise(() => undefined) },
    });
  });
  afterEach(() => {
    appStore.setState(initial, true);
  });
  const { host, render } = reactRoot();

  const open = (lang: 'en' | 'zh-CN') => {
    act(() => appStore.setState({ lang, customPhrases: null }));
    appStore.getState().netStarted(info('s1'));
    const session = appStore.getState().sessions['s1'] as ChatSession;
    render(<Composer session={session} />);
    act(() => host.querySelector<HTMLButtonElement>('[aria-controls$="-phrases"]')?.click());
    return [...host.querySelectorAll<HTMLButtonElement>('.phrase-item')];
  };

  it('shows an English gloss in the English UI and inserts the Chinese phrase', () => {
    const items = open('en');
    expect(items).toHaveLength(6);
    const third = items[2] as HTMLButtonElement;
    const gloss = third.querySelector('.phrase-gloss');
    expect(gloss?.textContent).toMatch(/promotion price/);
    expect(gloss?.getAttribute('lang')).toBe('en');
    expect(third.getAttribute('aria-describedby')).toBe(gloss?.id);
    act(() => third.click());
    expect(appStore.getState().drafts['s1']).toBe('亲，这款现在是活动价，已经很优惠啦，价格这边实在没法再低了，请您理解哈~');
  });

  it('shows no gloss in the Chinese UI', () => {
    const items = open('zh-CN');
    expect(items).toHaveLength(6);
    expect(host.querySelector('.phrase-gloss')).toBeNull();
  });
});
