// The engine, the CLI and the server say every problem in English (`path:line:col: message`); the
// studio shows it in the page's language. In zh-CN a message is matched against the tables of
// message shapes (diagnostics*Zh.ts) and worded in Chinese with its quoted names, ids and numbers
// kept as they were; a message no table knows is shown in English, as it came, so a new check the
// tables have not caught up with still says what is wrong. The English stays available beside the
// Chinese (a tooltip), so a trainer can search for it.
import { useMemo } from 'react';
import { useApp } from '../../store/index.ts';
import type { Lang } from '../../store/types.ts';
import { humanPathZh } from './diagnosticPathZh.ts';
import type { Part, Template } from './diagnosticTemplate.ts';
import { checkZh } from './diagnosticsCheckZh.ts';
import { regexSafetyZh } from './diagnosticsRegexZh.ts';
import { acceptedZh, schemaZh, valueZh } from './diagnosticsSchemaZh.ts';
import { studioZh } from './diagnosticsStudioZh.ts';
import { yamlSyntaxZh } from './diagnosticsYamlZh.ts';

/** Every whole-message table, tried in this order (the first that words a message wins): the schema's general shapes (`expected …, got …`) last. */
export const diagnosticTables: readonly (readonly Template[])[] = [checkZh, regexSafetyZh, studioZh, schemaZh];

/**
 * Messages built around another message: a suggestion after it, an embedded test's label or a
 * schema path before it (zodIssues.ts `about`, regexSafety's `regex: `). Tried after the tables.
 */
export const wrapperZh: readonly Template[] = [
  { en: /^(.+) \(did you mean (".*")\?\)$/, zh: '{1}（是不是想写 {2}？）', parts: { 1: 'message' } },
  { en: /^(tests\[\d+\]) \((.*?)\): (.+)$/, zh: '{1}（{2}）：{3}', parts: { 1: humanPathZh, 3: 'message' } },
  { en: /^((?:[\w-]+|\[\d+\]|\["(?:[^"\\]|\\.)*"\])(?:\.[\w-]+|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*): (.+)$/, zh: '{1}：{2}', parts: { 1: humanPathZh, 2: 'message' } },
];

/** The Chinese wording of an English diagnostic message, or undefined when no table knows it. `used` collects the entries that worded it. */
export function diagnosticZh(message: string, used?: Set<Template>): string | undefined {
  for (const table of [...diagnosticTables, wrapperZh]) {
    const worded = wordBy(table, message, used);
    if (worded !== undefined) return worded;
  }
  return undefined;
}

function wordBy(table: readonly Template[], message: string, used: Set<Template> | undefined): string | undefined {
  for (const entry of table) {
    const match = entry.en.exec(message);
    if (!match) continue;
    const worded = fill(entry, match, used);
    if (worded === undefined) continue;
    used?.add(entry);
    return worded;
  }
  return undefined;
}

function fill(entry: Template, match: RegExpExecArray, used: Set<Template> | undefined): string | undefined {
  let complete = true;
  const text = entry.zh.replace(/\{(\d+)\}/g, (whole, n: string, offset: number) => {
    const raw = match[Number(n)] ?? '';
    const part = entry.parts?.[Number(n)];
    const worded = part === undefined ? raw : wordPart(part, raw, used);
    if (worded === undefined) complete = false;
    return spaced(entry.zh[offset - 1], worded ?? raw, entry.zh[offset + whole.length]);
  });
  return complete ? text : undefined;
}

function wordPart(part: Part, raw: string, used: Set<Template> | undefined): string | undefined {
  if (part === 'value') return valueZh(raw);
  if (part === 'accepted') return acceptedZh(raw);
  if (part === 'message') return diagnosticZh(raw, used);
  if (part === 'detail') return diagnosticZh(raw, used) ?? raw;
  if (typeof part === 'function') return part(raw);
  return wordBy(part, raw, used) ?? raw;
}

const HAN = /[\u4e00-\u9fff]/;
const LATIN = /[A-Za-z0-9"`'[({/.]/;

/** A space between Chinese and the Latin text filled in next to it ("字段 "goto"", not "字段"goto""). */
function spaced(before: string | undefined, text: string, after: string | undefined): string {
  const lead = before !== undefined && HAN.test(before) && LATIN.test(text.charAt(0)) ? ' ' : '';
  const trail = after !== undefined && HAN.test(after) && /[A-Za-z0-9"`')\]}]/.test(text.charAt(text.length - 1)) ? ' ' : '';
  return `${lead}${text}${trail}`;
}

/** A message in the page's language: Chinese where a table words it, else the English as it came. */
export function wordDiagnostic(message: string, lang: Lang): string {
  return lang === 'zh-CN' ? (diagnosticZh(message) ?? message) : message;
}

/** A `path:line:col: message` line (publish's refusal) with its message in the page's language. */
export function wordDiagnosticLine(line: string, lang: Lang): string {
  const parts = /^(.*?:\d+:\d+: )(.*)$/s.exec(line);
  return parts ? `${parts[1]}${wordDiagnostic(parts[2] ?? '', lang)}` : wordDiagnostic(line, lang);
}

/** The `yaml` library's own text for a syntax error (the form shows it bare), in the page's language. */
export function wordYamlError(text: string, lang: Lang): string {
  return lang === 'zh-CN' ? (wordBy(yamlSyntaxZh, text, undefined) ?? text) : text;
}

export interface DiagnosticWords {
  message(message: string): string;
  line(line: string): string;
  yaml(text: string): string;
}

/** The wordings for the page's language now (they change with the language switch). */
export function useDiagnosticWords(): DiagnosticWords {
  const lang = useApp((s) => s.lang);
  return useMemo(
    () => ({
      message: (m: string) => wordDiagnostic(m, lang),
      line: (l: string) => wordDiagnosticLine(l, lang),
      yaml: (t: string) => wordYamlError(t, lang),
    }),
    [lang],
  );
}
