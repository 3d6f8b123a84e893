// The report's note of what an unfinished chat left open (openMove: the buyer's move) is a result
// too: an exam seat reading its earlier, unfinished chat over HTTP while the drill runs gets no hint
// of it (server/runtime/examHold.ts), and gets it with the report once the drill ends.
import { describe, expect, it } from 'vitest';
import { drillFixture, loginTrainer, startDrill } from './drillHelpers.ts';
import { msgId } from './helpers.ts';

const fixture = drillFixture();

describe("an exam seat's unfinished earlier chat over HTTP", () => {
  it('names the open move only once the drill has ended', async () => {
    const server = await fixture.server();
    const trainer = await fixture.client(server.url, await loginTrainer(server, '钱老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle', 'mini-haggle'], mode: 'exam' });
    const a = await fixture.client(server.url);
    const seat = await a.ok('drill:join', { code: snap.code, displayName: '小孙' });
    const [first] = await startDrill(trainer, snap.state.drillId, [a]);
    expect(await a.act('reply:send', { sessionId: first, clientMsgId: msgId(), text: '不能便宜哦' })).toMatchObject({ ok: true });
    expect(await a.act('session:end', { sessionId: first, clientMsgId: msgId() })).toMatchObject({ ok: true });
    await a.waitForEvent('drill:session', 2);

    const read = async () => {
      const res = await fetch(`${server.url}/api/sessions/${first}`, { headers: { authorization: `Bearer ${seat.seatToken}` } });
      return (await res.text()) as string;
    };
    const held = await read();
    expect(JSON.parse(held)).toMatchObject({ report: null });
    expect(held).not.toContain('openMove');

    await trainer.ok('drill:end', { drillId: snap.state.drillId });
    expect(JSON.parse(await read())).toMatchObject({ report: { report: { unfinished: 'no-ending' }, openMove: { id: 'link' } } });
  });
});
