// @vitest-environment jsdom
// Opening a drill, the buyers to pick are listed persona by persona in the library's order (as on the
// trainee's home page), each from easy through normal to hard, whatever order the server sent; a
// studio scenario of a persona not in the library comes after them.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { TrainerHome } from '../../client/features/trainer/TrainerHome.tsx';
import { appStore } from '../../client/store/index.ts';
import type { ScenarioSummary } from '../../client/store/types.ts';
import { allByRole } from './a11y.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const LEVEL = { easy: '入门', normal: '标准', hard: '进阶' } as const;
const NAME: Record<string, string> = { bargainer: '议价买家', 'size-hesitant': '尺码纠结', phisher: '钓鱼/引流', 'post-sale-complainer': '售后投诉', custom: '自定义' };

function scenario(id: string, persona: string, difficulty: keyof typeof LEVEL): ScenarioSummary {
  const title = `${NAME[persona] ?? persona}（${LEVEL[difficulty]}）`;
  return { id, version: 1, title: { 'zh-CN': title, en: title }, description: { 'zh-CN': '', en: '' }, difficulty, persona, shop: 'trailpeak' };
}

// As a server may list them: by file name, studio scenarios after the library.
const served = [
  scenario('bargainer', 'bargainer', 'normal'),
  scenario('bargainer-easy', 'bargainer', 'easy'),
  scenario('bargainer-hard', 'bargainer', 'hard'),
  scenario('my-shop-bargainer', 'custom', 'easy'),
  scenario('phisher', 'phisher', 'normal'),
  scenario('phisher-easy', 'phisher', 'easy'),
  scenario('phisher-hard', 'phisher', 'hard'),
  scenario('post-sale-complainer', 'post-sale-complainer', 'normal'),
  scenario('post-sale-complainer-easy', 'post-sale-complainer', 'easy'),
  scenario('post-sale-complainer-hard', 'post-sale-complainer', 'hard'),
  scenario('size-hesitant', 'size-hesitant', 'normal'),
  scenario('size-hesitant-easy', 'size-hesitant', 'easy'),
  scenario('size-hesitant-hard', 'size-hesitant', 'hard'),
];

let root: ReturnType<typeof createRoot> | null = null;
afterEach(() => {
  act(() => root?.unmount());
  appStore.setState({ scenarios: null, trainer: null });
  document.body.innerHTML = '';
});

describe('opening a drill', () => {
  it('lists the buyers by persona, then easy, normal, hard', () => {
    appStore.setState({ scenarios: { state: 'ready', data: served }, trainer: { id: 't1', name: '王老师', admin: false } });
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    act(() => root?.render(<TrainerHome />));
    const group = host.querySelector('fieldset') as HTMLElement;
    const boxes = allByRole(group, 'listitem').map((li) => li.textContent?.trim());
    expect(boxes).toEqual([
      '议价买家（入门）',
      '议价买家（标准）',
      '议价买家（进阶）',
      '尺码纠结（入门）',
      '尺码纠结（标准）',
      '尺码纠结（进阶）',
      '钓鱼/引流（入门）',
      '钓鱼/引流（标准）',
      '钓鱼/引流（进阶）',
      '售后投诉（入门）',
      '售后投诉（标准）',
      '售后投诉（进阶）',
      '自定义（入门）',
    ]);
    // The store's list itself is left as the server sent it.
    expect((appStore.getState().scenarios as { data: ScenarioSummary[] }).data[0]?.id).toBe('bargainer');
  });
});

describe('the drill history', () => {
  it('counts the trainees who stayed, and says how many were removed', () => {
    const row = { drillId: 'd1', code: '123456', scenarioIds: ['bargainer'], mode: 'practice', status: 'ended' as const, createdAt: 0, startedAt: 1, endedAt: 2, summary: null };
    appStore.setState({ scenarios: { state: 'ready', data: served }, trainer: { id: 't1', name: '王老师', admin: false }, history: [{ ...row, seats: 2, removed: 1 }, { ...row, drillId: 'd2', code: '654321', seats: 3, removed: 0 }] });
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    act(() => root?.render(<TrainerHome />));
    const counts = [...host.querySelectorAll('tbody tr')].map((tr) => tr.querySelectorAll('td')[4]?.textContent);
    expect(counts).toEqual(['2（另有 1 人被移出）', '3']);
    act(() => appStore.setState({ history: null }));
  });

  it('names each drill’s buyers, in order, by title (by id when the library no longer has one)', () => {
    const row = { drillId: 'd1', code: '123456', scenarioIds: ['bargainer-easy', 'gone-scenario'], mode: 'practice', status: 'ended' as const, createdAt: 0, startedAt: 1, endedAt: 2, summary: null, seats: 1, removed: 0 };
    appStore.setState({ scenarios: { state: 'ready', data: served }, trainer: { id: 't1', name: '王老师', admin: false }, history: [row, { ...row, drillId: 'd2', scenarioIds: ['phisher'] }] });
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    act(() => root?.render(<TrainerHome />));
    const names = [...host.querySelectorAll('[data-testid="history-scenarios"]')].map((td) => [...td.children].map((c) => c.textContent));
    expect(names).toEqual([['1. 议价买家（入门）', '2. gone-scenario'], ['钓鱼/引流（标准）']]);
    expect(host.querySelector('thead th:nth-child(3)')?.textContent).toBe('买家剧本');
    act(() => appStore.setState({ history: null }));
  });
});

describe('the drill mode', () => {
  afterEach(() => localStorage.clear());

  it('starts as practice, then as the mode the trainer last opened a drill in', async () => {
    const opened: string[] = [];
    const openDrill = appStore.getState().openDrill;
    appStore.setState({ scenarios: { state: 'ready', data: served }, trainer: { id: 't1', name: '王老师', admin: false }, openDrill: (req) => (opened.push(req.mode), Promise.resolve(null)) });
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    act(() => root?.render(<TrainerHome />));
    const radio = (label: string) => [...host.querySelectorAll('label')].find((l) => l.textContent?.trim() === label)?.querySelector('input') as HTMLInputElement;
    expect(radio('练习模式').checked).toBe(true);
    act(() => radio('考试模式').click());
    act(() => (host.querySelector('input[data-scenario="bargainer"]') as HTMLInputElement).click());
    await act(async () => (host.querySelector('button[type="submit"]') as HTMLButtonElement).click());
    expect(opened).toEqual(['exam']);

    act(() => root?.unmount());
    root = createRoot(host);
    act(() => root?.render(<TrainerHome />));
    expect(radio('考试模式').checked).toBe(true);
    appStore.setState({ openDrill });
  });
});
