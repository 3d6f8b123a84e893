// @vitest-environment jsdom
// The versions panel in the browser: the newest two published versions diffed by default, the
// editor's unsaved text offered as a side, an export to scenarios/ that asks before replacing a file
// that is not its own, and a draft deleted at the revision the trainer saw. fetch answers like the server.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VersionsPanel } from '../../client/features/studio/VersionsPanel.tsx';
import { appStore } from '../../client/store/index.ts';
import { reactRoot } from './reactRoot.ts';

const V1 = 'id: vp\nversion: 1\ntitle: 一\n';
const V2 = 'id: vp\nversion: 2\ntitle: 二\n';
const DRAFT = 'id: vp\nversion: 2\ntitle: 二\n# draft\n';

let requests: { method: string; url: string; body: unknown }[];
let exportAnswers: { status: number; body: unknown }[];

function reply(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

beforeEach(() => {
  requests = [];
  exportAnswers = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    requests.push({ method, url, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined });
    if (url.endsWith('/versions')) {
      return reply(200, {
        id: 'vp',
        versions: [
          { version: 2, publishedAt: 2, publishedBy: '王老师' },
          { version: 1, publishedAt: 1, publishedBy: '王老师' },
        ],
        draft: { revision: 'rev-seen', savedBy: '李老师', savedAt: 3 },
      });
    }
    if (url.endsWith('/versions/1')) return reply(200, { id: 'vp', version: 1, source: V1, publishedAt: 1, publishedBy: '王老师' });
    if (url.endsWith('/versions/2')) return reply(200, { id: 'vp', version: 2, source: V2, publishedAt: 2, publishedBy: '王老师' });
    if (url.endsWith('/source')) return reply(200, { id: 'vp', from: 'draft', source: DRAFT, published: 2, revision: 'rev-seen' });
    if (url.endsWith('/export-to-library')) return reply(exportAnswers[0]?.status ?? 500, exportAnswers.shift()?.body ?? {});
    if (url.endsWith('/draft') && method === 'DELETE') return reply(200, { id: 'vp', deleted: true, published: 2 });
    return reply(404, { error: { message: `unexpected ${method} ${url}` } });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  appStore.getState().setLang('zh-CN');
});
const { host, render, remount } = reactRoot();

/** Lets the mocked fetches and the state updates they cause run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(async () => await new Promise((resolve) => setTimeout(resolve, 0)));
}

const rows = (kind: string) => [...host.querySelectorAll(`tr[data-kind="${kind}"] .studio-diff-text`)].map((td) => td.textContent);
const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent === name);
const select = (label: string) => [...host.querySelectorAll('label')].find((l) => l.textContent === label)?.nextElementSibling as HTMLSelectElement;

describe('versions panel', () => {
  it('diffs the newest two versions, and the editor against the newest', async () => {
    render(<VersionsPanel id="vp" />);
    await settle();
    expect(select('旧版本').value).toBe('v1');
    expect(select('新版本').value).toBe('v2');
    expect(rows('removed')).toEqual(['version: 1', 'title: 一']);
    expect(rows('added')).toEqual(['version: 2', 'title: 二']);
    expect(host.querySelector('caption')?.textContent).toBe('从「第 1 版」到「第 2 版」：新增 2 行，删除 2 行');

    remount();
    render(<VersionsPanel id="vp" unsaved={`${V2}# typed\n`} />);
    await settle();
    expect(select('新版本').value).toBe('editor');
    expect(rows('added')).toEqual(['# typed']);
    expect(rows('removed')).toEqual([]);
  });

  it('asks before replacing a library file that is not its own export', async () => {
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    exportAnswers.push({ status: 409, body: { error: { code: 'conflict', message: 'the library already has vp.yaml' }, needsConfirm: true, declaredId: 'vp' } });
    exportAnswers.push({ status: 201, body: { id: 'vp', version: 2, file: 'vp.yaml', replaced: true } });
    render(<VersionsPanel id="vp" />);
    await settle();
    act(() => button('导出到 scenarios/')?.click());
    await settle();
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('the library already has vp.yaml'));
    expect(requests.filter((r) => r.url.endsWith('/export-to-library')).map((r) => r.body)).toEqual([
      { version: 2, confirm: false },
      { version: 2, confirm: true },
    ]);
    expect(host.querySelector('[role="status"]')?.textContent).toContain('已更新 scenarios/vp.yaml（第 2 版）');
  });

  it('leaves the file alone when the trainer does not confirm', async () => {
    vi.stubGlobal('confirm', () => false);
    exportAnswers.push({ status: 409, body: { error: { code: 'conflict', message: 'the library already has vp.yaml' }, needsConfirm: true } });
    render(<VersionsPanel id="vp" />);
    await settle();
    act(() => button('导出到 scenarios/')?.click());
    await settle();
    expect(requests.filter((r) => r.url.endsWith('/export-to-library'))).toHaveLength(1);
    expect(host.querySelector('[role="status"]')?.className).toBe('studio-error');
  });

  it('deletes the draft at the revision the trainer saw', async () => {
    vi.stubGlobal('confirm', () => true);
    const onDeleted = vi.fn();
    render(<VersionsPanel id="vp" onDeleted={onDeleted} />);
    await settle();
    act(() => button('删除草稿')?.click());
    await settle();
    expect(requests.find((r) => r.method === 'DELETE')).toEqual({ method: 'DELETE', url: '/api/studio/scenarios/vp/draft', body: { base: 'rev-seen' } });
    expect(onDeleted).toHaveBeenCalledOnce();
  });
});
