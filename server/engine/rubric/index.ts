// The rubric: compiled once per scenario, then fed one TurnRecord at a time. Progress is plain data
// threaded through onTurn and never mutated, so the runtime can store it and a replay of the same
// turns reproduces the same verdicts and score.
import { globalRuleIds } from '../scenario/schema.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { EndContext, Report, TurnRecord, Verdict } from './types.ts';
import { compileGlobalRule } from './globalChecks.ts';
import { GLOBAL_RULES } from './globalRules.ts';
import { compileScenarioRule } from './scenarioRules.ts';
import { buildReport, ruleState, toVerdict } from './report.ts';
import { initialProgress } from './progress.ts';
import type { CompiledRule, RubricProgress, RuleInfo, RuleProgress, TurnCtx } from './progress.ts';

export { GLOBAL_RULES } from './globalRules.ts';
export type { RuleInfo, RubricProgress, RuleProgress } from './progress.ts';

export interface Rubric {
  rules: RuleInfo[];
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
    const defaults = GLOBAL_RULES.find((g) => g.id === id);
    if (defaults === undefined) throw new Error(`global rule ${id} has no defaults`);
    const info: RuleInfo = { ...defaults, weight: rubric.weights[id] ?? defaults.weight };
    compiled.push(compileGlobalRule(id, info, rubric));
  }
  for (const rule of rubric.rules) compiled.push(compileScenarioRule(rule));
  return compiled;
}

/** Counters first: rules read the turn context derived from them. */
function advanceCounters(p: RubricProgress, turn: TurnRecord): { next: RubricProgress; ctx: TurnCtx } {
  const isReply = turn.reply !== undefined;
  const ms = isReply ? turn.responseMs : undefined;
  const timed = ms !== undefined;
  let mechanicalRun = p.mechanicalRun;
  if (turn.reply !== undefined) mechanicalRun = turn.reply.features.mechanical ? mechanicalRun + 1 : 0;
  const next: RubricProgress = {
    ...p,
    turns: p.turns + 1,
    replies: p.replies + (isReply ? 1 : 0),
    timedReplies: p.timedReplies + (timed ? 1 : 0),
    responseMsSum: p.responseMsSum + (ms ?? 0),
    firstResponseMs: p.firstResponseMs ?? ms ?? null,
    longestResponseMs: ms === undefined ? p.longestResponseMs : Math.max(ms, p.longestResponseMs ?? ms),
    mechanicalRun,
  };
  const ctx: TurnCtx = {
    isFirstReply: isReply && p.replies === 0,
    isFirstTimedReply: timed && p.timedReplies === 0,
    mechanicalRun,
  };
  return { next, ctx };
}

export function createRubric(scenario: Scenario): Rubric {
  const compiled = compileRules(scenario);
  const passMark = scenario.rubric.passMark;
  const slowMs = scenario.rubric.avgResponseSec * 1000;
  return {
    rules: compiled.map((r) => r.info),
    initial: () => initialProgress(compiled),
    onTurn(progress, turn) {
      const { next, ctx } = advanceCounters(progress, turn);
      const verdicts: Verdict[] = [];
      let states: Record<string, RuleProgress> | null = null;
      for (const r of compiled) {
        const before = ruleState(progress, r.info.id);
        const after = r.step(before, turn, ctx);
        if (after === before) continue;
        states ??= { ...progress.rules };
        states[r.info.id] = after;
        if (before.status === 'open' && after.status !== 'open') verdicts.push(toVerdict(r.info, after.status, after));
      }
      return { progress: states === null ? next : { ...next, rules: states }, verdicts };
    },
    finalize: (progress, end) => buildReport(compiled, progress, end, passMark, slowMs),
  };
}
