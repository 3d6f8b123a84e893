// @vitest-environment jsdom
// Where a trainer picks a buyer move in the forms (a new rule's scope, where a new reaction goes) and
// where a rule's scope is shown, the move goes by its label in the page's language with its id
// beside it; and the state graph fits the width it is given, its moves named by their labels.
import { act, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { parseScenarioSource } from '../../server/engine/index.ts';
import { GraphView } from '../../client/features/studio/GraphView.tsx';
import { FormsPanel } from '../../client/features/studio/forms/FormsPanel.tsx';
import { applyChange } from '../../client/features/studio/forms/yamlEdit.ts';
import type { TextChange } from '../../client/features/studio/forms/yamlEdit.ts';
import { clip, fitGraph, MIN_SCALE, NODE_W, wrapText } from '../../client/features/studio/layout.ts';
import { appStore } from '../../client/store/index.ts';
import { libraryContext, libraryCopy } from './studioFixture.ts';
import { reactRoot } from './reactRoot.ts';

const ctx = libraryContext();
const source = libraryCopy('bargainer-easy', 'my-easy');

afterEach(() => appStore.setState({ lang: 'zh-CN' }));
const view = reactRoot();

function Editor({ initial }: { initial: string }) {
  const [text, setText] = useState(initial);
  const onEdit = (make: (s: string) => TextChange | null) => {
    const change = make(text);
    if (change) setText(applyChange(text, change));
  };
  return <FormsPanel source={text} diagnostics={[]} checkedSource={text} shops={['trailpeak']} lexicon={ctx.lexicon} onEdit={onEdit} onJump={() => undefined} />;
}

function button(scope: HTMLElement, name: string): HTMLButtonElement {
  const found = [...scope.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

function select(scope: HTMLElement, label: string): HTMLSelectElement {
  const found = [...scope.querySelectorAll('label')].find((l) => l.textContent === label);
  const input = found?.htmlFor ? document.getElementById(found.htmlFor) : null;
  if (!(input instanceof HTMLSelectElement)) throw new Error(`no select labelled ${label}`);
  return input;
}

const options = (el: HTMLSelectElement) => [...el.options].map((o) => ({ value: o.value, text: o.textContent }));

describe('picking a move in the forms', () => {
  it("names each move of a new rule's scope by its label, with the id, in Chinese", () => {
    view.render(<Editor initial={source} />);
    act(() => button(view.host, '评分规则').click());
    act(() => button(view.host, '新增规则').click());
    const scope = options(select(view.host.querySelector('[data-testid="new-rule"]') as HTMLElement, '适用范围'));
    expect(scope).toContainEqual({ value: 'state:hesitate', text: '买家在「犹豫要不要买（hesitate）」环节时' });
    expect(scope).toContainEqual({ value: 'replyTo:ask-discount', text: '买家进入「第一次砍价（ask-discount）」后的第一句回复' });
  });

  it('does so in English too, and where a new reaction sends the buyer', () => {
    act(() => appStore.setState({ lang: 'en' }));
    view.render(<Editor initial={source} />);
    act(() => button(view.host, 'Rubric rules').click());
    act(() => button(view.host, 'Add a rule').click());
    const scope = options(select(view.host.querySelector('[data-testid="new-rule"]') as HTMLElement, 'Applies to'));
    expect(scope).toContainEqual({ value: 'state:hesitate', text: 'while the buyer is in "Hesitates before ordering (hesitate)"' });

    act(() => button(view.host, 'Buyer lines').click());
    act(() => button(view.host, 'Add a reaction').click());
    const goto = options(select(view.host, 'Then the buyer moves to'));
    expect(goto).toContainEqual({ value: 'hesitate', text: 'Hesitates before ordering (hesitate)' });
    expect(goto.find((o) => o.value === 'bought-promo')?.text).toMatch(/^Bought at the festival price \(bought-promo\) \(ending: /);
  });
});

describe('the state graph', () => {
  const hard = parseScenarioSource(libraryCopy('bargainer-hard', 'my-hard'), 'my-hard.yaml');
  if (!hard.ok) throw new Error('bargainer-hard does not parse');
  const scenario = hard.value;

  it('fits a narrow column top to bottom at a readable size, and a wide one left to right', () => {
    for (const available of [493, 358]) {
      const { graph, scale } = fitGraph(scenario, [], available);
      expect(graph.direction).toBe('down');
      expect(scale).toBeGreaterThanOrEqual(MIN_SCALE);
      expect(graph.width * scale).toBeLessThanOrEqual(available);
    }
    const wide = fitGraph(scenario, [], 4000);
    expect(wide).toMatchObject({ scale: 1, graph: { direction: 'right' } });
    // Endings come after every other move, so no edge into one points back.
    const { graph } = fitGraph(scenario, [], 358);
    const at = new Map(graph.nodes.map((n) => [n.id, n]));
    for (const e of graph.edges.filter((e) => scenario.states[e.to]?.outcome)) expect((at.get(e.to)?.y ?? 0) > (at.get(e.from)?.y ?? 0)).toBe(true);
  });

  it('names each move by its label with its id under it, a long label cut to fit', () => {
    expect(clip('Pushes again after a second concession', NODE_W - 14, 13)).toMatch(/…$/);
    // A long English label takes two lines, broken between words, before anything is cut.
    expect(wrapText('Pushes again after a second concession', NODE_W - 14, 13)).toEqual(['Pushes again after a', 'second concession']);
    expect(wrapText('Walked away: the deal broke down and he left for another shop', NODE_W - 14, 13)[1]).toMatch(/…$/);
    expect(clip('第一次砍价', NODE_W - 14, 13)).toBe('第一次砍价');
    view.render(<GraphView scenario={scenario} map={hard.map} diagnostics={[]} onJump={() => undefined} />);
    const node = view.host.querySelector('[data-state="ask-discount"]') as SVGGElement;
    expect([...node.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['第一次砍价', 'ask-discount']);
    expect(node.getAttribute('aria-label')).toBe('第一次砍价（ask-discount）');
  });
});
