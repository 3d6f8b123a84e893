// In an exam drill a trainee gets no outcome, score or report for a chat until the drill has ended:
// not on the seat's sockets (live or on a rejoin), not over HTTP with the seat token. The trainer
// watching sees them at once; once the drill ends the trainee gets everything. A practice drill
// tells each result as it comes.
import { describe, expect, it } from 'vitest';
import type { DrillServerEventBodies, Mode } from '../../server/protocol/index.ts';
import type { DrillClient, DrillServer } from './drillHelpers.ts';
import { drillFixture, loginTrainer, startDrill } from './drillHelpers.ts';
import { msgId } from './helpers.ts';

const fixture = drillFixture();

async function drill(mode: Mode) {
  const server = await fixture.server();
  const trainer = await fixture.client(server.url, await loginTrainer(server, '林老师'));
  const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle', 'mini-haggle'], mode });
  const drillId = snap.state.drillId;
  const a = await fixture.client(server.url);
  const b = await fixture.client(server.url);
  const seatA = await a.ok('drill:join', { code: snap.code, displayName: '小周' });
  await b.ok('drill:join', { code: snap.code, displayName: '小吴' });
  const [first] = await startDrill(trainer, drillId, [a, b]);
  await trainer.ok('drill:watch', { drillId, seatId: seatA.seatId });
  return { server, trainer, drillId, a, seatA, first };
}

async function endChat(trainee: DrillClient, sessionId: string): Promise<void> {
  const answer = await trainee.act('session:end', { sessionId, clientMsgId: msgId() });
  if (!answer.ok) throw new Error(answer.error.message);
}

async function view(server: DrillServer, sessionId: string, seatToken: string, rules = '') {
  const res = await fetch(`${server.url}/api/sessions/${sessionId}${rules}`, { headers: { authorization: `Bearer ${seatToken}` } });
  return { status: res.status, body: (await res.json()) as { report?: unknown; session?: { ended: boolean } } };
}

/** Every drill:chat-ended a socket receives (the shared DrillClient does not record this event). */
function chatEnded(client: DrillClient): DrillServerEventBodies['drill:chat-ended'][] {
  const got: DrillServerEventBodies['drill:chat-ended'][] = [];
  client.socket.on('drill:chat-ended', (body: DrillServerEventBodies['drill:chat-ended']) => got.push(body));
  return got;
}

async function until(test: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !test(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(test()).toBe(true);
}

const results = (c: DrillClient) => c.events.filter((e) => e.name === 'session:report' || e.name === 'session:outcome');

describe('an exam drill holds each result back until it ends', () => {
  it('tells the trainee nothing of a finished chat, live, on a rejoin or over HTTP; the trainer everything', async () => {
    const { server, trainer, drillId, a, seatA, first } = await drill('exam');
    const ended = chatEnded(a);
    await endChat(a, first);
    // The seat moves on to its next buyer only once the chat's report is out: by then it was sent.
    await a.waitForEvent('drill:session', 2);
    await trainer.waitForEvent('session:report');
    expect(results(a)).toEqual([]);
    // It is told the chat is over (so it stops taking replies), and only that.
    await until(() => ended.length === 1);
    expect(ended).toEqual([{ drillId, seatId: seatA.seatId, sessionId: first }]);

    const held = await view(server, first, seatA.seatToken);
    expect(held.status).toBe(200);
    expect(held.body.session?.ended).toBe(true);
    expect(held.body.report).toBeNull();
    expect((await view(server, first, seatA.seatToken, '/rules')).status).toBe(403);

    // The last chat ends too; a new tab taking the seat gets its history without the report.
    const second = a.of('drill:session')[1]?.session.sessionId ?? '';
    await endChat(a, second);
    await server.settles.registry.settled();
    const tab = await fixture.client(server.url);
    await tab.ok('drill:rejoin', { seatToken: seatA.seatToken, lastSeq: 0 });
    await tab.waitForEvent('buyer:say');
    expect(results(tab)).toEqual([]);
    expect(results(a)).toEqual([]);

    await trainer.ok('drill:end', { drillId });
    for (const id of [first, second]) {
      const open = await view(server, id, seatA.seatToken);
      expect(open.body.report).toMatchObject({ report: { score: expect.any(Number) } });
      expect((await view(server, id, seatA.seatToken, '/rules')).status).toBe(200);
    }
  });

  it('a practice drill tells each result as it comes', async () => {
    const { server, a, seatA, first } = await drill('practice');
    const ended = chatEnded(a);
    await endChat(a, first);
    await a.waitForEvent('session:report');
    expect(ended).toEqual([]);
    expect((await view(server, first, seatA.seatToken)).body.report).not.toBeNull();
  });
});
