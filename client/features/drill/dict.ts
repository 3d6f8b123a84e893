// Feature-level dictionaries: each drill feature keeps its zh-CN and en text beside its components
// and translates with the app's language; `{name}` placeholders are filled in like the main tables.
import { useCallback } from 'react';
import { useApp } from '../../store/index.ts';
import type { Lang } from '../../store/types.ts';
import type { LocalText } from '../../../server/engine/index.ts';
import { tAny, useT } from '../../i18n/index.ts';

export type Dict<K extends string> = Record<Lang, Record<K, string>>;
export type DictT<K extends string> = (key: K, params?: Record<string, string | number>) => string;

export function fill(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function useDict<K extends string>(dict: Dict<K>): DictT<K> {
  const lang = useApp((s) => s.lang);
  return useCallback((key, params) => fill(dict[lang][key], params), [dict, lang]);
}

export type RuleName = (rule: string, title?: LocalText) => string;

/** A rule's name in the current language: its own title, else the app's table, else its id. */
export function useRuleName(): RuleName {
  const lang = useApp((s) => s.lang);
  const t = useT();
  return useCallback((rule, title) => (title ? title[lang] : tAny(t, `rule.${rule}`, rule)), [lang, t]);
}

/** A buyer move's display name in the current language (its `label`), else its id. */
export function useMoveName(): (move: string, label?: LocalText) => string {
  const lang = useApp((s) => s.lang);
  return useCallback((move, label) => (label ? label[lang] : move), [lang]);
}

/**
 * A refusal as the server (or the net layer) gave it: its error code, the stable `reason` beside it
 * when the server sent one, and its English `message`, which is for logs only: the page words the
 * reason (else the code) in its own language.
 */
export interface Refusal {
  code: string;
  reason?: string | undefined;
  message: string;
}

/** The words for a refusal in `table`: by its reason, else by its code; undefined when neither has any. */
export function refusalKey<K extends string>(table: Partial<Record<string, K>>, refusal: Pick<Refusal, 'code' | 'reason'>): K | undefined {
  const at = (name: string | undefined) => (name !== undefined && Object.hasOwn(table, name) ? table[name] : undefined);
  return at(refusal.reason) ?? at(refusal.code);
}

/** A refusal worded from `table` (by reason, else code), or by `other` when it has no words; that one is logged. */
export function wordRefusal<K extends string>(d: DictT<K>, table: Partial<Record<string, K>>, refusal: Refusal, other: K): string {
  const key = refusalKey(table, refusal);
  if (!key) logUnworded(refusal);
  return d(key ?? other);
}

const logged = new WeakSet<object>();

/**
 * A refusal the page has no words for: the page says something general, its English message goes to
 * the console, once per refusal (`seen`: the object it came as, when `refusal` is made up from it).
 */
export function logUnworded(refusal: Refusal, seen: object = refusal): void {
  if (logged.has(seen)) return;
  logged.add(seen);
  console.warn(`refused: ${refusal.code}${refusal.reason ? ` (${refusal.reason})` : ''}: ${refusal.message}`);
}
