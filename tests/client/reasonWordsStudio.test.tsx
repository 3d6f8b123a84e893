// @vitest-environment jsdom
// The studio words a refused call in the page's language: by the server's reason (`not-admin` on an
// export to scenarios/), else by its code and the call it answered (a 409 on create: the library has
// that id); never the server's English message, and something general for what it has no words for.
// The export button is not offered to a trainer the page knows is not an admin.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StudioError } from '../../client/features/studio/api.ts';
import { failedText } from '../../client/features/studio/deleteDraft.ts';
import { StudioList } from '../../client/features/studio/StudioList.tsx';
import { VersionsPanel } from '../../client/features/studio/VersionsPanel.tsx';
import { appStore } from '../../client/store/index.ts';
import type { ScenarioSummary } from '../../client/store/types.ts';
import { byLabel, byRole } from './a11y.ts';
import { reactRoot } from './reactRoot.ts';

const ENGLISH = 'SERVER ENGLISH: for the logs only';
const template: ScenarioSummary = { id: 'bargainer', version: 1, title: { 'zh-CN': '议价买家', en: 'Bargainer' }, description: { 'zh-CN': '', en: '' }, difficulty: 'normal', persona: 'bargainer', shop: 'trailpeak' };

type Answer = { status: number; body: unknown } | 'offline';
let answers: Record<string, Answer[]>;
let warn: ReturnType<typeof vi.spyOn>;

function reply(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

beforeEach(() => {
  answers = {};
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const key = `${init.method ?? 'GET'} ${url}`;
    const next = answers[key]?.shift();
    if (next === 'offline') throw new TypeError('Failed to fetch');
    if (next) return reply(next.status, next.body);
    if (url.endsWith('/versions')) return reply(200, { id: 'vp', versions: [{ version: 1, publishedAt: 1, publishedBy: '王老师' }], draft: null });
    if (url.endsWith('/versions/1')) return reply(200, { id: 'vp', version: 1, source: 'id: vp\n', publishedAt: 1, publishedBy: '王老师' });
    if (url === '/api/studio/scenarios') return reply(200, { library: [template], drafts: [], published: [] });
    if (url.endsWith('/bargainer/source')) return reply(200, { id: 'bargainer', from: 'library', source: 'id: bargainer\n', published: 0, revision: null });
    return reply(404, { error: { code: 'not-found', message: ENGLISH } });
  });
});
afterEach(() => {
  act(() => appStore.getState().setLang('zh-CN'));
  appStore.setState({ trainer: null });
  vi.unstubAllGlobals();
  warn.mockRestore();
});
const { host, render, remount } = reactRoot();

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(async () => await new Promise((resolve) => setTimeout(resolve, 0)));
}

const setLang = (lang: 'zh-CN' | 'en') => act(() => appStore.getState().setLang(lang));
const exportButton = () => [...host.querySelectorAll('button')].find((b) => b.textContent === '导出到 scenarios/');
const statusText = () => host.querySelector('.studio-error')?.textContent ?? '';

describe('export to scenarios/', () => {
  it("words the server's not-admin refusal in the page language", async () => {
    answers['POST /api/studio/scenarios/vp/export-to-library'] = [{ status: 403, body: { error: { code: 'forbidden', reason: 'not-admin', message: ENGLISH } } }];
    render(<VersionsPanel id="vp" />);
    await settle();
    await act(async () => exportButton()?.click());
    await settle();
    expect(statusText()).toBe('操作失败：只有管理员可以导出到 scenarios/');
    expect(host.textContent).not.toContain(ENGLISH);
  });

  it('is not offered to a trainer who is not an admin, and is to an admin', async () => {
    appStore.setState({ trainer: { id: 't1', name: '李老师', admin: false } });
    render(<VersionsPanel id="vp" />);
    await settle();
    expect(exportButton()).toBeUndefined();
    expect(host.querySelector('[data-testid="export-admin-only"]')?.textContent).toBe('导出到 scenarios/ 会改动服务器上的角色库，需要管理员账号。');
    setLang('en');
    await settle();
    expect(host.querySelector('[data-testid="export-admin-only"]')?.textContent).toBe('Exporting to scenarios/ changes the library on the server, so it takes an admin account.');
    setLang('zh-CN');
    await settle();
    act(() => appStore.setState({ trainer: { id: 't2', name: '王老师', admin: true } }));
    expect(exportButton()).toBeDefined();
    expect(host.querySelector('[data-testid="export-admin-only"]')).toBeNull();
  });

  it('words an export that does not pass the checks, in English too', async () => {
    answers['POST /api/studio/scenarios/vp/export-to-library'] = [{ status: 400, body: { error: { code: 'bad-request', message: ENGLISH }, diagnostics: ['vp.yaml:1:1: no'] } }];
    setLang('en');
    render(<VersionsPanel id="vp" />);
    await settle();
    await act(async () => [...host.querySelectorAll('button')].find((b) => b.textContent === 'Export to scenarios/')?.click());
    await settle();
    expect(statusText()).toBe("That did not work: this version does not pass today's checks against the library, so it cannot go to scenarios/");
  });
});

describe('creating a scenario', () => {
  async function create(id: string) {
    render(<StudioList />);
    await settle();
    const input = byLabel(host, appStore.getState().lang === 'en' ? 'New scenario id (lower-case letters, digits, dashes)' : '新剧本 ID（小写字母、数字和连字符）');
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, id);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => (byRole(host, 'button', appStore.getState().lang === 'en' ? 'Create' : '新建') as HTMLButtonElement).click());
    await settle();
  }

  it('under an id the library has: says so in the page language, not the server message', async () => {
    answers['PUT /api/studio/scenarios/bargainer/draft'] = [{ status: 409, body: { error: { code: 'conflict', message: ENGLISH } } }];
    await create('bargainer');
    expect(byRole(host, 'alert').textContent).toBe('操作失败：角色库里已经有 ID 为 bargainer 的剧本，请换一个新 ID');
  });

  it('under an id the studio has (a draft exists), in English', async () => {
    answers['PUT /api/studio/scenarios/mine/draft'] = [{ status: 409, body: { error: { code: 'conflict', message: ENGLISH }, latest: { revision: 'r1', savedBy: '王老师', savedAt: 1 } } }];
    setLang('en');
    await create('mine');
    expect(byRole(host, 'alert').textContent).toBe('That did not work: the studio already has a scenario with the id mine; pick a new id, or open it from the list');
  });

  it('with the server out of reach, or refusing for a reason the page does not know: general words, the message in the console', async () => {
    answers['PUT /api/studio/scenarios/new-one/draft'] = ['offline'];
    await create('new-one');
    expect(byRole(host, 'alert').textContent).toBe('操作失败：连不上服务器，请检查网络后再试');
    remount();
    answers['PUT /api/studio/scenarios/new-one/draft'] = [{ status: 418, body: { error: { code: 'teapot', reason: 'brewing', message: ENGLISH } } }];
    await create('new-one');
    expect(byRole(host, 'alert').textContent).toBe('操作失败：服务器没有接受这个操作，请稍后再试');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(ENGLISH));
  });
});

describe('the studio failure text', () => {
  const d = (key: string, params?: Record<string, string | number>) => `${key}${params?.['message'] !== undefined ? `:${String(params['message'])}` : ''}`;
  const refused = (status: number, code: string, diagnostics: string[] = []) => new StudioError(ENGLISH, diagnostics, { status, code });

  it('reads a code by the call it answered', () => {
    const text = (err: unknown, action?: Parameters<typeof failedText>[2]) => failedText(d as never, err, action, 'x');
    expect(text(refused(404, 'not-found'), 'load')).toBe('failed:refusal.noScenario');
    expect(text(refused(404, 'not-found'), 'publish')).toBe('failed:refusal.noDraftToPublish');
    expect(text(refused(404, 'not-found'), 'delete')).toBe('failed:refusal.noDraft');
    expect(text(refused(404, 'not-found'), 'export')).toBe('failed:refusal.noVersion');
    expect(text(refused(409, 'conflict'), 'publish')).toBe('failed:refusal.publishRace');
    expect(text(refused(400, 'bad-request'), 'save')).toBe('failed:refusal.tooBig');
    expect(text(refused(401, 'unauthorized'))).toBe('failed:refusal.loggedOut');
    expect(text(refused(403, 'forbidden'))).toBe('failed:refusal.forbidden');
    expect(text(refused(500, 'internal'), 'export')).toBe('failed:refusal.internal');
    expect(text(new Error(ENGLISH))).toBe('failed:refusal.other');
  });
});
