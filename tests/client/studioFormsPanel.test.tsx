// @vitest-environment jsdom
// The form panel in a browser-like DOM: typing in a field sends one minimal change to the text it
// edits, a check diagnostic shows next to the field it points into, and a YAML that does not parse
// shows its error and a link to the line instead of the fields.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../server/engine/index.ts';
import { checkSource } from '../../client/features/studio/checks.ts';
import { appStore } from '../../client/store/index.ts';
import { click, mountForms } from './formsHarness.tsx';
import type { FormsHarness } from './formsHarness.tsx';
import { reactRoot } from './reactRoot.ts';
import { libraryContext, libraryCopy } from './studioFixture.ts';

const context = libraryContext();
const { lexicon } = context;
const source = libraryCopy('bargainer-easy', 'my-easy');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

afterEach(() => act(() => appStore.getState().setLang('zh-CN')));
const view = reactRoot();

/** The panel over a text that stands in for the editor, its diagnostics computed for `initial`. */
function mount(initial: string, diagnostics: readonly Diagnostic[] = []): FormsHarness {
  return mountForms(view, initial, { lexicon, diagnostics, checkedSource: initial });
}

function byLabel(host: HTMLElement, text: string): HTMLInputElement {
  const label = [...host.querySelectorAll('label')].find((l) => l.textContent === text);
  const input = label?.htmlFor ? (document.getElementById(label.htmlFor) as HTMLInputElement | null) : null;
  const direct = host.querySelector<HTMLInputElement>(`[aria-label="${text}"]`);
  const found = input ?? direct;
  if (!found) throw new Error(`no field labelled ${text}`);
  return found;
}

function type(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('FormsPanel', () => {
  it('writes a title edit as one change to that line only', () => {
    const h = mount(source);
    const title = byLabel(h.host, '标题（英文，可不填）');
    expect(title.value).toBe('The bargainer (easy): a student hoping for a little off');
    type(title, 'The bargainer (easy)');
    expect(h.changes).toHaveLength(1);
    const before = source.split('\n');
    const after = h.text().split('\n');
    expect(after.filter((l, i) => l !== before[i])).toEqual(["  en: 'The bargainer (easy)'"]);
    expect(byLabel(h.host, '标题（英文，可不填）').value).toBe('The bargainer (easy)');
  });

  it('adds and removes a wording of a buyer line', () => {
    const h = mount(source);
    click(h.host, '买家台词');
    const fresh = byLabel(h.host, 'opening 第 1 句 新说法');
    type(fresh, '老板在吗');
    const add = fresh.parentElement?.querySelector('button');
    expect(add?.textContent).toBe('添加说法');
    act(() => add?.click());
    expect(h.text()).toContain('      - [你好呀, 亲 在吗, hello~, 老板在吗]\n');
    const remove = h.host.querySelector<HTMLButtonElement>('[aria-label="删除 opening 第 1 句 说法 1"]');
    act(() => remove?.click());
    expect(h.text()).toContain('      - [亲 在吗, hello~, 老板在吗]\n');
    expect(byLabel(h.host, 'opening 第 1 句 说法 1').value).toBe('亲 在吗');
  });

  it("edits a buyer move's label in both languages, on its own line", () => {
    const h = mount(source);
    click(h.host, '买家台词');
    const zh = byLabel(h.host, 'ask-discount 环节名称（中文）');
    expect(zh.value).toBe('第一次砍价');
    expect(byLabel(h.host, 'ask-discount 环节名称（英文，可不填）').value).toBe('First ask for a discount');
    type(zh, '首次砍价');
    type(byLabel(h.host, 'ask-discount 环节名称（英文，可不填）'), 'The first ask');
    const before = source.split('\n');
    const after = h.text().split('\n');
    expect(after.filter((l, i) => l !== before[i])).toEqual(["    label: { zh-CN: 首次砍价, en: 'The first ask' }"]);
    expect(h.host.querySelector('[data-state-lines="ask-discount"] summary')?.textContent).toContain('环节 首次砍价 · ask-discount');
  });

  it('adds a label a move does not have as its first key, one language at a time', () => {
    const unlabelled = source.replace("    label: { zh-CN: 要求包邮, en: 'Asks for free shipping' }\n", '');
    expect(unlabelled).not.toBe(source);
    const h = mount(unlabelled);
    click(h.host, '买家台词');
    expect(byLabel(h.host, 'ask-shipping 环节名称（中文）').value).toBe('');
    expect(h.host.querySelector('[data-state-lines="ask-shipping"] summary')?.textContent).toMatch(/^环节 ask-shipping · /);
    type(byLabel(h.host, 'ask-shipping 环节名称（英文，可不填）'), 'Free shipping?');
    expect(h.text()).toContain("  ask-shipping:\n    label: { en: Free shipping? }\n    note: >-\n");
    type(byLabel(h.host, 'ask-shipping 环节名称（中文）'), '要包邮');
    expect(h.text()).toContain("  ask-shipping:\n    label: { zh-CN: 要包邮, en: Free shipping? }\n    note: >-\n");
    expect(h.text().replace("    label: { zh-CN: 要包邮, en: Free shipping? }\n", '')).toBe(unlabelled);
  });

  it("removes a move's label when both its fields are emptied: the move shows its id again", () => {
    const h = mount(source);
    click(h.host, '买家台词');
    const card = () => h.host.querySelector('[data-state-lines="ask-discount"]') as HTMLElement;
    type(byLabel(h.host, 'ask-discount 环节名称（中文）'), '');
    // English alone left: the emptied field says at once that a name needs its Chinese.
    const zh = byLabel(h.host, 'ask-discount 环节名称（中文）');
    const row = zh.closest('.studio-form-row') as HTMLElement;
    expect(row.classList.contains('is-invalid')).toBe(true);
    expect(zh.getAttribute('aria-invalid')).toBe('true');
    const problem = document.getElementById(zh.getAttribute('aria-describedby') ?? '');
    expect(problem?.textContent).toBe('环节名称要有中文（英文可不填）；两栏都留空就显示环节 ID。');
    expect(byLabel(h.host, 'ask-discount 环节名称（英文，可不填）').getAttribute('aria-invalid')).toBe('false');
    expect(card().querySelector('summary')?.textContent).toContain('1 个问题');
    type(byLabel(h.host, 'ask-discount 环节名称（英文，可不填）'), '');
    const labelLine = source.split('\n').find((l, i, all) => l.startsWith('    label:') && all[i - 1] === '  ask-discount:');
    expect(labelLine).toBeDefined();
    expect(h.text()).toBe(source.replace(`${labelLine ?? ''}\n`, ''));
    expect(card().querySelector('.studio-form-problems')).toBeNull();
    expect(card().querySelector('summary')?.textContent).toMatch(/^环节 ask-discount · /);
  });

  it("an English-only label: the empty Chinese field says it is needed, not the check's message on the whole move", () => {
    const half = source.replace("    label: { zh-CN: 要求包邮, en: 'Asks for free shipping' }\n", '    label: { en: Free shipping? }\n');
    expect(half).not.toBe(source);
    const { diagnostics } = checkSource(half, 'my-easy', context, false);
    expect(diagnostics.map((d) => d.message)).toEqual(['states.ask-shipping.label: missing key "zh-CN"']);
    const h = mount(half, diagnostics);
    click(h.host, '买家台词');
    const card = h.host.querySelector('[data-state-lines="ask-shipping"]') as HTMLElement;
    expect(card.textContent).not.toContain('missing key');
    const problems = [...card.querySelectorAll('.studio-form-problems')];
    expect(problems.map((p) => p.textContent)).toEqual(['环节名称要有中文（英文可不填）；两栏都留空就显示环节 ID。']);
    expect(problems[0]?.closest('.studio-form-row')?.querySelector('label')?.textContent).toBe('ask-shipping 环节名称（中文）');
    expect(card.querySelector('summary')?.textContent).toContain('1 个问题');
  });

  it('says in both languages that a move name needs only its Chinese, how long it may be, and that empty shows the id', () => {
    const h = mount(source);
    click(h.host, '买家台词');
    const hint = () => h.host.querySelector('.studio-form-section > p.muted')?.textContent;
    expect(hint()).toContain('填中文就行，英文可不填');
    expect(hint()).toContain('中文最多 12 个字，英文最多 40 个字符');
    expect(hint()).toContain('两栏都留空就显示环节 ID');
    act(() => appStore.getState().setLang('en'));
    expect(hint()).toContain('Chinese is enough, English is optional');
    expect(hint()).toContain('at most 12 Chinese characters, 40 characters in English');
    expect(hint()).toContain('Leave both empty and the move id shows');
  });

  it('takes a move name in Chinese only as complete: no problem shown, the check passes, the English UI shows the Chinese', () => {
    const h = mount(source);
    click(h.host, '买家台词');
    const card = () => h.host.querySelector('[data-state-lines="ask-discount"]') as HTMLElement;
    type(byLabel(h.host, 'ask-discount 环节名称（英文，可不填）'), '');
    expect(h.text()).toContain('  ask-discount:\n    label: { zh-CN: 第一次砍价 }\n');
    expect(checkSource(h.text(), 'my-easy', context, false).diagnostics).toEqual([]);
    expect(card().querySelector('.studio-form-problems')).toBeNull();
    expect(card().querySelector('summary')?.textContent).not.toContain('个问题');
    for (const lang of ['中文', '英文，可不填']) expect(byLabel(h.host, `ask-discount 环节名称（${lang}）`).getAttribute('aria-invalid')).toBe('false');
    act(() => appStore.getState().setLang('en'));
    expect(card().querySelector('summary')?.textContent).toContain('Move 第一次砍价 · ask-discount');
  });

  it('names a move with a Chinese-only label by that label in the English scope list too', () => {
    const zhOnly = source.replace("    label: { zh-CN: 要求包邮, en: 'Asks for free shipping' }\n", '    label: { zh-CN: 要求包邮 }\n');
    expect(zhOnly).not.toBe(source);
    act(() => appStore.getState().setLang('en'));
    const h = mount(zhOnly);
    click(h.host, 'Rubric rules');
    click(h.host, 'Add a rule');
    const scope = byLabel(h.host, 'Applies to') as unknown as HTMLSelectElement;
    expect([...scope.options].map((o) => o.textContent)).toContain('while the buyer is in "要求包邮 (ask-shipping)"');
  });

  it('shows a check diagnostic next to the rule weight it points at', () => {
    const line = lineOf(source, 'weight: 8');
    const diag: Diagnostic = { path: 'my-easy.yaml', line, col: 15, message: 'weight: must be positive' };
    const h = mount(source, [diag]);
    click(h.host, '评分规则');
    const flagged = h.host.querySelectorAll('.studio-form-row.is-invalid');
    expect(flagged).toHaveLength(1);
    expect(flagged[0]?.closest('[data-rule]')?.getAttribute('data-rule')).toBe('no-early-concession');
    expect(flagged[0]?.textContent).toContain('权重');
    expect(flagged[0]?.textContent).toContain(`${line}:15 weight: must be positive`);
  });

  it('shows the syntax error and jumps to it instead of showing stale fields', () => {
    const broken = source.replace('  nickname: 小雨同学', '  nickname: 小雨同学: x');
    const h = mount(broken);
    expect(h.host.querySelector('[role="alert"]')?.textContent).toContain('YAML 现在读不懂');
    expect(h.host.querySelector('input')).toBeNull();
    const line = lineOf(broken, 'nickname:');
    const jump = [...h.host.querySelectorAll('button')].find((b) => b.textContent?.startsWith(`第 ${line} 行`));
    act(() => jump?.click());
    expect(h.jumps).toHaveLength(1);
    expect(h.jumps[0]?.[0]).toBe(line);
  });
});
