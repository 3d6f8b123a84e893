// @vitest-environment jsdom
// The editor's tabs follow the WAI-ARIA tabs pattern: one tab stop, arrow keys (and Home/End) move
// and select, each tab controls the panel, which the selected tab labels.
import { act, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { StudioTabs } from '../../client/features/studio/StudioTabs.tsx';
import { reactRoot } from './reactRoot.ts';

const { host, render } = reactRoot();

function Harness() {
  const [tab, setTab] = useState<'a' | 'b' | 'c'>('a');
  return (
    <StudioTabs<'a' | 'b' | 'c'> tabs={[{ key: 'a', label: '试玩' }, { key: 'b', label: '流程图' }, { key: 'c', label: '表单' }]} selected={tab} onSelect={setTab}>
      <p>panel {tab}</p>
    </StudioTabs>
  );
}

const tabs = () => [...host.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
const press = (key: string) => act(() => void document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));

describe('studio tabs', () => {
  it('move with the arrow keys, Home and End, one tab stop, the panel labelled by its tab', () => {
    render(<Harness />);
    const panel = host.querySelector('[role="tabpanel"]') as HTMLElement;
    expect(tabs().map((t) => t.getAttribute('aria-controls'))).toEqual([panel.id, panel.id, panel.id]);
    expect(tabs().map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    act(() => tabs()[0]?.focus());
    press('ArrowRight');
    expect(document.activeElement).toBe(tabs()[1]);
    expect(tabs()[1]?.getAttribute('aria-selected')).toBe('true');
    expect(panel.getAttribute('aria-labelledby')).toBe(tabs()[1]?.id);
    expect(panel.textContent).toBe('panel b');
    press('End');
    expect(document.activeElement).toBe(tabs()[2]);
    press('ArrowRight');
    expect(document.activeElement).toBe(tabs()[0]);
    press('ArrowLeft');
    expect(document.activeElement).toBe(tabs()[2]);
    press('Home');
    expect(tabs().map((t) => t.tabIndex)).toEqual([0, -1, -1]);
  });
});
