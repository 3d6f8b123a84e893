// The form views beside the YAML: metadata, buyer lines and rubric rules. They read the text the
// editor holds and write back through `onEdit` as minimal text changes. While the YAML does not
// parse they show the syntax error and a link to it instead of a stale form.
import { useMemo, useState } from 'react';
import type { Diagnostic, Lexicon, Shop } from '../../../../server/engine/index.ts';
import type { FormApi } from './FormFields.tsx';
import { problemsByPath, pathKey } from './fieldProblems.ts';
import { readForms } from './formModel.ts';
import type { IntentInfo } from './formModel.ts';
import { intentChoices } from './intentChoices.ts';
import { LinesForm } from './LinesForm.tsx';
import { MetaForm } from './MetaForm.tsx';
import { RulesForm } from './RulesForm.tsx';
import { useFormT } from './strings.ts';
import { lineColAt } from '../checks.ts';
import { useDiagnosticWords } from '../diagnosticWords.ts';
import { addVariant, removeVariant, renameKey, setValue } from './yamlEdit.ts';
import type { TextChange } from './yamlEdit.ts';

interface Props {
  source: string;
  /** the live check's diagnostics and the text they were computed for */
  diagnostics: readonly Diagnostic[];
  checkedSource: string;
  shops: readonly string[];
  /** the shops' catalogues, by id (a rule's or a new reaction's product or coupon is picked from its scenario's shop) */
  catalog?: Readonly<Record<string, Shop>>;
  /** the global intents new rules and reactions pick from (the studio context's) */
  lexicon: Lexicon;
  onEdit(make: (source: string) => TextChange | null): void;
  onJump(line: number, col: number): void;
}

type Section = 'meta' | 'lines' | 'rules';

const shopOf = (catalog: Props['catalog'], id: unknown): Shop | undefined => (catalog && typeof id === 'string' && Object.hasOwn(catalog, id) ? catalog[id] : undefined);
const sections: readonly Section[] = ['meta', 'lines', 'rules'];
const none: readonly Diagnostic[] = [];
const noIntents: readonly IntentInfo[] = [];

export function FormsPanel({ source, diagnostics, checkedSource, shops, catalog, lexicon, onEdit, onJump }: Props) {
  const d = useFormT();
  const words = useDiagnosticWords();
  const [section, setSection] = useState<Section>('meta');
  const read = useMemo(() => readForms(source), [source]);
  // A few dozen entries: cheaper to list again than to keep a memo in step with every edit.
  const choices = intentChoices(lexicon, read.ok ? read.model.intents : noIntents);
  // Diagnostics for another text would point at the wrong fields: wait for the check to catch up.
  const problems = useMemo(
    () => (read.ok && checkedSource === source ? problemsByPath(read.model, source, diagnostics) : new Map<string, readonly Diagnostic[]>()),
    [read, source, checkedSource, diagnostics],
  );
  const api: FormApi = useMemo(
    () => ({
      problems: (path) => problems.get(pathKey(path)) ?? none,
      set: (path, value) => onEdit((s) => setValue(s, path, value)),
      addVariant: (path, text) => onEdit((s) => addVariant(s, path, text)),
      removeVariant: (path, index, expected) => onEdit((s) => removeVariant(s, path, index, expected)),
      renameKey: (path, name) => onEdit((s) => renameKey(s, path, name)),
      change: (make) => {
        // The editor hands `make` its current text right away, so the answer is known on return.
        let made = false;
        onEdit((s) => {
          const change = make(s);
          made = change !== null;
          return change;
        });
        return made;
      },
      jump: (offset) => {
        const at = lineColAt(source, offset);
        onJump(at.line, at.col);
      },
    }),
    [problems, onEdit, onJump, source],
  );

  if (!read.ok) {
    const { line, col, message } = read.error;
    return (
      <div className="studio-forms" data-testid="studio-forms">
        <p className="studio-error" role="alert">{d('parse.title')}</p>
        <p>
          <button type="button" className="linkish studio-form-jump" onClick={() => onJump(line, col)}>{d('parse.at', { line, col })}</button>{' '}
          <span className="studio-mono" title={words.yaml(message)}>
            {words.yaml(message)}
          </span>
        </p>
      </div>
    );
  }
  const { model } = read;
  const shop = shopOf(catalog, model.meta.shop.value);
  return (
    <div className="studio-forms" data-testid="studio-forms">
      <p className="muted">{d('intro')}</p>
      <div className="studio-form-sections" role="group" aria-label={d('section.label')}>
        {sections.map((s) => (
          <button key={s} type="button" className="btn btn-small" aria-pressed={section === s} onClick={() => setSection(s)}>
            {d(`section.${s}`)}
          </button>
        ))}
      </div>
      {section === 'meta' && <MetaForm meta={model.meta} api={api} shops={shops} />}
      {section === 'lines' && <LinesForm states={model.states} nudge={model.nudge} choices={choices} shop={shop} api={api} />}
      {section === 'rules' && <RulesForm rules={model.rules} states={model.states} choices={choices} shop={shop} api={api} />}
    </div>
  );
}
