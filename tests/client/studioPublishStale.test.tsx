// @vitest-environment jsdom
// A refused publish is about the text it refused: the header's refusal (and its list of failures)
// stays while the editor holds that text, and goes as soon as the trainer changes it; an undo back
// to the refused text shows it again.
import { act } from 'react';
import { EditorView } from '@codemirror/view';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StudioError, studioApi } from '../../client/features/studio/api.ts';
import { StudioEditor } from '../../client/features/studio/StudioEditor.tsx';
import { appStore } from '../../client/store/index.ts';
import { libraryContext, libraryCopy } from './studioFixture.ts';
import { reactRoot } from './reactRoot.ts';

const ID = 'stale-refusal';
const SOURCE = libraryCopy('bargainer-easy', ID);
const FAILURE = 'studio/stale-refusal.yaml:1:1 test "opening-typo" fails';

beforeEach(() => {
  vi.spyOn(studioApi, 'source').mockResolvedValue({ id: ID, from: 'draft', source: SOURCE, published: 0, revision: 'r1' });
  vi.spyOn(studioApi, 'context').mockResolvedValue(libraryContext());
  vi.spyOn(studioApi, 'saveDraft').mockResolvedValue({ savedAt: 1, revision: 'r2' });
  vi.spyOn(studioApi, 'publish').mockRejectedValue(new StudioError('publishing refused', [FAILURE], { status: 422, code: 'invalid' }));
  vi.spyOn(studioApi, 'versions').mockReturnValue(new Promise(() => undefined));
  // CodeMirror measures text with ranges, which jsdom does not lay out.
  Range.prototype.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => new DOMRect();
});
afterEach(() => {
  vi.restoreAllMocks();
});
const { host, render } = reactRoot();

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(async () => await new Promise((resolve) => setTimeout(resolve, 0)));
}

async function open(): Promise<EditorView> {
  render(<StudioEditor id={ID} />);
  await settle();
  const dom = host.querySelector('.studio-editor')?.shadowRoot?.querySelector<HTMLElement>('.cm-editor');
  const view = dom ? EditorView.findFromDOM(dom) : null;
  if (!view) throw new Error('no editor');
  return view;
}

const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) as HTMLButtonElement;
const header = () => host.querySelector('.studio-toolbar [role="status"]')?.textContent ?? '';

describe('a refused publish', () => {
  it('stays for the refused text and goes once the text changes', async () => {
    const view = await open();
    act(() => button('发布').click());
    await settle();
    expect(header()).toBe('发布被拒绝：检查或内置测试没有通过');
    expect(host.textContent).toContain('opening-typo');

    // Moving around the text is no change: the refusal stays.
    act(() => view.dispatch({ selection: { anchor: 0 } }));
    expect(header()).toBe('发布被拒绝：检查或内置测试没有通过');

    act(() => view.dispatch({ changes: { from: view.state.doc.length, insert: '# fixed\n' } }));
    expect(header()).not.toContain('发布被拒绝');
    expect(host.textContent).not.toContain('opening-typo');

    // Back to the refused text: the refusal is about it again.
    act(() => view.dispatch({ changes: { from: SOURCE.length, to: view.state.doc.length } }));
    expect(header()).toBe('发布被拒绝：检查或内置测试没有通过');
    expect(host.textContent).toContain('opening-typo');
  });
});

describe('the header after a save', () => {
  it('is worded in the language on screen, also after a switch', async () => {
    await open();
    act(() => button('保存草稿').click());
    await settle();
    expect(header()).toBe('草稿已保存');
    act(() => appStore.getState().setLang('en'));
    expect(header()).toBe('Draft saved');
    act(() => appStore.getState().setLang('zh-CN'));
  });
});

