// The parts of an existing rule that are more than a text: what it checks (intents picked from the
// scenario's and the lexicon's, or a trainee action with, for a product card or a coupon, which one
// from the scenario's shop: ProductPicker.tsx, shared with the new rule's form) and where it
// applies (the whole chat, the first reply, or a move that is not an ending). Shapes the form does
// not edit (a list of checks, an alias) stay one click from the YAML.
import type { Shop } from '../../../../server/engine/index.ts';
import { actionKinds } from '../../../../server/engine/index.ts';
import type { FormApi } from './FormFields.tsx';
import { FieldProblems, SelectField, YamlJump } from './FormFields.tsx';
import type { RuleForm, StateForm } from './formModel.ts';
import type { IntentChoice } from './intentChoices.ts';
import { IntentPicker } from './IntentPicker.tsx';
import type { MoveName } from './moveNames.ts';
import { narrowable, useProductChoices } from './ProductPicker.tsx';
import { scopeChoice, scopeLabel, scopeOf, scopeOptions } from './ruleScope.ts';
import { useFormT } from './strings.ts';
import type { FormKey } from './strings.ts';
import { removeCheckProduct, setCheckAction, setRuleScope } from './yamlRule.ts';

const listOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);

export function RuleCheck({ rule, choices, shop, api }: { rule: RuleForm; choices: readonly IntentChoice[]; shop: Shop | undefined; api: FormApi }) {
  const d = useFormT();
  const { mode, param } = rule;
  if (!mode || !param) return null;
  if (rule.checkKind === 'intent') {
    if (param.yamlOnly) return <YamlJump api={api} span={param.span} />;
    return (
      <div className={api.problems(param.path).length > 0 ? 'is-invalid' : undefined}>
        {/* A check needs at least one intent: taking away the last one is not written (add another first). */}
        <IntentPicker label={d('check.intents')} choices={choices} value={listOf(param.value)} keepOne onChange={(next) => next.length > 0 && api.set(param.path, next)} />
        <FieldProblems api={api} path={param.path} />
      </div>
    );
  }
  if (rule.checkKind !== 'action') return null;
  const checkPath = [...rule.path, mode];
  const action = typeof param.value === 'string' ? param.value : '';
  const hasProduct = rule.product?.value !== undefined;
  const actions = actionKinds.map((a) => ({ value: a, label: d(`action.${a}` as FormKey) }));
  return (
    <>
      <SelectField api={api} field={param} label={d('rules.action')} options={actions} onPick={(next) => api.change((s) => setCheckAction(s, checkPath, next, hasProduct && next !== action))} />
      {rule.product && (narrowable(action) || hasProduct) && (
        <ProductField api={api} field={rule.product} action={action} shop={shop} onAny={() => api.change((s) => removeCheckProduct(s, checkPath))} />
      )}
    </>
  );
}

function ProductField({ api, field, action, shop, onAny }: { api: FormApi; field: NonNullable<RuleForm['product']>; action: string; shop: Shop | undefined; onAny(): void }) {
  const { label, options } = useProductChoices(action, shop);
  return <SelectField api={api} field={field} label={label} options={options} onPick={(id) => (id === '' ? onAny() : api.set(field.path, id))} />;
}

export function RuleScope({ rule, states, moveName, api }: { rule: RuleForm; states: readonly StateForm[]; moveName: MoveName; api: FormApi }) {
  const d = useFormT();
  const choice = scopeChoice(rule.scope.value);
  const options = scopeOptions(d, moveName, states);
  // A scope the list leaves out (an ending, a move that is gone) still shows, for the check to explain.
  if (choice !== undefined && !options.some((o) => o.value === choice)) options.push({ value: choice, label: scopeLabel(d, moveName, choice) });
  const field = { ...rule.scope, value: choice, yamlOnly: rule.scope.yamlOnly || choice === undefined };
  return <SelectField api={api} field={field} label={d('newRule.scope')} options={options} onPick={(next) => api.change((s) => setRuleScope(s, rule.path, scopeOf(next)))} />;
}
