// @vitest-environment jsdom
// Opening a drill: while the buyer list loads the form says so (not a blank box for a second), a
// failed load says so with a retry, and each ticked buyer shows its place in the order (1, 2, …).
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { TrainerHome } from '../../client/features/trainer/TrainerHome.tsx';
import { appStore } from '../../client/store/index.ts';
import { info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const first = info().scenario;
const second = { ...first, id: 'phisher', title: { 'zh-CN': '冒充客服的买家', en: 'The fake support agent' } };
const calls: boolean[] = [];
const idle = () => Promise.resolve();

afterEach(() => {
  appStore.setState({ scenarios: null, history: null, trainer: null });
  calls.length = 0;
});
const { host, render } = reactRoot();

describe('the open-a-drill form', () => {
  it('says the buyers are loading, then lists them', () => {
    appStore.setState({ scenarios: { state: 'loading' }, trainer: { id: 't', name: '王老师', admin: false }, loadScenarios: idle, loadHistory: idle });
    render(<TrainerHome />);
    expect(host.querySelector('[data-testid="scenarios-loading"]')?.textContent).toBe('正在载入买家角色…');
    act(() => appStore.setState({ scenarios: { state: 'ready', data: [first, second] } }));
    expect(host.querySelector('[data-testid="scenarios-loading"]')).toBeNull();
    expect(host.querySelectorAll('input[data-scenario]')).toHaveLength(2);
  });

  it('offers a retry when the list did not load', () => {
    appStore.setState({ scenarios: { state: 'error', message: 'x' }, trainer: { id: 't', name: '王老师', admin: false }, loadScenarios: (force?: boolean) => (calls.push(force ?? false), Promise.resolve()), loadHistory: idle });
    render(<TrainerHome />);
    const retry = [...host.querySelectorAll('button')].find((b) => b.textContent === '重试');
    act(() => retry?.click());
    expect(calls).toContain(true);
  });

  it('numbers the ticked buyers in the order they were ticked', () => {
    appStore.setState({ scenarios: { state: 'ready', data: [first, second] }, trainer: { id: 't', name: '王老师', admin: false }, loadScenarios: idle, loadHistory: idle });
    render(<TrainerHome />);
    const box = (id: string) => host.querySelector<HTMLInputElement>(`input[data-scenario="${id}"]`);
    act(() => box(second.id)?.click());
    act(() => box(first.id)?.click());
    const order = () => [...host.querySelectorAll('.trainer-scenarios label')].map((label) => label.querySelector('.badge')?.textContent ?? '');
    expect(order()).toEqual(['2', '1']);
  });
});
