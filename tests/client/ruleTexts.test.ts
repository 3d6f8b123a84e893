// Verdicts travel as marks (the rule by id); a chat joins them with its rubric's rule texts, loaded
// once per rubric key however many sessions share it. The trainer watching a chat has no token (the
// cookie answers for it); the watch answer names the key.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { httpApi } from '../../client/net/api.ts';
import { createAppStore } from '../../client/store/index.ts';
import type { TrainerBackend } from '../../client/store/trainerSlice.ts';
import type { Api, RuleText, SessionRuleTexts, VerdictMark } from '../../client/store/types.ts';
import type { DrillSnapshot } from '../../server/protocol/index.ts';
import { reportWithTexts, ruleTextsById, verdictWithText } from '../../server/protocol/index.ts';
import { fakeTrainerBackend, FakeTransport, info, MemoryStorage } from './fakes.ts';

const greeting: RuleText = { rule: 'greeting', title: { 'zh-CN': '欢迎语', en: 'Welcome greeting' }, feedback: { 'zh-CN': '先问好', en: 'Greet first' }, modelReply: { 'zh-CN': '亲，在的', en: 'Hi, here' } };
const mark: VerdictMark = { rule: 'greeting', category: 'politeness', verdict: 'fail', redLine: false, points: 0, max: 5 };

function setup(answer: (sessionId: string, token: string) => Promise<SessionRuleTexts>) {
  const store = createAppStore({ storage: new MemoryStorage(), now: () => 1000 });
  const asked: { sessionId: string; token: string }[] = [];
  const api: Api = {
    scenarios: () => Promise.resolve([]),
    context: () => new Promise(() => undefined),
    session: () => new Promise(() => undefined),
    ruleTexts: (sessionId, token) => {
      asked.push({ sessionId, token });
      return answer(sessionId, token);
    },
  };
  store.getState().attachBackend({ transport: new FakeTransport(), api });
  return { store, asked };
}

describe('the rule-texts cache', () => {
  it('loads once per rubric key, for every session that shares it', async () => {
    const { store, asked } = setup((id) => Promise.resolve({ rubric: id === 's3' ? 'r2' : 'r1', rules: [greeting] }));
    const s = store.getState();
    await Promise.all([s.loadRuleTexts({ id: 's1', token: 't1', rubric: 'r1' }), s.loadRuleTexts({ id: 's2', token: 't2', rubric: 'r1' })]);
    await s.loadRuleTexts({ id: 's2', token: 't2', rubric: 'r1' });
    expect(asked).toEqual([{ sessionId: 's1', token: 't1' }]);
    const r1 = store.getState().ruleTexts['r1'];
    expect(r1?.state === 'ready' && r1.data.get('greeting')).toEqual(greeting);

    await s.loadRuleTexts({ id: 's3', token: 't3', rubric: 'r2' });
    expect(asked.map((a) => a.sessionId)).toEqual(['s1', 's3']);
    expect(store.getState().ruleTexts['r2']?.state).toBe('ready');
  });

  it('asks again after an error', async () => {
    let fail = true;
    const { store, asked } = setup(() => (fail ? Promise.reject(new Error('503 unavailable')) : Promise.resolve({ rubric: 'r1', rules: [greeting] })));
    await store.getState().loadRuleTexts({ id: 's1', token: 't1', rubric: 'r1' });
    expect(store.getState().ruleTexts['r1']).toEqual({ state: 'error', message: '503 unavailable' });
    fail = false;
    await store.getState().loadRuleTexts({ id: 's1', token: 't1', rubric: 'r1' });
    expect(store.getState().ruleTexts['r1']?.state).toBe('ready');
    expect(asked).toHaveLength(2);
  });

  it('learns a remembered session’s key when it resumes', () => {
    const { store } = setup(() => new Promise(() => undefined));
    store.getState().netStarted(info('s1'));
    const remembered = store.getState().sessions['s1'];
    if (!remembered) throw new Error('started above');
    const { rubric: _known, ...unknown } = remembered;
    store.setState({ sessions: { s1: { ...unknown, status: 'resuming' } } });
    store.getState().netResumed(info('s1', { rubric: 'r5' }));
    expect(store.getState().sessions['s1']).toMatchObject({ status: 'live', rubric: 'r5' });
  });
});

describe('the trainer watching a practice chat', () => {
  const snapshot: DrillSnapshot = {
    state: { drillId: 'd1', status: 'running', locked: false, mode: 'practice', scenarios: [info().scenario], frozenAt: null, endsAt: null, clock: 5_000 },
    code: '123456',
    joinUrl: 'http://127.0.0.1/join/123456',
    qrSvg: '<svg/>',
    tiles: [{ seatId: 'seat1', name: '小明', status: 'playing', connected: true, sessionId: 's1', position: 0, scenarioId: 'bargainer', move: null, score: null, redLines: [], waitingSince: null, outcome: null, turns: 0 }],
    heat: [],
    moves: [],
    moveLabels: {},
  };

  it('takes the rubric key from the watch answer; the texts load with no token (the cookie answers)', async () => {
    const { store, asked } = setup(() => Promise.resolve({ rubric: 'r1', rules: [greeting] }));
    const backend = fakeTrainerBackend({
      send: ((name: string) => {
        if (name === 'drill:attach') return Promise.resolve({ ok: true, data: snapshot });
        if (name === 'drill:watch') return Promise.resolve({ ok: true, data: { seatId: 'seat1', sessionId: 's1', lastSeq: 0, rubric: 'r1' } });
        return Promise.resolve({ ok: false, error: { code: 'bad-request', message: name } });
      }) as TrainerBackend['send'],
    });
    store.getState().attachTrainerBackend(backend);
    await store.getState().attachDrill('d1');
    await store.getState().watchSeat('seat1');
    const watched = store.getState().watched?.session;
    expect(watched).toMatchObject({ id: 's1', token: '', mode: 'practice', rubric: 'r1' });
    if (!watched?.rubric) throw new Error('watched above');
    await store.getState().loadRuleTexts({ ...watched, rubric: watched.rubric });
    expect(asked).toEqual([{ sessionId: 's1', token: '' }]);
    expect(store.getState().ruleTexts['r1']?.state).toBe('ready');
  });
});

describe('httpApi.ruleTexts', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the session token as a Bearer header, and no header without one', async () => {
    const calls: { url: string; headers: Record<string, string> }[] = [];
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      calls.push({ url, headers: init.headers as Record<string, string> });
      return Promise.resolve(new Response(JSON.stringify({ rubric: 'r1', rules: [] }), { status: 200, headers: { 'content-type': 'application/json' } }));
    });
    expect(await httpApi.ruleTexts('s1', 's1.token')).toEqual({ rubric: 'r1', rules: [] });
    await httpApi.ruleTexts('s2', '');
    expect(calls[0]).toEqual({ url: '/api/sessions/s1/rules', headers: { accept: 'application/json', authorization: 'Bearer s1.token' } });
    expect(calls[1]).toEqual({ url: '/api/sessions/s2/rules', headers: { accept: 'application/json' } });
  });

  it('gives up on a request with no answer in 10 s: a timeout error, so the chat asks again', async () => {
    vi.useFakeTimers();
    try {
      let signal: AbortSignal | undefined;
      vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
        signal = init.signal ?? undefined;
        // A hung server: no answer, until the request is aborted.
        return new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('This operation was aborted', 'AbortError'))));
      });
      let outcome: string | undefined;
      void httpApi.ruleTexts('s1', 's1.token').then(
        () => (outcome = 'answered'),
        (err: unknown) => (outcome = err instanceof Error ? err.message : String(err)),
      );
      await vi.advanceTimersByTimeAsync(9_999);
      expect(outcome).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      expect(signal?.aborted).toBe(true);
      expect(outcome).toBe('timeout: no answer in 10 s');
    } finally {
      vi.useRealTimers();
    }
  });

  it('clears its timer when the answer comes in time', async () => {
    vi.useFakeTimers();
    try {
      vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify({ rubric: 'r1', rules: [] }), { status: 200 })));
      expect(await httpApi.ruleTexts('s1', 's1.token')).toEqual({ rubric: 'r1', rules: [] });
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a refusal with the server’s message', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify({ error: { code: 'forbidden', message: 'an exam’s rule texts come with its report' } }), { status: 403, statusText: 'Forbidden' })));
    await expect(httpApi.ruleTexts('s1', 's1.token')).rejects.toThrow('403 an exam’s rule texts come with its report');
  });
});

describe('verdictWithText', () => {
  it('joins a mark with its rule’s texts', () => {
    expect(verdictWithText(mark, greeting)).toEqual({ ...mark, title: greeting.title, feedback: greeting.feedback, modelReply: greeting.modelReply });
  });

  it('without texts has empty feedback and no title or model reply', () => {
    const v = verdictWithText(mark, undefined);
    expect(v).toEqual({ ...mark, feedback: { 'zh-CN': '', en: '' } });
    expect('title' in v || 'modelReply' in v).toBe(false);
  });

  it('falls back to the texts a mark from an old log carries inline, and prefers the rubric’s when known', () => {
    const old = { ...mark, title: { 'zh-CN': '旧', en: 'Old' }, feedback: { 'zh-CN': '旧反馈', en: 'Old feedback' } };
    expect(verdictWithText(old, undefined)).toEqual(old);
    const joined = verdictWithText(old, { rule: 'greeting', feedback: greeting.feedback });
    expect(joined).toEqual({ ...mark, feedback: greeting.feedback });
  });

  it('joins a whole report', () => {
    const report = { score: 0, passed: false, passMark: 70, redLines: [], rules: [mark, { ...mark, rule: 'gone' }], categories: [], kpis: { firstResponseMs: null, avgResponseMs: null, longestResponseMs: null, replies: 1, outcome: null } };
    const joined = reportWithTexts(report, ruleTextsById([greeting]));
    expect(joined.rules.map((r) => r.title?.en ?? r.rule)).toEqual(['Welcome greeting', 'gone']);
  });
});
