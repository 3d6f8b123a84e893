// Buyer moves reach the trainer by their labels: the drill's snapshot (on open and on attach) carries
// the display names of the labelled moves of every scenario the drill plays, keyed "scenarioId/move";
// dashboard updates never repeat them; a reveal carries its move's label to the trainees; a drill
// rebuilt after a restart has them again, from its scenarios. Moves without a label are left out
// (the client shows their ids).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DrillClient } from './drillHelpers.ts';
import { drillFixture, login, loginTrainer, PASSWORD, startDrill } from './drillHelpers.ts';
import { FIXTURE_SCENARIOS, msgId, tempDataDir } from './helpers.ts';

const fixture = drillFixture();

const ASK = { 'zh-CN': '开口砍价', en: 'Asks for a discount' };
const BOUGHT = { 'zh-CN': '原价成交', en: 'Bought at full price' };

/** The server fixtures with `ask` and `bought` of mini-haggle labelled, plus an unlabelled copy (plain-haggle). */
function labelledLibrary(): string {
  const dir = tempDataDir();
  cpSync(FIXTURE_SCENARIOS, dir, { recursive: true });
  const source = readFileSync(join(dir, 'mini-haggle.yaml'), 'utf8');
  const labelled = source
    .replace('\n  ask:\n', `\n  ask:\n    label: { zh-CN: ${ASK['zh-CN']}, en: '${ASK.en}' }\n`)
    .replace('\n  bought:\n', `\n  bought:\n    label: { zh-CN: ${BOUGHT['zh-CN']}, en: '${BOUGHT.en}' }\n`);
  expect(labelled.match(/^ {4}label: /gm)).toHaveLength(2);
  writeFileSync(join(dir, 'mini-haggle.yaml'), labelled);
  writeFileSync(join(dir, 'plain-haggle.yaml'), source.replace('id: mini-haggle', 'id: plain-haggle'));
  return dir;
}

const refusal = '亲，这款已经是活动价了，不能再便宜了哦';

async function reply(t: DrillClient, sessionId: string, text: string): Promise<void> {
  expect(await t.act('reply:send', { sessionId, clientMsgId: msgId(), text })).toMatchObject({ ok: true });
}

describe('buyer move labels in a drill', () => {
  it('come with the snapshot on open and attach, never with a dashboard update, and with the reveal', async () => {
    const server = await fixture.server({ scenariosDir: labelledLibrary() });
    const cookie = await loginTrainer(server, '林老师');
    const trainer = await fixture.client(server.url, cookie);
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle', 'plain-haggle'], mode: 'practice' });
    const drillId = snap.state.drillId;
    // Every labelled move of every scenario played, and nothing for the unlabelled ones.
    expect(snap.moveLabels).toEqual({ 'mini-haggle/ask': ASK, 'mini-haggle/bought': BOUGHT });

    const a = await fixture.client(server.url);
    const seat = await a.ok('drill:join', { code: snap.code, displayName: '小周' });
    const [session] = await startDrill(trainer, drillId, [a]);
    await reply(a, session, refusal);
    await trainer.waitFor(() => trainer.of('drill:dashboard').some((d) => d.tiles.some((t) => t.seatId === seat.seatId && t.move === 'link')));
    expect(trainer.of('drill:dashboard').length).toBeGreaterThan(0);
    for (const update of trainer.of('drill:dashboard')) expect(update).not.toHaveProperty('moveLabels');

    // A second trainer socket (a reload) attaches and gets them again.
    const again = await fixture.client(server.url, cookie);
    expect((await again.ok('drill:attach', { drillId })).moveLabels).toEqual(snap.moveLabels);

    // The reveal names its move for the trainees, who get no snapshot.
    const reveal = await trainer.ok('drill:reveal', { drillId, move: 'ask' });
    expect(reveal).toMatchObject({ scenarioId: 'mini-haggle', move: 'ask', moveLabel: ASK });
    await trainer.ok('drill:reveal-show', { drillId });
    await a.waitForEvent('drill:reveal');
    expect(a.of('drill:reveal')[0]?.moveLabel).toEqual(ASK);
    // A move without a label: the reveal has no label, the client shows the id.
    expect(await trainer.ok('drill:reveal', { drillId, move: 'link' })).not.toHaveProperty('moveLabel');
  });

  it('are empty for a drill whose scenarios label no move', async () => {
    const server = await fixture.server();
    const trainer = await fixture.client(server.url, await loginTrainer(server, '林老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    expect(snap.moveLabels).toEqual({});
  });

  it('are rebuilt from the scenarios when a restarted server takes the drill back, reveal included', async () => {
    const scenariosDir = labelledLibrary();
    let server = await fixture.server({ scenariosDir });
    let trainer = await fixture.client(server.url, await loginTrainer(server, '林老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'exam' });
    const drillId = snap.state.drillId;
    let a = await fixture.client(server.url);
    const seat = await a.ok('drill:join', { code: snap.code, displayName: '小周' });
    const [session] = await startDrill(trainer, drillId, [a]);
    await reply(a, session, refusal);
    await a.waitForEvent('buyer:say', 3);
    expect((await trainer.ok('drill:reveal', { drillId, move: 'ask' })).moveLabel).toEqual(ASK);
    const { dataDir } = server;
    await fixture.stop(server);

    server = await fixture.server({ dataDir, scenariosDir });
    expect(await server.drills.manager.recover(Date.now())).toBe(0);
    trainer = await fixture.client(server.url, await login(server.url, '林老师', PASSWORD));
    const back = await trainer.ok('drill:attach', { drillId });
    expect(back.state).toMatchObject({ status: 'paused', frozenAt: 'ask' });
    expect(back.moveLabels).toEqual({ 'mini-haggle/ask': ASK, 'mini-haggle/bought': BOUGHT });

    // The frozen reveal, gathered again on this server, still names its move.
    a = await fixture.client(server.url);
    await a.ok('drill:rejoin', { seatToken: seat.seatToken, lastSeq: 0 });
    await trainer.ok('drill:reveal-show', { drillId });
    await a.waitForEvent('drill:reveal');
    expect(a.of('drill:reveal')[0]).toMatchObject({ move: 'ask', moveLabel: ASK });
  });
});
