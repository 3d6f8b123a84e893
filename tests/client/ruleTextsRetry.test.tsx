// @vitest-environment jsdom
// A practice chat's rule texts do not stay unloaded for good: a failed load (a reopened chat replays
// all its verdicts while the first request is in flight, so no later verdict asks again) is asked
// again after 2 s, 4 s, 8 s… at most 30 s apart while the chat is on screen, and at once when the
// connection comes back; nothing is asked when nothing needs the texts (an exam, an unknown rubric,
// a chat no longer shown). Time is faked.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ruleTextsRetryDelay, useRuleTexts } from '../../client/features/chat/useRuleTexts.ts';
import { appStore } from '../../client/store/index.ts';
import type { ChatSession, SessionRuleTexts, VerdictMark } from '../../client/store/types.ts';
import { FakeTransport, info, traineeLine } from './fakes.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const texts: SessionRuleTexts = {
  rubric: 'rubric-bargainer-1',
  rules: [{ rule: 'greeting', title: { 'zh-CN': '欢迎语', en: 'Welcome greeting' }, feedback: { 'zh-CN': '开场先问好', en: 'Greet first' } }],
};
const mark: VerdictMark = { rule: 'greeting', category: 'politeness', verdict: 'fail', redLine: false, points: 0, max: 5 };

let root: ReturnType<typeof createRoot> | null = null;
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
  act(() => appStore.setState({ ruleTexts: {}, sessions: {}, connection: 'connecting' }));
  vi.useRealTimers();
});

function Probe({ session }: { session: ChatSession }) {
  const loaded = useRuleTexts(session);
  return <p>{loaded ? 'ready' : 'waiting'}</p>;
}

/** A practice chat with one verdict; `answer(n)` answers the n-th request (1, 2, …). */
function setup(answer: (n: number) => Promise<SessionRuleTexts>, shape: (session: ChatSession) => ChatSession = (session) => session) {
  const asked: number[] = [];
  appStore.getState().attachBackend({
    transport: new FakeTransport(),
    api: {
      scenarios: () => Promise.resolve([]),
      context: () => new Promise(() => undefined),
      session: () => new Promise(() => undefined),
      ruleTexts: () => {
        asked.push(Date.now());
        return answer(asked.length);
      },
    },
  });
  appStore.getState().netStarted(info('s1'));
  appStore.getState().netEvent({ name: 'trainee:say', payload: { sessionId: 's1', seq: 1, clientMsgId: 'c1', message: traineeLine('m1', '在') } });
  appStore.getState().netEvent({ name: 'verdict:add', payload: { sessionId: 's1', seq: 2, messageId: 'm1', verdicts: [mark] } });
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  const start = Date.now();
  const render = () => {
    const session = shape(appStore.getState().sessions['s1'] as ChatSession);
    act(() => root?.render(<Probe session={session} />));
  };
  /** the times of the requests so far, from the first render */
  const times = () => asked.map((t) => t - start);
  return { host, asked, times, render };
}

const fail = () => Promise.reject(new Error('503 unavailable'));
const wait = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));
const flush = () => act(async () => void (await vi.advanceTimersByTimeAsync(0)));

describe('rule texts that failed to load', () => {
  it('are asked again after 2 s, then 4 s, though no verdict arrives, until they load', async () => {
    const { host, asked, render } = setup((n) => (n <= 2 ? fail() : Promise.resolve(texts)));
    render();
    await flush();
    expect(asked).toHaveLength(1);
    expect(appStore.getState().ruleTexts['rubric-bargainer-1']?.state).toBe('error');
    await wait(1_999);
    expect(asked).toHaveLength(1);
    await wait(1);
    expect(asked).toHaveLength(2);
    await wait(3_999);
    expect(asked).toHaveLength(2);
    await wait(1);
    expect(asked).toHaveLength(3);
    expect(host.textContent).toBe('ready');
    // Loaded: nothing more is asked.
    await wait(120_000);
    expect(asked).toHaveLength(3);
  });

  it('back off to at most 30 s between requests', async () => {
    const { times, render } = setup(fail);
    render();
    await flush();
    await wait(200_000);
    const gaps = times().slice(1).map((t, i) => t - (times()[i] as number));
    expect(gaps.slice(0, 7)).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect([1, 2, 3, 4, 5, 6].map(ruleTextsRetryDelay)).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it('are asked again at once when the connection comes back online, and the back-off starts over', async () => {
    act(() => appStore.getState().netConnection('offline'));
    const { asked, times, render } = setup((n) => (n <= 3 ? fail() : Promise.resolve(texts)));
    render();
    await flush();
    await wait(2_000);
    expect(asked).toHaveLength(2);
    await wait(1_000);
    act(() => appStore.getState().netConnection('online'));
    await flush();
    expect(times()).toEqual([0, 2_000, 3_000]);
    // That one failed too: the next is 2 s later, not 8 s.
    await wait(2_000);
    expect(times()).toEqual([0, 2_000, 3_000, 5_000]);
    expect(appStore.getState().ruleTexts['rubric-bargainer-1']?.state).toBe('ready');
  });

  it('a request still in flight (it times out in the api) is not asked twice', async () => {
    const { asked, render } = setup(() => new Promise(() => undefined));
    render();
    await flush();
    act(() => appStore.getState().netConnection('online'));
    await wait(60_000);
    expect(asked).toHaveLength(1);
  });

  it('are not asked again once the chat is off screen', async () => {
    const { asked, render } = setup(fail);
    render();
    await flush();
    act(() => root?.unmount());
    root = null;
    await wait(120_000);
    expect(asked).toHaveLength(1);
  });

  it('are not asked at all when nothing needs them: an exam, a rubric not known yet', async () => {
    const exam = setup(fail, (session) => ({ ...session, mode: 'exam' }));
    exam.render();
    act(() => appStore.getState().netConnection('online'));
    await wait(120_000);
    expect(exam.asked).toHaveLength(0);
    act(() => root?.unmount());
    const unknown = setup(fail, ({ rubric: _unknown, ...session }) => session);
    unknown.render();
    await wait(120_000);
    expect(unknown.asked).toHaveLength(0);
  });
});
