// Variable checks: guards, effects and test presets name declared variables with values of the
// right type and within bounds. The engine silently ignores a mismatch, which hides the mistake.
import type { Reporter } from './checkWalk.ts';
import type { Condition, Effect, Scenario, VariableDef } from './schema.ts';
import type { JsonPath } from './sourceMap.ts';
import { didYouMean } from './words.ts';

type Use = 'when' | 'set' | 'vars';

function describe(def: VariableDef): string {
  return def.type === 'int' ? `an int variable (${def.min}..${def.max})` : 'a bool variable';
}

function checkEntry(name: string, value: number | boolean | string, use: Use, path: JsonPath, defs: Scenario['variables'], r: Reporter): void {
  const def = defs[name];
  const here = [...path, name];
  if (!def) {
    r.atKey(here, `unknown variable "${name}"${didYouMean(name, Object.keys(defs))}`);
    return;
  }
  if (typeof value === 'boolean') {
    if (def.type !== 'bool') r.at(here, `"${name}" is ${describe(def)}: ${use === 'when' ? 'compare it with a number or "<= n"' : 'give it a whole number'}, not ${value}`);
    return;
  }
  if (def.type === 'bool') {
    r.at(here, `"${name}" is a bool variable: use true or false, not ${typeof value === 'string' ? `"${value}"` : value}`);
    return;
  }
  // For set, a string is an increment (clamped by the engine); for when, a comparison with a constant.
  const constant = typeof value === 'number' ? value : use === 'when' ? Number(/-?\d+$/.exec(value)?.[0]) : undefined;
  if (constant !== undefined && Number.isFinite(constant) && (constant < def.min || constant > def.max)) {
    r.at(here, `${constant} is outside the bounds of "${name}" (${def.min}..${def.max})`);
  }
}

function checkRecord(record: Condition | Effect | Record<string, number | boolean> | undefined, use: Use, path: JsonPath, s: Scenario, r: Reporter): void {
  if (!record) return;
  for (const [name, value] of Object.entries(record)) checkEntry(name, value, use, path, s.variables, r);
}

export function checkVariables(s: Scenario, r: Reporter): void {
  for (const [id, state] of Object.entries(s.states)) {
    state.on?.forEach((t, i) => {
      checkRecord(t.when, 'when', ['states', id, 'on', i, 'when'], s, r);
      checkRecord(t.set, 'set', ['states', id, 'on', i, 'set'], s, r);
    });
    state.always?.forEach((t, i) => {
      checkRecord(t.when, 'when', ['states', id, 'always', i, 'when'], s, r);
      checkRecord(t.set, 'set', ['states', id, 'always', i, 'set'], s, r);
    });
  }
  s.tests.forEach((t, i) => checkRecord(t.vars, 'vars', ['tests', i, 'vars'], s, r));
}
