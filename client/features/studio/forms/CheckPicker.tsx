// What a new rule or reaction listens for: intents picked from the list, or one trainee action; for
// a product card or a coupon, given the shop, which one (ProductPicker.tsx, as an existing rule does).
import { actionKinds } from '../../../../server/engine/index.ts';
import type { ActionKind, Shop } from '../../../../server/engine/index.ts';
import { DraftSelect } from './DraftInputs.tsx';
import type { IntentChoice } from './intentChoices.ts';
import { IntentPicker } from './IntentPicker.tsx';
import { DraftProductPicker, narrowable } from './ProductPicker.tsx';
import { useFormT } from './strings.ts';
import type { FormKey } from './strings.ts';
import type { Check } from './yamlAdd.ts';

export interface CheckDraft {
  kind: 'intent' | 'action';
  intents: string[];
  action: ActionKind;
  /** card-sent / coupon-sent: the one product or coupon that counts; '' for any */
  product: string;
}

export const emptyCheck: CheckDraft = { kind: 'intent', intents: [], action: 'coupon-sent', product: '' };

/** The check the draft stands for, or undefined while no intent is picked. */
export function checkOf(draft: CheckDraft): Check | undefined {
  if (draft.kind === 'action') return draft.product !== '' && narrowable(draft.action) ? { action: draft.action, product: draft.product } : { action: draft.action };
  return draft.intents.length > 0 ? { intents: draft.intents } : undefined;
}

interface Props {
  draft: CheckDraft;
  onChange(next: CheckDraft): void;
  choices: readonly IntentChoice[];
  intentsLabel: string;
  /** the scenario's shop, to narrow a card or coupon to one of its products or coupons */
  shop?: Shop | undefined;
  /** whether to offer that narrowing at all (a rule's check and a reaction's trigger both can) */
  narrows?: boolean;
}

export function CheckPicker({ draft, onChange, choices, intentsLabel, shop, narrows = false }: Props) {
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
        <>
          {/* A product id means nothing to coupon-sent (nor a coupon id to card-sent): a new action starts from any. */}
          <DraftSelect label={d('rules.action')} value={draft.action} options={actions} onChange={(action) => onChange({ ...draft, action: actionKinds.find((a) => a === action) ?? draft.action, product: '' })} />
          {narrows && narrowable(draft.action) && <DraftProductPicker action={draft.action} shop={shop} value={draft.product} onChange={(product) => onChange({ ...draft, product })} />}
        </>
      )}
    </>
  );
}
