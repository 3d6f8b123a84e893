// One address may start only so many practice sessions per window (each lives in memory until it
// goes quiet): many sockets opened in a loop are refused with rate-limited, nothing is made for
// them, and a session already started goes on.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestServer, Trainee } from './helpers.ts';
import { msgId, startServer, trainee } from './helpers.ts';

let server: TestServer;
const clients: Trainee[] = [];
beforeAll(async () => {
  server = await startServer({ sessionStartLimit: { events: 5, windowMs: 60_000 } });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.close();
});

it('refuses starts past the budget of an address, across sockets, and keeps the ones made', async () => {
  for (let i = 0; i < 4; i++) clients.push(await trainee(server.url));
  const start = (c: Trainee) => c.send('session:start', { scenarioId: 'mini-haggle', displayName: '小王', mode: 'practice' });
  // an unknown scenario makes nothing and uses none of the budget
  expect(await clients[0]!.send('session:start', { scenarioId: 'no-such', displayName: '小王', mode: 'practice' })).toMatchObject({ ok: false });
  const answers = await Promise.all(clients.flatMap((c) => [start(c), start(c), start(c)]));
  const made = answers.filter((a) => a.ok);
  expect(made).toHaveLength(5);
  expect(answers.filter((a) => !a.ok).map((a) => (a as { error: { code: string } }).error.code)).toEqual(Array(7).fill('rate-limited'));
  const sessions = await server.db.selectFrom('sessions').select('id').execute();
  expect(sessions).toHaveLength(5);
  // a made session still takes replies
  const index = answers.findIndex((a) => a.ok);
  const first = answers[index] as { ok: true; data: { sessionId: string } };
  const owner = clients[Math.floor(index / 3)] as Trainee;
  expect(await owner.send('reply:send', { sessionId: first.data.sessionId, clientMsgId: msgId(), text: '亲，在的' })).toMatchObject({ ok: true });
});
