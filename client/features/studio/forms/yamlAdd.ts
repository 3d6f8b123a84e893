// The whole parts the forms add and remove: a scenario rubric rule, a buyer reaction to a reply
// (a transition with lines and a target move), a move's own silence nudge and a move's label. Each is one text
// change in the file's indentation (yamlBlock.ts), so undo takes it back in one step and the live
// checks read it like typed YAML. Shapes follow server/engine/scenario/schema.ts.
import { isMap, isPair, isScalar } from 'yaml';
import type { Document } from 'yaml';
import { globalRuleIds, kebabId } from '../../../../server/engine/index.ts';
import type { ActionKind, RuleCategory } from '../../../../server/engine/index.ts';
import { triggerOf } from './formModel.ts';
import type { Trigger } from './formModel.ts';
import { insertListItem, removeKey, removeListItem } from './yamlBlock.ts';
import type { Block } from './yamlBlock.ts';
import { locate, parsed, rangeOf, valueOf } from './yamlDoc.ts';
import { setValue } from './yamlEdit.ts';
import type { TextChange } from './yamlEdit.ts';
import { flowItem, flowList } from './yamlWrite.ts';

export interface Bilingual {
  zh: string;
  /** empty when the trainer wrote Chinese only: the YAML then leaves `en` out */
  en: string;
}

/** What a rule or a reaction listens for: one or more intents, or a trainee action (a card or coupon narrowed to one `product`). */
export type Check = { intents: readonly string[] } | { action: ActionKind; product?: string };

export type NewScope = 'chat' | 'first' | { state: string } | { replyTo: string };

export interface NewRule {
  id: string;
  title: Bilingual;
  category: RuleCategory;
  weight: number;
  redLine: boolean;
  scope: NewScope;
  mode: 'require' | 'forbid';
  check: Check;
  feedback: Bilingual;
  modelReply: Bilingual;
}

export interface NewReaction {
  check: Check;
  /** buyer lines, sent in order (each starts with one wording; more are added in the form) */
  lines: readonly string[];
  /** the move to go to; undefined: the buyer stays in this move */
  goto: string | undefined;
}

const inline = (text: string): Block => ({ inline: text });
const bilingual = (text: Bilingual): Block => ({ map: text.en === '' ? [['zh-CN', { text: text.zh }]] : [['zh-CN', { text: text.zh }], ['en', { text: text.en }]] });
const inlineBilingual = (text: Bilingual): string =>
  text.en === '' ? `{ zh-CN: ${flowItem(text.zh)} }` : `{ zh-CN: ${flowItem(text.zh)}, en: ${flowItem(text.en)} }`;

function checkText(check: Check): string {
  if ('action' in check) return check.product === undefined ? `{ action: ${check.action} }` : `{ action: ${check.action}, product: ${flowItem(check.product)} }`;
  return `{ intent: ${intentValue(check.intents)} }`;
}

function intentValue(intents: readonly string[]): string {
  const [only] = intents;
  return intents.length === 1 && only !== undefined ? flowItem(only) : flowList(intents);
}

/** A scope as the YAML writes it; undefined for `chat`, the default, which a new rule leaves out. */
export function scopeText(scope: NewScope): string | undefined {
  if (scope === 'chat') return undefined;
  if (scope === 'first') return 'first';
  return 'state' in scope ? `{ state: ${flowItem(scope.state)} }` : `{ replyTo: ${flowItem(scope.replyTo)} }`;
}

export function ruleBlock(rule: NewRule): Block {
  const entries: [string, Block][] = [
    ['id', inline(flowItem(rule.id))],
    ['title', inline(inlineBilingual(rule.title))],
    ['category', inline(rule.category)],
    ['weight', inline(String(rule.weight))],
  ];
  if (rule.redLine) entries.push(['redLine', inline('true')]);
  const scope = scopeText(rule.scope);
  if (scope !== undefined) entries.push(['scope', inline(scope)]);
  entries.push([rule.mode, inline(checkText(rule.check))], ['feedback', bilingual(rule.feedback)], ['modelReply', bilingual(rule.modelReply)]);
  return { map: entries };
}

/** A new rule, last in rubric.rules (created, with rubric:, before tests: when missing). */
export function addRule(source: string, rule: NewRule): TextChange | null {
  const doc = parsed(source);
  if (!doc) return null;
  return insertListItem(source, doc, {
    listPath: ['rubric', 'rules'],
    item: ruleBlock(rule),
    keyBefore: (key) => (key === 'rubric' ? ['tests'] : []),
  });
}

/** The plain data at `path`, to make sure a removal hits what the form showed. */
function dataAt(doc: Document, path: readonly (string | number)[]): unknown {
  const node = doc.getIn(path, true);
  return node && typeof node === 'object' && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : undefined;
}

/**
 * Remove rubric rule `index`, named `id` (when the YAML changed since the form read it and that
 * rule moved, nothing is removed); the last one leaves `rules: []`.
 */
export function removeRule(source: string, index: number, id: string): TextChange | null {
  const doc = parsed(source);
  const rule = doc ? dataAt(doc, ['rubric', 'rules', index]) : undefined;
  const named = typeof rule === 'object' && rule !== null && 'id' in rule ? (rule as { id: unknown }).id : undefined;
  if (!doc || (named !== id && !(named === undefined && id === `#${index + 1}`))) return null;
  return removeListItem(source, doc, ['rubric', 'rules'], index, 'empty');
}

function reactionBlock(reaction: NewReaction): Block {
  const { check } = reaction;
  const trigger: [string, Block][] = 'action' in check
    ? [['action', inline(check.action)], ...(check.product === undefined ? [] : [['product', inline(flowItem(check.product))] as [string, Block]])]
    : [['intent', inline(intentValue(check.intents))]];
  const entries: [string, Block][] = [...trigger, ['say', { list: reaction.lines.map((line) => inline(flowList([line]))) }]];
  if (reaction.goto !== undefined) entries.push(['goto', inline(flowItem(reaction.goto))]);
  return { map: entries };
}

const isElse = (item: unknown) => isMap(item) && item.items.some((p) => isPair(p) && isScalar(p.key) && p.key.value === 'else');

/**
 * A new reaction of move `state`. It goes before the move's first `else` transition: transitions
 * are tried in order, and one after a catch-all would never fire.
 */
export function addReaction(source: string, state: string, reaction: NewReaction): TextChange | null {
  const doc = parsed(source);
  if (!doc || reaction.lines.length === 0) return null;
  return insertListItem(source, doc, {
    listPath: ['states', state, 'on'],
    item: reactionBlock(reaction),
    before: isElse,
    keyBefore: () => ['always', 'silence', 'outcome', 'complaint'],
  });
}

/**
 * Remove transition `index` of a move's `on` list, which must still have the trigger the form
 * showed; the last one takes `on:` with it.
 */
export function removeReaction(source: string, state: string, index: number, trigger: Trigger): TextChange | null {
  const doc = parsed(source);
  const raw = doc ? dataAt(doc, ['states', state, 'on', index]) : undefined;
  if (!doc || typeof raw !== 'object' || raw === null || JSON.stringify(triggerOf(raw as Record<string, unknown>)) !== JSON.stringify(trigger)) return null;
  return removeListItem(source, doc, ['states', state, 'on'], index, 'key');
}

/**
 * A nudge line for a move that has none of its own: into its `silence:` mapping (block or flow), or a
 * new `silence:` with it. `nudgeAfter` is written too when given (nothing else sets the delay).
 */
export function addNudge(source: string, state: string, line: string, nudgeAfter?: number): TextChange | null {
  const doc = parsed(source);
  if (!doc || line.trim() === '') return null;
  const silence = locate(doc, ['states', state, 'silence']);
  const wording = flowList([line]);
  if (silence && isMap(silence.node) && (silence.node.flow || silence.inFlow)) {
    if (silence.node.items.some((p) => isScalar(p.key) && p.key.value === 'nudge')) return null;
    const last = silence.node.items[silence.node.items.length - 1];
    const end = rangeOf(last?.value ?? last?.key);
    const extra = `${nudgeAfter === undefined ? '' : `, nudgeAfter: ${nudgeAfter}`}, nudge: [${wording}]`;
    if (end) return { from: end[1], to: end[1], insert: extra };
    const open = rangeOf(silence.node);
    return open ? { from: open[0] + 1, to: open[0] + 1, insert: ` ${extra.slice(2)} ` } : null;
  }
  if (silence && !isMap(silence.node)) return null;
  if (silence && isMap(silence.node) && silence.node.items.some((p) => isScalar(p.key) && p.key.value === 'nudge')) return null;
  const change = insertListItem(source, doc, {
    listPath: ['states', state, 'silence', 'nudge'],
    item: inline(wording),
    keyBefore: () => ['outcome', 'complaint'],
  });
  if (!change || nudgeAfter === undefined) return change;
  // `nudgeAfter: N` goes on the line above `nudge:`, at its indentation.
  const at = change.insert.search(/^[ ]*nudge:/m);
  if (at < 0) return null;
  const indent = /^[ ]*/.exec(change.insert.slice(at))?.[0] ?? '';
  return { ...change, insert: `${change.insert.slice(0, at)}${indent}nudgeAfter: ${nudgeAfter}\n${change.insert.slice(at)}` };
}

const GLOBAL: ReadonlySet<string> = new Set(globalRuleIds);

/** A kebab-case id from a title's ASCII letters and digits, used by no scenario rule nor global rule. */
export function ruleIdFor(title: string, taken: readonly string[]): string {
  const base = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
  const used = new Set([...taken, ...GLOBAL]);
  if (base !== '' && !used.has(base)) return base;
  // No English name (a Chinese-only rule): rule-1, rule-2…, never pinyin. Of used.size + 1
  // suffixes at least one is free, so the loop always returns.
  const stem = base || 'rule';
  for (let n = base === '' ? 1 : 2; n < used.size + 3; n++) {
    if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
  }
  return `${stem}-${used.size + 3}`;
}

/** Why an id cannot be used for a new rule, or undefined when it can. */
export function ruleIdProblem(id: string, taken: readonly string[]): 'format' | 'taken' | 'global' | undefined {
  if (!kebabId.safeParse(id).success) return 'format';
  if (GLOBAL.has(id)) return 'global';
  return taken.includes(id) ? 'taken' : undefined;
}

/** Whether a move label's text counts as given (spaces alone do not). */
export function labelGiven(value: unknown): boolean {
  return (typeof value === 'string' || typeof value === 'number') && String(value).trim() !== '';
}

/**
 * One language of move `state`'s label, as typed. Emptying it while the other language is empty too
 * removes the whole `label` (the move then shows its id, as an unlabelled one does) rather than
 * leaving `{ zh-CN: '', en: '' }`, which the schema refuses. Emptying the English of a Chinese label
 * removes `en` (English is optional: setValue); emptying the Chinese of an English one leaves it empty
 * for the form to point out (a label needs its Chinese). A label the move does not have yet is
 * written as its first key, as in the library files.
 */
export function setMoveLabel(source: string, state: string, lang: 'zh-CN' | 'en', text: string): TextChange | null {
  const doc = parsed(source);
  if (!doc) return null;
  const labelPath = ['states', state, 'label'];
  if (!labelGiven(text)) {
    const other = locate(doc, [...labelPath, lang === 'en' ? 'zh-CN' : 'en']);
    if (!labelGiven(other ? valueOf(doc, other.node) : undefined)) {
      // Nothing written yet: nothing to write (a blank label is no label).
      if (!locate(doc, labelPath)) return null;
      const removed = removeKey(source, doc, labelPath);
      if (removed) return removed;
    }
  }
  return setValue(source, [...labelPath, lang], text, { first: true });
}
