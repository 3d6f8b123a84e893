// The studio's form panel as its component tests drive it: the panel over a text that stands in for
// the editor (each change applied as it comes, so the next edit sees the new text), plus the label
// and button lookups the form tests share.
import { act, useState } from 'react';
import type { ComponentProps } from 'react';
import type { Diagnostic } from '../../server/engine/index.ts';
import { FormsPanel } from '../../client/features/studio/forms/FormsPanel.tsx';
import { applyChange } from '../../client/features/studio/forms/yamlEdit.ts';
import type { TextChange } from '../../client/features/studio/forms/yamlEdit.ts';
import type { ReactRoot } from './reactRoot.ts';

type PanelProps = ComponentProps<typeof FormsPanel>;

export interface FormsHarness {
  host: HTMLElement;
  /** the text with every change so far applied */
  text(): string;
  /** each change the panel made, in order */
  changes: TextChange[];
  /** each jump the panel asked for, as [line, col] */
  jumps: [number, number][];
}

export interface FormsOptions {
  lexicon: PanelProps['lexicon'];
  catalog?: PanelProps['catalog'];
  diagnostics?: readonly Diagnostic[];
  /** the text the diagnostics were computed for; the current text when left out */
  checkedSource?: string;
}

/** Renders the panel over `initial` into `view` (scenario shop trailpeak). */
export function mountForms(view: ReactRoot, initial: string, options: FormsOptions): FormsHarness {
  let current = initial;
  const harness: FormsHarness = { host: view.host, text: () => current, changes: [], jumps: [] };
  const { lexicon, catalog, diagnostics = [], checkedSource } = options;
  function Editor() {
    const [text, setText] = useState(initial);
    const onEdit = (make: (s: string) => TextChange | null) => {
      const change = make(current);
      if (!change) return;
      harness.changes.push(change);
      current = applyChange(current, change);
      setText(current);
    };
    return (
      <FormsPanel
        source={text}
        diagnostics={diagnostics}
        checkedSource={checkedSource ?? text}
        shops={['trailpeak']}
        {...(catalog ? { catalog } : {})}
        lexicon={lexicon}
        onEdit={onEdit}
        onJump={(line, col) => void harness.jumps.push([line, col])}
      />
    );
  }
  view.render(<Editor />);
  return harness;
}

/** The one input, text area or select a <label> with exactly this text points at. */
export function field(scope: HTMLElement, label: string): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
  const found = [...scope.querySelectorAll('label')].find((l) => l.textContent === label);
  const input = found?.htmlFor ? document.getElementById(found.htmlFor) : null;
  if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement || input instanceof HTMLSelectElement)) throw new Error(`no field labelled ${label}`);
  return input;
}

/** Types into the labelled field, or picks in it, as React sees a user do it. */
export function fill(scope: HTMLElement, label: string, value: string): void {
  const input = field(scope, label);
  const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : input instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

/** The button in `scope` whose text is `name`. */
export function button(scope: HTMLElement, name: string): HTMLButtonElement {
  const found = [...scope.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

export const click = (scope: HTMLElement, name: string): void => act(() => button(scope, name).click());

/** The control the one <label> with exactly this text points at; none or several fail the test. */
export function control<E extends HTMLElement>(scope: HTMLElement, label: string): E {
  const found = [...scope.querySelectorAll('label')].filter((l) => l.textContent === label);
  const input = found.length === 1 && found[0]?.htmlFor ? document.getElementById(found[0].htmlFor) : null;
  if (!input) throw new Error(`${found.length} fields labelled ${label}`);
  return input as E;
}
