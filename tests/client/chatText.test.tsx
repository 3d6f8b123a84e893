// @vitest-environment jsdom
// Chat text is text: markup from a buyer never becomes HTML, addresses become buttons that do not
// navigate, 旺旺表情 become faces. And the reply box: Enter sends, Shift+Enter and an input method's
// Enter do not.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { Composer } from '../../client/features/chat/Composer.tsx';
import { RichText } from '../../client/features/chat/RichText.tsx';
import { appStore } from '../../client/store/index.ts';
import { FakeTransport, info } from './fakes.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('RichText', () => {
  it('renders markup as text and links as buttons', () => {
    const html = renderToStaticMarkup(<RichText text={'<img src=x onerror="alert(1)"> 点 http://tm-0rder.top/pay?a=1 [微笑]'} onLink={() => undefined} />);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(html).toContain('<button type="button" class="link-inline">http://tm-0rder.top/pay?a=1</button>');
    expect(html).not.toContain('href');
    expect(html).toContain('aria-label="[微笑]"');
  });
});

describe('Composer', () => {
  let root: ReturnType<typeof createRoot> | null = null;
  afterEach(() => {
    act(() => root?.unmount());
    document.body.innerHTML = '';
  });

  it('sends on Enter, not on Shift+Enter or while composing', () => {
    const transport = new FakeTransport();
    appStore.getState().attachBackend({ transport, api: { scenarios: () => Promise.resolve([]), context: () => new Promise(() => undefined), session: () => new Promise(() => undefined), ruleTexts: () => new Promise(() => undefined) } });
    appStore.getState().netStarted(info());
    const session = appStore.getState().sessions['s1'];
    if (!session) throw new Error('started above');
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    act(() => root?.render(<Composer session={session} />));
    const box = host.querySelector('textarea');
    if (!box) throw new Error('no reply box');
    expect(box.labels?.[0]?.textContent).toBe('回复内容');

    const press = (init: KeyboardEventInit) => act(() => void box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, ...init })));
    act(() => appStore.getState().setDraft('s1', '亲，在的'));
    press({ shiftKey: true });
    press({ isComposing: true });
    expect(transport.sent).toHaveLength(0);
    press({});
    expect(transport.sent).toEqual([{ event: 'reply:send', body: { sessionId: 's1', text: '亲，在的' } }]);
    expect(appStore.getState().drafts['s1']).toBe('');
  });
});
