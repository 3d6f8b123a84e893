// Verdicts travel as marks (rule ids) and a session's rule texts once, over HTTP: what the socket
// carries, what `GET /api/sessions/:id/rules` answers and to whom, the report page's joined report,
// and logs written before marks existed (texts inline) resuming as marks with no divergence.
import { afterEach, describe, expect, it } from 'vitest';
import { sessionReport } from '../../server/engine/index.ts';
import type { Report } from '../../server/engine/index.ts';
import type { SessionRuleTexts, VerdictMark } from '../../server/protocol/index.ts';
import { replaySession } from '../../server/runtime/replay.ts';
import type { TestServer, Trainee } from './helpers.ts';
import type { DrillClient } from './drillHelpers.ts';
import { drillClient, loginTrainer, startDrill, startDrillServer } from './drillHelpers.ts';
import { msgId, startServer, tempDataDir, trainee } from './helpers.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const TEXT_FIELDS = ['title', 'feedback', 'modelReply'] as const;
const withoutTexts = (v: VerdictMark) => TEXT_FIELDS.every((f) => !(f in v));

async function get(s: { url: string }, path: string, token?: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${s.url}${path}`, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json() };
}

/** Refuse the discount, ask for a screenshot (the buyer buys), end. */
async function play(s: { url: string }, mode: 'practice' | 'exam', end = true): Promise<{ t: Trainee; sessionId: string; token: string; rubric: string }> {
  const t = await trainee(s.url);
  const info = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小冯', mode });
  await t.waitForEvent('buyer:say');
  await t.ok('reply:send', { sessionId: info.sessionId, clientMsgId: msgId(), text: '亲，这款已经是活动价了，不能再便宜了哦' });
  await t.waitForEvent('buyer:say', 3);
  await t.ok('reply:send', { sessionId: info.sessionId, clientMsgId: msgId(), text: '链接我这边不方便打开，您发个截图给我看看吧' });
  await t.waitForEvent('session:outcome');
  if (end) {
    await t.ok('session:end', { sessionId: info.sessionId, clientMsgId: msgId() });
    await t.waitForEvent('session:report');
  }
  return { t, sessionId: info.sessionId, token: info.token, rubric: info.rubric };
}

async function engineReport(s: TestServer, sessionId: string): Promise<Report> {
  const stored = await s.log.load(sessionId);
  const scenario = stored && (await s.app.catalog.byHash(stored.session.bundle_hash));
  if (!stored || !scenario) throw new Error('session not stored');
  return sessionReport(scenario.compiled, replaySession(scenario.compiled, stored).state);
}

describe('verdicts on the socket', () => {
  it('carry no rule texts; the session rules endpoint has them all, under the key the start gave', async () => {
    server = await startServer();
    const { t, sessionId, token, rubric } = await play(server, 'practice');
    const live = t.events.flatMap((e) => (e.name === 'verdict:add' ? e.payload.verdicts : []));
    expect(live.length).toBeGreaterThan(0);
    expect(live.every(withoutTexts)).toBe(true);
    const report = t.events.at(-1);
    if (report?.name !== 'session:report') throw new Error('no report');
    expect(report.payload.report.rules.every(withoutTexts)).toBe(true);

    const answer = await get(server, `/api/sessions/${sessionId}/rules`, token);
    expect(answer.status).toBe(200);
    const texts = answer.body as SessionRuleTexts;
    expect(texts.rubric).toBe(rubric);
    expect(texts.rules.map((r) => r.rule).sort()).toEqual(report.payload.report.rules.map((v) => v.rule).sort());
    expect(texts.rules.find((r) => r.rule === 'no-discount')).toMatchObject({ feedback: { 'zh-CN': '不要一开口就降价' }, modelReply: { en: 'This is already the promotion price' } });
    t.close();
  });

  it('gives sessions of one scenario version one rubric key', async () => {
    server = await startServer();
    const a = await play(server, 'practice', false);
    const b = await play(server, 'exam', false);
    expect(a.rubric).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(b.rubric).toBe(a.rubric);
    a.t.close();
    b.t.close();
  });

  it('keeps an exam\'s texts until its report; only the token holder may ask', async () => {
    server = await startServer();
    const exam = await play(server, 'exam', false);
    expect(exam.t.events.some((e) => e.name === 'verdict:add')).toBe(false);
    expect(await get(server, `/api/sessions/${exam.sessionId}/rules`, exam.token)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    await exam.t.ok('session:end', { sessionId: exam.sessionId, clientMsgId: msgId() });
    await exam.t.waitForEvent('session:report');
    expect((await get(server, `/api/sessions/${exam.sessionId}/rules`, exam.token)).status).toBe(200);

    const other = await play(server, 'practice', false);
    expect((await get(server, `/api/sessions/${exam.sessionId}/rules`)).status).toBe(401);
    expect((await get(server, `/api/sessions/${exam.sessionId}/rules`, other.token)).status).toBe(401);
    expect((await get(server, '/api/sessions/no-such-session/rules', other.token)).status).toBe(401);
    exam.t.close();
    other.t.close();
  });
});

describe('a trainer', () => {
  it('may read an exam\'s rule texts before its end (the watch panel); a wrong cookie may not', async () => {
    const drillServer = await startDrillServer();
    try {
      const cookie = await loginTrainer(drillServer, '韩老师');
      const exam = await play(drillServer, 'exam', false);
      const rules = (headers: Record<string, string>) => fetch(`${drillServer.url}/api/sessions/${exam.sessionId}/rules`, { headers });
      const answer = await rules({ cookie });
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as SessionRuleTexts).rubric).toBe(exam.rubric);
      expect((await rules({ cookie: `${cookie}x` })).status).toBe(401);
      exam.t.close();
    } finally {
      await drillServer.close();
    }
  });
});

describe('a drill trainee', () => {
  it('opens its own sessions\' rule texts and report with its seat token, not another seat\'s', async () => {
    const drillServer = await startDrillServer();
    const clients: DrillClient[] = [];
    try {
      const trainer = await drillClient(drillServer.url, await loginTrainer(drillServer, '魏老师'));
      const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
      const [a, b] = [await drillClient(drillServer.url), await drillClient(drillServer.url)];
      clients.push(trainer, a, b);
      await a.ok('drill:join', { code: snap.code, displayName: '小魏' });
      await b.ok('drill:join', { code: snap.code, displayName: '小蒋' });
      const [sa, sb] = await startDrill(trainer, snap.state.drillId, [a, b] as const);
      const info = a.of('drill:session')[0]?.session;
      const other = b.of('drill:session')[0]?.session;
      if (!info || !other) throw new Error('no drill sessions');
      const rules = await get(drillServer, `/api/sessions/${sa}/rules`, info.token);
      expect(rules).toMatchObject({ status: 200, body: { rubric: info.rubric } });
      expect((await get(drillServer, `/api/sessions/${sa}`, info.token)).status).toBe(200);
      expect((await get(drillServer, `/api/sessions/${sb}`, info.token)).status).toBe(401);
      expect((await get(drillServer, `/api/sessions/${sa}/rules`, other.token)).status).toBe(401);
    } finally {
      for (const c of clients) c.close();
      await drillServer.close();
    }
  });
});

describe('the session view (the report page)', () => {
  it('serves the report with its texts joined: what the engine reports', async () => {
    server = await startServer();
    const { t, sessionId, token, rubric } = await play(server, 'exam');
    const view = (await get(server, `/api/sessions/${sessionId}`, token)).body as { session: { rubric: string }; report: { report: Report } };
    expect(view.session.rubric).toBe(rubric);
    expect(view.report.report).toEqual(await engineReport(server, sessionId));
    t.close();
  });
});

describe('a log written while verdicts carried their texts', () => {
  it('resumes after a restart as marks, replays without divergence, and its report still reads whole', async () => {
    const dataDir = tempDataDir();
    server = await startServer({ dataDir });
    const { t, sessionId, token } = await play(server, 'practice');
    t.close();
    const full = await engineReport(server, sessionId);

    // Put the texts back into every stored verdict, as the log writer used to.
    const texts = new Map(full.rules.map((v) => [v.rule, { title: v.title, feedback: v.feedback, modelReply: v.modelReply }]));
    const rows = await server.db.selectFrom('session_events').select(['n', 'effects']).where('session_id', '=', sessionId).execute();
    let rewritten = 0;
    for (const row of rows) {
      const effects = JSON.parse(row.effects) as { kind: string; payload: { verdicts?: VerdictMark[]; report?: { rules: VerdictMark[] } } }[];
      for (const e of effects) {
        for (const v of [...(e.payload.verdicts ?? []), ...(e.payload.report?.rules ?? [])]) {
          Object.assign(v, texts.get(v.rule));
          rewritten++;
        }
      }
      await server.db.updateTable('session_events').set({ effects: JSON.stringify(effects) }).where('session_id', '=', sessionId).where('n', '=', row.n).execute();
    }
    expect(rewritten).toBeGreaterThan(full.rules.length);
    const stored = await server.log.load(sessionId);
    const scenario = stored && (await server.app.catalog.byHash(stored.session.bundle_hash));
    if (!stored || !scenario) throw new Error('session not stored');
    expect(replaySession(scenario.compiled, stored).divergence).toBeNull();
    await server.close();

    server = await startServer({ dataDir });
    const back = await trainee(server.url);
    await back.ok('session:resume', { sessionId, token, lastSeq: 0 });
    await back.waitForEvent('session:report');
    const resent = back.events.flatMap((e) => (e.name === 'verdict:add' ? e.payload.verdicts : e.name === 'session:report' ? e.payload.report.rules : []));
    expect(resent.length).toBeGreaterThan(full.rules.length);
    expect(resent.every(withoutTexts)).toBe(true);
    const view = (await get(server, `/api/sessions/${sessionId}`, token)).body as { report: { report: Report } };
    expect(view.report.report).toEqual(full);
    back.close();
  });
});
