// What the forms show, read from the YAML Document rather than from the validated scenario: a file
// that fails the schema (a missing title, a bad weight) still gets its form, with the check's
// message beside the field. Every field keeps its JSON path (to write it back) and its text span
// (to place diagnostics and to jump to the YAML).
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document } from 'yaml';
import { locate, rangeOf, readDoc, valueOf } from './yamlDoc.ts';
import type { ParseFailure, YamlPath } from './yamlDoc.ts';

export interface Field {
  path: YamlPath;
  /** the value as the checks see it; undefined when the key is missing */
  value: unknown;
  /** from the key (or the value) to the end of the value; undefined when missing */
  span: readonly [number, number] | undefined;
  /** the node is shared through an alias or has an unexpected shape: edit it in the YAML */
  yamlOnly: boolean;
}

export interface LineForm {
  path: YamlPath;
  span: readonly [number, number] | undefined;
  variants: Field[];
  /** `{ kind: ..., ... }` as plain data, shown read-only */
  attachment: Record<string, unknown> | undefined;
  /** variants can be added and removed (not an alias, a string or a list of strings) */
  editable: boolean;
}

export interface Trigger {
  intents?: string[];
  action?: string;
  product?: string;
  otherwise?: boolean;
  when?: Record<string, unknown>;
  goto?: string;
}

export interface LineGroup {
  kind: 'say' | 'reaction' | 'auto' | 'nudge';
  path: YamlPath;
  trigger?: Trigger;
  lines: LineForm[];
}

export interface StateForm {
  id: string;
  span: readonly [number, number] | undefined;
  /** the move's display name for trainers (drill dashboard, reveals): both languages, or no label (the id shows) */
  labelZh: Field;
  labelEn: Field;
  /** the whole `label:` entry (a check message about the pair, such as a missing language, points here) */
  labelSpan: readonly [number, number] | undefined;
  note: string | undefined;
  outcome: string | undefined;
  /** has an outcome: the chat ends here, so nothing more can be added to it */
  terminal: boolean;
  /** its own `silence:`: none (the scenario's applies), a mapping, `false` (waits forever), or odd */
  silence: 'inherit' | 'map' | 'off' | 'other';
  /** a nudge delay is in force here (its own or the scenario's) */
  nudgeAfter: boolean;
  /** the triggers of all its `on` transitions, in order (with lines or not) */
  onTriggers: Trigger[];
  groups: LineGroup[];
}

export type CheckKind = 'intent' | 'action' | 'repeat' | 'match';

export interface RuleForm {
  path: YamlPath;
  span: readonly [number, number] | undefined;
  id: string;
  titleZh: Field;
  titleEn: Field;
  category: Field;
  weight: Field;
  redLine: Field;
  feedbackZh: Field;
  feedbackEn: Field;
  modelReplyZh: Field;
  modelReplyEn: Field;
  mode: 'require' | 'forbid' | undefined;
  checkKind: CheckKind | undefined;
  /** the check's main parameter (intent ids, an action) when it is a simple field */
  param: Field | undefined;
  /** an action check's product (card-sent) or coupon (coupon-sent); missing means any */
  product: Field | undefined;
  /** where the require/forbid check is written (complex checks are edited there) */
  checkSpan: readonly [number, number] | undefined;
  scope: Field;
}

export interface MetaForm {
  id: Field;
  version: Field;
  titleZh: Field;
  titleEn: Field;
  descriptionZh: Field;
  descriptionEn: Field;
  persona: Field;
  difficulty: Field;
  shop: Field;
  nickname: Field;
  avatar: Field;
  buyerTypes: Field;
}

/** A text per language (either may be missing while being typed). */
export type LangParts = Partial<Record<'zh-CN' | 'en', string>>;

export interface IntentInfo {
  id: string;
  /** what the intent catches, per language; a plain string (the older one-language form) stands for every language */
  description: LangParts | string | undefined;
  /** the intent's short name, per language */
  label: LangParts | undefined;
}

function langParts(text: unknown): LangParts | undefined {
  if (!isRecord(text)) return undefined;
  const zh = text['zh-CN'];
  const en = text['en'];
  return { ...(typeof zh === 'string' ? { 'zh-CN': zh } : {}), ...(typeof en === 'string' ? { en } : {}) };
}

function intentDescription(text: unknown): IntentInfo['description'] {
  return typeof text === 'string' ? text : langParts(text);
}

export interface FormModel {
  meta: MetaForm;
  /** the scenario's own intents (added to the lexicon's) */
  intents: IntentInfo[];
  states: StateForm[];
  /** the scenario-wide nudge (silence.nudge) */
  nudge: LineGroup | undefined;
  rules: RuleForm[];
}

export type FormRead = { ok: true; model: FormModel } | { ok: false; error: ParseFailure };

export function readForms(source: string): FormRead {
  const read = readDoc(source);
  if (!read.ok) return read;
  return { ok: true, model: buildModel(read.doc) };
}

function span(doc: Document, path: YamlPath): readonly [number, number] | undefined {
  const found = locate(doc, path);
  const range = found ? rangeOf(found.node) : undefined;
  if (!found || !range) return undefined;
  return [found.keyStart ?? range[0], range[1]];
}

/** `any`: the form reads the value's shape itself (a rule's scope: a word or `{ state: id }`). */
function field(doc: Document, path: YamlPath, expect: 'string' | 'number' | 'boolean' | 'list' | 'any'): Field {
  const found = locate(doc, path);
  const node = found?.node;
  // `key:` with nothing after it is an empty field, not a wrong type.
  const raw = valueOf(doc, node);
  const value = raw === null ? undefined : raw;
  const fits =
    value === undefined ||
    expect === 'any' ||
    (expect === 'list' ? Array.isArray(value) || typeof value === 'string' : typeof value === expect || (expect === 'string' && typeof value === 'number'));
  const shared = node !== null && node !== undefined && !isScalar(node) && !isSeq(node) && !isMap(node);
  // A missing key can be added only to a mapping (`title: plain` has no place for `en`).
  const parent = found === undefined && path.length > 1 ? locate(doc, path.slice(0, -1)) : undefined;
  const unreachable = parent !== undefined && parent.node !== null && !isMap(parent.node);
  return { path, value, span: span(doc, path), yamlOnly: shared || !fits || unreachable };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function buildModel(doc: Document): FormModel {
  const text = (path: YamlPath) => field(doc, path, 'string');
  const meta: MetaForm = {
    id: text(['id']),
    version: field(doc, ['version'], 'number'),
    titleZh: text(['title', 'zh-CN']),
    titleEn: text(['title', 'en']),
    descriptionZh: text(['description', 'zh-CN']),
    descriptionEn: text(['description', 'en']),
    persona: text(['persona']),
    difficulty: text(['difficulty']),
    shop: text(['shop']),
    nickname: text(['buyer', 'nickname']),
    avatar: text(['buyer', 'avatar']),
    buyerTypes: field(doc, ['buyer', 'types'], 'list'),
  };
  const data = plainData(doc);
  const root = isRecord(data) ? data : {};
  const silence = root['silence'];
  const globalNudgeAfter = isRecord(silence) && silence['nudgeAfter'] !== undefined;
  const states = isRecord(root['states']) ? Object.keys(root['states']).map((id) => stateForm(doc, id, (root['states'] as Record<string, unknown>)[id], globalNudgeAfter)) : [];
  const nudge = isRecord(silence) && silence['nudge'] !== undefined ? lineGroup(doc, 'nudge', ['silence', 'nudge']) : undefined;
  const rubric = root['rubric'];
  const rules = isRecord(rubric) && Array.isArray(rubric['rules']) ? rubric['rules'].map((rule, i) => ruleForm(doc, i, rule)) : [];
  const own = root['intents'];
  const intents = isRecord(own)
    ? Object.entries(own).map(([id, def]) => ({
        id,
        description: isRecord(def) ? intentDescription(def['description']) : undefined,
        label: isRecord(def) ? langParts(def['label']) : undefined,
      }))
    : [];
  return { meta, intents, states, nudge, rules };
}

/** The document as plain data; an alias bomb yields nothing rather than eating memory. */
function plainData(doc: Document): unknown {
  try {
    return doc.toJS({ maxAliasCount: 200 }) as unknown;
  } catch {
    return undefined;
  }
}

function lineGroup(doc: Document, kind: LineGroup['kind'], path: YamlPath, trigger?: Trigger): LineGroup {
  const found = locate(doc, path);
  const lines: LineForm[] = isSeq(found?.node) ? found.node.items.map((_, i) => lineForm(doc, [...path, i])) : [];
  return trigger ? { kind, path, trigger, lines } : { kind, path, lines };
}

function lineForm(doc: Document, path: YamlPath): LineForm {
  const found = locate(doc, path);
  const node = found?.node;
  const base = { path, span: span(doc, path) };
  if (isScalar(node)) return { ...base, variants: [field(doc, path, 'string')], attachment: undefined, editable: typeof node.value === 'string' };
  const listPath = isMap(node) ? [...path, 'variants'] : path;
  const list = locate(doc, listPath)?.node;
  const variants = isSeq(list) ? list.items.map((_, j) => field(doc, [...listPath, j], 'string')) : [];
  const attachment = isMap(node) ? valueOf(doc, locate(doc, [...path, 'attachment'])?.node) : undefined;
  return {
    ...base,
    variants,
    attachment: isRecord(attachment) ? attachment : undefined,
    editable: isSeq(list) && variants.every((v) => !v.yamlOnly),
  };
}

export function triggerOf(raw: Record<string, unknown>): Trigger {
  const out: Trigger = {};
  const intent = raw['intent'];
  if (typeof intent === 'string') out.intents = [intent];
  else if (Array.isArray(intent)) out.intents = intent.map(String);
  if (typeof raw['action'] === 'string') out.action = raw['action'];
  if (typeof raw['product'] === 'string') out.product = raw['product'];
  if (raw['else'] === true) out.otherwise = true;
  if (isRecord(raw['when'])) out.when = raw['when'];
  if (typeof raw['goto'] === 'string') out.goto = raw['goto'];
  return out;
}

function stateForm(doc: Document, id: string, raw: unknown, globalNudgeAfter: boolean): StateForm {
  const state = isRecord(raw) ? raw : {};
  const base: YamlPath = ['states', id];
  const groups: LineGroup[] = [];
  if (state['say'] !== undefined) groups.push(lineGroup(doc, 'say', [...base, 'say']));
  const reactions = (key: 'on' | 'always', kind: LineGroup['kind']) => {
    const list = state[key];
    if (!Array.isArray(list)) return;
    list.forEach((t, k) => {
      if (isRecord(t) && t['say'] !== undefined) groups.push(lineGroup(doc, kind, [...base, key, k, 'say'], triggerOf(t)));
    });
  };
  reactions('on', 'reaction');
  reactions('always', 'auto');
  const silence = state['silence'];
  if (isRecord(silence) && silence['nudge'] !== undefined) groups.push(lineGroup(doc, 'nudge', [...base, 'silence', 'nudge']));
  const outcome = isRecord(state['outcome']) ? state['outcome']['kind'] : undefined;
  return {
    id,
    span: span(doc, base),
    labelZh: field(doc, [...base, 'label', 'zh-CN'], 'string'),
    labelEn: field(doc, [...base, 'label', 'en'], 'string'),
    labelSpan: span(doc, [...base, 'label']),
    note: typeof state['note'] === 'string' ? state['note'] : undefined,
    outcome: typeof outcome === 'string' ? outcome : undefined,
    terminal: state['outcome'] !== undefined,
    silence: silence === undefined ? 'inherit' : silence === false ? 'off' : isRecord(silence) ? 'map' : 'other',
    nudgeAfter: isRecord(silence) && silence['nudgeAfter'] !== undefined ? true : globalNudgeAfter,
    onTriggers: Array.isArray(state['on']) ? state['on'].map((t) => triggerOf(isRecord(t) ? t : {})) : [],
    groups,
  };
}

const checkKinds: readonly CheckKind[] = ['intent', 'action', 'repeat', 'match'];

function ruleForm(doc: Document, index: number, raw: unknown): RuleForm {
  const rule = isRecord(raw) ? raw : {};
  const path: YamlPath = ['rubric', 'rules', index];
  const text = (...keys: string[]) => field(doc, [...path, ...keys], 'string');
  const hasRequire = rule['require'] !== undefined;
  const hasForbid = rule['forbid'] !== undefined;
  const mode = hasRequire === hasForbid ? undefined : hasRequire ? 'require' : 'forbid';
  const check = mode ? rule[mode] : undefined;
  const present = isRecord(check) ? checkKinds.filter((k) => check[k] !== undefined) : [];
  const checkKind = present.length === 1 ? present[0] : undefined;
  let param: Field | undefined;
  if (mode && checkKind === 'intent') param = field(doc, [...path, mode, 'intent'], 'list');
  if (mode && checkKind === 'action') param = field(doc, [...path, mode, 'action'], 'string');
  const product = mode && checkKind === 'action' ? field(doc, [...path, mode, 'product'], 'string') : undefined;
  return {
    path,
    span: span(doc, path),
    id: typeof rule['id'] === 'string' ? rule['id'] : `#${index + 1}`,
    titleZh: text('title', 'zh-CN'),
    titleEn: text('title', 'en'),
    category: text('category'),
    weight: field(doc, [...path, 'weight'], 'number'),
    redLine: field(doc, [...path, 'redLine'], 'boolean'),
    feedbackZh: text('feedback', 'zh-CN'),
    feedbackEn: text('feedback', 'en'),
    modelReplyZh: text('modelReply', 'zh-CN'),
    modelReplyEn: text('modelReply', 'en'),
    mode,
    checkKind,
    param,
    product,
    checkSpan: mode ? span(doc, [...path, mode]) : undefined,
    scope: field(doc, [...path, 'scope'], 'any'),
  };
}
