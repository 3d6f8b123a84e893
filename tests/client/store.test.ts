// The one store with a fake transport and API: starting a chat, remembering it for a reload, what
// actions send, preferences and quick phrases kept in the browser, best scores.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../client/store/index.ts';
import { KEYS } from '../../client/store/persist.ts';
import type { Api, SessionView } from '../../client/store/types.ts';
import { buyerLine, FakeTransport, info, MemoryStorage } from './fakes.ts';

const api = (view?: SessionView): Api => ({
  scenarios: () => Promise.resolve([info().scenario]),
  context: () => Promise.reject(new Error('not in this test')),
  session: () => (view ? Promise.resolve(view) : Promise.reject(new Error('404 no such session'))),
  ruleTexts: () => Promise.reject(new Error('not in this test')),
});

function setup(storage = new MemoryStorage(), view?: SessionView) {
  const pushed: string[] = [];
  const store = createAppStore({ storage, now: () => 1000, history: { push: (p) => pushed.push(p), replace: (p) => pushed.push(p) } });
  const transport = new FakeTransport();
  transport.onStart = () => store.getState().netStarted(info());
  store.getState().attachBackend({ transport, api: api(view) });
  return { store, transport, pushed, storage };
}

describe('the store', () => {
  it('starts in zh-CN practice mode, and remembers the trainee’s choices', () => {
    const storage = new MemoryStorage();
    const { store } = setup(storage);
    expect(store.getState()).toMatchObject({ lang: 'zh-CN', mode: 'practice', displayName: '' });
    store.getState().setLang('en');
    store.getState().setMode('exam');
    store.getState().setDisplayName('阿岚');
    expect(setup(storage).store.getState()).toMatchObject({ lang: 'en', mode: 'exam', displayName: '阿岚' });
  });

  it('starts a chat, opens its URL and remembers it; a reload follows it again', async () => {
    const { store, transport, pushed, storage } = setup();
    store.getState().setDisplayName('小峰');
    expect(await store.getState().startSession('bargainer')).toBeNull();
    expect(pushed).toEqual(['/chat/s1']);
    expect(store.getState().route).toEqual({ name: 'chat', sessionId: 's1' });
    expect(store.getState().activeId).toBe('s1');
    expect(transport.tracked).toEqual([]);

    const reloaded = setup(storage);
    reloaded.store.getState().syncRoute('/chat/s1');
    reloaded.store.getState().restoreSessions();
    // Followed once at start; opening it asks again, which the net layer treats as a no-op.
    expect(new Set(reloaded.transport.tracked)).toEqual(new Set(['s1']));
    expect(reloaded.store.getState().sessions['s1']).toMatchObject({ status: 'resuming', token: 's1.token', messages: [] });
  });

  it('sends trainee events through the transport, and never after the end', async () => {
    const { store, transport } = setup();
    await store.getState().startSession('bargainer');
    const s = store.getState();
    expect(s.sendReply('s1', '   ')).toBe(false);
    expect(s.sendReply('s1', '亲，在的')).toBe(true);
    s.netEvent({ name: 'buyer:say', payload: { sessionId: 's1', seq: 1, message: { ...buyerLine('m1', '点这个'), attachment: { kind: 'link', url: 'http://evil.top', unsafe: true } } } });
    store.getState().openLink('s1', 'm1');
    expect(store.getState().notice).toMatchObject({ kind: 'link', url: 'http://evil.top', unsafe: true, recorded: true });
    store.getState().sendCard('s1', 'breeze-daily-runner');
    store.getState().endSession('s1');
    expect(transport.sent.map((x) => x.event)).toEqual(['reply:send', 'link:open', 'card:send', 'session:end']);
    const report = { score: 90, passed: true, passMark: 70, redLines: [], rules: [], categories: [], kpis: { firstResponseMs: null, avgResponseMs: null, longestResponseMs: null, replies: 1, outcome: null } };
    store.getState().netEvent({ name: 'session:report', payload: { sessionId: 's1', seq: 2, report, outcome: null } });
    expect(store.getState().sendReply('s1', '还在吗')).toBe(false);
    expect(transport.sent).toHaveLength(4);
    expect(store.getState().best).toEqual({ bargainer: { score: 90, passed: true } });
  });

  it('counts unread lines of a chat that is not open, and clears them when it is opened', async () => {
    const { store } = setup();
    await store.getState().startSession('bargainer');
    store.getState().navigate('/');
    store.getState().netEvent({ name: 'buyer:say', payload: { sessionId: 's1', seq: 1, message: buyerLine('m1', '在吗') } });
    expect(store.getState().sessions['s1']?.unread).toBe(1);
    store.getState().navigate('/chat/s1');
    expect(store.getState().sessions['s1']?.unread).toBe(0);
  });

  it('keeps quick phrases: a starter set with the nickname until edited, then the trainee’s own', () => {
    const storage = new MemoryStorage();
    const { store } = setup(storage);
    store.getState().setDisplayName('小溪');
    expect(store.getState().phrases()[0]).toContain('小溪');
    store.getState().addPhrase('  亲，这款今天下单明天就到哦  ');
    store.getState().removePhrase(0);
    const mine = store.getState().phrases();
    expect(mine.at(-1)).toBe('亲，这款今天下单明天就到哦');
    expect(JSON.parse(storage.getItem(KEYS.phrases) ?? '[]')).toEqual(mine);
    store.getState().resetPhrases();
    expect(storage.getItem(KEYS.phrases)).toBeNull();
  });

  it('loads a report only with a token this browser holds', async () => {
    const { store } = setup();
    await store.getState().loadReport('nobody');
    expect(store.getState().reports['nobody']).toEqual({ state: 'unknown' });
    await store.getState().startSession('bargainer');
    await store.getState().loadReport('s1');
    expect(store.getState().reports['s1']).toMatchObject({ state: 'error', message: '404 no such session' });
  });

  it('resumes the newest open chats at start and the others, or an ended one, when opened', () => {
    const storage = new MemoryStorage();
    const saved = Array.from({ length: 10 }, (_, i) => ({ ...info(`s${i}`), id: `s${i}`, token: `t${i}`, startedAt: 100 - i, ended: i === 9 }));
    storage.setItem(KEYS.sessions, JSON.stringify(saved.map(({ sessionId: _id, lastSeq: _seq, rubric: _rubric, ...rest }) => rest)));
    const { store, transport } = setup(storage);
    store.getState().restoreSessions();
    expect(transport.tracked).toEqual(['s0', 's1', 's2', 's3', 's4', 's5', 's6', 's7']);
    store.getState().navigate('/chat/s8');
    store.getState().navigate('/chat/s9');
    expect(transport.tracked.slice(8)).toEqual(['s8', 's9']);
    expect(store.getState().sessions['s9']?.status).toBe('resuming');
  });

  it('ignores garbage in localStorage', () => {
    const storage = new MemoryStorage();
    storage.setItem(KEYS.sessions, '[{"id":1},"x",null]');
    storage.setItem(KEYS.prefs, '{not json');
    storage.setItem(KEYS.phrases, '[1,2]');
    const { store } = setup(storage);
    store.getState().restoreSessions();
    expect(store.getState().order).toEqual([]);
    expect(store.getState().lang).toBe('zh-CN');
    expect(store.getState().customPhrases).toBeNull();
  });
});
