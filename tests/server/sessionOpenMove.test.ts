// GET /api/sessions/:id of a chat ended before the buyer reached an outcome (未完成) names the move
// she stopped in (id and label), so the report can say what was left open. A chat that reached its
// outcome has none, and neither has a chat whose result is not out (no report, nothing about it).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from './helpers.ts';
import { FIXTURE_SCENARIOS, msgId, startServer, tempDataDir, trainee } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  // The fixture buyer with a label on her "link" move.
  const dir = tempDataDir();
  cpSync(FIXTURE_SCENARIOS, dir, { recursive: true });
  const file = join(dir, 'mini-haggle.yaml');
  const yaml = readFileSync(file, 'utf8');
  writeFileSync(file, yaml.replace(/^ {2}link:\n/m, '  link:\n    label: { zh-CN: 发来链接, en: Sends a link }\n'));
  server = await startServer({ scenariosDir: dir });
});
afterAll(async () => {
  await server.close();
});

interface View {
  report: { report: { unfinished?: string }; openMove?: { id: string; label?: Record<string, string> } } | null;
}

async function view(sessionId: string, token: string): Promise<View> {
  const res = await fetch(`${server.url}/api/sessions/${sessionId}`, { headers: { authorization: `Bearer ${token}` } });
  return (await res.json()) as View;
}

describe('the session view of an unfinished chat', () => {
  it('names the move the buyer was still in, with its label, once the report is out', async () => {
    const t = await trainee(server.url);
    const info = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小郑', mode: 'practice' });
    await t.ok('reply:send', { sessionId: info.sessionId, clientMsgId: msgId(), text: '不能便宜哦' });
    await t.waitForEvent('buyer:say', 3);
    expect((await view(info.sessionId, info.token)).report).toBeNull();

    await t.ok('session:end', { sessionId: info.sessionId, clientMsgId: msgId() });
    const after = await view(info.sessionId, info.token);
    expect(after.report?.report.unfinished).toBe('no-ending');
    expect(after.report?.openMove).toEqual({ id: 'link', label: { 'zh-CN': '发来链接', en: 'Sends a link' } });
    t.close();
  });

  it('names none for a chat that reached its outcome', async () => {
    const t = await trainee(server.url);
    const info = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小郑', mode: 'practice' });
    await t.ok('reply:send', { sessionId: info.sessionId, clientMsgId: msgId(), text: '可以给您优惠' });
    await t.waitForEvent('session:outcome');
    await t.ok('session:end', { sessionId: info.sessionId, clientMsgId: msgId() });
    const after = await view(info.sessionId, info.token);
    expect(after.report?.report.unfinished).toBeUndefined();
    expect(after.report).not.toHaveProperty('openMove');
    t.close();
  });
});
