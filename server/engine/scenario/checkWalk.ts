// Shared plumbing for the static checks: a reporter that locates messages, and walkers over the
// places in a scenario where buyer lines, transitions and matchers live (with their JSON paths).
import type { Diagnostic } from './parse.ts';
import type { JsonPath, SourceMap } from './sourceMap.ts';
import { eachCheck, ruleCheckKeys } from './schema.ts';
import type { Attachment, LineSource, MatcherDef, Scenario, StateDef } from './schema.ts';

export interface Reporter {
  /** at the node's value */
  at(path: JsonPath, message: string): void;
  /** at the mapping key of the node (for ids that are keys: states, intents, variables) */
  atKey(path: JsonPath, message: string): void;
  readonly diagnostics: Diagnostic[];
}

export function reporter(map: SourceMap, file: string): Reporter {
  const diagnostics: Diagnostic[] = [];
  const push = (pos: { line: number; col: number }, message: string) => diagnostics.push({ path: file, line: pos.line, col: pos.col, message });
  return {
    diagnostics,
    at: (path, message) => push(map.locate(path), message),
    atKey: (path, message) => push((map.locateKey ?? map.locate)(path), message),
  };
}

export function asList<T>(value: T | readonly T[] | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

/** Every group of buyer lines: state entry, transition reactions, silence nudges. */
export function forEachLineGroup(scenario: Scenario, fn: (lines: readonly LineSource[], path: JsonPath) => void): void {
  if (scenario.silence.nudge) fn(scenario.silence.nudge, ['silence', 'nudge']);
  for (const [id, state] of Object.entries(scenario.states)) {
    const base = ['states', id];
    if (state.say) fn(state.say, [...base, 'say']);
    state.on?.forEach((t, i) => t.say && fn(t.say, [...base, 'on', i, 'say']));
    state.always?.forEach((t, i) => t.say && fn(t.say, [...base, 'always', i, 'say']));
    if (state.silence && state.silence.nudge) fn(state.silence.nudge, [...base, 'silence', 'nudge']);
  }
}

export function forEachAttachment(scenario: Scenario, fn: (a: Attachment, path: JsonPath) => void): void {
  forEachLineGroup(scenario, (lines, path) =>
    lines.forEach((line, i) => {
      if (typeof line === 'object' && !Array.isArray(line) && line.attachment) fn(line.attachment, [...path, i, 'attachment']);
    }),
  );
}

/** Every matcher the scenario declares: in its own intents and in rule checks. */
export function forEachMatcher(scenario: Scenario, fn: (m: MatcherDef, path: JsonPath) => void): void {
  for (const [id, intent] of Object.entries(scenario.intents)) intent.match.forEach((m, i) => fn(m, ['intents', id, 'match', i]));
  scenario.rubric.rules.forEach((rule, i) => {
    for (const key of ruleCheckKeys) {
      for (const [check, at] of eachCheck(rule[key])) if (check.match) fn(check.match, ['rubric', 'rules', i, key, ...at, 'match']);
    }
  });
}

export function isTerminal(state: StateDef): boolean {
  return state.outcome !== undefined;
}

/** Regex sources must compile the way the engine compiles them (Unicode mode). */
export function regexError(source: string): string | undefined {
  try {
    new RegExp(source, 'u');
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
