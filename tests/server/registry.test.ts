// Sessions leave memory when they are over or quiet, and come back from the log unchanged.
import { afterEach, describe, expect, it } from 'vitest';
import { ManualScheduler } from './manualScheduler.ts';
import type { TestServer } from './helpers.ts';
import { msgId, startServer, trainee } from './helpers.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the session registry', () => {
  it('lets go of an ended session and rebuilds it, events and all, on resume', async () => {
    server = await startServer();
    const t = await trainee(server.url);
    const info = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小冯', mode: 'practice' });
    await t.ok('reply:send', { sessionId: info.sessionId, clientMsgId: msgId(), text: '可以便宜一点' });
    const end = { sessionId: info.sessionId, clientMsgId: 'the-end' };
    const ended = await t.ok('session:end', end);
    await t.waitForEvent('session:report');
    await server.app.registry.settled();
    expect(server.app.registry.size).toBe(0);

    const again = await trainee(server.url);
    const resumed = await again.ok('session:resume', { sessionId: info.sessionId, token: info.token, lastSeq: 0 });
    expect(resumed).toMatchObject({ ended: true, lastSeq: t.events.length });
    await again.waitFor((events) => events.length >= resumed.lastSeq);
    expect(again.events).toEqual(t.events);
    // A retried end, after the rebuild, still gets the first answer.
    expect(await again.ok('session:end', end)).toEqual(ended);
    t.close();
    again.close();
  });

  it('sweeps quiet sessions after ten idle minutes, keeping ones with a timer', async () => {
    const clock = new ManualScheduler();
    server = await startServer({ scheduler: clock, buyerSpeed: 1 });
    const t = await trainee(server.url);
    const waiting = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '等', mode: 'practice' });
    const done = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '完', mode: 'practice' });
    // The second buyer buys at once; the first one waits for an answer (a silence deadline is armed).
    await t.ok('reply:send', { sessionId: done.sessionId, clientMsgId: msgId(), text: '可以便宜一点' });
    await clock.advance(server.app, 10_000);
    await t.waitFor((events) => events.some((e) => e.name === 'session:outcome' && e.payload.sessionId === done.sessionId));
    expect(server.app.registry.sweep(clock.now() + 11 * 60_000)).toBe(1);
    expect(server.app.registry.size).toBe(1);
    expect((await server.app.registry.get(waiting.sessionId))?.ended).toBe(false);
    t.close();
  });
});
