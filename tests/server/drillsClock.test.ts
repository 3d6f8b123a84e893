// Pause freezes a drill's time: no silence deadline passes, no time limit runs out, and response
// times leave the pause out. Time is driven by hand (ManualScheduler); nothing waits on the clock.
import { describe, expect, it } from 'vitest';
import { DrillClock } from '../../server/runtime/drills/drillClock.ts';
import type { DrillClient } from './drillHelpers.ts';
import { drillClient, loginTrainer, drillFixture } from './drillHelpers.ts';
import { msgId } from './helpers.ts';
import { ManualScheduler } from './manualScheduler.ts';

const fixture = drillFixture();

async function setUp(timeLimitSeconds?: number) {
  const clock = new ManualScheduler();
  const server = await fixture.server({ scheduler: clock, buyerSpeed: 1 });
  const trainer = await drillClient(server.url, await loginTrainer(server, '钱老师'));
  const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice', ...(timeLimitSeconds ? { timeLimitSeconds } : {}) });
  const trainee = await drillClient(server.url);
  fixture.track(trainer, trainee);
  await trainee.ok('drill:join', { code: snap.code, displayName: '小吴' });
  await trainer.ok('drill:start', { drillId: snap.state.drillId });
  return { clock, server, trainer, trainee, drillId: snap.state.drillId };
}

/** An answered event on the trainee's socket: everything the server sent before it has arrived. */
async function barrier(trainee: DrillClient): Promise<void> {
  await trainee.send('drill:rejoin', { seatToken: 'not-a-token', lastSeq: 0 });
}

describe('pausing a drill', () => {
  it('stops the buyer from aging: no nudge during the pause, and response times leave it out', async () => {
    const { clock, server, trainer, trainee, drillId } = await setUp();
    await clock.advance(server.settles, 10_000);
    await trainee.waitForEvent('buyer:say');
    const sessionId = trainee.of('drill:session')[0]?.session.sessionId ?? '';
    const firstAt = trainee.of('buyer:say')[0]?.message.at ?? 0;

    await trainer.ok('drill:pause', { drillId });
    await clock.advance(server.settles, 15 * 60_000);
    expect(await trainee.act('reply:send', { sessionId, clientMsgId: msgId(), text: '在的亲' })).toMatchObject({ ok: false, error: { code: 'paused' } });
    expect(trainee.of('buyer:say')).toHaveLength(1);

    const resumed = await trainer.ok('drill:resume', { drillId });
    // 25 s of drill time after the buyer's line: the 30 s nudge is not due yet.
    await clock.advance(server.settles, firstAt + 25_000 - resumed.clock);
    await barrier(trainee);
    expect(trainee.of('buyer:say')).toHaveLength(1);
    await clock.advance(server.settles, 10_000);
    await trainee.waitForEvent('buyer:say', 2);
    expect(['在吗?', '人呢?']).toContain(trainee.of('buyer:say')[1]?.message.text);

    const answer = await trainee.act('reply:send', { sessionId, clientMsgId: msgId(), text: '亲，不能再便宜了哦' });
    expect(answer.ok && answer.data.at - firstAt).toBe(35_000);
    const results = await trainer.ok('drill:end', { drillId });
    const report = results.seats[0]?.sessions[0]?.report;
    expect(report?.kpis.firstResponseMs).toBeLessThan(60_000);
  });

  it('keeps the time limit on drill time: a pause does not use it up', async () => {
    const { clock, server, trainer, trainee, drillId } = await setUp(60);
    await trainer.ok('drill:pause', { drillId });
    await clock.advance(server.settles, 5 * 60_000);
    await barrier(trainee);
    expect(server.drills.manager.get(drillId)?.status).toBe('paused');
    await trainer.ok('drill:resume', { drillId });
    await clock.advance(server.settles, 59_000);
    expect(server.drills.manager.get(drillId)?.status).toBe('running');
    await clock.advance(server.settles, 2_000);
    await trainer.waitFor(() => trainer.of('drill:state').some((s) => s.status === 'ended'));
    await trainee.waitForEvent('session:report');
    const stored = await server.db.selectFrom('drills').select(['status', 'results']).where('id', '=', drillId).executeTakeFirstOrThrow();
    expect(stored.status).toBe('ended');
    expect(stored.results).not.toBeNull();
  });
});

describe('the drill clock', () => {
  it('excludes paused intervals and holds its timers until resumed', async () => {
    const wall = new ManualScheduler(1000);
    const clock = new DrillClock(wall);
    const fired: number[] = [];
    clock.schedule(1500, () => fired.push(clock.now()));
    const none = { registry: { settled: () => Promise.resolve() } };
    await wall.advance(none, 200);
    clock.pause();
    await wall.advance(none, 10_000);
    expect(clock.now()).toBe(1200);
    expect(fired).toEqual([]);
    clock.resume();
    expect(clock.now()).toBe(1200);
    await wall.advance(none, 299);
    expect(fired).toEqual([]);
    await wall.advance(none, 1);
    expect(fired).toEqual([1500]);
    expect(clock.pausedMs).toBe(10_000);
  });

  it('goes on from where a taken-over drill stopped, counting the downtime as a pause', async () => {
    const wall = new ManualScheduler(50_000);
    const none = { registry: { settled: () => Promise.resolve() } };
    // The last node reached drill time 1200 before it died; the wall clock is far ahead now.
    const running = new DrillClock(wall, { at: 1200, paused: false });
    expect(running.now()).toBe(1200);
    const fired: number[] = [];
    running.schedule(1500, () => fired.push(running.now()));
    await wall.advance(none, 299);
    expect(fired).toEqual([]);
    await wall.advance(none, 1);
    expect(fired).toEqual([1500]);
    // A drill that was paused stays paused at its time until the trainer resumes it.
    const paused = new DrillClock(wall, { at: 900, paused: true });
    await wall.advance(none, 5_000);
    expect([paused.paused, paused.now()]).toEqual([true, 900]);
    paused.resume();
    await wall.advance(none, 100);
    expect(paused.now()).toBe(1000);
  });
});

describe('a drill clock taken over from the store', () => {
  it('comes back paused at exactly the drill time it had, even when the wall clock ticks between readings', () => {
    let wallNow = 5_000;
    // Every reading of this wall clock is 1 ms later than the one before.
    const ticking = { now: () => wallNow++, schedule: () => () => undefined };
    const clock = new DrillClock(ticking, { at: 1_234, paused: true });
    expect(clock.now()).toBe(1_234);
    expect(clock.now()).toBe(1_234);
  });
});
