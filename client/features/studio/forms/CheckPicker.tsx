// What a new rule or reaction listens for: intents picked from the list, or one trainee action.
import { actionKinds } from '../../../../server/engine/index.ts';
import type { ActionKind } from '../../../../server/engine/index.ts';
import { DraftSelect } from './DraftInputs.tsx';
import type { IntentChoice } from './intentChoices.ts';
import { IntentPicker } from './IntentPicker.tsx';
import { useFormT } from './strings.ts';
import type { FormKey } from './strings.ts';
import type { Check } from './yamlAdd.ts';

export interface CheckDraft {
  kind: 'intent' | 'action';
  intents: string[];
  action: ActionKind;
}

export const emptyCheck: CheckDraft = { kind: 'intent', intents: [], action: 'coupon-sent' };

/** The check the draft stands for, or undefined while no intent is picked. */
export function checkOf(draft: CheckDraft): Check | undefined {
  if (draft.kind === 'action') return { action: draft.action };
  return draft.intents.length > 0 ? { intents: draft.intents } : undefined;
}

export function CheckPicker({ draft, onChange, choices, intentsLabel }: { draft: CheckDraft; onChange(next: CheckDraft): void; choices: readonly IntentChoice[]; intentsLabel: string }) {
  const d = useFormT();
  const kinds = [
    { value: 'intent', label: d('check.intent') },
    { value: 'action', label: d('check.action') },
  ];
  const actions = actionKinds.map((a) => ({ value: a, label: `${d(`action.${a}` as FormKey)} (${a})` }));
  return (
    <>
      <DraftSelect label={d('check.kind')} value={draft.kind} options={kinds} onChange={(kind) => onChange({ ...draft, kind: kind === 'action' ? 'action' : 'intent' })} />
      {draft.kind === 'intent' ? (
        <IntentPicker label={intentsLabel} choices={choices} value={draft.intents} onChange={(intents) => onChange({ ...draft, intents })} />
      ) : (
        <DraftSelect label={d('rules.action')} value={draft.action} options={actions} onChange={(action) => onChange({ ...draft, action: actionKinds.find((a) => a === action) ?? draft.action })} />
      )}
    </>
  );
}
