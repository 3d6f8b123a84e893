// The editor's tabs, after the WAI-ARIA tabs pattern: one tab stop (the selected tab), arrow keys
// move between tabs and select as they go (Home and End jump to the ends), each tab controls the
// one panel, which is labelled by the tab that shows it.
import { useId, useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

export interface Tab<K extends string> {
  key: K;
  label: string;
}

interface Props<K extends string> {
  tabs: readonly Tab<K>[];
  selected: K;
  onSelect(key: K): void;
  children: ReactNode;
}

export function StudioTabs<K extends string>({ tabs, selected, onSelect, children }: Props<K>) {
  const uid = useId();
  const list = useRef<HTMLDivElement>(null);
  const tabId = (key: K) => `${uid}-tab-${key}`;
  const panelId = `${uid}-panel`;
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const at = tabs.findIndex((t) => t.key === selected);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length];
    if (!next) return;
    onSelect(next.key);
    // useId's ids hold colons: look the tab up by id, not through a CSS selector.
    [...(list.current?.children ?? [])].find((el): el is HTMLElement => el.id === tabId(next.key) && el instanceof HTMLElement)?.focus();
  };
  return (
    <>
      <div role="tablist" className="studio-tabs" ref={list}>
        {tabs.map((t) => (
          <button
            key={t.key}
            id={tabId(t.key)}
            type="button"
            role="tab"
            aria-selected={t.key === selected}
            aria-controls={panelId}
            tabIndex={t.key === selected ? 0 : -1}
            onClick={() => onSelect(t.key)}
            onKeyDown={onKeyDown}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(selected)} tabIndex={0}>
        {children}
      </div>
    </>
  );
}
