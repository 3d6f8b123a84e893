// A reply sent while the buyer is still typing appeared before her pending lines: the transcript a
// reload or a report reads shows it there, not after them (message numbers are not that order).
import { afterEach, expect, it } from 'vitest';
import { ManualScheduler } from './manualScheduler.ts';
import type { TestServer } from './helpers.ts';
import { msgId, startServer, trainee } from './helpers.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

it('lists a reply sent while the buyer was typing before the lines she was typing', async () => {
  const clock = new ManualScheduler();
  server = await startServer({ scheduler: clock, buyerSpeed: 1 });
  const t = await trainee(server.url);
  const info = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小李', mode: 'practice' });
  await t.waitForEvent('buyer:say');
  await t.ok('reply:send', { sessionId: info.sessionId, clientMsgId: msgId(), text: '亲，不能再便宜了哦' });
  // The buyer is now reading and typing her answer; a second line goes out before it appears.
  await clock.advance(server.app, 300);
  await t.ok('reply:send', { sessionId: info.sessionId, clientMsgId: msgId(), text: '今天下单今天就发货的' });
  await clock.advance(server.app, 30_000);
  const res = await fetch(`${server.url}/api/sessions/${info.sessionId}`, { headers: { authorization: `Bearer ${info.token}` } });
  const { transcript } = (await res.json()) as { transcript: { id: string; from: string; text: string; at: number }[] };
  const times = transcript.map((m) => m.at);
  expect(times).toEqual([...times].sort((a, b) => a - b));
  const second = transcript.findIndex((m) => m.text === '今天下单今天就发货的');
  const numbers = transcript.map((m) => Number(m.id.slice(1)));
  // It was numbered after a buyer line that appeared later, and is listed before that line.
  expect(numbers.slice(second + 1).some((n) => n < (numbers[second] as number))).toBe(true);
  t.close();
});
