// When an exam drill ends, a seat hears how every one of its chats went (drill:results), not only the
// chat it was on: its page followed only the last one, so an earlier buyer's held-back report would
// otherwise reach it only when that chat was opened. A seat taken again after the end hears it too.
import { describe, expect, it } from 'vitest';
import type { Mode } from '../../server/protocol/index.ts';
import type { DrillClient } from './drillHelpers.ts';
import { drillFixture, heard, loginTrainer, startDrill, until } from './drillHelpers.ts';
import { msgId } from './helpers.ts';

const fixture = drillFixture();

const released = (client: DrillClient) => heard(client, 'drill:results');

/** A two-buyer drill whose trainee finishes the first buyer and is on the second when it ends. */
async function playedDrill(mode: Mode) {
  const server = await fixture.server();
  const trainer = await fixture.client(server.url, await loginTrainer(server, '郑老师'));
  const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle', 'mini-haggle'], mode });
  const drillId = snap.state.drillId;
  const a = await fixture.client(server.url);
  const seat = await a.ok('drill:join', { code: snap.code, displayName: '小钱' });
  const got = released(a);
  const [first] = await startDrill(trainer, drillId, [a]);
  const ended = await a.act('session:end', { sessionId: first, clientMsgId: msgId() });
  expect(ended.ok).toBe(true);
  await a.waitForEvent('drill:session', 2);
  const second = a.of('drill:session')[1]?.session.sessionId ?? '';
  const results = await trainer.ok('drill:end', { drillId });
  const scores = new Map((results.seats[0]?.sessions ?? []).map((s) => [s.sessionId, s.report?.score]));
  return { server, drillId, seat, a, got, first, second, scores };
}

describe('an exam drill releases every chat result of a seat at its end', () => {
  it('sends the seat the report of each chat it played, the earlier buyers included', async () => {
    const { drillId, seat, got, first, second, scores } = await playedDrill('exam');
    await until(() => got.length === 1);
    const [body] = got;
    expect(body?.drillId).toBe(drillId);
    expect(body?.seatId).toBe(seat.seatId);
    expect(body?.chats.map((c) => c.sessionId)).toEqual([first, second]);
    for (const chat of body?.chats ?? []) {
      expect(chat.report.score).toBe(scores.get(chat.sessionId));
      expect(typeof chat.report.passed).toBe('boolean');
    }
  });

  it('sends them again to a socket that takes the seat after the end (a reload)', async () => {
    const { server, seat, got, first, second } = await playedDrill('exam');
    await until(() => got.length === 1);
    const tab = await fixture.client(server.url);
    const again = released(tab);
    await tab.ok('drill:rejoin', { seatToken: seat.seatToken, lastSeq: 0 });
    await until(() => again.length === 1);
    expect(again[0]?.chats.map((c) => c.sessionId)).toEqual([first, second]);
    expect(again[0]?.chats).toEqual(got[0]?.chats);
  });

  it('sends nothing in a practice drill, whose results came as they happened', async () => {
    const { server, seat, a, got } = await playedDrill('practice');
    await a.waitForEvent('session:report', 2);
    const tab = await fixture.client(server.url);
    const again = released(tab);
    await tab.ok('drill:rejoin', { seatToken: seat.seatToken, lastSeq: 0 });
    await tab.waitForEvent('buyer:say');
    expect(got).toEqual([]);
    expect(again).toEqual([]);
  });
});
