// @vitest-environment jsdom
// The trainer watching a trainee's chat sees each reply's verdicts under it, red lines marked, in an
// exam too (the trainer is not the examinee): the marks from the watch answer and drill:verdicts,
// named by the rubric's texts. And in an exam that is still on, showing a reveal to the class asks
// first, saying what it shows to whom, with keyboard focus moving into the question and back.
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RevealPanel } from '../../client/features/trainer/RevealPanel.tsx';
import { WatchPanel } from '../../client/features/trainer/WatchPanel.tsx';
import { appStore } from '../../client/store/index.ts';
import { newSession } from '../../client/store/sessionReducer.ts';
import type { LiveDrill } from '../../client/store/trainerSlice.ts';
import type { RuleText } from '../../client/store/types.ts';
import type { VerdictMark } from '../../server/protocol/index.ts';
import { fakeTrainerBackend, info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const scenario = info().scenario;
const marks: VerdictMark[] = [
  { rule: 'greeting', category: 'politeness', verdict: 'pass', redLine: false, points: 5, max: 5, messageId: 'm2' },
  { rule: 'no-off-platform', category: 'security', verdict: 'fail', redLine: true, points: 0, max: 20, messageId: 'm2' },
];
const texts: RuleText[] = [
  { rule: 'greeting', title: { 'zh-CN': '欢迎语', en: 'Welcome greeting' }, feedback: { 'zh-CN': '先问好', en: 'Greet first' } },
  { rule: 'no-off-platform', title: { 'zh-CN': '不引导站外联系', en: 'No off-platform contact' }, feedback: { 'zh-CN': '不要加微信', en: 'No WeChat' } },
];

function live(mode: 'exam' | 'practice', status: LiveDrill['state']['status'] = 'paused'): LiveDrill {
  const state = { drillId: 'd1', status, locked: false, mode, scenarios: [scenario], frozenAt: 'ask', endsAt: null, clock: 0 };
  const tile = { seatId: 'seat1', name: '小明', status: 'playing' as const, connected: true, sessionId: 's1', position: 0, scenarioId: scenario.id, move: 'ask', score: 80, redLines: [], waitingSince: null, outcome: null, turns: 1 };
  return { drillId: 'd1', code: '123456', joinUrl: '', state, clockAt: 0, tiles: { seat1: tile, seat2: { ...tile, seatId: 'seat2', name: '小红' } }, order: ['seat1', 'seat2'], heat: [], moves: [`${scenario.id}/ask`], moveLabels: { [`${scenario.id}/ask`]: { 'zh-CN': '第一次砍价', en: 'First ask for a discount' } } };
}

function examChat() {
  const session = newSession({ sessionId: 's1', token: '', mode: 'exam', displayName: '小明', scenario, lastSeq: 0, ended: false }, 1000);
  return {
    ...session,
    rubric: 'rubric-1',
    messages: [
      { id: 'm1', from: 'buyer' as const, text: '能便宜点吗', at: 1000 },
      { id: 'm2', from: 'trainee' as const, text: '亲，加我微信聊', at: 2000 },
    ],
  };
}

afterEach(() => {
  act(() => appStore.getState().setLang('zh-CN'));
  appStore.setState({ watched: null, live: null, liveReveal: null, ruleTexts: {}, trainerBackend: null });
});
const { host, render } = reactRoot();

describe('the watch panel of an exam chat', () => {
  it('keeps the marks of the watch answer and of drill:verdicts for the watched chat only', async () => {
    const send = vi.fn((name: string) => Promise.resolve(name === 'drill:watch' ? { ok: true, data: { seatId: 'seat1', sessionId: 's1', lastSeq: 0, rubric: 'rubric-1', verdicts: { m2: [marks[0]] } } } : { ok: true, data: {} }));
    appStore.setState({ trainerBackend: fakeTrainerBackend({ send: send as never }), live: live('exam', 'running') });
    await act(() => appStore.getState().watchSeat('seat1'));
    expect(appStore.getState().watched?.verdicts).toEqual({ m2: [marks[0]] });
    act(() => appStore.getState().netWatchVerdicts({ sessionId: 's1', messageId: 'm2', verdicts: [marks[1] as VerdictMark] }));
    act(() => appStore.getState().netWatchVerdicts({ sessionId: 'another', messageId: 'm9', verdicts: marks }));
    expect(appStore.getState().watched?.verdicts).toEqual({ m2: marks });
  });

  it("shows each reply's verdicts under it by the rules' names, red lines marked, with a summary", () => {
    appStore.setState({ ruleTexts: { 'rubric-1': { state: 'ready', data: new Map(texts.map((t) => [t.rule, t])) } }, watched: { seatId: 'seat1', session: examChat(), verdicts: { m2: marks } } });
    render(<WatchPanel />);
    const reply = host.querySelector('li[data-message-id="m2"]') as HTMLElement;
    const chips = [...reply.querySelectorAll('.chip')].map((c) => c.textContent);
    // Misses first; the red line says so.
    expect(chips).toEqual(['✗不引导站外联系未通过红线', '✓欢迎语通过']);
    expect(host.querySelector('li[data-message-id="m1"] .chip')).toBeNull();
    const summary = host.querySelector('[data-testid="watch-summary"]') as HTMLElement;
    expect(summary.textContent).toContain('已评分回复 1 条 · 未通过 1 项');
    expect(summary.querySelector('.badge-red')?.textContent).toBe('触碰红线 1 项');
    expect(summary.textContent).toContain('学员要等考试结束后在报告里才看到');
    act(() => appStore.getState().setLang('en'));
    expect([...reply.querySelectorAll('.chip')].map((c) => c.textContent)).toEqual(['✗No off-platform contactmissedRed line', '✓Welcome greetingpassed']);
    expect(summary.textContent).toContain('Scored replies: 1 · missed rules: 1');
    expect(summary.textContent).toContain('only you can see these verdicts');
  });
});

describe('showing a reveal during an exam', () => {
  const reveal = { drillId: 'd1', scenarioId: scenario.id, move: 'ask', moveLabel: { 'zh-CN': '第一次砍价', en: 'First ask for a discount' }, entries: [], unanswered: 2 };
  const showButton = () => [...host.querySelectorAll('button')].find((b) => b.textContent === '投屏给全班') as HTMLButtonElement;

  it('asks first, saying what it shows to whom; focus goes into the question and back', () => {
    const control = vi.fn(() => Promise.resolve(null));
    appStore.setState({ live: live('exam'), liveReveal: reveal, control: control as never });
    render(<RevealPanel />);
    act(() => showButton().focus());
    act(() => showButton().click());
    expect(control).not.toHaveBeenCalled();
    const ask = host.querySelector('[role="alertdialog"]') as HTMLElement;
    expect(ask.textContent).toContain('考试还没结束');
    expect(ask.textContent).toContain('全部学员（2 人）');
    expect(ask.textContent).toContain('「第一次砍价」');
    expect(ask.contains(document.activeElement)).toBe(true);
    expect(document.activeElement?.textContent).toBe('先不投屏');
    expect(showButton().getAttribute('aria-expanded')).toBe('true');

    act(() => (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(host.querySelector('[role="alertdialog"]')).toBeNull();
    expect(document.activeElement).toBe(showButton());
    expect(control).not.toHaveBeenCalled();

    act(() => showButton().click());
    const confirm = [...host.querySelectorAll('[role="alertdialog"] button')].find((b) => b.textContent === '仍然投屏') as HTMLButtonElement;
    act(() => confirm.click());
    expect(control).toHaveBeenCalledWith('drill:reveal-show');
    expect(host.querySelector('[role="alertdialog"]')).toBeNull();
    expect(document.activeElement).toBe(showButton());
  });

  it('says it in English too, and a practice drill shows at once', () => {
    const control = vi.fn(() => Promise.resolve(null));
    appStore.setState({ live: live('exam'), liveReveal: reveal, control: control as never });
    act(() => appStore.getState().setLang('en'));
    render(<RevealPanel />);
    act(() => ([...host.querySelectorAll('button')].find((b) => b.textContent === 'Show to the class') as HTMLButtonElement).click());
    expect(host.querySelector('[role="alertdialog"]')?.textContent).toContain('Every trainee in this drill (2 in all)');
    act(() => appStore.setState({ live: live('practice') }));
    act(() => ([...host.querySelectorAll('button')].find((b) => b.textContent === 'Show to the class') as HTMLButtonElement).click());
    expect(control).toHaveBeenCalledWith('drill:reveal-show');
  });
});
