// A trainee waiting in a drill's lobby is told what the drill is: the join answer (and a rejoin's)
// carries the scenarios, the mode and the time limit before the trainer starts, when `endsAt` is
// still unknown; a drill without a limit says so with null.
import { describe, expect, it } from 'vitest';
import { drillFixture, loginTrainer } from './drillHelpers.ts';

const fixture = drillFixture();

describe("a drill's setup in the lobby", () => {
  it('comes with the join and the rejoin answers: scenarios, exam mode and the time limit', async () => {
    const server = await fixture.server();
    const trainer = await fixture.client(server.url, await loginTrainer(server, '周老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'exam', timeLimitSeconds: 900 });
    const trainee = await fixture.client(server.url);
    const seat = await trainee.ok('drill:join', { code: snap.code, displayName: '小周' });

    expect(seat.session).toBeNull();
    expect(seat.drill).toMatchObject({ status: 'lobby', mode: 'exam', endsAt: null, timeLimitMs: 900_000 });
    expect(seat.drill.scenarios.map((s) => s.id)).toEqual(['mini-haggle']);
    const scenario = seat.drill.scenarios[0];
    expect(scenario?.title['zh-CN']).toBeTruthy();
    expect(scenario?.title.en).toBeTruthy();
    expect(typeof scenario?.persona).toBe('string');
    expect(typeof scenario?.difficulty).toBe('string');

    // Another tab (or a reload) rejoining the seat learns the same.
    const again = await fixture.client(server.url);
    const back = await again.ok('drill:rejoin', { seatToken: seat.seatToken, lastSeq: 0 });
    expect(back.drill).toMatchObject({ status: 'lobby', mode: 'exam', timeLimitMs: 900_000 });

    // And so does every later state the class is sent.
    const locked = await trainer.ok('drill:lock', { drillId: snap.state.drillId, locked: true });
    expect(locked.timeLimitMs).toBe(900_000);
  });

  it('says null when the drill has no time limit', async () => {
    const server = await fixture.server();
    const trainer = await fixture.client(server.url, await loginTrainer(server, '吴老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const trainee = await fixture.client(server.url);
    const seat = await trainee.ok('drill:join', { code: snap.code, displayName: '小吴' });
    expect(seat.drill).toMatchObject({ mode: 'practice', endsAt: null, timeLimitMs: null });
  });
});
