// The socket path carries verdicts as marks (the rule by id) and a session's rule texts travel once,
// over HTTP, keyed by a digest of them. A 20-reply session's report alone held about 15 KB of
// feedback text, repeated in every session's events and log rows.
import { createHash } from 'node:crypto';
import type { CompiledScenario } from '../engine/index.ts';
import type { ReportMarks, RuleText, SessionRuleTexts, VerdictMark } from '../protocol/index.ts';

const byScenario = new WeakMap<CompiledScenario, Map<number | undefined, SessionRuleTexts>>();

/**
 * The rubric's texts and their key for a session of rubric revision `rulesRevision` (absent: the
 * latest), computed once per compiled scenario and revision. A global rule newer than the session
 * (GLOBAL_RULE_SINCE) is never judged in it, so its texts are not sent either.
 */
export function rubricTexts(compiled: CompiledScenario, rulesRevision?: number): SessionRuleTexts {
  let byRevision = byScenario.get(compiled);
  if (byRevision === undefined) {
    byRevision = new Map();
    byScenario.set(compiled, byRevision);
  }
  let texts = byRevision.get(rulesRevision);
  if (texts === undefined) {
    const rules: RuleText[] = compiled.rubric
      .rulesOf(rulesRevision)
      .map(({ id, title, feedback, modelReply }) => ({
        rule: id,
        ...(title === undefined ? {} : { title }),
        feedback,
        ...(modelReply === undefined ? {} : { modelReply }),
      }));
    const rubric = createHash('sha256').update(JSON.stringify(rules)).digest('base64url').slice(0, 16);
    texts = { rubric, rules };
    byRevision.set(rulesRevision, texts);
  }
  return texts;
}

/**
 * The verdict without its texts (a Verdict, or a mark read from an old log that still has them).
 * Built field by field rather than by rest-spread: this runs for every verdict a session makes.
 */
export function toMark(v: VerdictMark): VerdictMark {
  const mark: VerdictMark = { rule: v.rule, category: v.category, verdict: v.verdict, redLine: v.redLine, points: v.points, max: v.max };
  if (v.turn !== undefined) mark.turn = v.turn;
  if (v.messageId !== undefined) mark.messageId = v.messageId;
  if (v.evidence !== undefined) mark.evidence = v.evidence;
  return mark;
}

export function toReportMarks(report: ReportMarks): ReportMarks {
  return { ...report, rules: report.rules.map(toMark) };
}
