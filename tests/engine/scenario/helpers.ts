// Shared by the scenario parser/checker tests: the fixture library and a way to name positions by
// the text found there, so expectations stay exact (line:col) without hard-coding line numbers.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic, parseLexiconSource, parseScenarioSource, parseShopSource } from '../../../server/engine/index.ts';
import type { Diagnostic, Lexicon, Shop } from '../../../server/engine/index.ts';
import { checkScenario } from '../../../server/engine/scenario/check.ts';

export const fixtureDir = fileURLToPath(new URL('../../fixtures/scenarios/', import.meta.url));
const read = (name: string) => readFileSync(`${fixtureDir}${name}`, 'utf8');

export const goodScenario = read('mini-haggle.yaml');

function value<T>(parsed: { ok: true; value: T } | { ok: false; diagnostics: Diagnostic[] }): T {
  if (!parsed.ok) throw new Error(parsed.diagnostics.map(formatDiagnostic).join('\n'));
  return parsed.value;
}

export const lexicon: Lexicon = value(parseLexiconSource(read('intents.yaml'), 'intents.yaml'));
export const shop: Shop = value(parseShopSource(read('shops/test-shop.yaml'), 'shops/test-shop.yaml'));

/** `line:col` (1-based) of the `nth` occurrence of `needle` in `source`, plus `shift` columns. */
export function pos(source: string, needle: string, nth = 1, shift = 0): string {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = source.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${nth} times`);
  }
  const before = source.slice(0, at);
  const line = before.split('\n').length;
  const col = at - before.lastIndexOf('\n') + shift;
  return `${line}:${col}`;
}

/** Replace exactly one occurrence, so a fixture edit cannot silently miss. */
export function edit(source: string, from: string, to: string): string {
  const first = source.indexOf(from);
  if (first < 0) throw new Error(`"${from}" not found`);
  if (source.indexOf(from, first + 1) >= 0) throw new Error(`"${from}" occurs more than once`);
  return source.slice(0, first) + to + source.slice(first + from.length);
}

/** Parse diagnostics of a scenario source, formatted as `line:col: message`. */
export function parseErrors(source: string): string[] {
  const parsed = parseScenarioSource(source, 'f.yaml');
  return parsed.ok ? [] : parsed.diagnostics.map((d) => `${d.line}:${d.col}: ${d.message}`);
}

/** Static-check diagnostics of a scenario source (which must parse), as `line:col: message`. */
export function checkErrors(source: string, options: { shop?: Shop | undefined; lexicon?: Lexicon } = {}): string[] {
  const parsed = parseScenarioSource(source, 'f.yaml');
  if (!parsed.ok) throw new Error(parsed.diagnostics.map(formatDiagnostic).join('\n'));
  const ctx = { shop: 'shop' in options ? options.shop : shop, lexicon: options.lexicon ?? lexicon, map: parsed.map, path: 'f.yaml' };
  return checkScenario(parsed.value, ctx).map((d) => `${d.line}:${d.col}: ${d.message}`);
}
