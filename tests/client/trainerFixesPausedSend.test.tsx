// @vitest-environment jsdom
// A drill seat's chat while the trainer has paused the drill: a reply is queued and goes out after
// the resume (the banner says so). The Send button and Enter agree: both queue it.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DrillSeat } from '../../client/features/drill/DrillSeat.tsx';
import { appStore } from '../../client/store/index.ts';
import type { AppState } from '../../client/store/index.ts';
import { FakeTransport, info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

let transport: FakeTransport;
const initial: AppState = appStore.getState();

beforeEach(() => {
  window.matchMedia = ((query: string) => ({ matches: false, media: query, addEventListener: () => undefined, removeEventListener: () => undefined })) as unknown as typeof window.matchMedia;
  transport = new FakeTransport();
  appStore.getState().attachBackend({
    transport,
    api: { scenarios: () => Promise.resolve([]), context: () => new Promise(() => undefined), session: () => new Promise(() => undefined), ruleTexts: () => new Promise(() => undefined) },
  });
});
afterEach(() => {
  appStore.setState(initial, true);
});
const { host, render } = reactRoot();

function pausedSeat() {
  appStore.getState().netStarted(info('s9'));
  appStore.setState({
    connection: 'online',
    drillCode: '123456',
    seatPhase: 'seated',
    seats: { '123456': { code: '123456', drillId: 'd1', seatId: 'seat1', seatToken: 'tok', displayName: '小明', sessionIds: ['s9'] } },
    drillState: { drillId: 'd1', status: 'paused', locked: false, mode: 'practice', scenarios: [info().scenario], frozenAt: null, endsAt: null, clock: 0 },
  });
  render(<DrillSeat code="123456" />);
}

const send = () => [...host.querySelectorAll('button')].find((b) => b.textContent === '发送') as HTMLButtonElement;
const input = () => host.querySelector('textarea') as HTMLTextAreaElement;
const replies = () => transport.sent.filter((s) => s.event === 'reply:send').map((s) => s.body['text']);

describe('a paused drill seat', () => {
  it('queues a reply from the Send button as it does from Enter', () => {
    pausedSeat();
    expect(host.querySelector('.drill-banner.paused')).not.toBeNull();
    act(() => appStore.getState().setDraft('s9', '亲，在的'));
    expect(send().disabled).toBe(false);
    act(() => send().click());
    act(() => appStore.getState().setDraft('s9', '请稍等'));
    act(() => void input().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })));
    expect(replies()).toEqual(['亲，在的', '请稍等']);
  });
});
