// @vitest-environment jsdom
// The studio's "new scenario" form: a blank start first, then templates listed by their titles in the page's
// language, persona by persona from easy to hard; a missing or malformed id is explained beside the
// field in the page's language (the form leaves the browser's own validation bubble, which speaks the
// browser's language, out of it) and nothing is created.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { BLANK_START } from '../../client/features/studio/blankScenario.ts';
import { CreateForm } from '../../client/features/studio/StudioList.tsx';
import { appStore } from '../../client/store/index.ts';
import type { ScenarioSummary } from '../../client/store/types.ts';
import { byLabel, byRole } from './a11y.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const template = (id: string, persona: string, difficulty: string, zh: string, en: string): ScenarioSummary => ({ id, version: 1, title: { 'zh-CN': zh, en }, description: { 'zh-CN': '', en: '' }, difficulty, persona, shop: 'trailpeak' });
const library = [
  template('bargainer', 'bargainer', 'normal', '议价买家（标准）：老顾客砍价', 'Bargainer (standard)'),
  template('phisher-easy', 'phisher', 'easy', '钓鱼骗子（入门）：假冒客服', 'Phisher (easy)'),
  template('bargainer-easy', 'bargainer', 'easy', '议价买家（入门）：学生党想便宜点', 'Bargainer (easy)'),
];

let root: ReturnType<typeof createRoot> | null = null;
let host: HTMLElement;
afterEach(() => {
  act(() => root?.unmount());
  act(() => appStore.getState().setLang('zh-CN'));
  document.body.innerHTML = '';
});

function render() {
  const created: [string, string][] = [];
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root?.render(<CreateForm templates={library} onCreate={(t, id) => created.push([t, id])} />));
  return created;
}

function typeId(value: string) {
  const input = byLabel(host, '新剧本 ID（小写字母、数字和连字符）');
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  return input;
}

const submit = () => act(() => (byRole(host, 'button', '新建') as HTMLButtonElement).click());

describe('new scenario from a template', () => {
  it('lists a blank start, then the templates by title, by persona and level, in the page language', () => {
    render();
    const select = byLabel<HTMLSelectElement>(host, '模板');
    const options = () => [...select.options].map((o) => [o.value, o.textContent]);
    expect(options()).toEqual([
      [BLANK_START, '空白开始（最简剧本，只写中文也行）'],
      ['bargainer-easy', '议价买家（入门）：学生党想便宜点'],
      ['bargainer', '议价买家（标准）：老顾客砍价'],
      ['phisher-easy', '钓鱼骗子（入门）：假冒客服'],
    ]);
    act(() => appStore.getState().setLang('en'));
    expect(options()[1]).toEqual(['bargainer-easy', 'Bargainer (easy)']);
  });

  it("explains a malformed or missing id in the page's words, not the browser's", () => {
    const created = render();
    const form = host.querySelector('form') as HTMLFormElement;
    expect(form.noValidate).toBe(true);
    const input = typeId('My Bargainer');
    // noValidate drops the browser's bubble, not the fact that the id is needed.
    expect(input.hasAttribute('required')).toBe(false);
    expect(input.getAttribute('aria-required')).toBe('true');
    submit();
    expect(created).toEqual([]);
    const alert = byRole(host, 'alert');
    expect(alert.textContent).toBe('ID 只能用小写字母、数字和连字符，例如 my-bargainer');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(alert.id);
    expect(document.activeElement).toBe(input);

    typeId('  ');
    expect(host.querySelector('[role="alert"]')).toBeNull();
    submit();
    expect(byRole(host, 'alert').textContent).toBe('请先填写新剧本 ID，例如 my-bargainer');
    expect(created).toEqual([]);

    typeId('my-bargainer');
    submit();
    expect(created).toEqual([['bargainer-easy', 'my-bargainer']]);
    expect(host.querySelector('[role="alert"]')).toBeNull();
  });
});
