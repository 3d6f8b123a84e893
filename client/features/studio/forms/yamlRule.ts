// Edits of an existing rubric rule that are more than one value: its scope (a word, or a mapping
// naming a move) and an action check's action with its product or coupon. Each is one text change,
// so one undo takes it back; anything the form cannot write safely (an alias, a list of checks)
// declines with null and the form offers the YAML instead.
import { parsed, locate } from './yamlDoc.ts';
import type { YamlPath } from './yamlDoc.ts';
import { removeKey } from './yamlBlock.ts';
import { applyChange, narrowChange, replaceNode, setValue } from './yamlEdit.ts';
import type { TextChange } from './yamlEdit.ts';
import { scopeText } from './yamlAdd.ts';
import type { NewScope } from './yamlAdd.ts';

/** Rule `rulePath`'s scope set to `scope`: the value rewritten in place, or a `scope:` key added. */
export function setRuleScope(source: string, rulePath: YamlPath, scope: NewScope): TextChange | null {
  const doc = parsed(source);
  if (!doc || !locate(doc, rulePath)) return null;
  const found = locate(doc, [...rulePath, 'scope']);
  if (found && found.node !== null && found.node !== undefined) return replaceNode(source, found.node, scopeText(scope) ?? 'chat');
  // No scope yet: the rule applies to the whole chat already.
  if (scope === 'chat') return null;
  if (scope === 'first') return setValue(source, [...rulePath, 'scope'], 'first');
  return 'state' in scope ? setValue(source, [...rulePath, 'scope', 'state'], scope.state) : setValue(source, [...rulePath, 'scope', 'replyTo'], scope.replyTo);
}

/** Two edits as one change (one undo step): the second is made on the text the first leaves. */
function together(source: string, first: TextChange | null, second: (text: string) => TextChange | null): TextChange | null {
  if (!first) return null;
  const middle = applyChange(source, first);
  const next = second(middle);
  if (!next) return first;
  return narrowChange(source, { from: 0, to: source.length, insert: applyChange(middle, next) });
}

/** The product key of the check at `checkPath` removed (any product or coupon will do then). */
export function removeCheckProduct(source: string, checkPath: YamlPath): TextChange | null {
  const doc = parsed(source);
  return doc && locate(doc, [...checkPath, 'product']) ? removeKey(source, doc, [...checkPath, 'product']) : null;
}

/**
 * The check's action set to `action`. A product it names goes with the old action when the new one
 * cannot keep it: a product id means nothing to coupon-sent, and a coupon id nothing to card-sent.
 */
export function setCheckAction(source: string, checkPath: YamlPath, action: string, hadProduct: boolean): TextChange | null {
  const change = setValue(source, [...checkPath, 'action'], action);
  return hadProduct ? together(source, change, (text) => removeCheckProduct(text, checkPath)) : change;
}
