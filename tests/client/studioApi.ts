// The studio list's server, as its component tests fake it: fetch answered by the test's routes (an
// unknown URL gets a 404, so a stray request shows in the test), navigation recorded instead of
// done, and the page language put back to Chinese after each test.
import { act } from 'react';
import { afterEach, beforeEach, vi } from 'vitest';
import { appStore } from '../../client/store/index.ts';

/** A JSON answer with this status. */
export function reply(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** The answer to one request, or undefined where the test has no route for it. */
export type StudioRoute = (url: string, init: RequestInit) => Response | undefined;

/**
 * Registers the hooks that stub fetch with `route` and record navigation. Call it before
 * reactRoot(), so the tree is unmounted before the stubs go. The returned `navigated` is emptied
 * before each test.
 */
export function fakeStudioApi(route: StudioRoute): { navigated: string[] } {
  const navigated: string[] = [];
  const realNavigate = appStore.getState().navigate;
  beforeEach(() => {
    navigated.length = 0;
    appStore.setState({ navigate: (path: string) => void navigated.push(path) });
    vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => route(url, init) ?? reply(404, { error: { code: 'not-found', message: `unexpected ${url}` } }));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    appStore.setState({ navigate: realNavigate });
    appStore.getState().setLang('zh-CN');
  });
  return { navigated };
}

/** Lets the list's requests and the renders after them finish. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(async () => await new Promise((resolve) => setTimeout(resolve, 0)));
}
