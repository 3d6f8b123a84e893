// Determinism: replaying a stored log through the engine reproduces the stored effects, the
// transcript the trainee saw and the report. Also covers the silence timers, which log ticks.
import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../server/engine/index.ts';
import { sessionReport } from '../../server/engine/index.ts';
import { RULES_REVISION } from '../../server/engine/index.ts';
import { replaySession } from '../../server/runtime/replay.ts';
import { toReportMarks } from '../../server/runtime/ruleTexts.ts';
import { ManualScheduler } from './manualScheduler.ts';
import type { ReceivedEvent, TestServer } from './helpers.ts';
import { msgId, startServer, trainee } from './helpers.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function seen(events: readonly ReceivedEvent[]): Message[] {
  return events.flatMap((e) => (e.name === 'buyer:say' || e.name === 'trainee:say' ? [e.payload.message] : []));
}

async function expectReplayMatches(s: TestServer, sessionId: string, events: readonly ReceivedEvent[]): Promise<void> {
  const stored = await s.log.load(sessionId);
  if (!stored) throw new Error('session not stored');
  const scenario = await s.app.catalog.byHash(stored.session.bundle_hash);
  if (!scenario) throw new Error('bundle not stored');
  const replayed = replaySession(scenario.compiled, stored);
  expect(replayed.divergence).toBeNull();
  expect(replayed.state.messages).toEqual(seen(events));
  const report = events.at(-1);
  expect(report?.name).toBe('session:report');
  if (report?.name === 'session:report') expect(toReportMarks(sessionReport(scenario.compiled, replayed.state))).toEqual(report.payload.report);
}

describe('replaying the log', () => {
  it('reproduces a session of replies and actions', async () => {
    const clock = new ManualScheduler();
    server = await startServer({ scheduler: clock, buyerSpeed: 1 });
    const t = await trainee(server.url);
    const { sessionId } = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小钱', mode: 'practice' });
    await clock.advance(server.app, 3_000);
    await t.ok('card:send', { sessionId, clientMsgId: msgId(), product: 'wool-socks' });
    await clock.advance(server.app, 5_000);
    await t.waitForEvent('buyer:say', 2);
    await t.ok('reply:send', { sessionId, clientMsgId: msgId(), text: '亲，不能再便宜了' });
    await clock.advance(server.app, 10_000);
    await t.waitForEvent('buyer:say', 4);
    await t.ok('file:answer', { sessionId, clientMsgId: msgId(), accept: false });
    await clock.advance(server.app, 4_000);
    await t.ok('link:open', { sessionId, clientMsgId: msgId(), messageId: 'm5' });
    await clock.advance(server.app, 10_000);
    await t.waitForEvent('session:outcome');
    await t.ok('session:end', { sessionId, clientMsgId: msgId() });
    await t.waitForEvent('session:report');
    const outcome = t.events.find((e) => e.name === 'session:outcome');
    expect(outcome?.name === 'session:outcome' && outcome.payload.outcome.kind).toBe('scammed');
    await expectReplayMatches(server, sessionId, t.events);
    t.close();
  });

  it('reproduces a silent trainee: the nudge, then the buyer leaves', async () => {
    const clock = new ManualScheduler();
    server = await startServer({ scheduler: clock, buyerSpeed: 1 });
    const t = await trainee(server.url);
    const { sessionId } = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小孙', mode: 'exam' });
    await t.waitForEvent('buyer:say');
    await clock.advance(server.app, 35_000);
    await t.waitForEvent('buyer:say', 2);
    expect(['在吗?', '人呢?']).toContain(seen(t.events)[1]?.text);
    await clock.advance(server.app, 70_000);
    await t.waitForEvent('session:outcome');
    const outcome = t.events.find((e) => e.name === 'session:outcome');
    expect(outcome?.name === 'session:outcome' && outcome.payload.outcome.kind).toBe('left');
    await t.ok('session:end', { sessionId, clientMsgId: msgId() });
    await t.waitForEvent('session:report');

    const ticks = await server.db.selectFrom('session_events').select('type').where('session_id', '=', sessionId).where('type', '=', 'tick').execute();
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    await expectReplayMatches(server, sessionId, t.events);
    t.close();
  });

  it('replays a session by the rubric revision it was played under', async () => {
    const clock = new ManualScheduler();
    server = await startServer({ scheduler: clock, buyerSpeed: 1 });
    const t = await trainee(server.url);
    const { sessionId } = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小吴', mode: 'practice' });
    await t.waitForEvent('buyer:say');
    // A nudge, then a reply: its response time counts from the opening line (revision 2), not the nudge.
    await clock.advance(server.app, 35_000);
    await t.waitForEvent('buyer:say', 2);
    await t.ok('reply:send', { sessionId, clientMsgId: msgId(), text: '亲，在的，这款已经是活动价了哦' });
    await t.ok('session:end', { sessionId, clientMsgId: msgId() });
    await t.waitForEvent('session:report');
    const row = await server.db.selectFrom('sessions').select('rules_revision').where('id', '=', sessionId).executeTakeFirstOrThrow();
    expect(row.rules_revision).toBe(RULES_REVISION);
    await expectReplayMatches(server, sessionId, t.events);

    // The same log read as revision 1 (a session played before the change) scores by the old measure.
    await server.db.updateTable('sessions').set({ rules_revision: 1 }).where('id', '=', sessionId).execute();
    const stored = await server.log.load(sessionId);
    const scenario = stored && (await server.app.catalog.byHash(stored.session.bundle_hash));
    if (!stored || !scenario) throw new Error('session not stored');
    const asRevision1 = replaySession(scenario.compiled, stored);
    expect(asRevision1.divergence).not.toBeNull();
    const first = (state: typeof asRevision1.state) => sessionReport(scenario.compiled, state).kpis.firstResponseMs ?? 0;
    const asRevision2 = replaySession(scenario.compiled, { ...stored, session: { ...stored.session, rules_revision: 2 } });
    expect(first(asRevision2.state) - first(asRevision1.state)).toBeGreaterThan(25_000);
    t.close();
  });

  it('reads sessions stored before the revision column as revision 1', async () => {
    server = await startServer();
    await server.db.insertInto('scenario_bundles').values({ hash: 'old-bundle', scenario_id: 'x', version: 1, bundle: '{}', created_at: 1 }).execute();
    const old = { id: 'old-session', scenario_id: 'x', scenario_version: 1, bundle_hash: 'old-bundle', seed: 1, speed: 0, mode: 'practice', display_name: 'n', started_at: 1, ended_at: null, outcome: null, score: null };
    await server.db.insertInto('sessions').values(old as typeof old & { rules_revision: number }).execute();
    const row = await server.db.selectFrom('sessions').select('rules_revision').where('id', '=', 'old-session').executeTakeFirstOrThrow();
    expect(row.rules_revision).toBe(1);
  });
});
