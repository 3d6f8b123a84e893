// @vitest-environment jsdom
// A persona card's description is clamped to a few lines; when the clamp hides some of it, a real
// button (aria-expanded, aria-controls, named with the persona) shows it all and clamps it again.
// A description that fits gets no button. zh-CN and en. (jsdom lays nothing out: the test says how
// tall the text is and how tall its clamped box.)
import { act } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PersonaCard } from '../../client/features/home/PersonaCard.tsx';
import type { AppState } from '../../client/store/index.ts';
import { appStore } from '../../client/store/index.ts';
import type { ScenarioSummary } from '../../client/store/types.ts';
import { info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const LONG = '这位买家'.repeat(60);
const scenario = (description: string): ScenarioSummary => ({ ...info().scenario, description: { 'zh-CN': description, en: description } });

// A description is "taller than its box" when it is long and clamped.
const saved = { scroll: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'scrollHeight'), client: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight') };
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', { configurable: true, get: lineHeight(true) });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: lineHeight(false) });
});
afterAll(() => {
  for (const [name, d] of [['scrollHeight', saved.scroll], ['clientHeight', saved.client]] as const) if (d) Object.defineProperty(HTMLElement.prototype, name, d);
});
function lineHeight(content: boolean) {
  return function (this: HTMLElement): number {
    if (!this.classList.contains('persona-desc')) return 0;
    const full = (this.textContent ?? '').length > 100 ? 200 : 60;
    return content || this.classList.contains('expanded') ? full : Math.min(full, 100);
  };
}

const initial: AppState = appStore.getState();
afterEach(() => appStore.setState(initial, true));
const { host, render } = reactRoot();

const card = (description: string) => render(<PersonaCard scenario={scenario(description)} busy={false} disabled={false} onStart={() => undefined} />);
const toggle = () => host.querySelector<HTMLButtonElement>('button.persona-more');
const text = () => host.querySelector('.persona-desc') as HTMLElement;

describe("a persona card's description", () => {
  it('offers the whole text only when the clamp hides some, and clamps it again', () => {
    card('短短一句');
    expect(toggle()).toBeNull();
    expect(text().textContent).toBe('短短一句');

    card(LONG);
    const button = toggle();
    expect(button).not.toBeNull();
    expect(button?.type).toBe('button');
    expect(button?.textContent).toBe('展开全文');
    expect(button?.getAttribute('aria-label')).toBe('展开全文：议价');
    expect(button?.getAttribute('aria-expanded')).toBe('false');
    expect(button?.getAttribute('aria-controls')).toBe(text().id);
    expect(text().textContent).toBe(LONG);

    act(() => button?.click());
    expect(text().classList.contains('expanded')).toBe(true);
    expect(toggle()?.getAttribute('aria-expanded')).toBe('true');
    expect(toggle()?.textContent).toBe('收起');
    expect(toggle()?.getAttribute('aria-label')).toBe('收起全文：议价');

    act(() => toggle()?.click());
    expect(text().classList.contains('expanded')).toBe(false);
    expect(toggle()?.getAttribute('aria-expanded')).toBe('false');
  });

  it('speaks English too', () => {
    act(() => appStore.getState().setLang('en'));
    card(LONG);
    expect(toggle()?.textContent).toBe('Show more');
    expect(toggle()?.getAttribute('aria-label')).toBe('Show all of: Haggle');
    act(() => toggle()?.click());
    expect(toggle()?.textContent).toBe('Show less');
  });
});
