// The 判定方式 choices, require or forbid, worded for what the rule checks: a reply matches an intent
// or a matcher, an action is taken (a card sent is not "a sentence"), a reply repeats an earlier one.
// A list of checks, or one the form cannot tell, gets wording that fits replies and actions alike.
import type { CheckKind } from './formModel.ts';
import type { FormKey } from './strings.ts';

export type RuleMode = 'require' | 'forbid';

export function modeOptions(d: (key: FormKey) => string, kind: CheckKind | undefined): { value: RuleMode; label: string }[] {
  const k = kind ?? 'any';
  return [
    { value: 'require', label: d(`mode.require.${k}`) },
    { value: 'forbid', label: d(`mode.forbid.${k}`) },
  ];
}
