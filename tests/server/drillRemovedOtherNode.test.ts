// A removed trainee's page reloads on the node that does not run the drill: its rejoin is forwarded
// to the owner and refused as removed, yet the socket must still wait in the seat's removed room so
// the trainer's 放回 (drill:admitted) reaches it live, as it does on the owner's own node.
import { describe, expect, it } from 'vitest';
import { freshStore } from './backends.ts';
import { drillFixture, heard, loginTrainer, startDrill, until } from './drillHelpers.ts';
import { redisForFile } from './redisServer.ts';

const redis = redisForFile();

const fixture = drillFixture();

describe('a removed seat that reloads on the other node', () => {
  it('hears 放回 there, like one on the node that runs the drill', async () => {
    const store = await freshStore('sqlite');
    const a = await fixture.server({ store, redisUrl: redis().url });
    const b = await fixture.server({ store, redisUrl: redis().url });
    const trainer = await fixture.client(a.url, await loginTrainer(a, '何老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const drillId = snap.state.drillId;
    const trainee = await fixture.client(a.url);
    const seat = await trainee.ok('drill:join', { code: snap.code, displayName: '小刘' });
    await startDrill(trainer, drillId, [trainee]);
    await trainer.ok('drill:remove', { drillId, seatId: seat.seatId });
    await trainee.waitForEvent('drill:removed');

    const onOwner = await fixture.client(a.url);
    const onOther = await fixture.client(b.url);
    const ownerHeard = heard(onOwner, 'drill:admitted');
    const otherHeard = heard(onOther, 'drill:admitted');
    for (const reloaded of [onOwner, onOther]) {
      const answer = await reloaded.send('drill:rejoin', { seatToken: seat.seatToken, lastSeq: 0 });
      expect(answer.ok ? 'seated' : answer.error.code).toBe('removed');
    }

    await trainer.ok('drill:admit', { drillId, seatId: seat.seatId });
    await until(() => ownerHeard.length === 1 && otherHeard.length === 1);
    expect(otherHeard[0]).toEqual({ drillId, seatId: seat.seatId });
  });
});
