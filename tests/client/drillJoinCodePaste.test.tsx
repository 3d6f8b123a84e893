// @vitest-environment jsdom
// The /drill code field reads a code as people paste or type it: grouped with a space or a dash,
// or in full-width digits from a Chinese keyboard. Other characters are dropped, and said.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DrillJoin } from '../../client/features/drill/DrillJoin.tsx';
import { normaliseCode } from '../../client/features/drill/joinCodeInput.ts';
import type { AppState } from '../../client/store/index.ts';
import { appStore } from '../../client/store/index.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
afterEach(() => appStore.setState(initial, true));
const { host, render } = reactRoot();

function type(input: HTMLInputElement, value: string): void {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('the join-code field', () => {
  it.each([
    ['746 652', '746652'],
    ['746-652', '746652'],
    ['７４６６５２', '746652'],
    ['７４６　６５２', '746652'],
    [' 7466521 ', '746652'],
  ])('reads %j as %s', (pasted, code) => {
    expect(normaliseCode(pasted)).toEqual({ code, stray: false });
  });

  it('keeps a pasted code whole in the page, and says when it dropped a letter', () => {
    render(<DrillJoin />);
    const input = host.querySelector('input') as HTMLInputElement;
    const stray = () => host.querySelector('[data-testid="drill-code-stray"]')?.textContent;
    type(input, '746 652');
    expect(input.value).toBe('746652');
    expect(input.maxLength).toBe(-1);
    type(input, '７４６６５２');
    expect(input.value).toBe('746652');
    expect(stray()).toBe('');
    type(input, '74a');
    expect(input.value).toBe('74');
    expect(stray()).toBe('演练码只含数字，其他字符已略去');
    expect(input.getAttribute('aria-describedby')).toContain(host.querySelector('[data-testid="drill-code-stray"]')?.id);
  });
});
