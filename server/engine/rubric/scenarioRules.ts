// Scenario-authored rules: a scope (which turns are looked at) and a require/forbid check. Matchers
// are compiled here, once per scenario, so a turn only runs prepared functions.
import { compileMatcher } from '../analysis/index.ts';
import { eachCheck } from '../scenario/schema.ts';
import type { RuleCheck, RuleChecks, RuleScope, ScenarioRule, TopicCheck, TopicChecks } from '../scenario/schema.ts';
import type { TurnRecord } from './types.ts';
import { decide, markReached } from './progress.ts';
import { earnsEmpathyCredit, saysSomething } from './credit.ts';
import type { CompiledRule, RuleInfo, Settled, TurnCtx } from './progress.ts';

type InScope = (turn: TurnRecord, ctx: TurnCtx) => boolean;
/** evidence when the check matches the turn, undefined when it does not */
type Check = (turn: TurnRecord) => string | undefined;

function stateList(state: string | readonly string[]): readonly string[] {
  return typeof state === 'string' ? [state] : state;
}

function compileScope(scope: RuleScope): InScope {
  if (scope === 'chat') return () => true;
  if (scope === 'first') return (_turn, ctx) => ctx.isFirstReply;
  if ('state' in scope) {
    const states = stateList(scope.state);
    return (turn) => states.includes(turn.state);
  }
  const s = scope.replyTo;
  return (turn) => turn.state === s && turn.firstInState;
}

function compileCheck(check: RuleCheck | TopicCheck): Check {
  if ('state' in check && check.state !== undefined) {
    const states = stateList(check.state);
    return (turn) => (states.includes(turn.state) ? turn.state : undefined);
  }
  if (check.intent !== undefined) {
    const wanted = typeof check.intent === 'string' ? [check.intent] : check.intent;
    return (turn) => turn.reply?.intents.find((i) => wanted.includes(i));
  }
  if (check.match !== undefined) {
    const matcher = compileMatcher(check.match);
    return (turn) => {
      if (turn.reply === undefined) return undefined;
      const r = matcher(turn.reply.features);
      if (!r.matched) return undefined;
      // Keyword hits say what matched; regex and similarity matchers may report none, so quote the reply.
      return r.hits.length > 0 ? r.hits.map((h) => h.keyword).join(', ') : turn.reply.features.raw;
    };
  }
  if (check.repeat) return (turn) => (turn.reply?.repeated ? turn.reply.features.raw : undefined);
  const kind = check.action;
  const product = check.product;
  return (turn) => {
    const a = turn.action;
    if (a === undefined || a.kind !== kind) return undefined;
    if (product !== undefined && a.product !== product) return undefined;
    return a.product === undefined ? a.kind : `${a.kind} ${a.product}`;
  };
}

/** Any one of the checks: the evidence of the first that matches. */
function compileChecks(checks: RuleChecks | TopicChecks): Check {
  const compiled = eachCheck(checks).map(([check]) => compileCheck(check));
  if (compiled.length === 1 && compiled[0]) return compiled[0];
  return (turn) => {
    for (const check of compiled) {
      const evidence = check(turn);
      if (evidence !== undefined) return evidence;
    }
    return undefined;
  };
}

const NA: Settled = { verdict: 'n/a' };

export function compileScenarioRule(rule: ScenarioRule): CompiledRule {
  const inScope = compileScope(rule.scope);
  const requiring = rule.require !== undefined;
  const def = rule.require ?? rule.forbid;
  // The schema refuses this; a hand-built rule that slips past it should fail loudly, not score.
  if (def === undefined) throw new Error(`rule ${rule.id} needs require or forbid`);
  const check = compileChecks(def);
  const info: RuleInfo = {
    id: rule.id, category: rule.category, weight: rule.weight, redLine: rule.redLine, global: false,
    feedback: rule.feedback, modelReply: rule.modelReply,
  };
  if (rule.title !== undefined) info.title = rule.title;
  // A forbid rule's pass is earned only by turns that could earn it (credit.ts): replies that said
  // something (actions as before), in the empathy category only replies that showed empathy.
  const earnsCredit = requiring ? () => true
    : rule.category === 'empathy' ? earnsEmpathyCredit
    : (turn: TurnRecord) => turn.reply === undefined || saysSomething(turn);
  // A forbid rule with a topic is about something that may never come up (who pays shipping): only a
  // turn on that topic shows the trainee kept the rule; without one the rule does not apply.
  const onTopic = rule.topic === undefined ? undefined : compileChecks(rule.topic);
  const earns = onTopic === undefined ? earnsCredit : (turn: TurnRecord) => earnsCredit(turn) && onTopic(turn) !== undefined;
  return {
    info,
    step(state, turn, ctx) {
      if (state.status !== 'open' || !inScope(turn, ctx)) return state;
      const evidence = check(turn);
      if (evidence === undefined) return earns(turn) ? markReached(state) : state;
      return decide(state, requiring ? 'pass' : 'fail', turn, evidence);
    },
    settle: (state) => (state.reached ? { verdict: requiring ? 'fail' : 'pass' } : NA),
  };
}
