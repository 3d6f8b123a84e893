// The scenario's own rubric rules: names, category, weight, red line, feedback and model reply in
// both languages, require/forbid, what a simple check listens for (RuleFields.tsx: intents picked
// from a list, an action and its product or coupon) and where the rule applies. Custom matchers and
// lists of checks stay in the YAML, one click away. Whole rules are added (NewRuleForm) and removed
// (after a confirm) here too.
import { useState } from 'react';
import { ruleCategories } from '../../../../server/engine/index.ts';
import type { Shop } from '../../../../server/engine/index.ts';
import { tAny, useT } from '../../../i18n/index.ts';
import type { RuleForm, StateForm } from './formModel.ts';
import { ConfirmRemove } from './ConfirmRemove.tsx';
import { CheckboxField, FieldProblems, NumberField, ProblemCount, SelectField, TextField, YamlJump } from './FormFields.tsx';
import type { FormApi } from './FormFields.tsx';
import type { IntentChoice } from './intentChoices.ts';
import type { MoveName } from './moveNames.ts';
import { useMoveNames } from './moveNames.ts';
import { NewRuleForm } from './NewRuleForm.tsx';
import { RuleCheck, RuleScope } from './RuleFields.tsx';
import { modeOptions } from './ruleMode.ts';
import { useFormT } from './strings.ts';
import { addRule, removeRule } from './yamlAdd.ts';

interface Props {
  rules: readonly RuleForm[];
  states: readonly StateForm[];
  /** intents a rule can require or forbid */
  choices: readonly IntentChoice[];
  /** the scenario's shop (an action check picks its product or coupon there); undefined while unknown */
  shop: Shop | undefined;
  api: FormApi;
}

export function RulesForm({ rules, states, choices, shop, api }: Props) {
  const d = useFormT();
  const moveName = useMoveNames(states);
  const [adding, setAdding] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <div className="studio-form-section">
      {rules.length === 0 && <p className="muted">{d('rules.empty')}</p>}
      {rules.map((rule, index) => <Rule key={rule.path.join('/')} rule={rule} index={index} states={states} moveName={moveName} choices={choices} shop={shop} api={api} />)}
      {adding ? (
        <NewRuleForm
          ruleIds={rules.map((r) => r.id)}
          states={states}
          moveName={moveName}
          choices={choices}
          shop={shop}
          failed={failed}
          onCancel={() => {
            setAdding(false);
            setFailed(false);
          }}
          onAdd={(rule) => {
            const made = api.change((source) => addRule(source, rule));
            setAdding(!made);
            setFailed(!made);
          }}
        />
      ) : (
        <button type="button" className="btn btn-small studio-form-add" onClick={() => setAdding(true)}>{d('newRule.open')}</button>
      )}
    </div>
  );
}

interface RuleProps {
  rule: RuleForm;
  index: number;
  states: readonly StateForm[];
  moveName: MoveName;
  choices: readonly IntentChoice[];
  shop: Shop | undefined;
  api: FormApi;
}

function Rule({ rule, index, states, moveName, choices, shop, api }: RuleProps) {
  const d = useFormT();
  const t = useT();
  const categories = ruleCategories.map((c) => ({ value: c, label: tAny(t, `category.${c}`, c) }));
  const label = `${rule.titleZh.value === undefined ? '' : `${String(rule.titleZh.value)} · `}${rule.id}`;
  const mode = rule.mode;
  const fields = [rule.titleZh, rule.titleEn, rule.category, rule.weight, rule.redLine, rule.feedbackZh, rule.feedbackEn, rule.modelReplyZh, rule.modelReplyEn, rule.scope, ...(rule.param ? [rule.param] : []), ...(rule.product ? [rule.product] : [])];
  return (
    <details className="studio-form-card" data-rule={rule.id}>
      <summary>
        {d('rules.rule', { id: label })}
        {/* The sign alone says nothing to a screen reader or a new trainer: it is named and explained. */}
        {rule.redLine.value === true && (
          <span className="studio-redline-mark" role="img" aria-label={d('rules.redLine')} title={d('rules.redLine')}>
            {' ⚠'}
          </span>
        )}
        <ProblemCount api={api} paths={[rule.path, ...fields.map((f) => f.path)]} />
      </summary>
      <FieldProblems api={api} path={rule.path} />
      <TextField api={api} field={rule.titleZh} label={d('rules.titleZh')} />
      <TextField api={api} field={rule.titleEn} label={d('rules.titleEn')} />
      <SelectField api={api} field={rule.category} label={d('rules.category')} options={categories} />
      <NumberField api={api} field={rule.weight} label={d('rules.weight')} />
      <CheckboxField api={api} field={rule.redLine} label={d('rules.redLine')} />
      {mode ? (
        <div className="studio-form-row">
          <label>
            {d('rules.mode')}{' '}
            <select value={mode} onChange={(e) => api.renameKey([...rule.path, mode], e.target.value)}>
              {modeOptions(d, rule.checkKind).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          </label>
        </div>
      ) : null}
      {rule.checkKind && <p className="muted">{d('rules.kind', { kind: d(`kind.${rule.checkKind}`) })}</p>}
      <RuleCheck rule={rule} choices={choices} shop={shop} api={api} />
      {(!mode || rule.checkKind === undefined || rule.checkKind === 'match') && (
        <p className="muted">
          {d('rules.checkComplex')} <YamlJump api={api} span={rule.checkSpan ?? rule.span} />
        </p>
      )}
      <RuleScope rule={rule} states={states} moveName={moveName} api={api} />
      <TextField api={api} field={rule.feedbackZh} label={d('rules.feedbackZh')} multiline />
      <TextField api={api} field={rule.feedbackEn} label={d('rules.feedbackEn')} multiline />
      <TextField api={api} field={rule.modelReplyZh} label={d('rules.modelReplyZh')} multiline />
      <TextField api={api} field={rule.modelReplyEn} label={d('rules.modelReplyEn')} multiline />
      <ConfirmRemove label={d('rules.remove')} question={d('rules.removeAsk', { id: rule.id })} onRemove={() => api.change((source) => removeRule(source, index, rule.id))} />
    </details>
  );
}
