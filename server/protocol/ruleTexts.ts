// Verdicts travel as marks (the rule by id); these join a mark back with its rule's texts, for the
// chat's chips (client) and for a report served over HTTP (server).
import type { LocalText, Report, Verdict } from '../engine/index.ts';
import type { ReportMarks, RuleText, VerdictMark } from './events.ts';

const NO_TEXT: LocalText = { 'zh-CN': '', en: '' };

export function ruleTextsById(texts: readonly RuleText[]): ReadonlyMap<string, RuleText> {
  return new Map(texts.map((t) => [t.rule, t]));
}

/**
 * The verdict with its rule's texts. A mark that still carries its own texts (sent by an older node
 * in a mixed cluster; logs written before marks are read as marks) has them stand in when `text` is
 * unknown (not loaded yet, or a rule since removed).
 */
export function verdictWithText(mark: VerdictMark, text: RuleText | undefined): Verdict {
  const inline = mark as VerdictMark & Partial<Pick<Verdict, 'title' | 'feedback' | 'modelReply'>>;
  const { title, feedback, modelReply } = text ?? inline;
  const verdict: Verdict = { ...mark, feedback: feedback ?? NO_TEXT };
  delete verdict.title;
  delete verdict.modelReply;
  if (title !== undefined) verdict.title = title;
  if (modelReply !== undefined) verdict.modelReply = modelReply;
  return verdict;
}

export function reportWithTexts(report: ReportMarks, texts: ReadonlyMap<string, RuleText>): Report {
  return { ...report, rules: report.rules.map((m) => verdictWithText(m, texts.get(m.rule))) };
}
