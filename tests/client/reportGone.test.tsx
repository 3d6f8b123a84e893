// @vitest-environment jsdom
// A chat this browser still lists but the server no longer keeps (deleted after SESSION_RETENTION_DAYS):
// the report page says so in either language, as a plain note, not as a load failure. Other failures
// still read as errors.
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReportPage } from '../../client/features/report/ReportPage.tsx';
import { httpApi } from '../../client/net/api.ts';
import { appStore } from '../../client/store/index.ts';
import { reactRoot } from './reactRoot.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  act(() => appStore.setState({ lang: 'zh-CN', reports: {} }));
});
const root = reactRoot();

/** What the real api client throws for this answer of GET /api/sessions/:id. */
async function errorFor(status: number, body: unknown): Promise<string> {
  vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })));
  return httpApi.session('s1', 'token').then(
    () => 'no error',
    (err: unknown) => (err instanceof Error ? err.message : String(err)),
  );
}

function show(message: string): HTMLElement {
  act(() => appStore.setState({ reports: { s1: { state: 'error', message } } }));
  root.render(<ReportPage sessionId="s1" />);
  return root.host;
}

describe('a report the server no longer keeps', () => {
  it('says the chat is no longer kept, in Chinese and in English', async () => {
    const host = show(await errorFor(404, { error: { code: 'not-found', message: 'no such session' } }));
    const note = () => host.querySelector('main p');
    expect(note()?.textContent).toBe('这次对话已超过保存期限，服务器不再保留它的记录和报告。');
    expect(note()?.className).toBe('muted');
    act(() => appStore.setState({ lang: 'en' }));
    expect(note()?.textContent).toContain('This chat is no longer kept');
  });

  it('still shows any other failure as an error', async () => {
    const host = show(await errorFor(500, { error: { code: 'internal', message: 'something went wrong' } }));
    expect(host.querySelector('main p')?.className).toBe('error-text');
    expect(host.querySelector('main p')?.textContent).toBe('报告加载失败：500 something went wrong');
  });
});
