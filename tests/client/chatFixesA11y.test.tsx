// @vitest-environment jsdom
// Keyboard and screen-reader paths: the end confirmation takes the focus and gives it back on
// cancel; a chat just started puts it in the reply box; the level filter is one radio group (one Tab
// stop, arrow keys); 「查看这条消息」 on the report moves the focus to the message.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../client/features/chat/Workspace.tsx';
import { HomePage } from '../../client/features/home/HomePage.tsx';
import { ReportPage } from '../../client/features/report/ReportPage.tsx';
import { appStore } from '../../client/store/index.ts';
import type { AppState } from '../../client/store/index.ts';
import type { Report, SessionView } from '../../client/store/types.ts';
import { buyerLine, FakeTransport, info, traineeLine } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();

beforeEach(() => {
  window.matchMedia = ((query: string) => ({ matches: false, media: query, addEventListener: () => undefined, removeEventListener: () => undefined })) as unknown as typeof window.matchMedia;
  appStore.getState().attachBackend({
    transport: new FakeTransport(),
    api: { scenarios: () => new Promise(() => undefined), context: () => new Promise(() => undefined), session: () => new Promise(() => undefined), ruleTexts: () => new Promise(() => undefined) },
  });
});

afterEach(() => {
  appStore.setState(initial, true);
});

const { host, render } = reactRoot();

const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;
const key = (el: Element, k: string) => act(() => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));

describe('ending a chat from the keyboard', () => {
  it('moves the focus into the confirmation, and back to the button on cancel or Escape', () => {
    appStore.getState().netStarted(info('s1'));
    render(<Workspace sessionId="s1" />);
    button('结束会话').focus();
    act(() => button('结束会话').click());
    const group = host.querySelector('.end-confirm') as HTMLElement;
    expect(group.contains(document.activeElement)).toBe(true);
    expect(document.activeElement?.textContent).toBe('结束并评分');

    act(() => button('取消').click());
    expect(host.querySelector('.end-confirm')).toBeNull();
    expect(document.activeElement).toBe(button('结束会话'));

    act(() => button('结束会话').click());
    key(document.activeElement as Element, 'Escape');
    expect(document.activeElement).toBe(button('结束会话'));
  });
});

describe('a chat just started', () => {
  it('puts the focus in the reply box (the button that started it is gone)', () => {
    render(<button type="button">开始</button>);
    button('开始').focus();
    appStore.getState().netStarted(info('s1'));
    render(<Workspace sessionId="s1" />);
    expect(document.activeElement).toBe(host.querySelector('textarea.composer-input'));
  });

  it('leaves the focus where it is when it is somewhere', () => {
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    appStore.getState().netStarted(info('s1'));
    render(<Workspace sessionId="s1" />);
    expect(document.activeElement).toBe(outside);
  });
});

describe('the level filter', () => {
  it('is one Tab stop, and arrow keys, Home and End move the choice and the focus', () => {
    appStore.setState({ scenarios: { state: 'ready', data: [info().scenario] } });
    render(<HomePage />);
    const radios = () => [...host.querySelectorAll<HTMLButtonElement>('[role="radiogroup"] [role="radio"]')];
    const checked = () => radios().find((r) => r.getAttribute('aria-checked') === 'true')?.textContent;
    expect(radios().map((r) => r.tabIndex)).toEqual([0, -1, -1, -1]);
    radios()[0]?.focus();
    key(document.activeElement as Element, 'ArrowRight');
    expect(checked()).toBe('简单');
    expect(document.activeElement).toBe(radios()[1]);
    expect(radios().map((r) => r.tabIndex)).toEqual([-1, 0, -1, -1]);
    key(document.activeElement as Element, 'ArrowDown');
    expect(checked()).toBe('标准');
    key(document.activeElement as Element, 'End');
    expect(checked()).toBe('困难');
    key(document.activeElement as Element, 'ArrowRight');
    expect(checked()).toBe('全部');
    expect(document.activeElement).toBe(radios()[0]);
    key(document.activeElement as Element, 'ArrowLeft');
    expect(checked()).toBe('困难');
    key(document.activeElement as Element, 'Home');
    expect(checked()).toBe('全部');
    expect(document.activeElement).toBe(radios()[0]);
  });
});

describe('the report', () => {
  it('moves the focus to the message 「查看这条消息」 goes to', () => {
    const report: Report = {
      score: 30,
      passed: false,
      passMark: 70,
      redLines: ['no-qq'],
      rules: [{ rule: 'no-qq', title: { 'zh-CN': '不加QQ', en: 'No QQ' }, category: 'security', verdict: 'fail', redLine: true, points: 0, max: 10, messageId: 'm2', feedback: { 'zh-CN': '不要', en: 'Do not' } }],
      categories: [{ category: 'security', points: 0, max: 10 }],
      kpis: { firstResponseMs: 1, avgResponseMs: 1, longestResponseMs: 1, replies: 1, outcome: 'left' },
    };
    const i = info('s1', { ended: true });
    const view: SessionView = {
      session: { id: 's1', mode: i.mode, displayName: i.displayName, scenario: i.scenario, startedAt: 1, ended: true, lastSeq: 3 },
      transcript: [buyerLine('m1', '加个QQ吧'), traineeLine('m2', '好的 12345')],
      report: { report, outcome: null },
    };
    appStore.setState({ backend: null, reports: { s1: { state: 'ready', data: view } } });
    render(<ReportPage sessionId="s1" />);
    const jump = host.querySelector('a.report-jump') as HTMLAnchorElement;
    expect(jump.getAttribute('href')).toBe('#msg-m2');
    act(() => jump.click());
    const target = host.querySelector('#msg-m2') as HTMLElement;
    expect(target.tabIndex).toBe(-1);
    expect(document.activeElement).toBe(target);
  });
});
