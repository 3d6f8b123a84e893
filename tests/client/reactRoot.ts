// The React root a component test renders into: a <div> in document.body with a fresh root for
// every test, the tree unmounted and the body emptied after it.
import { act } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface ReactRoot {
  /** What the tree renders into: one element for the file, empty and in document.body when each test starts. */
  readonly host: HTMLElement;
  /** Renders, or re-renders, the tree inside act. */
  render(node: ReactNode): void;
  /** Unmounts the tree and starts a new root on the same host: the next render mounts afresh, as after a reload. */
  remount(): void;
}

/**
 * Registers the beforeEach and afterEach that give each test its root. Call it after the file's (or
 * the describe's) own hooks: beforeEach hooks run in order, so the root is made after the file's
 * set-up, and afterEach hooks run last-registered first (vitest's sequence.hooks 'stack'), so the
 * tree is unmounted before the file resets the store or restores its stubs.
 */
export function reactRoot(): ReactRoot {
  const host = document.createElement('div');
  let root: Root | null = null;
  beforeEach(() => {
    host.replaceChildren();
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root?.unmount());
    root = null;
    document.body.innerHTML = '';
  });
  return {
    host,
    render: (node) => act(() => root?.render(node)),
    remount: () => {
      act(() => root?.unmount());
      root = createRoot(host);
    },
  };
}
