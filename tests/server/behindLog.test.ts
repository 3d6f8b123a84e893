// A commit whose answer was lost (the row reached the log, the answer did not) leaves the session
// copy in memory one row behind its log; its next write hits the row that is already there. The
// copy gives way to one rebuilt from the log AT ONCE, so the buyer goes on without waiting for the
// trainee to send something (the timer path) or for the lease to lapse; a drill seat's trainee
// carries on in the rebuilt copy too.
import { describe, expect, it } from 'vitest';
import { startServer, trainee } from './helpers.ts';
import { ManualScheduler } from './manualScheduler.ts';

describe('a session copy behind its log', () => {
  it('is rebuilt from the log when its timer finds the row there, and the buyer goes on', async () => {
    const clock = new ManualScheduler();
    const server = await startServer({ scheduler: clock, cluster: { nodeId: 'node-a', leaseTtlMs: 600_000 } });
    try {
      const t = await trainee(server.url);
      const info = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小周', mode: 'practice' });
      await clock.advance(server.app, 1_000);
      await t.waitForEvent('buyer:say');
      const before = t.events.filter((e) => e.name === 'buyer:say').length;
      // The reply's row is in the log, as if this node committed it just before its connection dropped.
      await server.log.append(info.sessionId, { n: 1, at: clock.now(), type: 'reply', payload: { type: 'reply', text: '亲，您好，这个价格已经是最低了哦' }, clientMsgId: 'lost-ack', result: { messageId: 'm-lost', at: clock.now() }, effects: [] });
      // Nobody sends anything: the copy's own timer (the buyer's nudge, due after 30 s) finds the row.
      // The lease (10 min) does not lapse meanwhile, so no orphan sweep could be what rebuilds it.
      await clock.advance(server.app, 60_000);
      await server.app.registry.settled();
      await clock.advance(server.app, 60_000);
      // The rebuilt copy runs the timers: the buyer went on (nudged, and left after no answer).
      await expect.poll(() => t.events.filter((e) => e.name === 'buyer:say').length, { timeout: 5_000 }).toBeGreaterThan(before);
      const stored = await server.log.load(info.sessionId);
      // The logged reply once, then the rebuilt copy's own rows after it.
      expect(stored?.events.map((e) => e.n)).toEqual(stored?.events.map((_, i) => i + 1));
      expect(stored?.events.filter((e) => e.clientMsgId === 'lost-ack')).toHaveLength(1);
      expect(stored?.events.length).toBeGreaterThan(1);
      t.close();
    } finally {
      await server.close();
    }
  });
});
