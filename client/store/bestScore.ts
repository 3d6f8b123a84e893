// 最佳成绩 on the home page: the best a trainee truly reached with a buyer, and whether it passed.
// A chat left unfinished, or one that crossed a red line, fails whatever its points, so it is no
// best score (a finished chat below the pass mark still is: it is the score they got). Whether the
// best passed is kept with it, not worked out from today's pass mark: a later scenario version may
// raise the mark, and the card must never make a failed attempt look passed.
import type { ReportMarks } from './types.ts';

export interface BestScore {
  score: number;
  /** null: a best kept before its verdict was (a bare number in older browsers): the card shows no verdict */
  passed: boolean | null;
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
  // At a tie a pass wins, and any verdict replaces an unknown one (a best carried over from before).
  if (prev === undefined || next.score > prev.score || (next.score === prev.score && ((next.passed && !prev.passed) || prev.passed === null))) return next;
  return undefined;
}

/**
 * A stored best as saved, or a bare number from before the verdict was kept, which is carried over
 * with its verdict unknown: dropping it would erase every returning trainee's record (and the next
 * save would make that final), while guessing a verdict from today's pass mark could show a pass
 * that never was. Anything else is left out.
 */
export function readBestScore(value: unknown): BestScore | undefined {
  if (isScore(value)) return { score: value, passed: null };
  if (typeof value !== 'object' || value === null) return undefined;
  const { score, passed } = value as Partial<BestScore>;
  if (!isScore(score) || !(typeof passed === 'boolean' || passed === null)) return undefined;
  return { score, passed };
}

/** A score a report can give (0 to 100): anything else in storage would block every later best. */
function isScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;
}
