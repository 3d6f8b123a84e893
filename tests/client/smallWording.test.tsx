// @vitest-environment jsdom
// Small wording fixes: the start button's accessible name starts with its visible words (WCAG
// 2.5.3); a phone's reply box offers no Shift+Enter; a buyer who paid during the chat is not said
// to have no order; a report with no outcome says so naturally.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Composer } from '../../client/features/chat/Composer.tsx';
import { PersonaCard } from '../../client/features/home/PersonaCard.tsx';
import { ReportSummary } from '../../client/features/report/ReportSummary.tsx';
import { BuyerTab } from '../../client/features/side/BuyerTab.tsx';
import type { AppState } from '../../client/store/index.ts';
import { appStore } from '../../client/store/index.ts';
import type { Report, ScenarioContext } from '../../client/store/types.ts';
import { attachDesktopBackend, info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
afterEach(() => appStore.setState(initial, true));
const { host, render } = reactRoot();

function screen(matches: boolean): void {
  window.matchMedia = ((query: string) => ({ matches, media: query, addEventListener: () => undefined, removeEventListener: () => undefined })) as unknown as typeof window.matchMedia;
}

describe('small wording', () => {
  it.each([
    ['zh-CN', '开始练习'],
    ['en', 'Start practice'],
  ] as const)('names the start button with its visible words first (%s)', (lang, visible) => {
    act(() => appStore.getState().setLang(lang));
    render(<PersonaCard scenario={info().scenario} busy={false} disabled={false} onStart={() => undefined} />);
    const button = host.querySelector('button.btn-primary') as HTMLButtonElement;
    expect(button.textContent).toBe(visible);
    expect(button.getAttribute('aria-label')?.startsWith(visible)).toBe(true);
    expect(button.getAttribute('aria-label')).toContain(lang === 'en' ? 'Haggle' : '议价');
  });

  it('offers Shift+Enter in the reply box on a desktop only', () => {
    attachDesktopBackend();
    act(() => appStore.getState().netStarted(info('s1')));
    const session = () => appStore.getState().sessions['s1'];
    const box = () => host.querySelector('textarea') as HTMLTextAreaElement;
    screen(false);
    render(<Composer session={session()!} />);
    expect(box().placeholder).toContain('Shift+Enter');
    screen(true);
    render(<Composer key="phone" session={session()!} />);
    expect(box().placeholder).not.toContain('Shift');
    expect(box().placeholder).toContain('输入回复');
  });

  it('says a buyer who paid in the chat has ordered', () => {
    attachDesktopBackend();
    act(() => appStore.getState().netStarted(info('s1')));
    act(() => appStore.getState().selectSession('s1'));
    const context = { scenario: { ...info().scenario, buyer: { nickname: '小美', avatar: 'a', types: [] } }, shop: { products: [] } } as unknown as ScenarioContext;
    render(<BuyerTab context={context} />);
    const note = () => host.querySelector('[data-testid="order-none"]')?.textContent;
    expect(note()).toContain('还没有下单');
    act(() => appStore.getState().netEvent({ name: 'session:outcome', payload: { sessionId: 's1', seq: 1, outcome: { kind: 'purchased', state: 'paid', success: true } } }));
    expect(note()).toContain('已在这次对话里下单付款');
  });

  it('words a report with no outcome naturally', () => {
    const report = { score: 40, passed: false, passMark: 70, redLines: [], rules: [], categories: [], kpis: { firstResponseMs: null, avgResponseMs: null, longestResponseMs: null, replies: 1, outcome: null } } as unknown as Report;
    render(<ReportSummary report={report} outcome={null} />);
    expect(host.querySelector('.score-outcome')?.textContent).toContain('未分出结果');
    expect(host.textContent).not.toContain('没有结果');
  });
});
