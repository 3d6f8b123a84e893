// A drill's chat lines carry drill time: the wall clock less every pause so far. The page shows the
// time on the trainee's own clock instead, live or replayed after a reload, so that a line said
// before a pause is not shown that pause's length too early.
import type { DrillPause } from '../../server/protocol/index.ts';

/**
 * The local time a line at drill time `at` appeared: `offset` is the drill clock minus the local
 * clock now; every pause that began at or after `at` came later, and moved the offset by its length.
 */
export function drillLineWallTime(at: number, offset: number, pauses: readonly DrillPause[]): number {
  let after = 0;
  for (const pause of pauses) if (pause.at >= at) after += pause.ms;
  return at - offset - after;
}
