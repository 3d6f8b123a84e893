// The form's inputs. Text inputs write to the YAML on every change (the value reads back exactly, so
// the caret never jumps); numbers keep a draft while they are being typed and write
// once they mean something. Each field shows the live check's messages that point into it, and a
// field the form cannot write (an alias, an odd shape) offers a jump to its YAML instead.
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { Diagnostic } from '../../../../server/engine/index.ts';
import { useDiagnosticWords } from '../diagnosticWords.ts';
import type { Field } from './formModel.ts';
import { useFormT } from './strings.ts';
import type { YamlPath } from './yamlDoc.ts';
import type { FormValue, TextChange } from './yamlEdit.ts';

export interface FormApi {
  problems(path: YamlPath): readonly Diagnostic[];
  set(path: YamlPath, value: FormValue): void;
  addVariant(linePath: YamlPath, text: string): void;
  /** `expected`: the wording shown, so a variant moved since is left alone */
  removeVariant(linePath: YamlPath, index: number, expected?: string): void;
  renameKey(path: YamlPath, name: string): void;
  /**
   * Any other edit made from the text as it is now (adding or removing a whole part); false when
   * `make` found no way to write it there (a list in flow style, say).
   */
  change(make: (source: string) => TextChange | null): boolean;
  /** show this text offset in the YAML editor */
  jump(offset: number): void;
}

/**
 * The check's messages that point into a field, and `extra`: what the form itself can tell about
 * it before the check has run (a label given in one language only), in the page's language (the
 * check's English original is the item's tooltip).
 */
export function FieldProblems({ api, path, extra = [], id }: { api: FormApi; path: YamlPath; extra?: readonly string[]; id?: string }) {
  const d = useFormT();
  const words = useDiagnosticWords();
  const list = api.problems(path);
  if (list.length === 0 && extra.length === 0) return null;
  return (
    <ul id={id} className="studio-form-problems" aria-label={d('problems')}>
      {extra.map((text) => <li key={text}>{text}</li>)}
      {list.map((p) => (
        <li key={`${p.line}:${p.col}:${p.message}`} title={words.message(p.message)}>
          {`${p.line}:${p.col} ${words.message(p.message)}`}
        </li>
      ))}
    </ul>
  );
}

/**
 * A closed card still says that something inside it needs fixing, and its tooltip says what: each
 * message in the page's language (`extra`: the form's own findings, already worded).
 */
export function ProblemCount({ api, paths, extra = [] }: { api: FormApi; paths: readonly YamlPath[]; extra?: readonly string[] }) {
  const d = useFormT();
  const words = useDiagnosticWords();
  const found = [...extra, ...paths.flatMap((path) => api.problems(path).map((p) => `${p.line}:${p.col} ${words.message(p.message)}`))];
  if (found.length === 0) return null;
  return (
    <span className="studio-error" title={found.join('\n')} data-testid="problem-count">
      {' · '}
      {d('problemCount', { count: found.length })}
    </span>
  );
}

export function YamlJump({ api, span }: { api: FormApi; span: readonly [number, number] | undefined }) {
  const d = useFormT();
  if (!span) return null;
  return (
    <button type="button" className="linkish studio-form-jump" onClick={() => api.jump(span[0])}>
      {d('yamlOnly')}
    </button>
  );
}

interface Row {
  api: FormApi;
  field: Field;
  label: string;
}

function Labelled({ api, field, label, children, id, problem }: Row & { children: ReactNode; id: string; problem?: string | undefined }) {
  const invalid = api.problems(field.path).length > 0 || problem !== undefined;
  return (
    <div className={`studio-form-row${invalid ? ' is-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {field.yamlOnly ? <YamlJump api={api} span={field.span} /> : children}
      <FieldProblems api={api} path={field.path} extra={problem === undefined ? [] : [problem]} id={`${id}-problems`} />
    </div>
  );
}

/** A draft of the input that starts over whenever the YAML's value changes under it. */
function useDraft(written: string): [string, (next: string) => void] {
  const [state, setState] = useState({ written, draft: written });
  if (state.written !== written) setState({ written, draft: written });
  const draft = state.written === written ? state.draft : written;
  return [draft, (next) => setState({ written, draft: next })];
}

const asText = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** `problem`: the form's own finding about this field, shown like the check's messages. */
export function TextField({ multiline = false, readOnly = false, problem, ...row }: Row & { multiline?: boolean; readOnly?: boolean; problem?: string | undefined }) {
  const id = useId();
  const invalid = row.api.problems(row.field.path).length > 0 || problem !== undefined;
  const common = {
    id,
    value: asText(row.field.value),
    readOnly,
    'aria-invalid': invalid,
    'aria-describedby': invalid ? `${id}-problems` : undefined,
    onChange: (e: { target: { value: string } }) => {
      if (!readOnly) row.api.set(row.field.path, e.target.value);
    },
  };
  return (
    <Labelled {...row} id={id} problem={problem}>
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
    </Labelled>
  );
}

/** `onPick`: writes a choice itself (a scope, an empty choice that removes a key); by default the value is set at the field. */
export function SelectField({ options, onPick, ...row }: Row & { options: readonly { value: string; label: string }[]; onPick?(value: string): void }) {
  const id = useId();
  const current = asText(row.field.value);
  const known = options.some((o) => o.value === current);
  return (
    <Labelled {...row} id={id}>
      <select id={id} value={current} onChange={(e) => (onPick ? onPick(e.target.value) : row.api.set(row.field.path, e.target.value))}>
        {!known && <option value={current}>{current || '—'}</option>}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Labelled>
  );
}

/** Keeps what is being typed until it is a number; the YAML gets it then. */
export function NumberField(row: Row) {
  const id = useId();
  const written = asText(row.field.value);
  const [draft, setDraft] = useDraft(written);
  return (
    <Labelled {...row} id={id}>
      <input
        id={id}
        type="number"
        min={0}
        step="any"
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          const n = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(n)) row.api.set(row.field.path, n);
        }}
      />
    </Labelled>
  );
}

export function CheckboxField({ label, ...row }: Row) {
  const id = useId();
  return (
    <div className="studio-form-row studio-form-check">
      {row.field.yamlOnly ? (
        <YamlJump api={row.api} span={row.field.span} />
      ) : (
        <input id={id} type="checkbox" checked={row.field.value === true} onChange={(e) => row.api.set(row.field.path, e.target.checked)} />
      )}
      <label htmlFor={id}>{label}</label>
      <FieldProblems api={row.api} path={row.field.path} />
    </div>
  );
}

const listOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);

export function ChoiceListField({ options, label, ...row }: Row & { options: readonly { value: string; label: string }[] }) {
  const chosen = listOf(row.field.value);
  // The trainer's order stays; a new choice goes last. Values the form does not know (a typo the
  // check reports) are kept rather than dropped.
  const toggle = (value: string, on: boolean) => row.api.set(row.field.path, on ? [...chosen.filter((v) => v !== value), value] : chosen.filter((v) => v !== value));
  return (
    <fieldset className="studio-form-row studio-form-choices">
      <legend>{label}</legend>
      {row.field.yamlOnly ? (
        <YamlJump api={row.api} span={row.field.span} />
      ) : (
        options.map((o) => (
          <label key={o.value}>
            <input type="checkbox" checked={chosen.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
            {o.label}
          </label>
        ))
      )}
      <FieldProblems api={row.api} path={row.field.path} />
    </fieldset>
  );
}
