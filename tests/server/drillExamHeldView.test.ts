// During an exam drill a seat reads its earlier buyer's chat over HTTP (its page follows only the
// current one on the socket): the transcript, and nothing of how it went. No score, verdict, outcome
// or report anywhere in the answer, while the trainer's view of the same chat has them; after the
// drill ends the seat's answer carries the report.
import { describe, expect, it } from 'vitest';
import { drillFixture, loginTrainer, startDrill } from './drillHelpers.ts';
import { msgId } from './helpers.ts';

const fixture = drillFixture();

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, into);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}

describe("an exam seat's earlier chat over HTTP", () => {
  it('gives the transcript without any result until the drill ends', async () => {
    const server = await fixture.server();
    const cookie = await loginTrainer(server, '钱老师');
    const trainer = await fixture.client(server.url, cookie);
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle', 'mini-haggle'], mode: 'exam' });
    const drillId = snap.state.drillId;
    const a = await fixture.client(server.url);
    const seat = await a.ok('drill:join', { code: snap.code, displayName: '小孙' });
    const [first] = await startDrill(trainer, drillId, [a]);
    await a.waitForEvent('buyer:say');
    expect(await a.act('reply:send', { sessionId: first, clientMsgId: msgId(), text: '亲，您好，这款可以便宜一点的哦' })).toMatchObject({ ok: true });
    expect(await a.act('session:end', { sessionId: first, clientMsgId: msgId() })).toMatchObject({ ok: true });
    await a.waitForEvent('drill:session', 2);

    const get = async (headers: Record<string, string>) => {
      const res = await fetch(`${server.url}/api/sessions/${first}`, { headers });
      return { status: res.status, body: (await res.json()) as { transcript: { from: string; text: string }[]; report: unknown } };
    };
    const held = await get({ authorization: `Bearer ${seat.seatToken}` });
    expect(held.status).toBe(200);
    expect(held.body.transcript.some((m) => m.from === 'trainee' && m.text.includes('便宜'))).toBe(true);
    expect(held.body.report).toBeNull();
    const leaks = ['score', 'verdict', 'verdicts', 'outcome', 'passed', 'rules', 'redLines', 'feedback'].filter((k) => keysOf(held.body).has(k));
    expect(leaks).toEqual([]);

    // The trainer's view of the same chat has the result: the check above would see one.
    const trainerView = await get({ cookie });
    expect(keysOf(trainerView.body).has('score')).toBe(true);

    await trainer.ok('drill:end', { drillId });
    const after = await get({ authorization: `Bearer ${seat.seatToken}` });
    expect(after.body.report).toMatchObject({ report: { score: expect.any(Number) } });
  });
});
