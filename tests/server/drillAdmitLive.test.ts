// 放回 reaches the trainee: when the trainer lets a removed seat back in, the sockets the removal
// evicted hear it (drill:admitted) and take the seat again; so does a page reloaded while the seat
// was out (its refused rejoin leaves it waiting for that). Nobody else hears it.
import { describe, expect, it } from 'vitest';
import type { DrillClient } from './drillHelpers.ts';
import { drillFixture, heard, loginTrainer, startDrill, until } from './drillHelpers.ts';

const fixture = drillFixture();

const admitted = (client: DrillClient) => heard(client, 'drill:admitted');

describe('a removed seat let back in', () => {
  it('is told on its evicted socket and on one reloaded while it was out, and takes its seat again', async () => {
    const server = await fixture.server();
    const trainer = await fixture.client(server.url, await loginTrainer(server, '何老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const drillId = snap.state.drillId;
    const a = await fixture.client(server.url);
    const b = await fixture.client(server.url);
    const seatA = await a.ok('drill:join', { code: snap.code, displayName: '小刘' });
    await b.ok('drill:join', { code: snap.code, displayName: '小马' });
    const [sessionA] = await startDrill(trainer, drillId, [a, b]);
    const heardA = admitted(a);
    const heardB = admitted(b);

    await trainer.ok('drill:remove', { drillId, seatId: seatA.seatId });
    await a.waitForEvent('drill:removed');
    // The same trainee reloads while out: the rejoin is refused.
    const reloaded = await fixture.client(server.url);
    const heardReloaded = admitted(reloaded);
    expect(await reloaded.send('drill:rejoin', { seatToken: seatA.seatToken, lastSeq: 0 })).toMatchObject({ ok: false, error: { code: 'removed' } });

    await trainer.ok('drill:admit', { drillId, seatId: seatA.seatId });
    const body = { drillId, seatId: seatA.seatId };
    await until(() => heardA.length === 1 && heardReloaded.length === 1);
    expect(heardA).toEqual([body]);
    expect(heardReloaded).toEqual([body]);
    expect(heardB).toEqual([]);

    const back = await a.ok('drill:rejoin', { seatToken: seatA.seatToken, lastSeq: 0 });
    expect(back.session?.sessionId).toBe(sessionA);
    // Taken again, removed again, let in again: told once more, once.
    await trainer.ok('drill:remove', { drillId, seatId: seatA.seatId });
    await a.waitForEvent('drill:removed', 2);
    await trainer.ok('drill:admit', { drillId, seatId: seatA.seatId });
    await until(() => heardA.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heardA).toHaveLength(2);
    expect(heardReloaded).toHaveLength(1);
  });
});
