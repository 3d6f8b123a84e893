// UI text in zh-CN (default) and en. Keys come from zhCN.ts; `{name}` placeholders are filled in.
import { useCallback } from 'react';
import { useApp } from '../store/index.ts';
import type { Lang, LocalText } from '../store/types.ts';
import { en } from './en.ts';
import { zhCN } from './zhCN.ts';

export type MessageKey = keyof typeof zhCN;
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const tables: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = tables[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Keys built from data (rule ids, outcome kinds...) that may have no entry. */
export function hasKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}

export function useT(): Translate {
  const lang = useApp((s) => s.lang);
  return useCallback((key, params) => translate(lang, key, params), [lang]);
}

/**
 * A message whose placeholder is filled with markup (`<strong>`, a link): the text before and after
 * `{name}`, so the language decides the word order and the punctuation (会话结果：… / Outcome: …).
 */
export function around(text: string, name: string): [before: string, after: string] {
  const at = text.indexOf(`{${name}}`);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + name.length + 2)];
}

/** Scenario and shop text comes in both languages. */
export function local(text: LocalText, lang: Lang): string {
  return text[lang];
}

/** A key made from data (a persona kind, a rule id): its text if there is one, else the fallback. */
export function tAny(t: Translate, key: string, fallback: string): string {
  return hasKey(key) ? t(key) : fallback;
}
