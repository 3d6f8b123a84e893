// A session told to stand still (a drill seat the trainer removed) arms no timer, whatever runs on
// it meanwhile (a resume re-settles it): the buyer neither nudges nor leaves. Moved on, it goes on.
import { afterEach, expect, it } from 'vitest';
import { ManualScheduler } from './manualScheduler.ts';
import type { TestServer } from './helpers.ts';
import { msgId, startServer, trainee } from './helpers.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

it('stands still through a resume, and goes on once moved on', async () => {
  const clock = new ManualScheduler();
  server = await startServer({ scheduler: clock, buyerSpeed: 0 });
  const t = await trainee(server.url);
  const info = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小李', mode: 'practice' });
  await t.ok('reply:send', { sessionId: info.sessionId, clientMsgId: msgId(), text: '亲，在的' });
  const session = await server.app.registry.get(info.sessionId);
  if (!session) throw new Error('the session is in memory');
  session.standStill();
  await session.resume(0, () => undefined);
  expect(session.quiet).toBe(true);
  const seen = t.lastSeq();
  await clock.advance(server.app, 10 * 60_000);
  expect(t.lastSeq()).toBe(seen);
  session.moveOn();
  await session.begin();
  expect(session.quiet).toBe(false);
  await clock.advance(server.app, 10 * 60_000);
  await t.waitFor(() => t.lastSeq() > seen);
  t.close();
});
