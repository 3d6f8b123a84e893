// A whole session over the real socket: start, buyer lines, replies, verdicts, outcome, report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mode } from '../../server/protocol/index.ts';
import type { TestServer, Trainee } from './helpers.ts';
import { msgId, seqs, startServer, trainee } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

/** Refuse the discount, then ask for a screenshot: the buyer buys. */
async function playToPurchase(mode: Mode): Promise<{ t: Trainee; sessionId: string }> {
  const t = await trainee(server.url);
  const before = Date.now();
  const info = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小王', mode });
  // Time-ordered ids (UUID v7) keep the log's index writes together (server/runtime/timeOrderedId.ts).
  expect(info.sessionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(parseInt(info.sessionId.replace(/-/g, '').slice(0, 12), 16)).toBeGreaterThanOrEqual(before);
  expect(info).toMatchObject({ mode, displayName: '小王', lastSeq: 0, ended: false, scenario: { id: 'mini-haggle', version: 3 } });
  const { sessionId } = info;
  await t.waitForEvent('buyer:say');
  const first = await t.ok('reply:send', { sessionId, clientMsgId: msgId(), text: '亲，这款已经是活动价了，不能再便宜了哦' });
  expect(first.messageId).toBe('m2');
  await t.waitForEvent('buyer:say', 3);
  await t.ok('reply:send', { sessionId, clientMsgId: msgId(), text: '链接我这边不方便打开，您发个截图给我看看吧' });
  await t.waitForEvent('session:outcome');
  await t.ok('session:end', { sessionId, clientMsgId: msgId() });
  await t.waitForEvent('session:report');
  return { t, sessionId };
}

describe('a practice session', () => {
  it('runs from the opening line to the report, every event numbered 1, 2, 3 ...', async () => {
    const { t } = await playToPurchase('practice');
    expect(seqs(t.events)).toEqual(t.events.map((_, i) => i + 1));
    const names = t.events.map((e) => e.name);
    expect(names[0]).toBe('buyer:say');
    expect(names.at(-1)).toBe('session:report');
    const outcome = t.events.find((e) => e.name === 'session:outcome');
    expect(outcome?.name === 'session:outcome' && outcome.payload.outcome.kind).toBe('purchased');
    const said = t.events.flatMap((e) => (e.name === 'trainee:say' ? [e.payload.message.text] : []));
    expect(said).toHaveLength(2);
    expect(names).toContain('verdict:add');
    t.close();
  });
});

describe('an exam session', () => {
  it('sends no verdicts until the report, which has them all', async () => {
    const { t } = await playToPurchase('exam');
    expect(t.events.some((e) => e.name === 'verdict:add')).toBe(false);
    const report = t.events.at(-1);
    expect(report?.name).toBe('session:report');
    if (report?.name !== 'session:report') return;
    expect(report.payload.report.rules.length).toBeGreaterThan(0);
    expect(report.payload.outcome?.kind).toBe('purchased');
    expect(seqs(t.events)).toEqual(t.events.map((_, i) => i + 1));
    t.close();
  });
});
