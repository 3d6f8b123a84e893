// @vitest-environment jsdom
// The scenario editor does not lose edits without a word: with unsaved changes, "back to the list",
// any in-app link, the trainer nav's links and logout (in the top bar) and the browser's back button
// ask first (a "no" keeps the editor, its text and its address), and a reload or closing the tab gets
// the browser's own prompt.
// Saved text leaves freely. And the editor wraps long lines, so a phone never scrolls sideways.
import { act } from 'react';
import { EditorView } from '@codemirror/view';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { studioApi } from '../../client/features/studio/api.ts';
import { StudioArea } from '../../client/features/studio/StudioArea.tsx';
import { TopBar } from '../../client/features/shell/TopBar.tsx';
import { appStore } from '../../client/store/index.ts';
import { libraryContext, libraryCopy } from './studioFixture.ts';
import { reactRoot } from './reactRoot.ts';

const ID = 'guard-test';
const SOURCE = libraryCopy('bargainer-easy', ID);

let confirm: ReturnType<typeof vi.fn>;
let saves: string[];

beforeEach(() => {
  saves = [];
  vi.spyOn(studioApi, 'source').mockResolvedValue({ id: ID, from: 'draft', source: SOURCE, published: 0, revision: 'r1' });
  vi.spyOn(studioApi, 'context').mockResolvedValue(libraryContext());
  vi.spyOn(studioApi, 'saveDraft').mockImplementation(async (_id, source) => {
    saves.push(source);
    return { savedAt: 1, revision: 'r2' };
  });
  // The versions panel and the list are not under test: their requests never answer.
  vi.spyOn(studioApi, 'versions').mockReturnValue(new Promise(() => undefined));
  vi.spyOn(studioApi, 'list').mockReturnValue(new Promise(() => undefined));
  confirm = vi.fn(() => false);
  vi.stubGlobal('confirm', confirm);
  // CodeMirror measures text with ranges, which jsdom does not lay out.
  Range.prototype.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => new DOMRect();
  appStore.getState().navigate(`/trainer/studio/edit/${ID}`);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  appStore.setState({ trainer: null });
  appStore.getState().navigate('/', true);
});
const { host, render } = reactRoot();

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(async () => await new Promise((resolve) => setTimeout(resolve, 0)));
}

/** The editor, under the app's top bar when `withTopBar` (the trainer's navigation is there). */
async function open(withTopBar = false): Promise<EditorView> {
  const sub = () => (appStore.getState().route as { sub?: string }).sub ?? '';
  render(
    <>
      {withTopBar && <TopBar />}
      <StudioArea sub={sub().slice('/studio'.length)} />
    </>,
  );
  await settle();
  const shadow = host.querySelector('.studio-editor')?.shadowRoot;
  const dom = shadow?.querySelector<HTMLElement>('.cm-editor');
  const view = dom ? EditorView.findFromDOM(dom) : null;
  if (!view) throw new Error('no editor');
  return view;
}

function type(view: EditorView, text: string) {
  act(() => view.dispatch({ changes: { from: view.state.doc.length, insert: text } }));
}

const link = (name: string) => [...host.querySelectorAll('a')].find((a) => a.textContent === name) as HTMLAnchorElement;
const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) as HTMLButtonElement;
const click = (el: HTMLElement) => act(() => void el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 })));
const route = () => window.location.pathname;

describe('the scenario editor with unsaved changes', () => {
  it('asks before "back to the list" and stays on a no, with the edit still there', async () => {
    const view = await open();
    type(view, '\n# my edit\n');
    click(link('返回列表'));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(confirm.mock.calls[0]?.[0]).toContain('未保存');
    expect(route()).toBe(`/trainer/studio/edit/${ID}`);
    expect(appStore.getState().route).toEqual({ name: 'trainer', sub: `/studio/edit/${ID}` });
    expect(view.state.doc.toString()).toContain('# my edit');
  });

  it('leaves on a yes', async () => {
    const view = await open();
    type(view, '\n# my edit\n');
    confirm.mockReturnValue(true);
    click(link('返回列表'));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(route()).toBe('/trainer/studio');
  });

  it('asks before the trainer nav in the top bar: its links and the logout', async () => {
    const logout = vi.fn(async () => undefined);
    appStore.setState({ trainerLogout: logout, trainer: { id: 't1', name: '王老师', admin: false } });
    const view = await open(true);
    // The top bar loads the trainer nav as a chunk of its own: wait for it, however busy the machine.
    await vi.waitFor(() => expect(link('剧本工作室')).toBeDefined(), { timeout: 10_000 });
    type(view, 'x');
    click(link('剧本工作室'));
    click(link('课堂演练'));
    click(link('账号'));
    click(button('退出登录'));
    expect(confirm).toHaveBeenCalledTimes(4);
    expect(logout).not.toHaveBeenCalled();
    expect(route()).toBe(`/trainer/studio/edit/${ID}`);
  });

  it('gets the browser to ask before a reload or closing the tab', async () => {
    const view = await open();
    const unload = () => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(unload()).toBe(false);
    type(view, 'x');
    expect(unload()).toBe(true);
  });

  it('asks before the back button, and keeps the editor and its address on a no', async () => {
    // The app's own listener (client/main.tsx) follows the address the browser moved to.
    const follow = () => appStore.getState().syncRoute(window.location.pathname);
    window.addEventListener('popstate', follow);
    try {
      const view = await open();
      type(view, 'x');
      window.history.pushState(null, '', '/trainer');
      act(() => void window.dispatchEvent(new PopStateEvent('popstate')));
      expect(confirm).toHaveBeenCalledTimes(1);
      expect(route()).toBe(`/trainer/studio/edit/${ID}`);
      expect(appStore.getState().route).toEqual({ name: 'trainer', sub: `/studio/edit/${ID}` });
    } finally {
      window.removeEventListener('popstate', follow);
    }
  });

  it('leaves without asking once the edit is saved, and never asks for a download', async () => {
    const view = await open();
    type(view, '\n# my edit\n');
    const exportLink = link('导出 YAML');
    exportLink.addEventListener('click', (e) => e.preventDefault());
    click(exportLink);
    expect(confirm).not.toHaveBeenCalled();
    click(button('保存草稿'));
    await settle();
    expect(saves).toHaveLength(1);
    const e = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(false);
    click(link('返回列表'));
    expect(confirm).not.toHaveBeenCalled();
    expect(route()).toBe('/trainer/studio');
  });
});

describe('the scenario editor on a phone', () => {
  it('wraps long lines instead of growing wider than the screen', async () => {
    const view = await open();
    expect(view.contentDOM.classList.contains('cm-lineWrapping')).toBe(true);
  });
});
