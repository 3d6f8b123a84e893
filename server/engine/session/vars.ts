// Guards and effects over the buyer's bounded variables. Values are clamped to their bounds so
// the state space stays finite (which keeps model-based path search from running away).
import type { Condition, Effect, VariableDef } from '../scenario/schema.ts';

export type Vars = Record<string, number | boolean>;

export function initialVars(defs: Record<string, VariableDef>): Vars {
  const vars: Vars = {};
  for (const [name, def] of Object.entries(defs)) vars[name] = def.initial;
  return vars;
}

const comparison = /^(==|!=|<=|>=|<|>)\s*(-?\d+)$/;

export function holds(cond: Condition | undefined, vars: Vars): boolean {
  if (!cond) return true;
  for (const [name, expected] of Object.entries(cond)) {
    const value = vars[name];
    if (typeof expected !== 'string') {
      if (value !== expected) return false;
      continue;
    }
    const m = comparison.exec(expected);
    if (!m || typeof value !== 'number') return false;
    const rhs = Number(m[2]);
    const ok =
      m[1] === '==' ? value === rhs
      : m[1] === '!=' ? value !== rhs
      : m[1] === '<=' ? value <= rhs
      : m[1] === '>=' ? value >= rhs
      : m[1] === '<' ? value < rhs
      : value > rhs;
    if (!ok) return false;
  }
  return true;
}

export function applyEffect(vars: Vars, eff: Effect | undefined, defs: Record<string, VariableDef>): Vars {
  if (!eff) return vars;
  const next: Vars = { ...vars };
  for (const [name, change] of Object.entries(eff)) {
    const def = defs[name];
    if (!def) continue;
    if (def.type === 'bool') {
      if (typeof change === 'boolean') next[name] = change;
      continue;
    }
    const current = typeof next[name] === 'number' ? (next[name] as number) : def.initial;
    const raw = typeof change === 'string' ? current + Number(change) : typeof change === 'number' ? change : current;
    next[name] = Math.min(def.max, Math.max(def.min, raw));
  }
  return next;
}
