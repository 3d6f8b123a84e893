// Which score a dashboard tile shows big, and what it means. Mid-drill a trainee's drill score
// counts every buyer (one not reached yet as 0), so on buyer 1 of 2 it is half of that buyer's score:
// shown big, it reads like a bad score. While a trainee of a several-buyer drill is still playing,
// the big number is the current buyer's score, named by the buyer; the drill score so far is a
// smaller line that says how it is counted. Once the trainee is done (or the drill is), the big
// number is the drill score the ranking uses.
import type { Tile } from '../../store/trainerSlice.ts';

export type TileScore =
  /** the buyer the trainee is on now, `at` of `of` (1-based) */
  | { kind: 'buyer'; score: number; at: number; of: number }
  /** the drill score the ranking uses (every buyer counts), once this trainee's drill is over */
  | { kind: 'drill'; score: number }
  /** a drill of one buyer while it runs (or a server that sends no drill score): the chat's live score */
  | { kind: 'live'; score: number };

export interface TileScoreView {
  /** the big number, or null while it would judge nothing yet (no reply to this buyer) */
  big: TileScore | null;
  /** the drill score so far, beside a buyer's big number (a drill of several buyers) */
  soFar: number | null;
}

/** `buyers`: how many buyers the drill has; `over`: this trainee's drill is done (finished, removed, ended). */
export function tileScoreView(tile: Tile, buyers: number, over: boolean): TileScoreView {
  const drill = tile.drillScore;
  if (over || buyers <= 1) {
    const score = drill ?? tile.score;
    // Before the first reply a live 0 judges nothing yet; once over, a 0 is the result.
    const shown = score !== null && (over || tile.turns > 0);
    return { big: shown ? (over && drill !== undefined ? { kind: 'drill', score } : { kind: 'live', score }) : null, soFar: null };
  }
  const big = tile.score !== null && tile.turns > 0 ? ({ kind: 'buyer', score: tile.score, at: tile.position + 1, of: buyers } as const) : null;
  // Nothing played yet: no drill score to speak of either.
  const soFar = drill !== undefined && (tile.turns > 0 || tile.position > 0) ? drill : null;
  return { big, soFar };
}
