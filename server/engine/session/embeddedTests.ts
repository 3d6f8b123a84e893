// A scenario's own golden and bad replies: each is played against the buyer move it names (with
// preset variables) and must produce the intents, verdicts and next move the author expects.
import { analyzeText } from '../analysis/index.ts';
import type { EmbeddedTest } from '../scenario/schema.ts';
import type { Bundle, CompiledScenario } from './compile.ts';
import { compileScenario } from './compile.ts';
import { speak } from './speak.ts';
import { sessionReport, startSession, step } from './step.ts';
import type { SessionState } from './types.ts';
import type { Vars } from './vars.ts';

export interface EmbeddedTestResult {
  index: number;
  failures: string[];
}

/** How long the trainee takes in a test: fast enough that timeliness rules never interfere. */
export const THINK_MS = 3000;

/** A fresh session positioned at `stateId` with the buyer's entry lines just delivered. */
export function sessionAt(compiled: CompiledScenario, stateId: string, vars: Vars, seed = 1, now = 0): SessionState {
  const start = startSession(compiled, { seed, now, speed: 0 }).state;
  const placed: SessionState = {
    ...start,
    machine: { value: stateId, context: { ...start.machine.context, ...vars } },
    messages: [],
    lastBuyerAt: null,
    visit: 0,
    answeredVisit: 0,
    complaint: { pending: false, quality: false },
    offered: { unsafeLink: false, file: false },
    openFileOffers: [],
  };
  return speak(compiled, placed, [{ type: 'entered', params: { state: stateId } }, { type: 'say', params: { key: `enter:${stateId}` } }], now, [], true);
}

export function runEmbeddedTest(compiled: CompiledScenario, test: EmbeddedTest): string[] {
  const failures: string[] = [];
  const at = sessionAt(compiled, test.at, test.vars ?? {});
  const { state } = step(compiled, at, { type: 'reply', text: test.reply }, THINK_MS);
  const intents = compiled.lexicon.match(analyzeText(test.reply));
  for (const id of test.expect.intents ?? []) if (!intents.includes(id)) failures.push(`expected intent "${id}", matched [${intents.join(', ')}]`);
  for (const id of test.expect.notIntents ?? []) if (intents.includes(id)) failures.push(`intent "${id}" should not match`);
  const report = sessionReport(compiled, state);
  const verdictOf = (rule: string) => report.rules.find((r) => r.rule === rule)?.verdict ?? 'missing';
  for (const rule of test.expect.pass ?? []) if (verdictOf(rule) !== 'pass') failures.push(`expected rule "${rule}" to pass, got ${verdictOf(rule)}`);
  for (const rule of test.expect.fail ?? []) if (verdictOf(rule) !== 'fail') failures.push(`expected rule "${rule}" to fail, got ${verdictOf(rule)}`);
  if (test.expect.goto !== undefined && state.machine.value !== test.expect.goto) {
    failures.push(`expected the buyer to move to "${test.expect.goto}", got "${state.machine.value}"`);
  }
  return failures;
}

export function runEmbeddedTests(bundle: Bundle): EmbeddedTestResult[] {
  const compiled = compileScenario(bundle);
  return bundle.scenario.tests.map((test, index) => ({ index, failures: runEmbeddedTest(compiled, test) }));
}
