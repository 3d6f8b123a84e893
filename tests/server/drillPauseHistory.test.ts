// A drill's state names its pauses (the drill time each began, the wall ms it lasted), so that a page
// reloaded mid-drill can put every replayed chat line back at the wall-clock time it appeared, as it
// did live. Time is driven by hand (ManualScheduler).
import { describe, expect, it } from 'vitest';
import { drillLineWallTime } from '../../client/store/drillTime.ts';
import { DrillClock } from '../../server/runtime/drills/drillClock.ts';
import { drillClient, drillFixture, loginTrainer } from './drillHelpers.ts';
import { ManualScheduler } from './manualScheduler.ts';

const fixture = drillFixture();
const none = { registry: { settled: () => Promise.resolve() } };

describe('the drill clock\'s pauses', () => {
  it('are kept in order, the running one counted so far', async () => {
    const wall = new ManualScheduler(10_000);
    const clock = new DrillClock(wall);
    expect(clock.history()).toEqual([]);
    await wall.advance(none, 1_000);
    clock.pause();
    await wall.advance(none, 4_000);
    expect(clock.history()).toEqual([{ at: 11_000, ms: 4_000 }]);
    clock.resume();
    await wall.advance(none, 2_000);
    clock.pause();
    await wall.advance(none, 3_000);
    clock.resume();
    expect(clock.history()).toEqual([
      { at: 11_000, ms: 4_000 },
      { at: 13_000, ms: 3_000 },
    ]);
    expect(clock.history().reduce((sum, p) => sum + p.ms, 0)).toBe(clock.pausedMs);
  });

  it('count a takeover\'s time away as one pause where the drill stopped', async () => {
    const wall = new ManualScheduler(50_000);
    const clock = new DrillClock(wall, { at: 1_200, paused: true });
    await wall.advance(none, 1_000);
    expect(clock.history()).toEqual([{ at: 1_200, ms: 49_800 }]);
    clock.resume();
    expect(clock.history()).toEqual([{ at: 1_200, ms: 49_800 }]);
  });
});

describe('a seat taken again after a pause', () => {
  it('gets the pauses with the drill state, which put a line back at the wall time it was said', async () => {
    const clock = new ManualScheduler();
    const server = await fixture.server({ scheduler: clock, buyerSpeed: 1 });
    const trainer = await drillClient(server.url, await loginTrainer(server, '冯老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const drillId = snap.state.drillId;
    const trainee = await drillClient(server.url);
    fixture.track(trainer, trainee);
    const seat = await trainee.ok('drill:join', { code: snap.code, displayName: '小冯' });
    await trainer.ok('drill:start', { drillId });
    // The buyer's opening line comes at the start; after a 15 s pause and 30 s of silence she nudges.
    const startedAt = clock.now();
    await clock.advance(server.settles, 5_000);
    await trainer.ok('drill:pause', { drillId });
    await clock.advance(server.settles, 15_000);
    await trainer.ok('drill:resume', { drillId });
    await clock.advance(server.settles, 30_000);
    await trainee.waitForEvent('buyer:say', 2);
    const [opening, nudge] = trainee.of('buyer:say').map((e) => e.message);
    await trainer.ok('drill:pause', { drillId });
    await clock.advance(server.settles, 20_000);
    await trainer.ok('drill:resume', { drillId });

    const reloaded = await drillClient(server.url);
    fixture.track(reloaded);
    const again = await reloaded.ok('drill:rejoin', { seatToken: seat.seatToken, lastSeq: 0 });
    const pauses = again.drill.pauses ?? [];
    expect(pauses.map((p) => p.ms)).toEqual([15_000, 20_000]);
    // This test's wall clock is the server's: the offset is the pauses alone.
    const offset = again.drill.clock - clock.now();
    expect(offset).toBe(-35_000);
    // Drill time is the wall clock less the pauses before: the opening line (before the first
    // pause) was said at its drill time, the nudge (after it) 15 s later than its drill time.
    expect((opening?.at ?? 0) - startedAt).toBeLessThan(5_000);
    expect(opening && drillLineWallTime(opening.at, offset, pauses)).toBe(opening?.at);
    expect((nudge?.at ?? 0) - startedAt).toBeGreaterThan(5_000);
    expect(nudge && drillLineWallTime(nudge.at, offset, pauses)).toBe((nudge?.at ?? 0) + 15_000);
  });
});
