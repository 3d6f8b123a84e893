// Turning rule states into verdicts, and verdicts into the score, category totals and KPIs.
import { ruleCategories } from '../scenario/schema.ts';
import type { CategoryTotal, EndContext, Kpis, Report, Unfinished, Verdict, VerdictValue } from './types.ts';
import { fromRevision } from './types.ts';
import { OPEN } from './progress.ts';
import { globalRuleInRevision } from './globalRules.ts';
import type { CompiledRule, EndCtx, RubricProgress, RuleInfo, RuleProgress } from './progress.ts';

export function ruleState(progress: RubricProgress, id: string): RuleProgress {
  // A rule missing from a stored progress (e.g. hand-made) simply has not been decided yet.
  return progress.rules[id] ?? OPEN;
}

export function toVerdict(info: RuleInfo, value: VerdictValue, state: RuleProgress, evidence?: string): Verdict {
  const applies = value !== 'n/a';
  const v: Verdict = {
    rule: info.id,
    category: info.category,
    verdict: value,
    redLine: info.redLine,
    points: value === 'pass' ? info.weight : 0,
    max: applies ? info.weight : 0,
    feedback: info.feedback,
  };
  if (info.title !== undefined) v.title = info.title;
  if (applies && state.turn !== null) v.turn = state.turn;
  if (applies && state.messageId !== null) v.messageId = state.messageId;
  if (info.modelReply !== undefined) v.modelReply = info.modelReply;
  const ev = evidence ?? state.evidence ?? undefined;
  if (applies && ev !== undefined) v.evidence = ev;
  return v;
}

/**
 * A wait still open at the end is a lower bound on the response it would have been. Longer than the
 * average limit, that response is slow whatever came next, and the buyer did wait that long with no
 * answer: it counts as one more (slow) response in the KPIs and the timeliness rules, so leaving her
 * unanswered never scores better than answering late. A shorter open wait proves nothing (the
 * trainee may have been typing when the time ran out) and counting it would reward ending the chat
 * quickly (a short wait lowers the average): it is left out.
 */
function slowOpenWait(end: EndContext, slowMs: number): number | null {
  const open = end.unanswered;
  return open !== undefined && open.waitMs > slowMs ? open.waitMs : null;
}

/** Response-time figures over the timed replies and a slow open wait. */
function responseFigures(progress: RubricProgress, open: number | null): Pick<Kpis, 'firstResponseMs' | 'longestResponseMs'> & { timed: number; sum: number } {
  if (open === null) return { timed: progress.timedReplies, sum: progress.responseMsSum, firstResponseMs: progress.firstResponseMs, longestResponseMs: progress.longestResponseMs };
  return {
    timed: progress.timedReplies + 1,
    sum: progress.responseMsSum + open,
    firstResponseMs: progress.firstResponseMs ?? open,
    longestResponseMs: Math.max(open, progress.longestResponseMs ?? open),
  };
}

export function endCtx(progress: RubricProgress, end: EndContext, slowMs: number): EndCtx {
  const open = slowOpenWait(end, slowMs);
  const r = responseFigures(progress, open);
  return {
    replies: progress.replies,
    timedReplies: progress.timedReplies,
    avgResponseMs: r.timed > 0 ? r.sum / r.timed : null,
    offered: end.offered,
    outcome: end.outcome,
    success: end.success,
    waited: end.waited,
    unanswered: end.unanswered === undefined ? null : { ...end.unanswered, slow: open !== null },
  };
}

export function kpis(progress: RubricProgress, end: EndContext, slowMs: number): Kpis {
  const r = responseFigures(progress, slowOpenWait(end, slowMs));
  return {
    firstResponseMs: r.firstResponseMs,
    avgResponseMs: r.timed > 0 ? Math.round(r.sum / r.timed) : null,
    longestResponseMs: r.longestResponseMs,
    replies: progress.replies,
    outcome: end.outcome,
  };
}

function categoryTotals(verdicts: readonly Verdict[]): CategoryTotal[] {
  const totals: CategoryTotal[] = [];
  for (const category of ruleCategories) {
    const mine = verdicts.filter((v) => v.category === category && v.verdict !== 'n/a');
    if (mine.length === 0) continue;
    totals.push({
      category,
      points: mine.reduce((s, v) => s + v.points, 0),
      max: mine.reduce((s, v) => s + v.max, 0),
    });
  }
  return totals;
}

export function buildReport(
  rules: readonly CompiledRule[],
  progress: RubricProgress,
  end: EndContext,
  passMark: number,
  /** a wait still open at the end longer than this counts as a slow response (the average limit) */
  slowMs: number,
): Report {
  const ctx = endCtx(progress, end, slowMs);
  // A global rule newer than the session's revision was not part of its rubric: no row at all.
  const inRubric = rules.filter((r) => !r.info.global || globalRuleInRevision(r.info.id, end.rulesRevision));
  const verdicts = inRubric.map((r) => {
    const state = ruleState(progress, r.info.id);
    if (state.status !== 'open') return toVerdict(r.info, state.status, state);
    const settled = r.settle(state, ctx);
    return toVerdict(r.info, settled.verdict, state, settled.evidence);
  });
  const points = verdicts.reduce((s, v) => s + v.points, 0);
  const max = verdicts.reduce((s, v) => s + v.max, 0);
  // A trainee who never answers the buyer has not served anyone: no reply, no pass.
  const silent = progress.replies === 0;
  const score = silent ? 0 : max === 0 ? 100 : Math.round((100 * points) / max);
  const redLines = verdicts.filter((v) => v.redLine && v.verdict === 'fail').map((v) => v.rule);
  const unfinished = unfinishedReason(progress, end);
  const revision3 = fromRevision(end.rulesRevision, 3);
  const report: Report = {
    score,
    passed: unfinished === undefined && redLines.length === 0 && score >= passMark,
    passMark,
    redLines,
    rules: verdicts,
    // With no reply there is nothing to total: only the whole-chat rules (the ending) would show, as
    // if the chat had been judged on them alone. The reason says why the totals are missing.
    categories: silent && revision3 ? [] : categoryTotals(verdicts),
    kpis: kpis(progress, end, slowMs),
  };
  if (unfinished !== undefined) report.unfinished = unfinished;
  return report;
}

/**
 * A chat that stops before the buyer reaches an ending (revision 3) tested only its first moves:
 * the rules of the later moves are n/a and every forbid rule passes untested, so its score says
 * little about the whole conversation and it does not pass. The score is still reported: it rates
 * what was said.
 */
function unfinishedReason(progress: RubricProgress, end: EndContext): Unfinished | undefined {
  if (!fromRevision(end.rulesRevision, 3)) return undefined;
  if (progress.replies === 0) return 'no-reply';
  if (end.outcome === null) return 'no-ending';
  return undefined;
}
