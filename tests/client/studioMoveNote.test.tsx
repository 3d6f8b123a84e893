// @vitest-environment jsdom
// An English-only developer note on a move stays behind a 「开发说明（英文）」 toggle in the Chinese UI.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { MoveNote } from '../../client/features/studio/forms/MoveNote.tsx';
import { appStore } from '../../client/store/index.ts';
import { reactRoot } from './reactRoot.ts';

afterEach(() => appStore.getState().setLang('zh-CN'));
const { host, render } = reactRoot();
const NOTE = 'Opens with the late parcel (digest §4(d) move 1)';

describe('a move note', () => {
  it('folds an English-only note in the Chinese UI, opening on request', () => {
    render(<MoveNote note={NOTE} lang="zh-CN" />);
    const toggle = host.querySelector('button') as HTMLButtonElement;
    expect(toggle.textContent).toBe('开发说明（英文）');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect((host.querySelector('p') as HTMLElement).hidden).toBe(true);
    act(() => toggle.click());
    expect((host.querySelector('p') as HTMLElement).hidden).toBe(false);
  });

  it('shows it plainly in English, and a Chinese note plainly everywhere', () => {
    render(<MoveNote note={NOTE} lang="en" />);
    expect(host.querySelector('button')).toBeNull();
    expect(host.textContent).toBe(NOTE);
    render(<MoveNote note="先说包裹晚到" lang="zh-CN" />);
    expect(host.textContent).toBe('先说包裹晚到');
  });
});
