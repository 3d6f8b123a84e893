// What the XSS specs watch on every page from its first moment, to show the corpus never ran: the
// dialogs it opened (the corpus calls alert), the script elements added after the app's own, and the
// Content-Security-Policy violations the browser reported.
import type { BrowserContext, Page } from '@playwright/test';

declare global {
  interface Window {
    /** set by the corpus, should any of it ever run */
    pwned?: number;
    addedScripts: number;
    cspViolations: string[];
  }
}

/** The messages of the dialogs `page` opens from now on; each is dismissed. */
export function captureDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(dialog.message());
    void dialog.dismiss();
  });
  return seen;
}

/** Every page of `target` (a page, or all pages of a context) counts added scripts and CSP violations in window. */
export async function guardPages(target: Page | BrowserContext): Promise<void> {
  await target.addInitScript(() => {
    window.addedScripts = 0;
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
    // Counts scripts added once the page has loaded its own (the one module script of index.html).
    window.addEventListener('load', () => {
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) {
            if (node instanceof Element && (node.tagName === 'SCRIPT' || node.querySelector('script'))) window.addedScripts += 1;
          }
        }
      }).observe(document, { childList: true, subtree: true });
    });
  });
}
