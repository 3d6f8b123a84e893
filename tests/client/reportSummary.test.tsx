// @vitest-environment jsdom
// The head of the report reads as the language it is in: a full-width colon after a Chinese label,
// "Outcome: " in English. Rule names there come with the report (joined server-side), so a red line
// is named by its title, or by its id when its rule has none.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { ReportSummary } from '../../client/features/report/ReportSummary.tsx';
import { appStore } from '../../client/store/index.ts';
import type { Report } from '../../client/store/types.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const report: Report = {
  score: 40,
  passed: false,
  passMark: 70,
  redLines: ['no-insult', 'scenario-rule'],
  rules: [
    { rule: 'no-insult', title: { 'zh-CN': '不辱骂买家', en: 'No insults' }, category: 'politeness', verdict: 'fail', redLine: true, points: 0, max: 10, feedback: { 'zh-CN': '不要骂人', en: 'Do not insult' } },
    { rule: 'scenario-rule', category: 'politeness', verdict: 'fail', redLine: true, points: 0, max: 10, feedback: { 'zh-CN': '场景规则', en: 'A scenario rule' } },
  ],
  categories: [{ category: 'politeness', points: 0, max: 20 }],
  kpis: { firstResponseMs: 1000, avgResponseMs: 2000, longestResponseMs: 3000, replies: 2, outcome: 'left' },
};

let root: ReturnType<typeof createRoot> | null = null;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
  act(() => appStore.setState({ lang: 'zh-CN' }));
});

function render(shown: Report = report) {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root?.render(<ReportSummary report={shown} outcome={{ kind: 'left', state: 'gone', success: false, label: { 'zh-CN': '无人应答', en: 'Nobody answered' } }} />));
  return host;
}

describe('the report summary', () => {
  it('puts the outcome after a localized label', () => {
    const host = render();
    const line = () => host.querySelector('.score-outcome')?.textContent;
    expect(line()).toBe('会话结果：无人应答');
    expect(host.querySelector('.score-outcome strong')?.textContent).toBe('无人应答');
    act(() => appStore.setState({ lang: 'en' }));
    expect(line()).toBe('Outcome: Nobody answered');
  });

  it('names red lines by their titles, an untitled rule by its id', () => {
    const host = render();
    const names = [...host.querySelectorAll('[data-testid="report-redlines"] li strong')].map((s) => s.textContent);
    expect(names).toEqual(['不辱骂买家', 'scenario-rule']);
    expect(host.querySelector('[data-testid="report-redlines"]')?.textContent).toContain('场景规则');
  });

  it('says why a chat did not pass when the score alone does not: unfinished, or a red line over the pass mark', () => {
    const why = (host: HTMLElement) => host.querySelector('.score-why')?.textContent;
    let host = render({ ...report, redLines: [], unfinished: 'no-ending', score: 79 });
    expect(why(host)).toBe('未完成：对话在买家有结果（下单、离开、问题解决等）之前就结束了，这次不算通过');
    act(() => root?.unmount());
    host = render({ ...report, score: 85 });
    expect(why(host)).toBe('分数到了及格线，但碰了红线，所以不通过');
    act(() => appStore.setState({ lang: 'en' }));
    expect(why(host)).toBe('The score reaches the pass mark, but a red line was crossed, so the attempt does not pass');
    act(() => root?.unmount());
    // Below the pass mark the score says it already.
    host = render();
    expect(why(host)).toBeUndefined();
  });

  it("names the ending in the key figures as the scenario does, not by its kind alone", () => {
    const host = render({ ...report, kpis: { ...report.kpis, outcome: 'left' } });
    const figures = [...host.querySelectorAll('dd')].map((d) => d.textContent);
    expect(figures).toContain('无人应答');
    expect(figures).not.toContain('买家离开了');
  });

  it('says there is nothing to score when the trainee never replied', () => {
    const host = render({ ...report, redLines: [], rules: [], categories: [], unfinished: 'no-reply', score: 0 });
    expect(host.querySelector('.score-why')?.textContent).toBe('未完成：你没有回复买家');
    expect(host.textContent).toContain('没有回复，无法评分');
  });
});
