// The one ranking of a drill's trainees, used by the results page, the CSV and the history (all
// through results.ts). A red line fails the chat it was crossed in whatever its score, so a trainee
// who crossed none ranks above every trainee who crossed one; then the better drill score first.
import type { DrillResults, SeatRedLine, SeatResult } from '../../protocol/index.ts';

/** Every red line a seat crossed, in buyer order, each named by its rule's short name when it has one. */
export function seatRedLines(sessions: SeatResult['sessions']): SeatRedLine[] {
  // A seat plays the drill's buyers in order: its n-th session is buyer n.
  return sessions.flatMap((s, position) =>
    (s.report?.redLines ?? []).map((rule) => {
      const title = s.report?.rules.find((v) => v.rule === rule)?.title;
      return { rule, ...(title ? { title } : {}), position };
    }),
  );
}

type Ranked = { name: string; score: number; redLines: number };

/** None before some red line (their count does not matter: one already fails), then by score. */
const grade = (a: Ranked, b: Ranked) => Number(a.redLines > 0) - Number(b.redLines > 0) || b.score - a.score;

/** Seats not removed, best first; graded alike they share a rank (1, 1, 3), listed by name. */
export function leaderboard(seats: readonly SeatResult[]): DrillResults['leaderboard'] {
  const ranked: Ranked[] = seats.flatMap((s) => (s.removed || s.score === null ? [] : [{ name: s.name, score: s.score, redLines: s.redLines?.length ?? 0 }]));
  ranked.sort((a, b) => grade(a, b) || a.name.localeCompare(b.name));
  return ranked.map((r) => ({ rank: ranked.findIndex((o) => grade(o, r) === 0) + 1, ...r }));
}
