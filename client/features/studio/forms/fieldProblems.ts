// Diagnostics from the live check (line:col) placed next to the form field they belong to: each one
// goes to the narrowest field, line, rule or state whose text span holds its position. What falls
// outside every span stays in the problem list under the editor only.
import type { Diagnostic } from '../../../../server/engine/index.ts';
import { offsetOf } from '../checks.ts';
import type { FormModel } from './formModel.ts';
import type { YamlPath } from './yamlDoc.ts';

export type ProblemsByPath = ReadonlyMap<string, readonly Diagnostic[]>;

export function pathKey(path: YamlPath): string {
  return JSON.stringify(path);
}

interface Spanned {
  path: YamlPath;
  span: readonly [number, number] | undefined;
}

function spansOf(model: FormModel): Spanned[] {
  const out: Spanned[] = [...Object.values(model.meta)];
  for (const rule of model.rules) {
    out.push(rule, rule.titleZh, rule.titleEn, rule.category, rule.weight, rule.redLine, rule.feedbackZh, rule.feedbackEn, rule.modelReplyZh, rule.modelReplyEn, rule.scope);
    if (rule.param) out.push(rule.param);
    if (rule.product) out.push(rule.product);
  }
  const groups = model.nudge ? [model.nudge] : [];
  for (const state of model.states) {
    out.push({ path: ['states', state.id], span: state.span }, { path: ['states', state.id, 'label'], span: state.labelSpan }, state.labelZh, state.labelEn);
    groups.push(...state.groups);
  }
  for (const group of groups) {
    for (const line of group.lines) out.push(line, ...line.variants);
  }
  return out;
}

export function problemsByPath(model: FormModel, source: string, diagnostics: readonly Diagnostic[]): ProblemsByPath {
  const spans = spansOf(model).filter((s): s is Spanned & { span: readonly [number, number] } => s.span !== undefined);
  const out = new Map<string, Diagnostic[]>();
  for (const diag of diagnostics) {
    const at = offsetOf(source, diag.line, diag.col);
    let best: (typeof spans)[number] | undefined;
    for (const s of spans) {
      if (s.span[0] <= at && at <= s.span[1] && (!best || s.span[1] - s.span[0] < best.span[1] - best.span[0])) best = s;
    }
    if (!best) continue;
    const key = pathKey(best.path);
    out.set(key, [...(out.get(key) ?? []), diag]);
  }
  return out;
}
