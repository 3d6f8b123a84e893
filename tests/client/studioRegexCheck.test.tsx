// @vitest-environment jsdom
// The studio editor's live regex-safety diagnostics: the backtracking check runs on the server, so
// the editor asks it (studioApi.regexCheck, mocked here at that boundary; the route itself is tested
// in tests/server/studioRegexCheck.test.ts) about the patterns it has not judged yet, once typing
// pauses, and marks each unsafe one at its line:col with the message publish gives. Verdicts are kept
// for the page's life; an answer for text since changed marks nothing; a failed request marks nothing
// and is asked again on the next change.
import { act } from 'react';
import { EditorView } from '@codemirror/view';
import { forEachDiagnostic } from '@codemirror/lint';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StudioError, studioApi } from '../../client/features/studio/api.ts';
import type { RegexPattern, RegexVerdicts } from '../../client/features/studio/api.ts';
import { judge, REGEX_CHECK_DEBOUNCE_MS, resetRegexVerdicts, unjudged } from '../../client/features/studio/regexCheck.ts';
import { StudioArea } from '../../client/features/studio/StudioArea.tsx';
import { appStore } from '../../client/store/index.ts';
import { libraryContext, libraryCopy } from './studioFixture.ts';
import { reactRoot } from './reactRoot.ts';

const ID = 'regex-live';
const SOURCE = libraryCopy('bargainer-easy', ID);
// An intent's pattern in the template, the place the tests type into (just before its closing quote).
const ANCHOR = "领[^,，。!！?？]{0,6}券'";
const BOMB = '(\\d+)+q';
const MESSAGE = 'this pattern can take exponential time on some replies: nested repetition `(\\d+)+` (a run of "0"); rewrite it without a repeat inside a repeat';
/** MESSAGE as a zh-CN studio shows it (client/features/studio/diagnosticsRegexZh.ts); the English stays in its tooltip. */
const MESSAGE_ZH = '这个正则遇到某些回复时，耗时会成指数增长：嵌套的重复 `(\\d+)+`（遇到一长串 "0" 时）；请改写，不要在重复里面再套重复';
const UNLESS_BOMB = '(a|aa)*b';

/** Every request the editor made, the patterns it asked about. */
let asked: RegexPattern[][];
/** How the mocked server answers: a verdict per pattern unless a test replaces it. */
let answer: (patterns: readonly RegexPattern[]) => Promise<RegexVerdicts>;

const verdictsOf = async (patterns: readonly RegexPattern[]): Promise<RegexVerdicts> => ({
  problems: patterns.map((p) => (p.source.includes(BOMB) ? MESSAGE : p.source.includes(UNLESS_BOMB) ? `unsafe ${p.flags}` : null)),
});

beforeEach(() => {
  resetRegexVerdicts();
  asked = [];
  answer = verdictsOf;
  vi.spyOn(studioApi, 'source').mockResolvedValue({ id: ID, from: 'draft', source: SOURCE, published: 0, revision: 'r1' });
  vi.spyOn(studioApi, 'context').mockResolvedValue(libraryContext());
  vi.spyOn(studioApi, 'versions').mockReturnValue(new Promise(() => undefined));
  vi.spyOn(studioApi, 'list').mockReturnValue(new Promise(() => undefined));
  vi.spyOn(studioApi, 'regexCheck').mockImplementation((patterns) => {
    asked.push([...patterns]);
    return answer(patterns);
  });
  // CodeMirror measures text with ranges, which jsdom does not lay out.
  Range.prototype.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => new DOMRect();
  appStore.getState().navigate(`/trainer/studio/edit/${ID}`);
});
afterEach(() => {
  vi.restoreAllMocks();
  appStore.getState().navigate('/', true);
});
const { host, render } = reactRoot();

const sleep = (ms: number) => act(async () => await new Promise((resolve) => setTimeout(resolve, ms)));

async function until(what: string, ok: () => boolean, ms = 4000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function open(): Promise<EditorView> {
  const sub = () => (appStore.getState().route as { sub?: string }).sub ?? '';
  render(<StudioArea sub={sub().slice('/studio'.length)} />);
  await until('the editor', () => !!host.querySelector('.studio-editor')?.shadowRoot?.querySelector('.cm-editor'));
  const dom = host.querySelector('.studio-editor')?.shadowRoot?.querySelector<HTMLElement>('.cm-editor');
  const view = dom ? EditorView.findFromDOM(dom) : null;
  if (!view) throw new Error('no editor');
  // The patterns of the draft as loaded are asked about at once.
  await until('the first request', () => asked.length === 1);
  await sleep(0);
  return view;
}

/** Types `text` at `at` (a character offset) one character at a time, `gap` ms apart, like a person. */
async function typeAt(view: EditorView, at: number, text: string, gap = 0): Promise<void> {
  for (const [i, ch] of [...text].entries()) {
    act(() => view.dispatch({ changes: { from: at + i, insert: ch } }));
    if (gap > 0) await sleep(gap);
  }
}

const anchorEnd = (view: EditorView) => view.state.doc.toString().indexOf(ANCHOR) + ANCHOR.length - 1;
const problems = () => [...host.querySelectorAll('[data-testid="studio-problems"] li')].map((li) => li.textContent ?? '');
const editorMarks = (view: EditorView) => {
  const marks: string[] = [];
  forEachDiagnostic(view.state, (d, from) => marks.push(`${view.state.doc.lineAt(from).number}: ${d.message}`));
  return marks;
};

/** Where publish places a matcher's pattern: its line, and the column of its opening quote. */
function positionOf(text: string, fragment: string): { line: number; col: number } {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.includes(fragment));
  return { line: index + 1, col: (lines[index] ?? '').indexOf("'") + 1 };
}

describe('live regex-safety diagnostics in the studio editor', () => {
  it('asks about the loaded patterns once each, with the flags of regex and unless', async () => {
    await open();
    const first = asked[0] ?? [];
    expect(first.length).toBeGreaterThan(5);
    expect(new Set(first.map((p) => `${p.flags}/${p.source}`)).size).toBe(first.length);
    expect(first).toContainEqual({ source: '满\\s*\\d|券|不能|不行|没法|没办法|改不了|动不了', flags: 'u' });
    expect(first.filter((p) => p.flags === 'gu').map((p) => p.source)).toContainEqual(expect.stringContaining(ANCHOR.slice(0, -1)));
    expect(problems()).toEqual([]);
    expect(host.querySelector('[data-testid="studio-problems"]')?.textContent).toBe('检查通过，内置测试全部通过');
  });

  it('waits for typing to pause, asks about the new pattern only, and marks it where publish would', async () => {
    const view = await open();
    // Typed slowly, over more than the pause: nothing is asked while typing goes on.
    await typeAt(view, anchorEnd(view), `|${BOMB}`, 120);
    expect(asked).toHaveLength(1);
    await until('the diagnostic', () => problems().length > 0);
    expect(asked).toHaveLength(2);
    expect(asked[1]).toEqual([{ source: expect.stringContaining(`券|${BOMB}`), flags: 'gu' }]);
    const text = view.state.doc.toString();
    const { line, col } = positionOf(text, `券|${BOMB}`);
    expect(problems()).toEqual([`${ID}.yaml:${line}:${col}: regex：${MESSAGE_ZH}`]);
    // the mark says it in Chinese, then the checker's own English (what a trainer can search for)
    expect(editorMarks(view)).toEqual([`${line}: regex：${MESSAGE_ZH}\nregex: ${MESSAGE}`]);
  });

  it('shows a pattern judged before at once, without asking again', async () => {
    const view = await open();
    const from = anchorEnd(view);
    await typeAt(view, from, `|${BOMB}`);
    await until('the diagnostic', () => problems().length === 1);
    expect(asked).toHaveLength(2);
    // Taken out: the mark goes with the local check.
    act(() => view.dispatch({ changes: { from, to: from + BOMB.length + 1 } }));
    await until('the mark to go', () => problems().length === 0);
    // Put back (as undo would): marked as soon as the text is checked locally, long before the pause is over.
    act(() => view.dispatch({ changes: { from, insert: `|${BOMB}` } }));
    await until('the mark to come back', () => problems().length === 1, REGEX_CHECK_DEBOUNCE_MS);
    await sleep(REGEX_CHECK_DEBOUNCE_MS + 100);
    expect(asked).toHaveLength(2);
  });

  it('marks an unless pattern as unless, with the u flags', async () => {
    const view = await open();
    const unless = "        unless: '满\\s*\\d|券|不能|不行|没法|没办法|改不了|动不了'";
    const at = view.state.doc.toString().indexOf(unless) + unless.length - 1;
    await typeAt(view, at, `|${UNLESS_BOMB}`);
    await until('the diagnostic', () => problems().length === 1);
    expect(asked[1]).toEqual([{ source: `满\\s*\\d|券|不能|不行|没法|没办法|改不了|动不了|${UNLESS_BOMB}`, flags: 'u' }]);
    const { line, col } = positionOf(view.state.doc.toString(), UNLESS_BOMB);
    expect(problems()).toEqual([`${ID}.yaml:${line}:${col}: unless: unsafe u`]);
  });

  it('marks nothing for an answer to text that has changed since, but keeps its verdict', async () => {
    const view = await open();
    let release: () => void = () => undefined;
    answer = (patterns) => new Promise((resolve) => (release = () => void resolve(verdictsOf(patterns))));
    const from = anchorEnd(view);
    await typeAt(view, from, `|${BOMB}`);
    await until('the request', () => asked.length === 2);
    // The trainer takes the pattern out while the server is still thinking.
    act(() => view.dispatch({ changes: { from, to: from + BOMB.length + 1 } }));
    await sleep(500);
    release();
    await sleep(REGEX_CHECK_DEBOUNCE_MS + 200);
    expect(problems()).toEqual([]);
    expect(editorMarks(view)).toEqual([]);
    // The verdict was kept: typing it again marks it without another request.
    answer = verdictsOf;
    act(() => view.dispatch({ changes: { from, insert: `|${BOMB}` } }));
    await until('the mark', () => problems().length === 1);
    expect(asked).toHaveLength(2);
  });

  it('marks nothing when the server cannot be reached, and asks again on the next change', async () => {
    const view = await open();
    answer = async () => {
      throw new StudioError('Failed to fetch', [], { code: 'offline' });
    };
    await typeAt(view, anchorEnd(view), `|${BOMB}`);
    await until('the request', () => asked.length === 2);
    await sleep(REGEX_CHECK_DEBOUNCE_MS + 200);
    expect(problems()).toEqual([]);
    expect(asked).toHaveLength(2);
    // Back online; any edit (here a comment) asks about the unjudged pattern again.
    answer = verdictsOf;
    await typeAt(view, view.state.doc.length, '\n# back online\n');
    await until('the diagnostic', () => problems().length === 1);
    expect(asked).toHaveLength(3);
    expect(asked[2]?.map((p) => p.source)).toEqual([expect.stringContaining(`券|${BOMB}`)]);
  });
});

describe('asking the server', () => {
  it('asks in requests of at most 200 patterns, leaves out what it knows and what is too long to send', async () => {
    const patterns: RegexPattern[] = Array.from({ length: 450 }, (_, i) => ({ source: `p${i}`, flags: i % 2 ? 'u' : 'gu' }));
    await judge(patterns);
    expect(asked.map((a) => a.length)).toEqual([200, 200, 50]);
    expect(asked.flat()).toEqual(patterns);
    const more = [...patterns, { source: 'p0', flags: 'u' as const }, { source: 'x'.repeat(2001), flags: 'gu' as const }, { source: 'new', flags: 'gu' as const }, { source: 'new', flags: 'gu' as const }];
    expect(unjudged(more)).toEqual([{ source: 'p0', flags: 'u' }, { source: 'new', flags: 'gu' }]);
  });
});
