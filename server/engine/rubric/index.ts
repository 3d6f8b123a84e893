// The rubric: compiled once per scenario, then fed one TurnRecord at a time. Progress is plain data
// threaded through onTurn and never mutated, so the runtime can store it and a replay of the same
// turns reproduces the same verdicts and score.
import { globalRuleIds } from '../scenario/schema.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { EndContext, Report, TurnRecord, Verdict } from './types.ts';
import { compileGlobalRule } from './globalChecks.ts';
import { isMechanicalReply } from './credit.ts';
import { globalRuleFor, globalRuleInRevision } from './globalRules.ts';
import { compileScenarioRule } from './scenarioRules.ts';
import { buildReport, toVerdict } from './report.ts';
import { initialProgress, OPEN, ruleStatesLayout, unchanged } from './progress.ts';
import type { CompiledRule, RubricProgress, RuleInfo, RuleProgress, TurnCtx } from './progress.ts';

export { GLOBAL_RULES } from './globalRules.ts';
export type { RuleInfo, RubricProgress, RuleProgress } from './progress.ts';

export interface Rubric {
  rules: RuleInfo[];
  /** the rules a session of rubric revision `revision` (absent: the latest) is judged by: a global rule newer than it is left out */
  rulesOf(revision: number | undefined): RuleInfo[];
  initial(): RubricProgress;
  /** verdicts decided by this turn, shown live in practice mode (fails, and passes of rules satisfied by this turn) */
  onTurn(progress: RubricProgress, turn: TurnRecord): { progress: RubricProgress; verdicts: Verdict[] };
  /** one verdict per rule, the score, KPIs */
  finalize(progress: RubricProgress, end: EndContext): Report;
}

function compileRules(scenario: Scenario): CompiledRule[] {
  const { rubric } = scenario;
  const disabled = new Set(rubric.disable);
  const compiled: CompiledRule[] = [];
  for (const id of globalRuleIds) {
    if (disabled.has(id)) continue;
    const defaults = globalRuleFor(id, scenario.persona);
    if (defaults === undefined) throw new Error(`global rule ${id} has no defaults`);
    const info: RuleInfo = { ...defaults, weight: rubric.weights[id] ?? defaults.weight };
    compiled.push(compileGlobalRule(id, info, rubric));
  }
  for (const rule of rubric.rules) compiled.push(compileScenarioRule(rule));
  return compiled;
}

/** The keys of a RubricProgress, in the order initialProgress() and onTurn give them. */
const PROGRESS_KEYS: readonly string[] = ['v', 'rules', 'turns', 'replies', 'timedReplies', 'responseMsSum', 'firstResponseMs', 'longestResponseMs', 'mechanicalRun'];

/** `progress` has exactly PROGRESS_KEYS, in that order: a literal of them is a copy with the same JSON shape. */
function inProgressOrder(progress: RubricProgress): boolean {
  let i = 0;
  for (const key in progress) {
    if (key !== PROGRESS_KEYS[i]) return false;
    i++;
  }
  return i === PROGRESS_KEYS.length;
}

export function createRubric(scenario: Scenario): Rubric {
  const compiled = compileRules(scenario);
  const passMark = scenario.rubric.passMark;
  const slowMs = scenario.rubric.avgResponseSec * 1000;
  // Rules that no turn can change (judged only at the end) are left out of the per-turn loop.
  const judged = compiled.filter((r) => r.step !== unchanged);
  const layout = ruleStatesLayout(compiled);
  return {
    rules: compiled.map((r) => r.info),
    rulesOf: (revision) => compiled.filter((r) => !r.info.global || globalRuleInRevision(r.info.id, revision)).map((r) => r.info),
    initial: () => initialProgress(compiled, layout),
    onTurn(progress, turn) {
      // Counters first: rules read the turn context derived from them.
      const isReply = turn.reply !== undefined;
      const ms = isReply ? turn.responseMs : undefined;
      const timed = ms !== undefined;
      let mechanicalRun = progress.mechanicalRun;
      if (turn.reply !== undefined) mechanicalRun = isMechanicalReply(turn) ? mechanicalRun + 1 : 0;
      const ctx: TurnCtx = {
        isFirstReply: isReply && progress.replies === 0,
        isFirstTimedReply: timed && progress.timedReplies === 0,
        mechanicalRun,
      };
      const verdicts: Verdict[] = [];
      const rules = progress.rules;
      let states: Record<string, RuleProgress> | null = null;
      for (const r of judged) {
        const id = r.info.id;
        const was = rules[id] ?? OPEN;
        // Decided and reached: no rule changes such a state (see CompiledRule.step).
        if (was.status !== 'open' && was.reached) continue;
        const now = r.step(was, turn, ctx);
        if (now === was) continue;
        states ??= { ...rules };
        states[id] = now;
        if (was.status === 'open' && now.status !== 'open') verdicts.push(toVerdict(r.info, now.status, now));
      }
      const turns = progress.turns + 1;
      const replies = progress.replies + (isReply ? 1 : 0);
      const timedReplies = progress.timedReplies + (timed ? 1 : 0);
      const responseMsSum = progress.responseMsSum + (ms ?? 0);
      const firstResponseMs = progress.firstResponseMs ?? ms ?? null;
      const longestResponseMs = ms === undefined ? progress.longestResponseMs : Math.max(ms, progress.longestResponseMs ?? ms);
      let next: RubricProgress;
      if (inProgressOrder(progress)) {
        next = { v: progress.v, rules: progress.rules, turns, replies, timedReplies, responseMsSum, firstResponseMs, longestResponseMs, mechanicalRun };
      } else {
        // Keys in another order, or others besides (a progress stored by hand): `{ ...progress, turns, ... }`.
        next = { ...progress };
        next.turns = turns;
        next.replies = replies;
        next.timedReplies = timedReplies;
        next.responseMsSum = responseMsSum;
        next.firstResponseMs = firstResponseMs;
        next.longestResponseMs = longestResponseMs;
        next.mechanicalRun = mechanicalRun;
      }
      if (states !== null) next.rules = states;
      return { progress: next, verdicts };
    },
    finalize: (progress, end) => buildReport(compiled, progress, end, passMark, slowMs),
  };
}
