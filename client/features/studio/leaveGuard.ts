// Unsaved edits are not lost without a word. While `dirty`, leaving the page asks first:
// - a reload, closing the tab or typing another address: the browser's own "leave site?" (beforeunload);
// - an in-app link (AppLink, a plain same-origin <a>) or a control marked `data-leaves-page` (the
//   trainer nav's logout): a confirm, asked in the capture phase on the document, so a "no" stops
//   the click before the link's own handler (or the store's navigate) runs;
// - the browser's back / forward: the same confirm before the app follows the new address (a
//   capture listener on window runs before the app's popstate listener); a "no" puts the editor's
//   address back.
// Programmatic navigation after a deliberate action (a deleted draft back to the list) is not asked about.
import { useEffect } from 'react';

/** A click that takes this tab to another page of the app: a plain left click on a link or a marked control. */
export function leavesPage(e: MouseEvent, here: Location = window.location): boolean {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return false;
  const target = e.target instanceof Element ? e.target : null;
  const el = target?.closest('a[href], [data-leaves-page]');
  if (!el) return false;
  if (!(el instanceof HTMLAnchorElement)) return true;
  // A download, another tab or another site (that one is the browser's beforeunload's to ask).
  if (el.hasAttribute('download') || (el.target !== '' && el.target !== '_self')) return false;
  const url = new URL(el.href, here.href);
  if (url.origin !== here.origin) return false;
  // An anchor on this very page changes nothing.
  return url.pathname !== here.pathname || url.search !== here.search;
}

export function useLeaveGuard(dirty: boolean, message: string): void {
  useEffect(() => {
    if (!dirty) return;
    // The address the editor is at: a refused back / forward goes back to it.
    const at = `${window.location.pathname}${window.location.search}${window.location.hash}`;
    // Once the trainer agreed to go, the full-page navigation that may follow does not ask again.
    let agreed = false;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (agreed) return;
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = '';
    };
    const onClick = (e: MouseEvent) => {
      if (!leavesPage(e)) return;
      if (window.confirm(message)) {
        agreed = true;
        return;
      }
      e.preventDefault();
      e.stopPropagation();
    };
    const onPopState = (e: PopStateEvent) => {
      if (window.confirm(message)) {
        agreed = true;
        return;
      }
      // The app does not follow this move: the editor stays, and so does its address.
      e.stopImmediatePropagation();
      window.history.pushState(window.history.state, '', at);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    window.addEventListener('popstate', onPopState, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('popstate', onPopState, true);
    };
  }, [dirty, message]);
}
