// @vitest-environment jsdom
// A practice chat's chips: verdicts arrive as marks; until the rubric's texts are loaded a chip says
// only passed/missed (no rule id, no empty tooltip or feedback) and is no button — nothing to open,
// read out as its verdict and that the rule is loading — then it is a button naming its rule by its
// title (or by its id, for a rule that has no title) that opens the feedback and, for a miss, the
// model reply. The texts are loaded once as soon as the rubric key is known. An opened chip's
// feedback is scrolled into view.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageList } from '../../client/features/chat/MessageList.tsx';
import { appStore } from '../../client/store/index.ts';
import type { ChatSession, SessionRuleTexts, VerdictMark } from '../../client/store/types.ts';
import { FakeTransport, info, traineeLine } from './fakes.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const texts: SessionRuleTexts = {
  rubric: 'rubric-bargainer-1',
  rules: [
    { rule: 'greeting', title: { 'zh-CN': '欢迎语', en: 'Welcome greeting' }, feedback: { 'zh-CN': '开场先问好', en: 'Greet first' }, modelReply: { 'zh-CN': '亲，在的', en: 'Hi, here' } },
    // A scenario's own rule may have no title: its id is its name.
    { rule: 'ask-size', feedback: { 'zh-CN': '先问尺码', en: 'Ask the size' }, modelReply: { 'zh-CN': '亲，平时穿多大码？', en: 'What size do you wear?' } },
  ],
};
const mark: VerdictMark = { rule: 'greeting', category: 'politeness', verdict: 'fail', redLine: false, points: 0, max: 5 };

let root: ReturnType<typeof createRoot> | null = null;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
  act(() => appStore.setState({ lang: 'zh-CN', ruleTexts: {} }));
  delete (Element.prototype as Partial<Element>).scrollIntoView;
});

function setup() {
  const asked: string[] = [];
  let resolveTexts: (t: SessionRuleTexts) => void = () => undefined;
  appStore.getState().attachBackend({
    transport: new FakeTransport(),
    api: {
      scenarios: () => Promise.resolve([]),
      context: () => new Promise(() => undefined),
      session: () => new Promise(() => undefined),
      ruleTexts: (sessionId) => {
        asked.push(sessionId);
        return new Promise((resolve) => (resolveTexts = resolve));
      },
    },
  });
  appStore.getState().netStarted(info('s1'));
  appStore.getState().netEvent({ name: 'trainee:say', payload: { sessionId: 's1', seq: 1, clientMsgId: 'c1', message: traineeLine('m1', '在') } });
  appStore.getState().netEvent({ name: 'verdict:add', payload: { sessionId: 's1', seq: 2, messageId: 'm1', verdicts: [mark] } });
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  const render = () => {
    const session = appStore.getState().sessions['s1'] as ChatSession;
    act(() => root?.render(<MessageList session={session} shop={undefined} nickname="买家" avatarId="bargainer" />));
  };
  const answer = (t: SessionRuleTexts) => act(async () => resolveTexts(t));
  return { host, asked, render, answer };
}

describe('practice verdict chips', () => {
  it('say only passed or missed until the texts arrive, then the title, feedback and model reply', async () => {
    const { host, asked, render, answer } = setup();
    render();
    const chip = () => host.querySelector('.chip') as HTMLElement;
    expect(chip().textContent).not.toContain('greeting');
    expect(chip().textContent).toBe('✗未通过');
    // Not a control: nothing to open yet, and no busy button among the chips.
    expect(chip().tagName).toBe('SPAN');
    expect(host.querySelector('button')).toBeNull();
    expect(host.querySelector('[aria-busy], [aria-expanded]')).toBeNull();
    expect(chip().getAttribute('role')).toBe('img');
    expect(chip().getAttribute('aria-label')).toBe('未通过（规则说明加载中）');
    expect(chip().hasAttribute('title')).toBe(false);
    act(() => appStore.setState({ lang: 'en' }));
    expect(chip().textContent).toBe('✗missed');
    expect(chip().getAttribute('aria-label')).toBe('missed (rule details loading)');
    act(() => appStore.setState({ lang: 'zh-CN' }));
    act(() => chip().click());
    const detail = () => host.querySelector('.verdict-detail') as HTMLElement;
    expect(detail().hidden).toBe(true);
    expect(asked).toEqual(['s1']);

    await answer(texts);
    expect(chip().tagName).toBe('BUTTON');
    expect(chip().hasAttribute('role')).toBe(false);
    expect(chip().hasAttribute('aria-label')).toBe(false);
    expect(chip().getAttribute('aria-expanded')).toBe('false');
    expect(chip().textContent).toContain('欢迎语');
    expect(chip().textContent).not.toContain('greeting');
    expect(chip().getAttribute('title')).toBe('开场先问好');
    act(() => chip().click());
    expect(detail().hidden).toBe(false);
    expect(chip().getAttribute('aria-expanded')).toBe('true');
    expect(detail().textContent).toContain('开场先问好');
    expect(detail().querySelector('.verdict-model')?.textContent).toContain('亲，在的');

    // Another verdict on the same rubric: nothing fetched again.
    appStore.getState().netEvent({ name: 'verdict:add', payload: { sessionId: 's1', seq: 3, messageId: 'm1', verdicts: [{ ...mark, verdict: 'pass', points: 5 }] } });
    render();
    expect(chip().className).toContain('chip-pass');
    expect(asked).toEqual(['s1']);
  });

  it('name a rule without a title by its id once the texts are there', async () => {
    const { host, render, answer } = setup();
    appStore.getState().netEvent({ name: 'verdict:add', payload: { sessionId: 's1', seq: 3, messageId: 'm1', verdicts: [{ ...mark, rule: 'ask-size', verdict: 'pass', points: 5 }] } });
    render();
    const chips = () => [...host.querySelectorAll('.chip')].map((c) => c.textContent);
    expect(chips()).toEqual(['✗未通过', '✓通过']);
    expect([...host.querySelectorAll('.chip')].map((c) => c.getAttribute('aria-label'))).toEqual(['未通过（规则说明加载中）', '通过（规则说明加载中）']);
    await answer(texts);
    expect(chips()).toEqual(['✗欢迎语未通过', '✓ask-size通过']);
    expect(host.querySelector('.chip-pending')).toBeNull();
    expect([...host.querySelectorAll('.chip')].map((c) => c.tagName)).toEqual(['BUTTON', 'BUTTON']);
  });

  it('read out a pending red-line miss with its tag', () => {
    const { host, render } = setup();
    appStore.getState().netEvent({ name: 'verdict:add', payload: { sessionId: 's1', seq: 3, messageId: 'm1', verdicts: [{ ...mark, rule: 'no-off-platform', redLine: true }] } });
    render();
    const redLine = [...host.querySelectorAll('.chip')].find((c) => c.classList.contains('chip-redline'));
    expect(redLine?.textContent).toBe('✗未通过红线');
    expect(redLine?.getAttribute('aria-label')).toBe('未通过，红线（规则说明加载中）');
  });

  it('scroll an opened chip’s feedback into view', async () => {
    const scrolled: { el: Element; options: unknown }[] = [];
    Element.prototype.scrollIntoView = vi.fn(function (this: Element, options?: unknown) {
      scrolled.push({ el: this, options });
    });
    const { host, render, answer } = setup();
    render();
    await answer(texts);
    const chip = host.querySelector('.chip') as HTMLButtonElement;
    act(() => chip.click());
    expect(scrolled).toEqual([{ el: host.querySelector('.verdict-detail'), options: { block: 'nearest' } }]);
    // Closing it scrolls nothing.
    act(() => chip.click());
    expect(scrolled).toHaveLength(1);
  });

  it('open without scrolling where the browser cannot (jsdom has no scrollIntoView)', async () => {
    const { host, render, answer } = setup();
    render();
    await answer(texts);
    act(() => (host.querySelector('.chip') as HTMLButtonElement).click());
    expect((host.querySelector('.verdict-detail') as HTMLElement).hidden).toBe(false);
  });

  it('load nothing in an exam, whose verdicts come with the report', () => {
    const { host, asked, render } = setup();
    const session = appStore.getState().sessions['s1'] as ChatSession;
    appStore.setState({ sessions: { s1: { ...session, mode: 'exam', rubric: 'another-rubric' } } });
    render();
    expect(host.querySelector('.chip')).toBeNull();
    expect(asked).toEqual([]);
  });
});
