// What a move can gain from the form: a reaction (when the reply matches these intents or the agent
// takes this action, for a card or coupon maybe one of the shop's, the buyer says these lines and
// goes to that move) and, when the move has none
// of its own, a silence nudge. Each is written into the YAML as one change when added.
import { useState } from 'react';
import type { Shop } from '../../../../server/engine/index.ts';
import { tAny, useT } from '../../../i18n/index.ts';
import { CheckPicker, checkOf, emptyCheck } from './CheckPicker.tsx';
import type { CheckDraft } from './CheckPicker.tsx';
import { DraftNumber, DraftSelect, DraftText, positive } from './DraftInputs.tsx';
import type { FormApi } from './FormFields.tsx';
import type { StateForm } from './formModel.ts';
import type { IntentChoice } from './intentChoices.ts';
import { useIntentNames } from './intentChoices.ts';
import { useMoveNames } from './moveNames.ts';
import { useFormT } from './strings.ts';
import { addNudge, addReaction } from './yamlAdd.ts';

/**
 * Intents an earlier transition of the move already takes without a guard: the new reaction goes
 * after those (before the first `else`), so a reply matching them never reaches it.
 */
function shadowedIntents(state: StateForm, intents: readonly string[]): string[] {
  const firstElse = state.onTriggers.findIndex((t) => t.otherwise);
  const before = firstElse < 0 ? state.onTriggers : state.onTriggers.slice(0, firstElse);
  const taken = new Set(before.filter((t) => !t.when).flatMap((t) => t.intents ?? []));
  return intents.filter((i) => taken.has(i));
}

/** Non-empty lines of a textarea: one buyer line each. */
const linesOf = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');

interface ReactionProps {
  state: StateForm;
  states: readonly StateForm[];
  choices: readonly IntentChoice[];
  /** the scenario's shop (a card or coupon reaction may name one of its products or coupons) */
  shop: Shop | undefined;
  api: FormApi;
  onDone(): void;
}

export function NewReactionForm({ state, states, choices, shop, api, onDone }: ReactionProps) {
  const d = useFormT();
  const t = useT();
  const [check, setCheck] = useState<CheckDraft>(emptyCheck);
  const [lines, setLines] = useState('');
  const [goto, setGoto] = useState('');
  const [failed, setFailed] = useState(false);
  const moveName = useMoveNames(states);
  const intentName = useIntentNames(choices);
  const chosen = checkOf(check);
  const said = linesOf(lines);
  const shadowed = check.kind === 'intent' ? shadowedIntents(state, check.intents) : [];
  const missing = [...(chosen ? [] : [d('check.intents')]), ...(said.length > 0 ? [] : [d('reaction.lines')])];
  const targets = [
    { value: '', label: d('reaction.stay') },
    ...states
      .filter((s) => s.id !== state.id)
      .map((s) => ({ value: s.id, label: s.outcome ? d('reaction.ending', { id: moveName(s.id), kind: tAny(t, `outcome.${s.outcome}`, s.outcome) }) : moveName(s.id) })),
  ];
  const submit = () => {
    if (!chosen || said.length === 0) return;
    if (api.change((source) => addReaction(source, state.id, { check: chosen, lines: said, goto: goto === '' ? undefined : goto }))) onDone();
    else setFailed(true);
  };
  return (
    <fieldset className="studio-form-card studio-form-new" data-testid={`new-reaction-${state.id}`}>
      <legend>{d('reaction.legend', { state: state.id })}</legend>
      <CheckPicker draft={check} onChange={setCheck} choices={choices} intentsLabel={d('check.intents')} shop={shop} narrows />
      <DraftText label={d('reaction.lines')} value={lines} onChange={setLines} multiline />
      <DraftSelect label={d('reaction.goto')} value={goto} onChange={setGoto} options={targets} />
      <p className="muted">{d('reaction.first')}</p>
      {shadowed.length > 0 && <p className="studio-error">{d('reaction.shadowed', { ids: shadowed.map(intentName).join(', ') })}</p>}
      {missing.length > 0 && <p className="muted">{d('add.missing', { fields: missing.join(d('add.separator')) })}</p>}
      {failed && <p className="studio-error" role="alert">{d('add.failed')}</p>}
      <div className="studio-form-variant">
        <button type="button" className="btn btn-small btn-primary" disabled={missing.length > 0} onClick={submit}>{d('reaction.submit')}</button>
        <button type="button" className="btn btn-small" onClick={onDone}>{d('add.cancel')}</button>
      </div>
    </fieldset>
  );
}

export function NewNudgeForm({ state, api, onDone }: { state: StateForm; api: FormApi; onDone(): void }) {
  const d = useFormT();
  const [line, setLine] = useState('');
  const [after, setAfter] = useState('60');
  const [failed, setFailed] = useState(false);
  // Without a delay in force (here or scenario-wide) a nudge is never said: ask for one then.
  const seconds = state.nudgeAfter ? undefined : positive(after);
  const ready = line.trim() !== '' && (state.nudgeAfter || seconds !== undefined);
  const submit = () => {
    if (!ready) return;
    if (api.change((source) => addNudge(source, state.id, line.trim(), seconds))) onDone();
    else setFailed(true);
  };
  return (
    <fieldset className="studio-form-card studio-form-new" data-testid={`new-nudge-${state.id}`}>
      <legend>{d('nudge.legend')}</legend>
      <DraftText label={d('nudge.line', { state: state.id })} value={line} onChange={setLine} />
      {!state.nudgeAfter && <DraftNumber label={d('nudge.after')} value={after} onChange={setAfter} />}
      {failed && <p className="studio-error" role="alert">{d('add.failed')}</p>}
      <div className="studio-form-variant">
        <button type="button" className="btn btn-small btn-primary" disabled={!ready} onClick={submit}>{d('nudge.submit')}</button>
        <button type="button" className="btn btn-small" onClick={onDone}>{d('add.cancel')}</button>
      </div>
    </fieldset>
  );
}
