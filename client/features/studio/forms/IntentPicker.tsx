// Pick one or more intents from a list (the scenario's own first, then the lexicon's, each by its
// label in the page's language with its id, and its description) rather than typing ids: the chosen
// ones show as chips, named the same way, that can be taken back.
import { useId, useState } from 'react';
import type { IntentChoice } from './intentChoices.ts';
import { useIntentLabel, useIntentNames } from './intentChoices.ts';
import { useFormT } from './strings.ts';

interface Props {
  label: string;
  choices: readonly IntentChoice[];
  value: readonly string[];
  /** the last chosen intent cannot be taken back (an existing check needs one) */
  keepOne?: boolean;
  onChange(next: string[]): void;
}

export function IntentPicker({ label, choices, value, keepOne = false, onChange }: Props) {
  const d = useFormT();
  const name = useIntentNames(choices);
  const labelOf = useIntentLabel(choices);
  const id = useId();
  const [pick, setPick] = useState('');
  const open = choices.filter((c) => !value.includes(c.id));
  const add = () => {
    if (pick === '' || value.includes(pick)) return;
    onChange([...value, pick]);
    setPick('');
  };
  const describe = (c: IntentChoice) => `${name(c.id)}${c.own ? ` [${d('intents.own')}]` : ''}${c.description ? ` — ${c.description.slice(0, 60)}` : ''}`;
  return (
    <div className="studio-form-row">
      <label htmlFor={id}>{label}</label>
      <ul className="studio-form-chips" aria-label={d('intents.chosen')}>
        {value.length === 0 && <li className="muted">{d('intents.none')}</li>}
        {value.map((intent) => (
          <li key={intent}>
            {labelOf(intent) !== undefined && <span>{labelOf(intent)} </span>}
            <span className="studio-mono">{intent}</span>
            <button type="button" className="btn btn-small btn-ghost" aria-label={d('intents.remove', { id: intent })} disabled={keepOne && value.length <= 1} onClick={() => onChange(value.filter((v) => v !== intent))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="studio-form-variant">
        <select id={id} value={pick} onChange={(e) => setPick(e.target.value)}>
          <option value="">{d('intents.pick')}</option>
          {open.map((c) => <option key={c.id} value={c.id} title={c.description}>{describe(c)}</option>)}
        </select>
        <button type="button" className="btn btn-small" disabled={pick === ''} onClick={add}>{d('intents.add')}</button>
      </div>
    </div>
  );
}
