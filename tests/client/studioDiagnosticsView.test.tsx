// @vitest-environment jsdom
// Where the studio shows problems, they follow the page's language: the list under the editor,
// publish's refusal, the messages beside a form field and the form's YAML syntax error. The
// English original stays as the item's tooltip; a message with no Chinese wording shows in English.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../server/engine/index.ts';
import type { Diagnostic } from '../../server/engine/index.ts';
import { checkSource } from '../../client/features/studio/checks.ts';
import { FormsPanel } from '../../client/features/studio/forms/FormsPanel.tsx';
import { colonHintZh, missingColonAt } from '../../client/features/studio/colonHint.ts';
import { ProblemList, RefusalList } from '../../client/features/studio/ProblemList.tsx';
import { appStore } from '../../client/store/index.ts';
import { libraryContext, libraryCopy } from './studioFixture.ts';
import { reactRoot } from './reactRoot.ts';

const context = libraryContext();
const source = libraryCopy('bargainer-easy', 'my-easy');

afterEach(() => act(() => appStore.getState().setLang('zh-CN')));
const { host, render } = reactRoot();

/** The live check's diagnostics after replacing `from` with `to` in the library copy. */
function checkedWith(from: string, to: string): { text: string; diagnostics: Diagnostic[] } {
  const text = source.replace(from, to);
  return { text, diagnostics: checkSource(text, 'my-easy', context, false).diagnostics };
}

const buttons = () => [...host.querySelectorAll('[data-testid="studio-problems"] button')];

describe('problems in the page language', () => {
  const goto = checkedWith('goto: hesitate', 'goto: hesitat').diagnostics.find((d) => d.message.startsWith('goto '));
  if (!goto) throw new Error('the goto typo is not reported');
  const novel: Diagnostic = { path: 'my-easy.yaml', line: 3, col: 1, message: 'a check added later says "x" is odd' };

  it('lists each problem in Chinese at its place, the tooltip in the page language too', () => {
    const only = goto;
    render(<ProblemList diagnostics={[only, novel]} source={source} onJump={() => undefined} />);
    const [known, unknown] = buttons();
    expect(known?.textContent).toBe(`my-easy.yaml:${only.line}:${only.col}: goto 写的 "hesitat" 不是已有的环节（是不是想写 "hesitate"？）`);
    expect(known?.getAttribute('title')).toBe(known?.textContent);
    // A message the tables do not know yet still says what is wrong, in English.
    expect(unknown?.textContent).toBe('my-easy.yaml:3:1: a check added later says "x" is odd');

    act(() => appStore.getState().setLang('en'));
    expect(buttons()[0]?.textContent).toBe(formatDiagnostic(only));
    expect(buttons()[0]?.getAttribute('title')).toBe(formatDiagnostic(only));
  });

  it("words publish's refused lines the same way", () => {
    const lines = [goto, novel].map(formatDiagnostic);
    render(<RefusalList lines={lines} label="refused" />);
    const items = [...host.querySelectorAll('li')];
    expect(items[0]?.textContent).toMatch(/^my-easy\.yaml:\d+:\d+: goto 写的 "hesitat" 不是已有的环节/);
    expect(items[0]?.getAttribute('title')).toBe(items[0]?.textContent);
    expect(items[1]?.textContent).toBe(lines[1]);
  });
});

describe('problems in the forms', () => {
  const panel = (text: string, diagnostics: readonly Diagnostic[]) => (
    <FormsPanel source={text} diagnostics={diagnostics} checkedSource={text} shops={['trailpeak']} lexicon={context.lexicon} onEdit={() => undefined} onJump={() => undefined} />
  );
  const click = (name: string) => act(() => [...host.querySelectorAll('button')].find((b) => b.textContent === name)?.click());

  it('shows a field\'s check message in Chinese, with a counted path, the tooltip in Chinese too', () => {
    const { text, diagnostics } = checkedWith('weight: 8', 'weight: 0');
    const message = diagnostics.find((d) => d.message.includes('weight'));
    expect(message?.message).toMatch(/^rubric\.rules\[\d+\]\.weight: must be greater than 0, got the number 0$/);
    render(panel(text, diagnostics));
    click('评分规则');
    const item = host.querySelector('[data-rule="no-early-concession"] .studio-form-problems li');
    expect(item?.textContent).toMatch(/^\d+:\d+ 第 \d+ 条规则 › weight：必须大于 0，实际是数字 0$/);
    const index = Number(/rules\[(\d+)\]/.exec(message?.message ?? '')?.[1]);
    expect(item?.textContent).toContain(`第 ${index + 1} 条规则`);
    expect(item?.getAttribute('title')).toBe(/^\d+:\d+ (.*)$/.exec(item?.textContent ?? '')?.[1]);
    act(() => appStore.getState().setLang('en'));
    expect(host.querySelector('[data-rule="no-early-concession"] .studio-form-problems li')?.textContent).toContain('must be greater than 0, got the number 0');
  });

  it('words the YAML syntax error the form pauses on', () => {
    const broken = source.replace('  nickname: 小雨同学', '  nickname: 小雨同学: x');
    render(panel(broken, []));
    const error = host.querySelector('.studio-forms .studio-mono');
    expect(error?.textContent).toBe('这里不能再嵌套“键: 值”（多半是一行里写了两个冒号，或者缩进多了）');
    expect(error?.getAttribute('title')).toBe(error?.textContent);
    act(() => appStore.getState().setLang('en'));
    expect(host.querySelector('.studio-forms .studio-mono')?.getAttribute('title')).toBe('Nested mappings are not allowed in compact mappings');
  });
});

describe('a missing colon', () => {
  it('is pinned to the line that lacks it: this line', () => {
    const text = source.replace('  nickname: 小雨同学', '  nickname 小雨同学');
    const diagnostics = checkSource(text, 'my-easy', context, false).diagnostics;
    const line = text.split('\n').findIndex((l) => l === '  nickname 小雨同学') + 1;
    expect(diagnostics[0]?.line).toBe(line);
    render(<ProblemList diagnostics={diagnostics} source={text} onJump={() => undefined} />);
    expect(buttons()[0]?.textContent).toContain(`第 ${line} 行少了冒号`);
    expect(buttons()[0]?.textContent).not.toContain('上一行');
  });

  it('or the line above, when this one has its colon', () => {
    expect(missingColonAt('a: 1\nkey without colon\nb: 2\n', 3)).toBe('previous');
    expect(missingColonAt('a: 1\nb 2\nc: 3\n', 2)).toBe('this');
    expect(missingColonAt('a: 1\n"k: x"\nc: 3\n', 2)).toBe('this');
    expect(missingColonAt('- a\nb: 2\n', 2)).toBeUndefined();
    expect(colonHintZh('YAML syntax error: Implicit keys need to be on a single line', 'a: 1\nkey without colon\nb: 2\n', 3)).toBe('YAML 语法错误：第 2 行（上一行）多半少了冒号（应写成“键: 值”）');
  });
});
