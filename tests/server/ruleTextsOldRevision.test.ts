// A session rebuilt from the store keeps its rubric revision, and `GET /api/sessions/:id/rules` sends
// the texts of the rules it is judged by: none for 不以利益换评价 (revision 7) to a revision 6 session.
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionRuleTexts } from '../../server/protocol/index.ts';
import type { TestServer } from './helpers.ts';
import { msgId, startServer, tempDataDir, trainee } from './helpers.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function ruleIds(s: TestServer, sessionId: string, token: string): Promise<string[]> {
  const res = await fetch(`${s.url}/api/sessions/${sessionId}/rules`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as SessionRuleTexts).rules.map((r) => r.rule);
}

describe('rule texts of a session of an older rubric revision', () => {
  it('leave out the rules newer than the session', async () => {
    const dataDir = tempDataDir();
    server = await startServer({ dataDir });
    const t = await trainee(server.url);
    const { sessionId, token } = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小郑', mode: 'practice' });
    await t.waitForEvent('buyer:say');
    await t.ok('reply:send', { sessionId, clientMsgId: msgId(), text: '亲，这款已经是活动价了哦' });
    expect(await ruleIds(server, sessionId, token)).toContain('no-review-inducement');
    t.close();
    await server.db.updateTable('sessions').set({ rules_revision: 6 }).where('id', '=', sessionId).execute();
    await server.close();

    server = await startServer({ dataDir });
    const ids = await ruleIds(server, sessionId, token);
    expect(ids).not.toContain('no-review-inducement');
    expect(ids).toContain('no-rude-language');
  });
});
