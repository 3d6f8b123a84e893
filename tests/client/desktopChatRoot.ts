// The root for a chat component test: before each test the desktop backend is attached (a fake
// transport, an API that never answers), and after it the store goes back to how it was when the
// file loaded.
import { afterEach, beforeEach } from 'vitest';
import { appStore } from '../../client/store/index.ts';
import type { AppState } from '../../client/store/index.ts';
import { attachDesktopBackend } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';
import type { ReactRoot } from './reactRoot.ts';

/** Use it in place of reactRoot(), after the file's own hooks: the tree is unmounted before the store is reset. */
export function desktopChatRoot(): ReactRoot {
  const initial: AppState = appStore.getState();
  beforeEach(() => {
    attachDesktopBackend();
  });
  afterEach(() => appStore.setState(initial, true));
  return reactRoot();
}
