// @vitest-environment jsdom
// "复制" on the studio list asks for the copy's id in a dialog of the page, never window.prompt:
// labelled by its title, the id field focused with a free `-copy` id in it, a missing, malformed
// or taken id explained beside the field (the dialog stays), Escape closing it with focus back on
// the button, and a good id saving the copy (its `id:` line rewritten) and opening it.
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { StudioList } from '../../client/features/studio/StudioList.tsx';
import { appStore } from '../../client/store/index.ts';
import type { ScenarioSummary } from '../../client/store/types.ts';
import { byLabel, byRole } from './a11y.ts';
import { reactRoot } from './reactRoot.ts';
import { fakeStudioApi, reply, settle } from './studioApi.ts';

const summary = (id: string, zh: string): ScenarioSummary => ({ id, version: 1, title: { 'zh-CN': zh, en: id }, description: { 'zh-CN': '', en: '' }, difficulty: 'easy', persona: 'bargainer', shop: 'trailpeak' });
const SOURCE = '# a comment\nid: my-haggler\nversion: 1\n';
// A library template: English developer comments, a later version.
const LIBRARY = '# yaml-language-server: $schema=./scenario.schema.json\n# Bargainer (easy): digest §4(a) move 1\nid: bargainer-easy\nversion: 3 # bumped for §9\nsay: |\n  # 这行是台词\n';

let saves: { url: string; body: { source: string; base: string | null } }[] = [];
let saveAnswer: { status: number; body: unknown };

const { navigated } = fakeStudioApi((url, init) => {
  if (url === '/api/studio/scenarios') {
    return reply(200, { library: [summary('bargainer-easy', '议价买家（入门）')], drafts: [{ id: 'my-haggler', updatedAt: 1, title: { 'zh-CN': '我的砍价买家' } }, { id: 'my-haggler-copy', updatedAt: 1 }], published: [] });
  }
  if (url.endsWith('/bargainer-easy/source')) return reply(200, { id: 'bargainer-easy', from: 'library', source: LIBRARY, published: 0, revision: null });
  if (url.endsWith('/source')) return reply(200, { id: 'my-haggler', from: 'draft', source: SOURCE, published: 0, revision: 'r0' });
  if (url.endsWith('/draft') && init.method === 'PUT') {
    saves.push({ url, body: JSON.parse(String(init.body)) as { source: string; base: string | null } });
    return reply(saveAnswer.status, saveAnswer.body);
  }
  return undefined;
});
beforeEach(() => {
  saves = [];
  saveAnswer = { status: 200, body: { savedAt: 1, revision: 'r1' } };
  vi.stubGlobal('prompt', () => {
    throw new Error('window.prompt must not be used');
  });
});
const { host, render } = reactRoot();

const dialog = () => host.querySelector('dialog');
const rowButton = (id: string) => host.querySelector(`li[data-scenario="${id}"], li[data-template="${id}"]`)?.querySelector('button') as HTMLButtonElement;

async function openFor(id: string): Promise<HTMLInputElement> {
  render(<StudioList />);
  await settle();
  const button = rowButton(id);
  act(() => button.focus());
  act(() => button.click());
  return byLabel<HTMLInputElement>(dialog() as HTMLElement, '新剧本 ID（小写字母、数字和连字符）');
}

function typeId(input: HTMLInputElement, value: string) {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const submit = async () => {
  act(() => (byRole(dialog() as HTMLElement, 'button', '复制') as HTMLButtonElement).click());
  await settle();
};

describe('duplicating a scenario', () => {
  it('asks in a labelled dialog of the page, the field focused with a free id', async () => {
    const input = await openFor('my-haggler');
    const box = dialog() as HTMLDialogElement;
    expect(box.open).toBe(true);
    const title = document.getElementById(box.getAttribute('aria-labelledby') ?? '');
    expect(title?.textContent).toBe('复制 my-haggler');
    // my-haggler-copy is taken already: the next free one is offered.
    expect(input.value).toBe('my-haggler-copy-2');
    expect(document.activeElement).toBe(input);
  });

  it('explains a missing, malformed or taken id beside the field and keeps the dialog open', async () => {
    const input = await openFor('my-haggler');
    for (const [typed, said] of [
      ['', '请先填写新剧本 ID，例如 my-bargainer'],
      ['My Copy', 'ID 只能用小写字母、数字和连字符，例如 my-bargainer'],
      ['bargainer-easy', '已经有 ID 为 bargainer-easy 的剧本了，请换一个'],
    ] as const) {
      typeId(input, typed);
      await submit();
      const alert = byRole(dialog() as HTMLElement, 'alert');
      expect(alert.textContent).toBe(said);
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(input.getAttribute('aria-describedby')).toBe(alert.id);
      expect(dialog()?.open).toBe(true);
    }
    expect(saves).toEqual([]);
    act(() => appStore.getState().setLang('en'));
    expect(byRole(dialog() as HTMLElement, 'alert').textContent).toBe('There is already a scenario with the id bargainer-easy: pick another');
  });

  it('closes on Escape and gives focus back to the button', async () => {
    await openFor('my-haggler');
    act(() => void dialog()?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(dialog()?.open).toBe(false);
    expect(document.activeElement).toBe(rowButton('my-haggler'));
    expect(saves).toEqual([]);
  });

  it('saves the copy under the new id and opens it', async () => {
    const input = await openFor('my-haggler');
    typeId(input, 'my-other-haggler');
    await submit();
    expect(saves).toEqual([{ url: '/api/studio/scenarios/my-other-haggler/draft', body: { source: '# a comment\nid: my-other-haggler\nversion: 1\n', base: null } }]);
    expect(navigated).toEqual(['/trainer/studio/edit/my-other-haggler']);
  });

  it('starts a copy of a library template without its developer comments, at version 1', async () => {
    const input = await openFor('bargainer-easy');
    typeId(input, 'my-easy');
    await submit();
    expect(saves[0]?.body.source).toBe('# 由模板「议价买家（入门）」新建。以 # 开头的行是注释，系统不读，可以写给自己看。\nid: my-easy\nversion: 1\nsay: |\n  # 这行是台词\n');
  });

  it('starts a copy of a studio scenario at version 1, its comments kept', async () => {
    const input = await openFor('my-haggler');
    typeId(input, 'my-next');
    await submit();
    expect(saves[0]?.body.source).toBe('# a comment\nid: my-next\nversion: 1\n');
  });

  it("lists the trainer's scenarios by title, the id beside it", async () => {
    render(<StudioList />);
    await settle();
    const row = host.querySelector('li[data-scenario="my-haggler"]') as HTMLElement;
    expect(row.querySelector('a')?.textContent).toBe('我的砍价买家');
    expect(row.textContent).toContain('my-haggler');
    expect(host.querySelector('li[data-scenario="my-haggler-copy"] a')?.textContent).toBe('my-haggler-copy');
  });

  it('names each row button after its scenario, and labels the file input', async () => {
    render(<StudioList />);
    await settle();
    const names = [...host.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent);
    expect(names).toContain('复制「我的砍价买家」');
    expect(names).toContain('复制「my-haggler-copy」');
    expect(names).toContain('复制「议价买家（入门）」');
    expect(names).toContain('删除「我的砍价买家」的草稿');
    expect(names.filter((n) => n === '复制')).toEqual([]);
    const file = host.querySelector('input[type="file"]') as HTMLInputElement;
    expect(byLabel<HTMLInputElement>(host, '导入 YAML 文件')).toBe(file);
  });

  it('shows a refusal from the server in the dialog', async () => {
    saveAnswer = { status: 409, body: { error: { code: 'conflict', message: 'someone was quicker' }, latest: { revision: 'r9', savedBy: '王老师', savedAt: 1 } } };
    const input = await openFor('my-haggler');
    typeId(input, 'my-third-haggler');
    await submit();
    expect(byRole(dialog() as HTMLElement, 'alert').textContent).toBe('操作失败：工作室里已经有 ID 为 my-third-haggler 的剧本，请换一个新 ID，或在列表里打开它');
    expect(navigated).toEqual([]);
  });
});
