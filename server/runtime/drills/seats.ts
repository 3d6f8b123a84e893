// A trainee's seat in a drill: who sits there, which sessions they played, and its dashboard tile.
import type { LocalText } from '../../engine/index.ts';
import type { SeatStatus, Tile } from '../../protocol/index.ts';
import type { LiveSession } from '../liveSession.ts';
import { drillScore } from './results.ts';
import type { SessionShadow } from './sessionShadow.ts';

export interface Seat {
  id: string;
  name: string;
  removed: boolean;
  /** drill-clock time of the removal (its sessions' clock), while it lasts; this node's memory only: a rebuilt seat has none */
  removedAt?: number;
  /** bumped by each removal: a socket that held the seat before must rejoin with the token */
  epoch: number;
  joinedAt: number;
  /** ids of the sockets holding the seat now */
  sockets: Set<string>;
  /** the session being played (the last one once the seat has finished) */
  session: LiveSession | null;
  /** one per scenario played, in sequence order */
  shadows: SessionShadow[];
  finished: boolean;
}

/** "小王", then "小王 (2)", "小王 (3)" ...: the first free one. */
export function distinctName(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; n < 100_000; n++) {
    const candidate = `${wanted} (${n})`;
    if (!taken.has(candidate)) return candidate;
  }
  throw new Error('too many seats with one name');
}

export function seatStatus(seat: Seat): SeatStatus {
  if (seat.removed) return 'removed';
  if (seat.finished) return 'finished';
  return seat.session ? 'playing' : 'lobby';
}

/**
 * `now`: the drill clock, which tells a buyer line already shown from one still being typed;
 * `buyers`: how many buyers the drill has (its drill score counts every one, as the results do).
 */
export function tileOf(seat: Seat, now: number, buyers: number): Tile {
  const shadow = seat.shadows.at(-1);
  return {
    seatId: seat.id,
    name: seat.name,
    status: seatStatus(seat),
    connected: seat.sockets.size > 0,
    sessionId: seat.session?.id ?? null,
    position: Math.max(0, seat.shadows.length - 1),
    scenarioId: shadow?.scenarioId ?? null,
    move: shadow?.move ?? null,
    score: shadow ? shadow.score() : null,
    drillScore: drillScore(seat.shadows.map((s) => s.score()), buyers),
    buyerDone: shadow?.outcome != null,
    redLines: seat.shadows.flatMap((s) => s.redLines),
    redLineBuyers: seat.shadows.flatMap((s, i) => s.redLines.map(() => i)),
    ruleTitles: Object.assign({}, ...seat.shadows.map((s) => s.titles)) as Record<string, LocalText>,
    // A removed seat's chat stands still: nobody waits on it.
    waitingSince: seat.removed ? null : (shadow?.waitingSince(now) ?? null),
    outcome: shadow?.outcome ?? null,
    turns: shadow?.turns ?? 0,
  };
}
