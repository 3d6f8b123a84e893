// When a drill ends, each trainee hears why (the trainer, or the time limit) and their own drill
// score: the score and per-buyer rows of the trainer's results page (every buyer counts, one not
// reached as 0), live and again on a rejoin after the end; a removed seat hears none. No rank.
import { describe, expect, it } from 'vitest';
import type { DrillClient } from './drillHelpers.ts';
import { drillClient, drillFixture, heard, loginTrainer, until } from './drillHelpers.ts';
import { msgId } from './helpers.ts';
import { ManualScheduler } from './manualScheduler.ts';

const fixture = drillFixture();

const totals = (client: DrillClient) => heard(client, 'drill:total');

async function twoBuyerDrill(mode: 'practice' | 'exam', timeLimitSeconds?: number) {
  const clock = new ManualScheduler();
  const server = await fixture.server({ scheduler: clock, buyerSpeed: 0 });
  const trainer = await drillClient(server.url, await loginTrainer(server, '孔老师'));
  const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle', 'mini-haggle'], mode, ...(timeLimitSeconds ? { timeLimitSeconds } : {}) });
  const a = await drillClient(server.url);
  const b = await drillClient(server.url);
  fixture.track(trainer, a, b);
  const seatA = await a.ok('drill:join', { code: snap.code, displayName: '小赵' });
  const seatB = await b.ok('drill:join', { code: snap.code, displayName: '小钱' });
  const drillId = snap.state.drillId;
  await trainer.ok('drill:start', { drillId });
  await clock.advance(server.settles, 1_000);
  await a.waitForEvent('buyer:say');
  const first = a.of('drill:session')[0]?.session.sessionId ?? '';
  expect(await a.act('reply:send', { sessionId: first, clientMsgId: msgId(), text: '亲，您好，这款质量很好的哦' })).toMatchObject({ ok: true });
  expect(await a.act('session:end', { sessionId: first, clientMsgId: msgId() })).toMatchObject({ ok: true });
  await clock.advance(server.settles, 1_000);
  await a.waitForEvent('drill:session', 2);
  return { clock, server, trainer, a, b, seatA, seatB, drillId, first };
}

describe('the end of a drill, as a trainee hears it', () => {
  it('says the time limit ended it, and gives each seat its drill score as the results page has it', async () => {
    const { clock, server, trainer, a, b, seatA, seatB, drillId, first } = await twoBuyerDrill('exam', 60);
    const heardA = totals(a);
    const heardB = totals(b);
    await trainer.ok('drill:remove', { drillId, seatId: seatB.seatId });
    await clock.advance(server.settles, 61_000);
    await a.waitFor(() => a.of('drill:state').some((s) => s.status === 'ended'));
    expect(a.of('drill:state').find((s) => s.status === 'ended')?.endedBy).toBe('time');
    await until(() => heardA.length === 1);

    const results = await trainer.ok('drill:end', { drillId });
    const row = results.seats.find((s) => s.seatId === seatA.seatId);
    expect(heardA[0]).toEqual({ drillId, seatId: seatA.seatId, total: { score: row?.score, buyers: row?.buyers } });
    expect(heardA[0]?.total.buyers.map((x) => x.sessionId)).toEqual([first, expect.any(String)]);
    expect(heardA[0]?.total.score).toBe(Math.round(((row?.buyers?.[0]?.score ?? 0) + (row?.buyers?.[1]?.score ?? 0)) * 5) / 10);
    expect(JSON.stringify(heardA[0])).not.toContain('rank');
    expect(heardB).toEqual([]);

    // A reload after the end: the rejoin's answer carries it.
    const again = await drillClient(server.url);
    fixture.track(again);
    const back = await again.ok('drill:rejoin', { seatToken: seatA.seatToken, lastSeq: 0 });
    expect(back.total).toEqual(heardA[0]?.total);
    expect(back.drill.endedBy).toBe('time');
  });

  it('says the trainer ended it', async () => {
    const { trainer, a, drillId } = await twoBuyerDrill('practice');
    const heard = totals(a);
    await trainer.ok('drill:end', { drillId });
    await a.waitFor(() => a.of('drill:state').some((s) => s.status === 'ended'));
    expect(a.of('drill:state').find((s) => s.status === 'ended')?.endedBy).toBe('trainer');
    await until(() => heard.length === 1);
    expect(heard[0]?.total.buyers).toHaveLength(2);
  });
});
