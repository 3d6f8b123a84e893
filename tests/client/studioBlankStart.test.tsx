// @vitest-environment jsdom
// "新建" can start blank (空白开始) as well as from a template: the studio saves the smallest scenario
// the checks accept (one buyer move with one line, one ending, one rubric rule), in Chinese only,
// at version 1, and opens it. The saved text passes the same check the server runs on publish.
import { resolve } from 'node:path';
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BLANK_START, blankScenario } from '../../client/features/studio/blankScenario.ts';
import { StudioList } from '../../client/features/studio/StudioList.tsx';
import { appStore } from '../../client/store/index.ts';
import type { ScenarioSummary } from '../../client/store/types.ts';
import { checkStudioSource } from '../../server/store/studioCheck.ts';
import { byLabel, byRole } from './a11y.ts';
import { reactRoot } from './reactRoot.ts';
import { fakeStudioApi, reply, settle } from './studioApi.ts';
import { libraryContext } from './studioFixture.ts';

const LIBRARY = resolve('scenarios');
const context = libraryContext();
const summary: ScenarioSummary = { id: 'bargainer-easy', version: 2, title: { 'zh-CN': '议价买家（入门）', en: 'Bargainer (easy)' }, description: { 'zh-CN': '', en: '' }, difficulty: 'easy', persona: 'bargainer', shop: 'trailpeak' };

let saves: { url: string; source: string }[] = [];

const { navigated } = fakeStudioApi((url, init) => {
  if (url === '/api/studio/scenarios') return reply(200, { library: [summary], drafts: [], published: [] });
  if (url === '/api/studio/context') return reply(200, context);
  if (url.endsWith('/draft') && init.method === 'PUT') {
    saves.push({ url, source: (JSON.parse(String(init.body)) as { source: string }).source });
    return reply(200, { savedAt: 1, revision: 'r1' });
  }
  return undefined;
});
beforeEach(() => {
  saves = [];
});
const { host, render } = reactRoot();

function choose(select: HTMLSelectElement, value: string) {
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

function typeId(value: string) {
  const input = byLabel(host, '新剧本 ID（小写字母、数字和连字符）');
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Every `en` key anywhere in the data. */
function englishKeys(data: unknown, at = ''): string[] {
  if (Array.isArray(data)) return data.flatMap((v, i) => englishKeys(v, `${at}[${i}]`));
  if (typeof data !== 'object' || data === null) return [];
  return Object.entries(data).flatMap(([k, v]) => [...(k === 'en' ? [`${at}.en`] : []), ...englishKeys(v, `${at}.${k}`)]);
}

describe('a blank start', () => {
  it('is offered beside the templates, in both languages', async () => {
    render(<StudioList />);
    await settle();
    const select = byLabel<HTMLSelectElement>(host, '模板');
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      [BLANK_START, '空白开始（最简剧本，只写中文也行）'],
      ['bargainer-easy', '议价买家（入门）'],
    ]);
    act(() => appStore.getState().setLang('en'));
    expect(select.options[0]?.textContent).toBe('Start blank (the smallest scenario; Chinese alone will do)');
  });

  it('saves a Chinese-only scenario at version 1 that passes the server check at once, and opens it', async () => {
    render(<StudioList />);
    await settle();
    choose(byLabel<HTMLSelectElement>(host, '模板'), BLANK_START);
    typeId('my-blank');
    await act(async () => (byRole(host, 'button', '新建') as HTMLButtonElement).click());
    await settle();
    expect(saves.map((s) => s.url)).toEqual(['/api/studio/scenarios/my-blank/draft']);
    const source = saves[0]?.source ?? '';
    expect(navigated).toEqual(['/trainer/studio/edit/my-blank']);
    expect(source.startsWith('# 空白新建：')).toBe(true);
    const data = parse(source) as { id: string; version: number; shop: string; states: Record<string, { outcome?: unknown }>; rubric: { rules: unknown[] } };
    expect([data.id, data.version, data.shop]).toEqual(['my-blank', 1, 'trailpeak']);
    expect(englishKeys(data)).toEqual([]);
    expect(Object.values(data.states).filter((s) => s.outcome !== undefined)).toHaveLength(1);
    expect(data.rubric.rules).toHaveLength(1);
    const checked = await checkStudioSource(LIBRARY, 'my-blank', source);
    expect(checked.ok ? [] : checked.diagnostics.map((d) => d.message)).toEqual([]);
  });

  it('passes the server check under any id, with the header in the page language', async () => {
    for (const [id, header] of [['a', '空白新建'], ['shop-2-blank', 'Started blank\nsecond line']] as const) {
      const checked = await checkStudioSource(LIBRARY, id, blankScenario(id, 'trailpeak', header));
      expect(checked.ok ? [] : checked.diagnostics.map((d) => d.message), id).toEqual([]);
    }
  });
});
