// @vitest-environment jsdom
// A save conflict is often the same trainer in a second tab: the dialog must not blame "someone else".
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftConflict } from '../../client/features/studio/api.ts';
import { ConflictDialog } from '../../client/features/studio/ConflictDialog.tsx';
import { appStore } from '../../client/store/index.ts';
import { reactRoot } from './reactRoot.ts';

beforeEach(() => {
  // jsdom has no modal dialogs: opening sets the attribute.
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ id: 'd', from: 'draft', source: 'id: d\n', published: 0, revision: 'r2' }), { status: 200, headers: { 'content-type': 'application/json' } }));
});
afterEach(() => {
  vi.unstubAllGlobals();
  appStore.getState().setLang('zh-CN');
});
const { host, render } = reactRoot();

describe('the save conflict dialog', () => {
  it('says the draft was saved elsewhere, another tab or another trainer, and names who', () => {
    const conflict = new DraftConflict('conflict', { revision: 'r2', savedBy: '王老师', savedAt: 1 });
    render(<ConflictDialog id="d" conflict={conflict} mine={() => 'id: d\n'} onLoadTheirs={() => undefined} onDone={() => undefined} />);
    const text = host.textContent ?? '';
    expect(host.querySelector('h2')?.textContent).toBe('这个草稿刚在别处（另一个标签页或另一位老师）保存过');
    expect(text).toContain('王老师 在你打开之后');
    expect(text).not.toMatch(/别人|对方/);
    act(() => appStore.getState().setLang('en'));
    expect(host.querySelector('h2')?.textContent).toBe('This draft was just saved elsewhere (another tab or another trainer)');
    expect(host.textContent).not.toMatch(/someone else|theirs/i);
  });
});
