// Whatever an author (or a fuzzer) feeds it, the parser answers with data or with diagnostics that
// point inside the file; it never throws.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseLexiconSource, parseScenarioSource, parseShopSource } from '../../../server/engine/index.ts';
import type { Parsed } from '../../../server/engine/index.ts';
import { goodScenario } from './helpers.ts';

function wellFormed(source: string, result: Parsed<unknown>): boolean {
  if (result.ok) return true;
  const lines = source.split(/\r\n|\r|\n/).length;
  return (
    result.diagnostics.length > 0 &&
    result.diagnostics.every((d) => d.path === 'fuzz.yaml' && d.line >= 1 && d.col >= 1 && d.line <= lines + 1 && d.message.length > 0)
  );
}

function safeStringify(value: unknown): string {
  try {
    // stringify(undefined) yields undefined despite its type
    return (stringify(value) as string | undefined) ?? '';
  } catch {
    return String(value);
  }
}

/** Text edits an author might make by accident. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(':', '- ', '[', '{', '"', '\n  ', '&a ', '*a', '\t', '#', 'goto: nowhere\n', '？', '\u0000') }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(source: string, m: Mutation): string {
  const at = source.length === 0 ? 0 : m.at % source.length;
  if (m.kind === 'delete') return source.slice(0, at) + source.slice(at + m.len);
  if (m.kind === 'insert') return source.slice(0, at) + m.text + source.slice(at);
  const lines = source.split('\n');
  const i = at % lines.length;
  const j = m.other % lines.length;
  [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
  return lines.join('\n');
}

describe('parsing never throws', () => {
  it('on random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        for (const parse of [parseScenarioSource, parseShopSource, parseLexiconSource]) expect(wellFormed(s, parse(s, 'fuzz.yaml'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('on random YAML documents, as written and mutated', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4 }), fc.array(mutation, { maxLength: 4 }), (value, edits) => {
        const written = safeStringify(value);
        expect(wellFormed(written, parseScenarioSource(written, 'fuzz.yaml'))).toBe(true);
        const mutated = edits.reduce(mutate, written);
        expect(wellFormed(mutated, parseScenarioSource(mutated, 'fuzz.yaml'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('on the fixture scenario with random edits', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (edits) => {
        const source = edits.reduce(mutate, goodScenario);
        expect(wellFormed(source, parseScenarioSource(source, 'fuzz.yaml'))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('on deep nesting and alias chains', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30000 }), fc.constantFrom('[', '{a: ', '- '), (depth, open) => {
        const source = `${open.repeat(depth)}x`;
        expect(wellFormed(source, parseScenarioSource(source, 'fuzz.yaml'))).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});
