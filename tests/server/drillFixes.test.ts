// Drill defects fixed together: a removed seat's chat stands still and is reported as removed; an
// ended drill opens read-only and refuses changes with a reason; every drill refusal carries a reason
// code; the join-code guess budget cannot be raced; a drill has a seat cap.
import { describe, expect, it } from 'vitest';
import type { DrillAck, DrillErrorReason } from '../../server/protocol/index.ts';
import type { DrillListItem } from '../../server/store/drillStore.ts';
import type { DrillClient } from './drillHelpers.ts';
import { drillFixture, login, loginTrainer, PASSWORD, startDrill } from './drillHelpers.ts';
import { msgId } from './helpers.ts';
import { ManualScheduler } from './manualScheduler.ts';

const fixture = drillFixture();
const client = fixture.client;

function refusal(answer: DrillAck<unknown>): { code: string; reason?: DrillErrorReason; message: string } {
  if (answer.ok) throw new Error('expected a refusal');
  return answer.error;
}

/** An answered event on this socket: everything the server sent before it has arrived. */
async function barrier(socket: DrillClient): Promise<void> {
  await socket.send('drill:rejoin', { seatToken: 'not-a-token', lastSeq: 0 });
}

describe('a removed seat', () => {
  it('stands still from the removal: no timer, no later verdict, and results show it removed, out of the class numbers', async () => {
    const clock = new ManualScheduler();
    const server = await fixture.server({ scheduler: clock, buyerSpeed: 1 });
    const cookie = await loginTrainer(server, '李老师');
    const trainer = await client(server.url, cookie);
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const drillId = snap.state.drillId;
    const a = await client(server.url);
    const b = await client(server.url);
    const c = await client(server.url);
    const seatA = await a.ok('drill:join', { code: snap.code, displayName: '王小明' });
    await b.ok('drill:join', { code: snap.code, displayName: '小红' });
    await c.ok('drill:join', { code: snap.code, displayName: '小刚' });
    await trainer.ok('drill:start', { drillId });
    await clock.advance(server.settles, 10_000);
    await a.waitForEvent('buyer:say');
    const sessionA = a.of('drill:session')[0]?.session.sessionId ?? '';
    const sessionB = b.of('drill:session')[0]?.session.sessionId ?? '';
    expect(await a.act('reply:send', { sessionId: sessionA, clientMsgId: msgId(), text: '亲，您好，这款靴子质量很好' })).toMatchObject({ ok: true });
    expect(await b.act('reply:send', { sessionId: sessionB, clientMsgId: msgId(), text: '亲，您好，这款靴子质量很好' })).toMatchObject({ ok: true });
    await clock.advance(server.settles, 5_000);
    await a.waitForEvent('buyer:say', 2);

    const removed = await trainer.ok('drill:remove', { drillId, seatId: seatA.seatId });
    expect(removed.status).toBe('removed');
    const scoreAtRemoval = removed.score;
    expect(scoreAtRemoval).not.toBeNull();
    const drill = server.drills.manager.get(drillId);
    const seat = drill?.seats.get(seatA.seatId);
    const frozen = () => ({ ended: seat?.shadows[0]?.ended, outcome: seat?.shadows[0]?.outcome, turns: seat?.shadows[0]?.turns, score: seat?.shadows[0]?.score() });
    const atRemoval = frozen();
    expect(atRemoval).toMatchObject({ ended: false, outcome: null, turns: 1, score: scoreAtRemoval });

    // Minutes go by: the others' buyers nudge and leave; the removed seat's buyer does nothing.
    await clock.advance(server.settles, 2 * 60_000);
    await barrier(trainer);
    expect(frozen()).toEqual(atRemoval);
    // Reading the removed seat's chat does not set it going again.
    await trainer.ok('drill:watch', { drillId, seatId: seatA.seatId });
    await trainer.ok('drill:unwatch', { drillId });
    await clock.advance(server.settles, 3 * 60_000);
    await barrier(trainer);
    expect(frozen()).toEqual(atRemoval);
    const tiles = (await trainer.ok('drill:attach', { drillId })).tiles;
    const tileA = tiles.find((t) => t.seatId === seatA.seatId);
    expect(tileA).toMatchObject({ status: 'removed', score: scoreAtRemoval, waitingSince: null });
    // The seat that stayed kept being timed: its buyer gave up.
    expect(tiles.find((t) => t.name === '小红')?.outcome).toBe('left');

    const results = await trainer.ok('drill:end', { drillId });
    const resultA = results.seats.find((s) => s.seatId === seatA.seatId);
    expect(resultA?.removed).toBe(true);
    const reportA = resultA?.sessions[0]?.report;
    expect(reportA?.score).toBe(scoreAtRemoval);
    expect(reportA?.rules.find((r) => r.rule === 'no-buyer-waiting')?.verdict).not.toBe('fail');
    // The class is the two seats that stayed: the removed one is in no number.
    expect(results.summary).toMatchObject({ seats: 2, removedSeats: 1, sessions: 2 });
    expect(results.leaderboard.map((r) => r.name).sort()).toEqual(['小刚', '小红']);

    const csv = await (await fetch(`${server.url}/api/drills/${drillId}/export.csv`, { headers: { cookie } })).text();
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    const header = lines[0]?.split(',') ?? [];
    const rowA = lines.find((line) => line.includes('王小明'))?.split(',') ?? [];
    const cell = (column: string) => rowA[header.indexOf(column)];
    expect(cell('学员状态')).toBe('已移出');
    expect(cell('这位买家')).toBe('未完成（被打断）');
    expect(cell('得分')).toBe(String(scoreAtRemoval));
    expect(cell('是否通过')).toBe('');
    expect(cell('名次')).toBe('');

    // History: the seats the class numbers count, and every seat that joined.
    const history = (await (await fetch(`${server.url}/api/drills`, { headers: { cookie } })).json()) as { drills: DrillListItem[] };
    expect(history.drills[0]).toMatchObject({ drillId, seats: 2, joined: 3, removed: 1 });
  });
});

describe('an ended drill', () => {
  async function ended() {
    const server = await fixture.server();
    const cookie = await loginTrainer(server, '赵老师');
    const trainer = await client(server.url, cookie);
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const drillId = snap.state.drillId;
    const a = await client(server.url);
    const seat = await a.ok('drill:join', { code: snap.code, displayName: '小孙' });
    const [sessionA] = await startDrill(trainer, drillId, [a]);
    await a.ok('reply:send' as never, { sessionId: sessionA, clientMsgId: msgId(), text: '亲，您好' } as never).catch(() => undefined);
    await trainer.ok('drill:end', { drillId });
    return { server, cookie, trainer, snap, drillId, seat };
  }

  const changes = (drillId: string, seatId: string) =>
    [
      ['drill:remove', { drillId, seatId }],
      ['drill:admit', { drillId, seatId }],
      ['drill:lock', { drillId, locked: true }],
      ['drill:start', { drillId }],
      ['drill:pause', { drillId }],
      ['drill:resume', { drillId }],
      ['drill:reveal', { drillId, move: 'ask' }],
      ['drill:reveal-show', { drillId }],
    ] as const;

  it('opens again read-only, from any login, and refuses every change with the reason `ended`', async () => {
    const { server, trainer, snap, drillId, seat } = await ended();
    const again = await trainer.ok('drill:attach', { drillId });
    expect(again).toMatchObject({ code: snap.code, state: { status: 'ended' } });
    const other = await client(server.url, await login(server.url, '赵老师', PASSWORD));
    const reopened = await other.ok('drill:attach', { drillId });
    expect(reopened.state.status).toBe('ended');
    expect(reopened.tiles.map((t) => t.seatId)).toEqual([seat.seatId]);
    for (const [name, payload] of changes(drillId, seat.seatId)) {
      expect(refusal(await other.send(name, payload as never)), name).toMatchObject({ code: 'drill-not-running', reason: 'ended' });
    }
    // A chat of the drill still opens, and the results still come.
    expect((await other.ok('drill:watch', { drillId, seatId: seat.seatId })).sessionId).toBeTruthy();
    expect((await other.ok('drill:end', { drillId })).drillId).toBe(drillId);
  });

  it('opens from its stored results once no node holds it in memory', async () => {
    const { server, trainer, snap, drillId, seat } = await ended();
    const live = (await trainer.ok('drill:attach', { drillId })).tiles[0];
    server.drills.manager.sweep(Date.now() + 3 * 60 * 60_000);
    expect(server.drills.manager.get(drillId)).toBeUndefined();
    const other = await client(server.url, await login(server.url, '赵老师', PASSWORD));
    const reopened = await other.ok('drill:attach', { drillId });
    expect(reopened).toMatchObject({ code: snap.code, state: { drillId, status: 'ended', mode: 'practice' }, qrSvg: '' });
    expect(reopened.state.scenarios.map((s) => s.id)).toEqual(['mini-haggle']);
    expect(reopened.tiles).toEqual([expect.objectContaining({ seatId: seat.seatId, name: '小孙', status: 'finished', sessionId: live?.sessionId, score: live?.score, connected: false, waitingSince: null })]);
    expect(reopened.heat.length).toBeGreaterThan(0);
    expect((await other.ok('drill:end', { drillId })).seats).toHaveLength(1);
    for (const [name, payload] of changes(drillId, seat.seatId)) {
      expect(refusal(await other.send(name, payload as never)), name).toMatchObject({ code: 'drill-not-running', reason: 'ended' });
    }
    expect(refusal(await other.send('drill:watch', { drillId, seatId: seat.seatId }))).toMatchObject({ reason: 'ended' });
    // Another trainer's: the same refusal as before it ended.
    const stranger = await client(server.url, await loginTrainer(server, '钱老师'));
    expect(refusal(await stranger.send('drill:attach', { drillId }))).toMatchObject({ code: 'forbidden', reason: 'not-your-drill' });
  });
});

describe('drill refusals', () => {
  it('carry a reason code the client words', async () => {
    const server = await fixture.server();
    const cookie = await loginTrainer(server, '孙老师');
    const trainer = await client(server.url, cookie);
    const anonymous = await client(server.url);
    expect(refusal(await anonymous.send('drill:attach', { drillId: 'x' }))).toMatchObject({ code: 'unauthorized', reason: 'not-logged-in' });
    expect(refusal(await trainer.send('drill:open', { scenarioIds: ['no-such-scenario'], mode: 'practice' }))).toMatchObject({ reason: 'scenario-unavailable' });
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const drillId = snap.state.drillId;
    expect(refusal(await trainer.send('drill:pause', { drillId }))).toMatchObject({ code: 'drill-not-running', reason: 'not-running' });
    expect(refusal(await trainer.send('drill:resume', { drillId }))).toMatchObject({ code: 'drill-not-running', reason: 'not-paused' });
    expect(refusal(await trainer.send('drill:reveal', { drillId, move: 'ask' }))).toMatchObject({ code: 'drill-not-running', reason: 'not-started' });
    expect(refusal(await trainer.send('drill:reveal-show', { drillId }))).toMatchObject({ code: 'drill-not-running', reason: 'no-reveal' });
    expect(refusal(await trainer.send('drill:remove', { drillId, seatId: 'nobody' }))).toMatchObject({ code: 'not-found', reason: 'no-such-seat' });

    const a = await client(server.url);
    expect(refusal(await a.send('drill:join', { code: snap.code === '000000' ? '000001' : '000000', displayName: '小李' }))).toMatchObject({ code: 'not-found', reason: 'no-such-code' });
    expect(refusal(await a.send('drill:rejoin', { seatToken: 'forged', lastSeq: 0 }))).toMatchObject({ code: 'unauthorized', reason: 'bad-seat-token' });
    expect(refusal(await a.act('reply:send', { sessionId: 'x', clientMsgId: msgId(), text: '在的' }))).toMatchObject({ code: 'forbidden', reason: 'no-seat' });
    const seat = await a.ok('drill:join', { code: snap.code, displayName: '小李' });
    expect(refusal(await trainer.send('drill:watch', { drillId, seatId: seat.seatId }))).toMatchObject({ code: 'not-found', reason: 'no-session-yet' });
    await trainer.ok('drill:lock', { drillId, locked: true });
    const late = await client(server.url);
    expect(refusal(await late.send('drill:join', { code: snap.code, displayName: '小周' }))).toMatchObject({ code: 'drill-locked', reason: 'locked' });
    await trainer.ok('drill:lock', { drillId, locked: false });

    const [sessionA] = await startDrill(trainer, drillId, [a]);
    expect(refusal(await trainer.send('drill:start', { drillId }))).toMatchObject({ code: 'drill-not-running', reason: 'already-started' });
    expect(refusal(await trainer.send('drill:reveal', { drillId, move: 'ask', scenarioId: 'other' }))).toMatchObject({ code: 'bad-request', reason: 'unknown-scenario' });
    expect(refusal(await a.act('reply:send', { sessionId: 'not-mine', clientMsgId: msgId(), text: '在的' }))).toMatchObject({ code: 'forbidden', reason: 'not-your-session' });
    await trainer.ok('drill:pause', { drillId });
    expect(refusal(await a.act('reply:send', { sessionId: sessionA, clientMsgId: msgId(), text: '在的' }))).toMatchObject({ code: 'paused', reason: 'paused' });
    await trainer.ok('drill:resume', { drillId });

    const other = await client(server.url, await loginTrainer(server, '周老师'));
    expect(refusal(await other.send('drill:pause', { drillId }))).toMatchObject({ code: 'forbidden', reason: 'not-your-drill' });
    await trainer.ok('drill:remove', { drillId, seatId: seat.seatId });
    expect(refusal(await late.send('drill:rejoin', { seatToken: seat.seatToken, lastSeq: 0 }))).toMatchObject({ code: 'removed', reason: 'removed' });
  });
});

describe('joining', () => {
  it('cannot race past the wrong-code budget of an address', async () => {
    const server = await fixture.server();
    const sockets = await Promise.all(Array.from({ length: 10 }, () => client(server.url)));
    const code = (i: number) => String(100_000 + i).padStart(6, '0');
    const answers = await Promise.all(sockets.flatMap((s, i) => Array.from({ length: 20 }, (_, j) => s.send('drill:join', { code: code(i * 20 + j), displayName: '猜' }))));
    const reasons = answers.map((a) => (a.ok ? 'joined' : a.error.reason));
    expect(reasons.filter((r) => r === 'no-such-code')).toHaveLength(30);
    expect(reasons.filter((r) => r === 'too-many-wrong-codes')).toHaveLength(170);
  });

  it('stops at the drill\'s seat cap, and at a few joins per connection', async () => {
    const server = await fixture.server({ drillMaxSeats: 8 });
    expect(server.drills.manager.maxSeats).toBe(8);
    const trainer = await client(server.url, await loginTrainer(server, '吴老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    // One connection: five joins, then refused.
    const one = await client(server.url);
    const mine = [];
    for (let i = 0; i < 6; i++) mine.push(await one.send('drill:join', { code: snap.code, displayName: `学员${i}` }));
    expect(mine.filter((a) => a.ok)).toHaveLength(5);
    expect(refusal(mine[5] as DrillAck<unknown>)).toMatchObject({ code: 'rate-limited', reason: 'too-many-joins' });
    // Many connections at once: the drill stops at its cap, removed seats counted.
    const many = await Promise.all(Array.from({ length: 6 }, () => client(server.url)));
    const answers = await Promise.all(many.flatMap((s) => [s.send('drill:join', { code: snap.code, displayName: '甲' }), s.send('drill:join', { code: snap.code, displayName: '乙' })]));
    expect(answers.filter((a) => a.ok)).toHaveLength(3);
    for (const a of answers.filter((x) => !x.ok)) expect(refusal(a)).toMatchObject({ code: 'drill-full', reason: 'full' });
    expect(server.drills.manager.get(snap.state.drillId)?.seats.size).toBe(8);
  });
});
