// Key completion from the scenario's JSON schema (generated from the same zod schema the parser
// uses): the YAML path at the cursor is read from indentation, then the schema is walked down it.
import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { z } from 'zod';
import { scenarioSchema } from '../../../server/engine/index.ts';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  description?: string;
}

let root: JsonSchema | undefined;
function schema(): JsonSchema {
  root ??= z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return root;
}

function variants(s: JsonSchema): JsonSchema[] {
  const alts = [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])];
  return alts.length === 0 ? [s] : alts.flatMap(variants);
}

/** The schema(s) at a path of keys; '-' steps into a list item. */
export function schemasAt(path: readonly string[]): JsonSchema[] {
  let here = [schema()];
  for (const key of path) {
    here = here.flatMap(variants).flatMap((s) => {
      if (key === '-') return s.items ? [s.items] : [];
      const prop = s.properties?.[key];
      if (prop) return [prop];
      return typeof s.additionalProperties === 'object' ? [s.additionalProperties] : [];
    });
  }
  return here.flatMap(variants);
}

/** The keys (and list markers) enclosing line `lineNo` of `lines`, read from indentation. */
export function pathAt(lines: readonly string[], lineNo: number, indent: number): string[] {
  const path: string[] = [];
  let limit = indent;
  for (let i = lineNo - 1; i >= 0 && limit > 0; i--) {
    const line = lines[i] ?? '';
    const m = /^(\s*)(-\s+)?([^\s#:][^:]*?)?:?(\s|$)/.exec(line);
    if (!m || line.trim() === '' || line.trim().startsWith('#')) continue;
    const at = (m[1] ?? '').length;
    const dash = m[2] !== undefined;
    const keyAt = at + (dash ? (m[2] ?? '').length : 0);
    if (keyAt < limit && /:\s*(#.*)?$/.test(line) && m[3] !== undefined) {
      path.unshift(m[3].trim());
      if (dash) path.unshift('-');
      limit = at;
    } else if (dash && keyAt <= limit && at < limit) {
      path.unshift('-');
      limit = at;
    }
  }
  return path;
}

export function schemaCompletion(ctx: CompletionContext): CompletionResult | null {
  const line = ctx.state.doc.lineAt(ctx.pos);
  const before = line.text.slice(0, ctx.pos - line.from);
  const m = /^(\s*)(-\s+)?([\w-]*)$/.exec(before);
  if (!m) return null;
  if (!ctx.explicit && (m[3] ?? '') === '') return null;
  const lines = ctx.state.doc.toString().split('\n');
  const indent = (m[1] ?? '').length;
  const path = pathAt(lines, line.number - 1, indent + (m[2] ? 1 : 0));
  if (m[2]) path.push('-');
  const options = new Map<string, string | undefined>();
  for (const s of schemasAt(path)) for (const [key, prop] of Object.entries(s.properties ?? {})) if (!options.has(key)) options.set(key, prop.description);
  if (options.size === 0) return null;
  return {
    from: ctx.pos - (m[3] ?? '').length,
    options: [...options].map(([label, info]) => ({ label, type: 'property', apply: `${label}: `, ...(info ? { info } : {}) })),
    validFor: /^[\w-]*$/,
  };
}
