// The trainer watching a trainee's chat sees every reply's verdict marks, in an exam too (the trainer
// is not the examinee): the marks so far in the drill:watch answer, later ones as drill:verdicts to
// the watching trainer's sockets alone. The examinee's own sockets get neither, and no verdict:add.
import { describe, expect, it } from 'vitest';
import type { DrillServerEventBodies, Mode } from '../../server/protocol/index.ts';
import type { DrillClient } from './drillHelpers.ts';
import { drillFixture, loginTrainer, startDrill } from './drillHelpers.ts';
import { msgId } from './helpers.ts';

const fixture = drillFixture();

type Verdicts = DrillServerEventBodies['drill:verdicts'];

/** Every drill:verdicts a socket receives (the shared DrillClient does not record this event). */
function verdictsOn(client: DrillClient): Verdicts[] {
  const got: Verdicts[] = [];
  client.socket.on('drill:verdicts' as never, ((body: Verdicts) => got.push(body)) as never);
  return got;
}

async function until(test: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !test(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(test()).toBe(true);
}

async function drill(mode: Mode) {
  const server = await fixture.server();
  const trainer = await fixture.client(server.url, await loginTrainer(server, '林老师'));
  const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode });
  const drillId = snap.state.drillId;
  const a = await fixture.client(server.url);
  const b = await fixture.client(server.url);
  const seatA = await a.ok('drill:join', { code: snap.code, displayName: '小周' });
  const seatB = await b.ok('drill:join', { code: snap.code, displayName: '小吴' });
  const [sessionA, sessionB] = await startDrill(trainer, drillId, [a, b]);
  return { trainer, drillId, a, b, seatA, seatB, sessionA, sessionB };
}

describe('the trainer watching a chat', () => {
  it('gets an exam reply\'s verdicts live and in the watch answer; the examinee gets none', async () => {
    const { trainer, drillId, a, b, seatA, sessionA, sessionB } = await drill('exam');
    const live = verdictsOn(trainer);
    const toA = verdictsOn(a);
    const toB = verdictsOn(b);
    const first = await trainer.ok('drill:watch', { drillId, seatId: seatA.seatId });
    expect(first.verdicts).toEqual({});

    const answer = await a.act('reply:send', { sessionId: sessionA, clientMsgId: msgId(), text: '亲，这已经是活动价了哦，不能再便宜了' });
    if (!answer.ok) throw new Error(answer.error.message);
    const messageId = answer.data.messageId as string;
    await until(() => live.some((v) => v.messageId === messageId));
    const heard = live.find((v) => v.messageId === messageId) as Verdicts;
    expect(heard).toMatchObject({ drillId, seatId: seatA.seatId, sessionId: sessionA });
    expect(heard.verdicts.find((v) => v.rule === 'greeting')).toMatchObject({ verdict: 'pass', redLine: false, messageId });
    // Marks only: the texts (feedback, model reply) travel over HTTP once per rubric.
    expect(heard.verdicts.every((v) => !('feedback' in v) && !('modelReply' in v))).toBe(true);

    // Another seat's reply is not the watched chat's.
    const other = await b.act('reply:send', { sessionId: sessionB, clientMsgId: msgId(), text: '好的亲，给您便宜十块' });
    expect(other.ok).toBe(true);

    // Watching again (a reload, a reconnect) gives the marks so far in the answer. Its answer comes
    // after anything the server sent this socket before, another seat's marks had they gone astray.
    const again = await trainer.ok('drill:watch', { drillId, seatId: seatA.seatId });
    expect(again.verdicts?.[messageId]).toEqual(heard.verdicts);
    expect(live.every((v) => v.sessionId === sessionA)).toBe(true);

    // The examinees: no verdict on the socket, in any form.
    for (const trainee of [a, b]) expect(trainee.of('verdict:add')).toEqual([]);
    expect(toA).toEqual([]);
    expect(toB).toEqual([]);
  });

  it('stops hearing verdicts once it stops watching, and gets a practice chat\'s in the answer too', async () => {
    const { trainer, drillId, a, seatA, sessionA } = await drill('practice');
    const live = verdictsOn(trainer);
    await trainer.ok('drill:watch', { drillId, seatId: seatA.seatId });
    const sent = await a.act('reply:send', { sessionId: sessionA, clientMsgId: msgId(), text: '亲，这已经是活动价了哦' });
    if (!sent.ok) throw new Error(sent.error.message);
    await until(() => live.length === 1);
    // Practice: the trainee sees its verdicts in the chat as always.
    await a.waitForEvent('verdict:add');

    await trainer.ok('drill:unwatch', { drillId });
    // A reply with a verdict of its own (a discount: a miss).
    await a.act('reply:send', { sessionId: sessionA, clientMsgId: msgId(), text: '好的，给您便宜十块' });
    await a.waitForEvent('verdict:add', 2);

    const watch = await trainer.ok('drill:watch', { drillId, seatId: seatA.seatId });
    expect(live).toHaveLength(1);
    expect(Object.keys(watch.verdicts ?? {})).toHaveLength(2);
    expect(watch.verdicts?.[sent.data.messageId as string]).toEqual(live[0]?.verdicts);
  });
});
