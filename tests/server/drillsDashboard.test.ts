// What a dashboard tile says about the buyer waiting, and the names the dashboard shows for rules;
// and the per-address budget of wrong join codes. Time is driven by hand (ManualScheduler).
import { describe, expect, it } from 'vitest';
import { FailureGuard } from '../../server/runtime/failureGuard.ts';
import { drillClient, loginTrainer, drillFixture } from './drillHelpers.ts';
import { msgId } from './helpers.ts';
import { ManualScheduler } from './manualScheduler.ts';

const fixture = drillFixture();

describe('the buyer-waiting timer of a tile', () => {
  it('starts when a buyer line is shown unanswered, stops at the reply, and waits for lines still being typed', async () => {
    const clock = new ManualScheduler();
    const server = await fixture.server({ scheduler: clock, buyerSpeed: 1 });
    const trainer = await drillClient(server.url, await loginTrainer(server, '钱老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const trainee = await drillClient(server.url);
    fixture.track(trainer, trainee);
    const drillId = snap.state.drillId;
    await trainee.ok('drill:join', { code: snap.code, displayName: '小吴' });
    await trainer.ok('drill:start', { drillId });
    const drill = server.drills.manager.get(drillId);
    const tile = () => drill?.tiles()[0];

    await clock.advance(server.settles, 1_000);
    await trainee.waitForEvent('buyer:say');
    const opening = trainee.of('buyer:say')[0]?.message;
    expect(tile()?.waitingSince).toBe(opening?.at);

    const sessionId = trainee.of('drill:session')[0]?.session.sessionId ?? '';
    const answer = await trainee.act('reply:send', { sessionId, clientMsgId: msgId(), text: '不能再便宜了哦' });
    expect(answer.ok).toBe(true);
    // The buyer's answer is scheduled (typing) but not shown: nobody is waiting yet.
    expect(tile()?.waitingSince).toBeNull();

    await clock.advance(server.settles, 60_000);
    await trainee.waitForEvent('buyer:say', 3);
    const [, first, second] = trainee.of('buyer:say').map((e) => e.message);
    expect(second?.at).toBeGreaterThan(first?.at ?? Infinity);
    // Two lines unanswered: the buyer has waited since the first of them.
    expect(tile()?.waitingSince).toBe(first?.at);

    // The trainer's dashboard carries the same, and the heat map names the rules.
    const attached = await trainer.ok('drill:attach', { drillId });
    expect(attached.tiles[0]?.waitingSince).toBe(first?.at);
    // The move answered first can be revealed, and the trainer was told so without waiting for a tile
    // to show it (tiles are throttled; a quick class passes a move between two updates).
    const openingMove = attached.moves[0];
    expect(attached.moves).toHaveLength(1);
    expect(openingMove).toMatch(/^mini-haggle\/[\w-]+$/);
    expect(trainer.of('drill:dashboard').flatMap((u) => u.moves ?? [])).toContain(openingMove);
    const greeting = attached.heat.find((r) => r.rule === 'greeting');
    expect(greeting?.title).toEqual({ 'zh-CN': '欢迎语', en: 'Welcome greeting' });

    await trainee.act('reply:send', { sessionId, clientMsgId: msgId(), text: '亲，您发截图给我看看' });
    expect(tile()?.waitingSince).toBeNull();
    const results = await trainer.ok('drill:end', { drillId });
    expect(tile()?.waitingSince).toBeNull();
    const rule = results.summary.rules.find((r) => r.rule === 'greeting');
    expect(rule?.title?.en).toBe('Welcome greeting');
  });
});

describe('wrong join codes', () => {
  it('are limited per address, across sockets: past the budget even the right code is refused', async () => {
    const server = await fixture.server();
    const trainer = await drillClient(server.url, await loginTrainer(server, '孙老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const wrong = snap.code === '000000' ? '000001' : '000000';
    const guessers = [await drillClient(server.url), await drillClient(server.url)];
    fixture.track(trainer, ...guessers);
    for (let i = 0; i < 30; i++) {
      const answer = await guessers[i % 2]?.send('drill:join', { code: wrong, displayName: '猜' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
    const late = await drillClient(server.url);
    fixture.track(late);
    expect(await late.send('drill:join', { code: snap.code, displayName: '猜' })).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    expect(server.drills.manager.get(snap.state.drillId)?.seats.size).toBe(0);
  });

  it('count failures only, per address, in a sliding window', () => {
    const guard = new FailureGuard({ events: 2, windowMs: 1000 });
    expect(guard.begin('a', 0)).toBe(true);
    guard.settle('a', 0, true);
    expect(guard.begin('a', 500)).toBe(true);
    guard.settle('a', 500, true);
    expect(guard.begin('a', 600)).toBe(false);
    expect(guard.begin('b', 600)).toBe(true);
    guard.settle('b', 600, false);
    expect(guard.begin('a', 1000)).toBe(true);
  });
});
