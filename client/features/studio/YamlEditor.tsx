// CodeMirror 6 over the scenario YAML. The checks run outside (debounced, in StudioEditor) and their
// diagnostics are pushed in with setDiagnostics, so the gutter and underlines show exactly what
// publishing would report, at its line and column; a mark's tooltip words it in the page's language,
// with the English original under it.
import { useEffect, useImperativeHandle, useRef } from 'react';
import type { Ref } from 'react';
import { autocompletion } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import type { Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine } from '@codemirror/view';
import { syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import type { Diagnostic } from '../../../server/engine/index.ts';
import { offsetOf } from './checks.ts';
import { useDiagnosticWords } from './diagnosticWords.ts';
import { schemaCompletion } from './completion.ts';
import { narrowChange } from './forms/yamlEdit.ts';
import type { TextChange } from './forms/yamlEdit.ts';

export interface YamlEditorHandle {
  text(): string;
  replace(text: string): void;
  /** one edit from the forms, as a transaction: it lands in the undo history like typing */
  apply(change: TextChange): void;
  jumpTo(line: number, col: number): void;
}

interface Props {
  initial: string;
  label: string;
  diagnostics: readonly Diagnostic[];
  onChange(text: string): void;
  ref?: Ref<YamlEditorHandle>;
}

export function YamlEditor({ initial, label, diagnostics, onChange, ref }: Props) {
  const words = useDiagnosticWords();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!host.current) return;
    // CodeMirror injects its own styles. In the document that is a <style> element, which our CSP
    // (style-src 'self') refuses: the editor then has no height, no highlighting and renders the
    // wrong lines once scrolled. In a shadow root it adopts a constructed stylesheet instead (the
    // CSSOM, which CSP does not restrict), so the editor is laid out as CodeMirror intends.
    const shadow = host.current.shadowRoot ?? host.current.attachShadow({ mode: 'open' });
    const created = new EditorView({
      parent: shadow,
      root: shadow,
      state: EditorState.create({
        doc: initial,
        extensions: [
          lineNumbers(),
          history(),
          highlightActiveLine(),
          yaml(),
          syntaxHighlighting(defaultHighlightStyle),
          lintGutter(),
          autocompletion({ override: [schemaCompletion] }),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          // A fixed height with its own scroller, so the problem list below stays in place.
          // The page's CSS does not reach into the shadow root: size and fonts are set here.
          EditorView.theme({
            '&': { height: '62vh', fontSize: '13px', backgroundColor: '#fff' },
            '.cm-scroller': { overflow: 'auto', fontFamily: 'ui-monospace, Menlo, Consolas, monospace' },
          }),
          // Long lines wrap: the editor is never wider than its column, so a phone never scrolls sideways.
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) changed.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
    // Created once per scenario opened; later text (an appended test) arrives through replace().
  }, [initial, label]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const text = v.state.doc.toString();
    const marks: CmDiagnostic[] = diagnostics.map((d) => {
      const from = offsetOf(text, d.line, d.col);
      const lineEnd = v.state.doc.lineAt(from).to;
      const worded = words.message(d.message);
      // The tooltip keeps line breaks (pre-wrap): the page's wording, then the English original.
      return { from, to: Math.max(from, lineEnd), severity: 'error', message: worded === d.message ? d.message : `${worded}\n${d.message}` };
    });
    v.dispatch(setDiagnostics(v.state, marks));
  }, [diagnostics, words]);

  useImperativeHandle(ref, () => ({
    text: () => view.current?.state.doc.toString() ?? '',
    replace(text) {
      const v = view.current;
      if (!v) return;
      const current = v.state.doc.toString();
      if (current === text) return;
      // Only the part that differs (an appended test, a version number): undo takes back just that,
      // and the editor shows where it landed.
      const change = narrowChange(current, { from: 0, to: current.length, insert: text });
      v.dispatch({ changes: change, effects: EditorView.scrollIntoView(change.from + change.insert.length, { y: 'nearest' }) });
    },
    apply(change) {
      const v = view.current;
      if (!v) return;
      // Scrolled into the editor's view so the trainer sees the YAML change; focus stays in the form.
      v.dispatch({ changes: change, userEvent: 'input.form', effects: EditorView.scrollIntoView(change.from, { y: 'nearest' }) });
    },
    jumpTo(line, col) {
      const v = view.current;
      if (!v) return;
      const at = offsetOf(v.state.doc.toString(), line, col);
      v.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
      v.focus();
    },
  }));

  return <div className="studio-editor" ref={host} />;
}
