// A new scenario rule from the form: names, category, weight, red line, require or forbid an intent
// (picked from the lexicon) or an action (a product card or a coupon narrowed to one of the shop's,
// as an existing rule's field does it), where it applies, feedback and a model reply. Chinese is
// required and English optional (most trainers write Chinese only; a missing English line shows the
// Chinese). The id is made from the English name when there is one, else numbered (rule-1, rule-2…);
// the trainer may type another. "Add rule" writes the whole rule into the YAML as one change.
import { useState } from 'react';
import { ruleCategories } from '../../../../server/engine/index.ts';
import type { RuleCategory, Shop } from '../../../../server/engine/index.ts';
import { tAny, useT } from '../../../i18n/index.ts';
import { CheckPicker, checkOf, emptyCheck } from './CheckPicker.tsx';
import type { CheckDraft } from './CheckPicker.tsx';
import { DraftCheck, DraftNumber, DraftSelect, DraftText, positive } from './DraftInputs.tsx';
import type { StateForm } from './formModel.ts';
import type { IntentChoice } from './intentChoices.ts';
import type { MoveName } from './moveNames.ts';
import { modeOptions } from './ruleMode.ts';
import { scopeOf, scopeOptions } from './ruleScope.ts';
import { useFormT } from './strings.ts';
import type { FormKey } from './strings.ts';
import { ruleIdFor, ruleIdProblem } from './yamlAdd.ts';
import type { NewRule } from './yamlAdd.ts';

interface Props {
  ruleIds: readonly string[];
  /** the scenario's moves: the scope offers those that are not endings */
  states: readonly StateForm[];
  /** a move by its label in the page's language, with its id */
  moveName: MoveName;
  choices: readonly IntentChoice[];
  /** the scenario's shop (a card or coupon check picks its product or coupon there); undefined while unknown */
  shop: Shop | undefined;
  /** the last add found no place to write the rule */
  failed: boolean;
  onAdd(rule: NewRule): void;
  onCancel(): void;
}

type TextKey = 'titleZh' | 'titleEn' | 'feedbackZh' | 'feedbackEn' | 'modelReplyZh' | 'modelReplyEn';
/** the texts a rule cannot do without; the English ones may stay empty */
const required = ['titleZh', 'feedbackZh', 'modelReplyZh'] as const satisfies readonly TextKey[];

export function NewRuleForm({ ruleIds, states, moveName, choices, shop, failed, onAdd, onCancel }: Props) {
  const d = useFormT();
  const t = useT();
  const [text, setText] = useState<Record<TextKey, string>>({ titleZh: '', titleEn: '', feedbackZh: '', feedbackEn: '', modelReplyZh: '', modelReplyEn: '' });
  const [typedId, setTypedId] = useState<string | null>(null);
  const [category, setCategory] = useState<RuleCategory>('sales');
  const [weight, setWeight] = useState('10');
  const [redLine, setRedLine] = useState(false);
  const [mode, setMode] = useState<'require' | 'forbid'>('require');
  const [check, setCheck] = useState<CheckDraft>(emptyCheck);
  const [scope, setScope] = useState('chat');

  const id = typedId ?? ruleIdFor(text.titleEn, ruleIds);
  const idProblem = ruleIdProblem(id, ruleIds);
  const chosen = checkOf(check);
  const weightValue = positive(weight);
  const missing = [
    ...required.filter((k) => text[k].trim() === '').map((k) => d(`rules.${k}` as FormKey)),
    ...(weightValue === undefined ? [d('rules.weight')] : []),
    ...(chosen === undefined ? [d('check.intents')] : []),
  ];
  const set = (key: TextKey) => (value: string) => setText((now) => ({ ...now, [key]: value }));
  const submit = () => {
    if (missing.length > 0 || idProblem || !chosen || weightValue === undefined) return;
    const pair = (zh: TextKey, en: TextKey) => ({ zh: text[zh].trim(), en: text[en].trim() });
    onAdd({
      id,
      title: pair('titleZh', 'titleEn'),
      category,
      weight: weightValue,
      redLine,
      scope: scopeOf(scope),
      mode,
      check: chosen,
      feedback: pair('feedbackZh', 'feedbackEn'),
      modelReply: pair('modelReplyZh', 'modelReplyEn'),
    });
  };
  const scopes = scopeOptions(d, moveName, states);
  return (
    <fieldset className="studio-form-card studio-form-new" data-testid="new-rule">
      <legend>{d('newRule.legend')}</legend>
      <DraftText label={d('rules.titleZh')} value={text.titleZh} onChange={set('titleZh')} />
      <DraftText label={d('rules.titleEn')} value={text.titleEn} onChange={set('titleEn')} />
      <DraftText label={d('newRule.id')} value={id} onChange={setTypedId} hint={idProblem ? d(`newRule.id.${idProblem}`) : undefined} />
      <DraftSelect label={d('rules.category')} value={category} onChange={(c) => setCategory(ruleCategories.find((k) => k === c) ?? category)} options={ruleCategories.map((c) => ({ value: c, label: tAny(t, `category.${c}`, c) }))} />
      <DraftNumber label={d('rules.weight')} value={weight} onChange={setWeight} />
      <DraftCheck label={d('rules.redLine')} checked={redLine} onChange={setRedLine} />
      <DraftSelect label={d('rules.mode')} value={mode} onChange={(m) => setMode(m === 'forbid' ? 'forbid' : 'require')} options={modeOptions(d, check.kind)} />
      <CheckPicker draft={check} onChange={setCheck} choices={choices} intentsLabel={d('check.intents')} shop={shop} narrows />
      <DraftSelect label={d('newRule.scope')} value={scope} onChange={setScope} options={scopes} />
      <DraftText label={d('rules.feedbackZh')} value={text.feedbackZh} onChange={set('feedbackZh')} multiline />
      <DraftText label={d('rules.feedbackEn')} value={text.feedbackEn} onChange={set('feedbackEn')} multiline />
      <DraftText label={d('rules.modelReplyZh')} value={text.modelReplyZh} onChange={set('modelReplyZh')} multiline />
      <DraftText label={d('rules.modelReplyEn')} value={text.modelReplyEn} onChange={set('modelReplyEn')} multiline />
      {missing.length > 0 && <p className="muted">{d('add.missing', { fields: missing.join(d('add.separator')) })}</p>}
      {failed && <p className="studio-error" role="alert">{d('add.failed')}</p>}
      <div className="studio-form-variant">
        <button type="button" className="btn btn-small btn-primary" disabled={missing.length > 0 || idProblem !== undefined} onClick={submit}>{d('newRule.submit')}</button>
        <button type="button" className="btn btn-small" onClick={onCancel}>{d('add.cancel')}</button>
      </div>
    </fieldset>
  );
}
