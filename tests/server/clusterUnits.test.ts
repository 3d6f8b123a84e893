// The cluster's pieces on their own: configuration, the lease keeper noticing a lease taken by
// another node (from its heartbeat, with no write needed), and a session whose commit went in
// although its answer was lost (a connection dropped after the commit).
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { ConfigError, readConfig } from '../../server/runtime/config.ts';
import { LeaseKeeper } from '../../server/runtime/leaseKeeper.ts';
import { LeaseStore } from '../../server/store/leases.ts';
import { freshStore, openStore } from './backends.ts';
import { startServer, trainee } from './helpers.ts';

describe('cluster configuration', () => {
  it('reads REDIS_URL, NODE_ID and LEASE_TTL_MS, and refuses bad ones by name', () => {
    const config = readConfig({ REDIS_URL: 'redis://127.0.0.1:6380', NODE_ID: 'node-1', LEASE_TTL_MS: '5000' });
    expect(config).toMatchObject({ redisUrl: 'redis://127.0.0.1:6380', nodeId: 'node-1', leaseTtlMs: 5000 });
    expect(readConfig({}).redisUrl).toBeUndefined();
    // Two processes never share a default node id.
    expect(readConfig({}).nodeId).not.toBe(readConfig({}).nodeId);
    expect(() => readConfig({ REDIS_URL: 'http://127.0.0.1' })).toThrow(/REDIS_URL/);
    expect(() => readConfig({ NODE_ID: 'a b' })).toThrow(ConfigError);
    expect(() => readConfig({ LEASE_TTL_MS: '10' })).toThrow(/LEASE_TTL_MS/);
  });
});

describe('LeaseKeeper', () => {
  it('drops what another node took at its next renewal, and keeps the rest', async () => {
    const db = await openStore(await freshStore('sqlite'));
    try {
      let now = 1000;
      const keeper = new LeaseKeeper({ store: new LeaseStore(db, 'node-a'), ttlMs: 3000, now: () => now, logger: pino({ level: 'silent' }) });
      const lost: string[] = [];
      await keeper.acquire('session', 'kept', () => lost.push('kept'));
      await keeper.acquire('session', 'taken', () => lost.push('taken'));
      await new LeaseStore(db, 'node-b').acquire('session', 'taken', 9000);
      now = 2000;
      await keeper.renew();
      expect(lost).toEqual(['taken']);
      expect(keeper.list()).toEqual([{ kind: 'session', id: 'kept', epoch: 1 }]);
      expect(await new LeaseStore(db, 'x').holder('session', 'kept')).toMatchObject({ owner: 'node-a', expiresAt: 5000 });
      // A confirmed read of a lease still held changes nothing; a clean shutdown hands it over at once.
      expect(await keeper.confirm('session', 'kept')).toBe(true);
      await keeper.handOffAll();
      expect(await new LeaseStore(db, 'x').holder('session', 'kept')).toMatchObject({ owner: 'node-a', expiresAt: 0 });
      expect(keeper.list()).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('renews only the leases it holds: not one let go of here but not in the store, not a drill lease of this node', async () => {
    const db = await openStore(await freshStore('sqlite'));
    try {
      let now = 1000;
      const store = new LeaseStore(db, 'node-a');
      const keeper = new LeaseKeeper({ store, ttlMs: 3000, now: () => now, logger: pino({ level: 'silent' }) });
      await keeper.acquire('session', 'held', () => undefined);
      // Released here, while the store's release never happened (it failed, or its answer was lost).
      await keeper.acquire('session', 'dropped', () => undefined);
      store.release = () => Promise.reject(new Error('connection reset'));
      keeper.release('session', 'dropped');
      // The drills of this node share its owner id in the same table.
      await store.acquire('drill', 'd1', 4000, 1000);
      now = 2000;
      await keeper.renew();
      expect(await store.holder('session', 'held')).toMatchObject({ owner: 'node-a', expiresAt: 5000 });
      expect(await store.holder('session', 'dropped')).toMatchObject({ owner: 'node-a', expiresAt: 4000 });
      expect(await store.holder('drill', 'd1')).toMatchObject({ expiresAt: 4000 });
      // Neither is pushed by a later heartbeat: the drill, with work pending, is an orphan any node may take.
      now = 4500;
      await keeper.renew();
      expect((await store.holder('session', 'dropped'))?.expiresAt).toBeLessThan(now);
      expect((await new LeaseStore(db, 'node-b').orphaned('drill', now, 10)).map((o) => o.id)).toEqual(['d1']);
      expect(keeper.list()).toEqual([{ kind: 'session', id: 'held', epoch: 1 }]);
    } finally {
      await db.destroy();
    }
  });
});

describe('a commit whose answer was lost', () => {
  it('makes the session copy give way to one rebuilt from the log, which answers the retry without writing twice', async () => {
    const server = await startServer();
    try {
      const t = await trainee(server.url);
      const info = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小周', mode: 'practice' });
      await t.waitForEvent('buyer:say');
      // The reply's row is in the log, as if committed by this node just before its connection dropped.
      const result = { messageId: 'm-lost', at: 1 };
      await server.log.append(info.sessionId, { n: 1, at: Date.now(), type: 'reply', payload: { type: 'reply', text: '不能再便宜了哦' }, clientMsgId: 'lost-ack', result, effects: [] });
      expect(await t.ok('reply:send', { sessionId: info.sessionId, clientMsgId: 'lost-ack', text: '不能再便宜了哦' })).toEqual(result);
      const stored = await server.log.load(info.sessionId);
      expect(stored?.events.map((e) => e.clientMsgId)).toEqual(['lost-ack']);
      // And the session goes on from the log's state.
      await t.ok('reply:send', { sessionId: info.sessionId, clientMsgId: 'next', text: '您发截图给我看看' });
      expect((await server.log.load(info.sessionId))?.events.map((e) => e.n)).toEqual([1, 2]);
      t.close();
    } finally {
      await server.close();
    }
  });
});
