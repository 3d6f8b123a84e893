// A live tile says, for each red line, the buyer it was crossed with (the dashboard labels it so a
// red line from buyer 1 does not read as crossed with buyer 2).
import { describe, expect, it } from 'vitest';
import type { Seat } from '../../server/runtime/drills/seats.ts';
import { tileOf } from '../../server/runtime/drills/seats.ts';

const shadow = (redLines: string[]) => ({ scenarioId: 'b', move: null, outcome: null, turns: 1, redLines, titles: {}, score: () => 50, waitingSince: () => null });

describe('a live tile', () => {
  it('pairs every red line with its buyer', () => {
    const seat = { id: 's', name: 'n', removed: false, epoch: 0, joinedAt: 0, sockets: new Set(['x']), session: null, shadows: [shadow(['no-discount']), shadow(['no-offsite', 'no-discount'])], finished: false } as unknown as Seat;
    const tile = tileOf(seat, 0, 2);
    expect(tile.redLines).toEqual(['no-discount', 'no-offsite', 'no-discount']);
    expect(tile.redLineBuyers).toEqual([0, 1, 1]);
  });
});
