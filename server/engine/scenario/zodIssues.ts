// Turns zod issues into author-facing diagnostics: plain words, the path in the message, and the
// position of the node to edit (unknown key -> the key, wrong value -> the value, missing key ->
// its mapping). Unions are the hard part: zod reports every branch, we pick the one the author meant.
import { z } from 'zod';
import type { JsonPath, Position, SourceMap } from './sourceMap.ts';
import { about, describeValue, didYouMean, orList, quote, typeName } from './words.ts';

type Issue = z.core.$ZodIssue;

export interface Located {
  pos: Position;
  message: string;
}

interface Ctx {
  data: unknown;
  schema: z.ZodType;
  map: SourceMap;
}

function toPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((p) => (typeof p === 'number' ? p : String(p)));
}

function valueAt(data: unknown, path: JsonPath): { found: boolean; value: unknown } {
  let node = data;
  for (const seg of path) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, seg)) return { found: false, value: undefined };
    node = (node as Record<string | number, unknown>)[seg];
  }
  return { found: true, value: node };
}

// The schemas a value at `path` may be checked against (several under a union); used to suggest keys.
function schemasAt(schema: z.ZodType, path: JsonPath): z.ZodType[] {
  let current: z.ZodType[] = [schema];
  for (const seg of path) {
    const next: z.ZodType[] = [];
    for (const s of current.flatMap(unwrap)) {
      if (s instanceof z.ZodObject && typeof seg === 'string') {
        const child = (s.shape as Record<string, z.ZodType | undefined>)[seg];
        if (child) next.push(child);
      } else if (s instanceof z.ZodRecord) next.push(s.valueType as z.ZodType);
      else if (s instanceof z.ZodArray) next.push(s.element as z.ZodType);
    }
    current = next;
  }
  return current.flatMap(unwrap);
}

function unwrap(s: z.ZodType): z.ZodType[] {
  if (s instanceof z.ZodOptional || s instanceof z.ZodDefault) return unwrap(s.unwrap() as z.ZodType);
  if (s instanceof z.ZodUnion) return (s.options as readonly z.ZodType[]).flatMap(unwrap);
  if (s instanceof z.ZodPipe) return unwrap(s.in as z.ZodType);
  return [s];
}

function knownKeys(ctx: Ctx, path: JsonPath): string[] {
  return schemasAt(ctx.schema, path).flatMap((s) => (s instanceof z.ZodObject ? Object.keys(s.shape) : []));
}

function sizeWord(origin: string, n: number | bigint, items: string): string {
  return origin === 'array' ? (n === 1 ? 'one item' : `${n} ${items}`) : String(n);
}

function formatValue(v: unknown): string {
  return typeof v === 'string' ? `"${v}"` : String(v);
}

// How unlikely it is that the author meant this union branch: a type mismatch at the branch's
// root rules it out, a wrong literal tag (type: bool, kind: link) nearly does; otherwise fewer issues win.
function branchCost(issues: readonly Issue[]): number {
  let cost = issues.length;
  for (const i of issues) {
    if (i.path.length === 0 && i.code === 'invalid_type') return Number.POSITIVE_INFINITY;
    if (i.code === 'invalid_value' && i.values.length === 1 && i.path.length <= 1) cost = Math.max(cost, 1000);
  }
  return cost;
}

function unionMessages(issue: Extract<Issue, { code: 'invalid_union' }>, base: JsonPath, ctx: Ctx): Located[] {
  const here = valueAt(ctx.data, base);
  if (issue.errors.length === 0) {
    // A discriminated union whose tag matched nothing; zod already put the tag in the path.
    const opts = ('options' in issue ? (issue.options ?? []) : []).map(formatValue);
    if (!here.found) return [missing(base, ctx)];
    return [{ pos: ctx.map.locate(base), message: about(base, `must be ${orList(opts)}, got ${describeValue(here.value)}`) }];
  }
  const costs = issue.errors.map(branchCost);
  const best = Math.min(...costs);
  const bestBranch = issue.errors[costs.indexOf(best)];
  if (best < 1000 && bestBranch) return bestBranch.flatMap((i) => messages({ ...i, path: [...base, ...i.path] }, ctx));
  // Every branch ruled out: say what would have been accepted.
  const tags = issue.errors.map((b) => b.find((i) => i.code === 'invalid_value' && i.path.length === 1));
  const tagKey = tags[0]?.path[0];
  if (tagKey !== undefined && tags.every((t) => t !== undefined && t.path[0] === tagKey)) {
    const path = [...base, String(tagKey)];
    const values = tags.flatMap((t) => (t?.code === 'invalid_value' ? t.values.map(formatValue) : []));
    const got = valueAt(ctx.data, path);
    if (!got.found) return [missing(path, ctx)];
    return [{ pos: ctx.map.locate(path), message: about(path, `must be ${orList(values)}, got ${describeValue(got.value)}`) }];
  }
  const accepted = issue.errors.map((branch) => {
    const root = branch.find((i) => i.path.length === 0) ?? branch[0];
    if (root?.code === 'invalid_type') return typeName(root.expected);
    if (root?.code === 'invalid_value') return root.values.map(formatValue).join(' or ');
    return 'something else';
  });
  return [{ pos: ctx.map.locate(base), message: about(base, `expected ${orList(accepted)}, got ${describeValue(here.value)}`) }];
}

function missing(path: JsonPath, ctx: Ctx): Located {
  const parent = path.slice(0, -1);
  const key = path[path.length - 1];
  const message = typeof key === 'number' ? `missing item ${key}` : `missing key "${String(key)}"`;
  return { pos: ctx.map.locate(parent), message: about(parent, message) };
}

function messages(issue: Issue, ctx: Ctx): Located[] {
  const path = toPath(issue.path);
  const at = (message: string, p: JsonPath = path): Located => ({ pos: ctx.map.locate(p), message: about(p, message) });
  const here = valueAt(ctx.data, path);
  switch (issue.code) {
    case 'invalid_type':
      if (!here.found && path.length > 0) return [missing(path, ctx)];
      if (path.length === 0 && (here.value === null || here.value === undefined)) return [at(`the file is empty; expected ${typeName(issue.expected)}`)];
      return [at(`expected ${typeName(issue.expected)}, got ${describeValue(here.value)}`)];
    case 'unrecognized_keys': {
      const known = knownKeys(ctx, path);
      return issue.keys.map((key) => {
        const keyPath = [...path, key];
        const pos = (ctx.map.locateKey ?? ctx.map.locate)(keyPath);
        return { pos, message: about(path, `unknown key "${key}"${didYouMean(key, known)}`) };
      });
    }
    case 'invalid_key': {
      const key = path[path.length - 1];
      const why = issue.issues.map((i) => (i.message.startsWith('Invalid') && i.code === 'invalid_format' ? `must match ${i.pattern ?? i.format}` : i.message)).join('; ');
      const pos = (ctx.map.locateKey ?? ctx.map.locate)(path);
      return [{ pos, message: about(path.slice(0, -1), `key ${quote(String(key))} ${why}`) }];
    }
    case 'invalid_union':
      return unionMessages(issue, path, ctx);
    case 'invalid_value': {
      const values = issue.values.map(formatValue);
      const list = values.length > 6 ? `one of ${values.join(', ')}` : orList(values);
      if (!here.found) return [missing(path, ctx)];
      return [at(`must be ${list}, got ${describeValue(here.value)}`)];
    }
    case 'invalid_format': {
      const value = describeValue(here.value);
      if (issue.message.startsWith('Invalid')) return [at(`${value} must match ${issue.pattern ?? issue.format}`)];
      // Schema messages are either a rule ("must be kebab-case") or an example ("a comparison such as ...").
      return [at(issue.message.startsWith('must') ? `${value} ${issue.message}` : `expected ${issue.message}, got ${value}`)];
    }
    case 'too_small': {
      if (issue.origin === 'string') return [at('must not be empty')];
      if (issue.origin === 'array') return [at(`needs at least ${sizeWord('array', issue.minimum, 'items')}`)];
      const bound = issue.inclusive ? `at least ${issue.minimum}` : `greater than ${issue.minimum}`;
      return [at(`must be ${bound}, got ${describeValue(here.value)}`)];
    }
    case 'too_big': {
      if (issue.origin === 'string') return [at(`must be at most ${issue.maximum} characters long`)];
      if (issue.origin === 'array') return [at(`may have at most ${sizeWord('array', issue.maximum, 'items')}`)];
      const bound = issue.inclusive ? `at most ${issue.maximum}` : `less than ${issue.maximum}`;
      return [at(`must be ${bound}, got ${describeValue(here.value)}`)];
    }
    default:
      return [at(issue.message)];
  }
}

export function issueMessages(issues: readonly Issue[], data: unknown, schema: z.ZodType, map: SourceMap): Located[] {
  const ctx: Ctx = { data, schema, map };
  return issues.flatMap((i) => messages(i, ctx));
}
