// @vitest-environment jsdom
// The conversation list reads as the chat does: 旺旺表情 as the faces the bubble draws, and an ended
// chat keeps its time and last line after a reload and in-app navigation (an ended chat's transcript
// is fetched only when it is opened, so the list reads the last line saved with the session).
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationList } from '../../client/features/chat/ConversationList.tsx';
import { appStore } from '../../client/store/index.ts';
import type { AppState } from '../../client/store/index.ts';
import { KEYS, loadSessions } from '../../client/store/persist.ts';
import type { Report } from '../../client/store/types.ts';
import { shortTime } from '../../client/ui/format.ts';
import { buyerLine, FakeTransport, info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
let transport: FakeTransport;

const attach = () => {
  transport = new FakeTransport();
  appStore.getState().attachBackend({
    transport,
    api: { scenarios: () => Promise.resolve([]), context: () => new Promise(() => undefined), session: () => new Promise(() => undefined), ruleTexts: () => new Promise(() => undefined) },
  });
};

beforeEach(() => {
  localStorage.clear();
  attach();
});

afterEach(() => {
  localStorage.clear();
  appStore.setState(initial, true);
});

const root = reactRoot();
const { host } = root;

const render = () => root.render(<ConversationList activeId={null} />);
const previews = () => [...host.querySelectorAll('.convo-preview')].map((p) => p.textContent);
const times = () => [...host.querySelectorAll('.convo-time')].map((p) => p.textContent);

const report: Report = {
  score: 64,
  passed: false,
  passMark: 70,
  redLines: [],
  rules: [],
  categories: [],
  kpis: { firstResponseMs: 1, avgResponseMs: 1, longestResponseMs: 1, replies: 1, outcome: 'left' },
};

describe('the conversation list', () => {
  it('shows a face code as the face the bubble draws', () => {
    appStore.getState().netStarted(info('s1'));
    act(() => appStore.getState().netEvent({ name: 'buyer:say', payload: { sessionId: 's1', seq: 1, message: buyerLine('m1', '学生党 生活费不多 [可怜]') } }));
    render();
    expect(previews()).toEqual(['学生党 生活费不多 🥺']);
    act(() => appStore.getState().netEvent({ name: 'buyer:say', payload: { sessionId: 's1', seq: 2, message: buyerLine('m2', '[微笑][坏笑] 好的') } }));
    // An unknown code stays as typed, as in the bubble.
    expect(previews()).toEqual(['🙂[坏笑] 好的']);
  });

  it('keeps an ended chat’s time and last line after a reload and in-app navigation', () => {
    const at = new Date(2026, 5, 1, 14, 7).getTime();
    appStore.getState().netStarted(info('s1'));
    const say = (seq: number, text: string) => appStore.getState().netEvent({ name: 'buyer:say', payload: { sessionId: 's1', seq, message: buyerLine(`m${seq}`, text, at) } });
    say(1, '在吗');
    say(2, '太贵了 [委屈] 我再看看吧');
    appStore.getState().netEvent({ name: 'session:report', payload: { sessionId: 's1', seq: 3, report, outcome: null } });
    expect(loadSessions(localStorage)[0]?.last).toMatchObject({ at, text: '太贵了 [委屈] 我再看看吧' });

    // A new page: the store knows only what the browser kept; the report first, then the workbench.
    appStore.setState(initial, true);
    attach();
    appStore.getState().navigate('/report/s1');
    appStore.getState().restoreSessions();
    appStore.getState().navigate('/chat');
    expect(transport.tracked).toEqual([]);
    render();
    expect(previews()).toEqual(['太贵了 😢 我再看看吧']);
    expect(times()).toEqual([shortTime(at)]);
  });

  it('keeps the last line of an ended chat saved before lines were kept, once opened', () => {
    const at = new Date(2026, 5, 1, 9, 30).getTime();
    const { sessionId: _id, lastSeq: _seq, rubric: _rubric, ...rest } = info('s1', { ended: true });
    localStorage.setItem(KEYS.sessions, JSON.stringify([{ ...rest, id: 's1', startedAt: 1, outcome: null }]));
    appStore.getState().restoreSessions();
    appStore.getState().navigate('/chat/s1');
    expect(transport.tracked).toEqual(['s1']);
    appStore.getState().netResumed(info('s1', { ended: true, lastSeq: 2 }));
    appStore.getState().netEvent({ name: 'buyer:say', payload: { sessionId: 's1', seq: 1, message: buyerLine('m1', '好的', at) } });
    appStore.getState().netEvent({ name: 'session:report', payload: { sessionId: 's1', seq: 2, report, outcome: null } });
    expect(loadSessions(localStorage)[0]?.last).toMatchObject({ at, from: 'buyer', text: '好的' });
  });

  it('drops a malformed saved last line and keeps the session', () => {
    const { sessionId: _id, lastSeq: _seq, rubric: _rubric, ...rest } = info('s1', { ended: true });
    localStorage.setItem(KEYS.sessions, JSON.stringify([{ ...rest, id: 's1', startedAt: 1, last: { at: 'noon', text: 1 } }]));
    const [saved] = loadSessions(localStorage);
    expect(saved?.id).toBe('s1');
    expect(saved?.last).toBeUndefined();
  });
});
