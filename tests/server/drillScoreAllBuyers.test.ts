// A trainee's drill score counts every buyer of the drill: a buyer never reached scores 0 and an
// unfinished one its partial score, so going further never lowers a rank. The walkthrough's case:
// an exam of two buyers with a time limit (1 minute here: the fixture buyer leaves after 60 s of
// silence, which would be an ending of its own); 小李 finishes buyer 1 and reaches buyer 2, 小王 stays
// on buyer 1, 小张 never answers. The dashboard tile says the same drill score while it runs, and a
// buyer whose chat has its outcome is not shown as waiting.
import { describe, expect, it } from 'vitest';
import type { DrillResults } from '../../server/protocol/index.ts';
import { drillClient, loginTrainer, drillFixture } from './drillHelpers.ts';
import { msgId } from './helpers.ts';
import { ManualScheduler } from './manualScheduler.ts';

const fixture = drillFixture();
const oneDecimal = (x: number) => Math.round(x * 10) / 10;

describe('the drill score of a trainee', () => {
  it('counts every buyer, ranks by it, and says each buyer’s status in the results and both exports', async () => {
    const clock = new ManualScheduler();
    const server = await fixture.server({ scheduler: clock, buyerSpeed: 1 });
    const cookie = await loginTrainer(server, '钱老师');
    const trainer = await drillClient(server.url, cookie);
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle', 'mini-haggle'], mode: 'exam', timeLimitSeconds: 60 });
    const drillId = snap.state.drillId;
    const [li, wang, zhang] = await Promise.all([drillClient(server.url), drillClient(server.url), drillClient(server.url)]);
    if (!li || !wang || !zhang) throw new Error('no trainees');
    fixture.track(trainer, li, wang, zhang);
    await li.ok('drill:join', { code: snap.code, displayName: '小李' });
    await wang.ok('drill:join', { code: snap.code, displayName: '小王' });
    await zhang.ok('drill:join', { code: snap.code, displayName: '小张' });
    await trainer.ok('drill:start', { drillId });
    await clock.advance(server.settles, 1_000);
    for (const t of [li, wang, zhang]) await t.waitForEvent('buyer:say');
    const drill = server.drills.manager.get(drillId);
    const tile = (name: string) => drill?.tiles().find((t) => t.name === name);
    const session = (t: typeof li, n = 0) => t.of('drill:session')[n]?.session.sessionId ?? '';

    // 小李 sells to buyer 1; the buyer's closing line is not a buyer kept waiting.
    await li.act('reply:send', { sessionId: session(li), clientMsgId: msgId(), text: '亲，不能再便宜了哦' });
    await clock.advance(server.settles, 10_000);
    await li.act('reply:send', { sessionId: session(li), clientMsgId: msgId(), text: '您发个截图给我看看' });
    // An exam tells the trainee no outcome: the server's tile is read as the clock moves on.
    for (let i = 0; i < 30 && !tile('小李')?.outcome; i++) await clock.advance(server.settles, 1_000);
    await clock.advance(server.settles, 5_000);
    expect(tile('小李')).toMatchObject({ outcome: 'purchased', buyerDone: true, waitingSince: null });
    const firstScore = tile('小李')?.score ?? -1;
    expect(tile('小李')?.drillScore).toBe(oneDecimal(firstScore / 2));

    // Buyer 2: the tile keeps the drill score so far, not the new chat's 0.
    await li.act('session:end', { sessionId: session(li), clientMsgId: msgId() });
    await li.waitForEvent('drill:session', 2);
    expect(tile('小李')).toMatchObject({ position: 1, buyerDone: false });
    expect(tile('小李')?.drillScore).toBeGreaterThanOrEqual(oneDecimal(firstScore / 2));

    await wang.act('reply:send', { sessionId: session(wang), clientMsgId: msgId(), text: '亲，不能再便宜了哦' });
    await clock.advance(server.settles, 60_000);
    await trainer.waitFor(() => trainer.of('drill:state').some((s) => s.status === 'ended'));

    const results = (await (await fetch(`${server.url}/api/drills/${drillId}`, { headers: { cookie } })).json()) as DrillResults;
    const seat = (name: string) => results.seats.find((s) => s.name === name);
    expect(seat('小李')?.buyers?.map((b) => b.status)).toEqual(['done', 'unfinished']);
    expect(seat('小王')?.buyers?.map((b) => b.status)).toEqual(['unfinished', 'notStarted']);
    expect(seat('小张')?.buyers?.map((b) => b.status)).toEqual(['unfinished', 'notStarted']);
    for (const s of results.seats) {
      const sum = (s.buyers ?? []).reduce((a, b) => a + b.score, 0);
      expect(s.score).toBe(oneDecimal(sum / 2));
    }
    expect(seat('小王')?.buyers?.[1]?.score).toBe(0);
    expect(seat('小李')?.buyers?.[0]?.score).toBe(firstScore);
    // Going further never ranks lower: 小李 played buyer 1 best and went on to buyer 2.
    expect(results.leaderboard[0]?.name).toBe('小李');
    expect(results.leaderboard.map((r) => r.score)).toEqual(results.leaderboard.map((r) => seat(r.name)?.score));
    // The class figures are over trainees' drill scores and trainee x buyer pairs.
    expect(results.summary.buyerSlots).toBe(6);
    expect(results.summary.scoreMax).toBe(seat('小李')?.score);
    expect(results.summary.passRate).toBe(results.summary.passed / 6);

    const csv = (await (await fetch(`${server.url}/api/drills/${drillId}/export.csv`, { headers: { cookie } })).text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    const header = csv[0]?.split(',') ?? [];
    const rows = csv.slice(1).map((line) => Object.fromEntries(line.split(',').map((v, i) => [header[i], v])));
    expect(rows).toHaveLength(6);
    expect(rows.filter((r) => r['学员'] === '小王').map((r) => [r['第几位买家'], r['这位买家'], r['得分'], r['演练得分']])).toEqual([
      ['1/2', '未完成（被打断）', String(seat('小王')?.buyers?.[0]?.score), String(seat('小王')?.score)],
      ['2/2', '未接待到', '0', String(seat('小王')?.score)],
    ]);
    const json = (await (await fetch(`${server.url}/api/drills/${drillId}/export.json`, { headers: { cookie } })).json()) as DrillResults;
    expect(json.seats.find((s) => s.name === '小王')?.buyers?.[1]).toMatchObject({ status: 'notStarted', score: 0, sessionId: null });
  });
});
