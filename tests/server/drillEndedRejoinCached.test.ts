// An ended exam no node holds answers a seat's rejoin with its chats rebuilt from their logs: a seat
// token holder rejoining again and again (reloads, many sockets) must not replay them each time.
// The rebuilt chats are kept a few minutes, for a bounded number of seats.
import { describe, expect, it, vi } from 'vitest';
import { RecentCache } from '../../server/runtime/drills/recentCache.ts';
import { freshStore } from './backends.ts';
import { drillFixture, heard, loginTrainer, startDrill, until } from './drillHelpers.ts';

const fixture = drillFixture();

describe('rejoining an ended exam no node holds', () => {
  it('replays the seat\'s logs once, and answers later rejoins with the same results', async () => {
    const store = await freshStore('sqlite');
    const first = await fixture.server({ store });
    const trainer = await fixture.client(first.url, await loginTrainer(first, '钱老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'exam' });
    const drillId = snap.state.drillId;
    const trainee = await fixture.client(first.url);
    const seat = await trainee.ok('drill:join', { code: snap.code, displayName: '小吴' });
    const [sessionId] = await startDrill(trainer, drillId, [trainee]);
    await trainee.act('reply:send', { sessionId, clientMsgId: 'm-1', text: '亲，您好，在的' });
    await trainer.ok('drill:end', { drillId });
    await fixture.stop(first);

    const server = await fixture.server({ store });
    const loads = vi.spyOn(server.drills.log, 'load');
    const heardByPage = [];
    for (let i = 0; i < 3; i++) {
      const page = await fixture.client(server.url);
      const results = heard(page, 'drill:results');
      await page.ok('drill:rejoin', { seatToken: seat.seatToken, lastSeq: 0 });
      await until(() => results.length === 1);
      heardByPage.push(results[0]);
    }
    expect(heardByPage[0]?.chats.map((c) => c.sessionId)).toEqual([sessionId]);
    expect(heardByPage[1]).toEqual(heardByPage[0]);
    expect(heardByPage[2]).toEqual(heardByPage[0]);
    expect(loads.mock.calls.filter(([id]) => id === sessionId)).toHaveLength(1);
  });
});

describe('RecentCache', () => {
  it('works a key out once while it is kept, again once it expired, and drops the oldest past its bound', async () => {
    let now = 0;
    const cache = new RecentCache<string>(1_000, 2, () => now);
    let computed = 0;
    const compute = (v: string) => () => Promise.resolve(`${v}#${++computed}`);
    expect(await cache.remember('a', compute('a'))).toBe('a#1');
    expect(await cache.remember('a', compute('a'))).toBe('a#1');
    now = 1_000;
    expect(await cache.remember('a', compute('a'))).toBe('a#2');
    await cache.remember('b', compute('b'));
    await cache.remember('c', compute('c'));
    expect(cache.size).toBe(2);
    expect(await cache.remember('a', compute('a'))).toBe('a#5');
  });

  it('keeps no failure: the next call works it out again', async () => {
    const cache = new RecentCache<string>(1_000, 2, () => 0);
    await expect(cache.remember('a', () => Promise.reject(new Error('the store is away')))).rejects.toThrow();
    expect(await cache.remember('a', () => Promise.resolve('ok'))).toBe('ok');
  });
});
