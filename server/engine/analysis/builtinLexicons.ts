// The engine's pattern lists that a scenario intent may name (matcher `builtin: <id>`, schema.ts
// builtinLexiconIds) instead of copying them into YAML, where a copy would drift from the red line
// that reads the same list. Each list is joined and compiled exactly as its detector compiles it.
import type { BuiltinLexiconId } from '../scenario/schema.ts';
import { RUDE_PATTERNS } from './rudeLexicon.ts';

const SOURCES: Record<BuiltinLexiconId, readonly string[]> = {
  rude: RUDE_PATTERNS,
};

/** A fresh global regex over normalised text (each compiled matcher owns its lastIndex). */
export function builtinRegex(id: BuiltinLexiconId): RegExp {
  return new RegExp(SOURCES[id].join('|'), 'gu');
}
