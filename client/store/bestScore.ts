// 最佳成绩 on the home page: the best a trainee truly reached with a buyer, and whether it passed.
// A chat left unfinished, or one that crossed a red line, fails whatever its points, so it is no
// best score (a finished chat below the pass mark still is: it is the score they got). Whether the
// best passed is kept with it, not worked out from today's pass mark: a later scenario version may
// raise the mark, and the card must never make a failed attempt look passed.
import type { ReportMarks } from './types.ts';

export interface BestScore {
  score: number;
  passed: boolean;
}

export type ScoredReport = Pick<ReportMarks, 'score' | 'passed' | 'unfinished' | 'redLines'>;

/** A finished chat with no red line crossed: the attempts 最佳成绩 is the best of. */
export function countsAsBest(report: Pick<ReportMarks, 'unfinished' | 'redLines'>): boolean {
  return report.unfinished === undefined && report.redLines.length === 0;
}

/** The best after `report`, or undefined when it changes nothing (a higher score wins; at a tie, a pass). */
export function improvedBest(prev: BestScore | undefined, report: ScoredReport): BestScore | undefined {
  if (!countsAsBest(report)) return undefined;
  const next = { score: report.score, passed: report.passed };
  if (prev === undefined || next.score > prev.score || (next.score === prev.score && next.passed && !prev.passed)) return next;
  return undefined;
}

/** A stored best as saved; anything else is left out (bare numbers from before could be an unfinished chat's score). */
export function isBestScore(value: unknown): value is BestScore {
  return typeof value === 'object' && value !== null && typeof (value as BestScore).score === 'number' && typeof (value as BestScore).passed === 'boolean';
}
