// 200 simulated trainees in one drill over real sockets (127.0.0.1, buyer speed 0): all join, all
// start together, all reply, the trainer's dashboard holds every tile, and the end reports them all.
import { describe, expect, it } from 'vitest';
import type { Tile } from '../../server/protocol/index.ts';
import { drillClient, loginTrainer, drillFixture } from './drillHelpers.ts';

const TRAINEES = 200;
const fixture = drillFixture();

describe('a drill of 200 trainees', () => {
  it('starts, plays and ends every seat', { timeout: 60_000 }, async () => {
    const server = await fixture.server();
    const trainer = await drillClient(server.url, await loginTrainer(server, '大班老师'));
    fixture.track(trainer);
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const drillId = snap.state.drillId;
    const trainees = await Promise.all(Array.from({ length: TRAINEES }, () => drillClient(server.url)));
    fixture.track(...trainees);
    const seats = await Promise.all(trainees.map((t) => t.ok('drill:join', { code: snap.code, displayName: '学员' })));
    expect(new Set(seats.map((s) => s.displayName)).size).toBe(TRAINEES);

    await trainer.ok('drill:start', { drillId });
    await Promise.all(trainees.map((t) => t.waitForEvent('buyer:say')));
    const replies = await Promise.all(
      trainees.map((t, i) => t.act('reply:send', { sessionId: t.of('drill:session')[0]?.session.sessionId ?? '', clientMsgId: `load-${i}`, text: i % 2 === 0 ? '亲，不能再便宜了哦' : '好的给您便宜' })),
    );
    expect(replies.every((r) => r.ok)).toBe(true);

    const tiles = () => {
      const latest = new Map<string, Tile>();
      for (const update of trainer.of('drill:dashboard')) for (const tile of update.tiles) latest.set(tile.seatId, tile);
      return latest;
    };
    await trainer.waitFor(() => tiles().size === TRAINEES && [...tiles().values()].every((t) => t.turns >= 1));
    // Batched: far fewer dashboard messages than changes, and no tile twice in one message.
    const updates = trainer.of('drill:dashboard');
    expect(updates.length).toBeLessThan(TRAINEES);
    for (const u of updates) expect(new Set(u.tiles.map((t) => t.seatId)).size).toBe(u.tiles.length);

    const results = await trainer.ok('drill:end', { drillId });
    expect(results.summary.sessions).toBe(TRAINEES);
    expect(results.summary.conversion).toBeCloseTo(0.5);
    await Promise.all(trainees.map((t) => t.waitForEvent('session:report')));
  });
});
