// A seat whose drill has ended reloads where no node holds the drill in memory: on the node that
// never ran it, and on a node started again on the same store. The rejoin is answered from the
// stored results (the seat, its drill total, an exam's released results), not refused as a seat
// token that opens nothing, which made the page forget the seat and everything it had.
import { describe, expect, it } from 'vitest';
import type { SeatInfo } from '../../server/protocol/index.ts';
import { freshStore } from './backends.ts';
import type { DrillClient } from './drillHelpers.ts';
import { drillFixture, heard, loginTrainer, startDrill, until } from './drillHelpers.ts';
import { redisForFile } from './redisServer.ts';

const redis = redisForFile();

const fixture = drillFixture();

/** A new page with the seat token: the rejoin's answer, and the results it heard after it. */
async function reload(url: string, seatToken: string): Promise<{ info: SeatInfo; results: ReturnType<typeof heard<'drill:results'>>; page: DrillClient }> {
  const page = await fixture.client(url);
  const results = heard(page, 'drill:results');
  const info = await page.ok('drill:rejoin', { seatToken, lastSeq: 0 });
  return { info, results, page };
}

describe('a seat of an ended drill no node holds', () => {
  it('is answered from the stored results on the other node and after a restart', async () => {
    const store = await freshStore('sqlite');
    const a = await fixture.server({ store, redisUrl: redis().url });
    const b = await fixture.server({ store, redisUrl: redis().url });
    const trainer = await fixture.client(a.url, await loginTrainer(a, '何老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'exam' });
    const drillId = snap.state.drillId;
    const trainee = await fixture.client(b.url);
    const liveResults = heard(trainee, 'drill:results');
    const liveTotal = heard(trainee, 'drill:total');
    const seat = await trainee.ok('drill:join', { code: snap.code, displayName: '小刘' });
    const [sessionId] = await startDrill(trainer, drillId, [trainee]);
    await trainee.act('reply:send', { sessionId, clientMsgId: 'm-1', text: '亲，您好，在的' });
    await trainer.ok('drill:end', { drillId });
    await until(() => liveResults.length === 1 && liveTotal.length === 1);
    expect(liveResults[0]?.chats.map((c) => c.sessionId)).toEqual([sessionId]);

    const onOther = await reload(b.url, seat.seatToken);
    expect(onOther.info).toMatchObject({ drillId, seatId: seat.seatId, displayName: '小刘', session: null, drill: { status: 'ended', mode: 'exam' } });
    expect(onOther.info.drill.scenarios.map((s) => s.id)).toEqual(['mini-haggle']);
    expect(onOther.info.total).toEqual(liveTotal[0]?.total);
    await until(() => onOther.results.length === 1);
    expect(onOther.results[0]).toEqual(liveResults[0]);

    await fixture.stop(a);
    await fixture.stop(b);
    const again = await fixture.server({ store });
    const afterRestart = await reload(again.url, seat.seatToken);
    expect(afterRestart.info.total).toEqual(liveTotal[0]?.total);
    await until(() => afterRestart.results.length === 1);
    expect(afterRestart.results[0]).toEqual(liveResults[0]);
  });

  it('still refuses a removed seat as removed', async () => {
    const store = await freshStore('sqlite');
    const a = await fixture.server({ store });
    const trainer = await fixture.client(a.url, await loginTrainer(a, '何老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const drillId = snap.state.drillId;
    const stays = await fixture.client(a.url);
    const goes = await fixture.client(a.url);
    await stays.ok('drill:join', { code: snap.code, displayName: '小王' });
    const removed = await goes.ok('drill:join', { code: snap.code, displayName: '小刘' });
    await startDrill(trainer, drillId, [stays, goes]);
    await trainer.ok('drill:remove', { drillId, seatId: removed.seatId });
    await trainer.ok('drill:end', { drillId });
    await fixture.stop(a);
    const again = await fixture.server({ store });
    const page = await fixture.client(again.url);
    const answer = await page.send('drill:rejoin', { seatToken: removed.seatToken, lastSeq: 0 });
    expect(answer.ok ? 'seated' : answer.error.code).toBe('removed');
  });
});
