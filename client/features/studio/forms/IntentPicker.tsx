// Pick one or more intents from a list (the scenario's own first, then the lexicon's, each by its
// label in the page's language with its id, and its description in that language) rather than typing
// ids: the chosen ones show as chips, named the same way, that can be taken back. The list cuts a
// description short, so the one picked is shown whole under it, and each chip has its own as a tooltip.
import { useId, useState } from 'react';
import type { IntentChoice } from './intentChoices.ts';
import { useIntentDescription, useIntentLabel, useIntentNames } from './intentChoices.ts';
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
  const describeOf = useIntentDescription(choices);
  const id = useId();
  const hintId = useId();
  const [pick, setPick] = useState('');
  const open = choices.filter((c) => !value.includes(c.id));
  const add = () => {
    if (pick === '' || value.includes(pick)) return;
    onChange([...value, pick]);
    setPick('');
  };
  const describe = (c: IntentChoice) => {
    const text = describeOf(c.id);
    return `${name(c.id)}${c.own ? ` [${d('intents.own')}]` : ''}${text ? ` — ${[...text].slice(0, 60).join('')}` : ''}`;
  };
  const picked = pick === '' ? undefined : describeOf(pick);
  return (
    <div className="studio-form-row">
      <label htmlFor={id}>{label}</label>
      <ul className="studio-form-chips" aria-label={d('intents.chosen')}>
        {value.length === 0 && <li className="muted">{d('intents.none')}</li>}
        {value.map((intent) => (
          <li key={intent} title={describeOf(intent)}>
            {labelOf(intent) !== undefined && <span>{labelOf(intent)} </span>}
            <span className="studio-mono">{intent}</span>
            <button type="button" className="btn btn-small btn-ghost" aria-label={d('intents.remove', { id: intent })} disabled={keepOne && value.length <= 1} onClick={() => onChange(value.filter((v) => v !== intent))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="studio-form-variant">
        <select id={id} value={pick} onChange={(e) => setPick(e.target.value)} aria-describedby={picked ? hintId : undefined}>
          <option value="">{d('intents.pick')}</option>
          {open.map((c) => <option key={c.id} value={c.id} title={describeOf(c.id)}>{describe(c)}</option>)}
        </select>
        <button type="button" className="btn btn-small" disabled={pick === ''} onClick={add}>{d('intents.add')}</button>
      </div>
      {picked && <p id={hintId} className="muted studio-form-intent-hint">{picked}</p>}
    </div>
  );
}
