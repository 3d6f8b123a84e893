// @vitest-environment jsdom
// A drill seat's chat while the trainer has paused the drill: a reply is queued and goes out after
// the resume (the banner says so). The Send button and Enter agree: both queue it.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DrillSeat } from '../../client/features/drill/DrillSeat.tsx';
import { appStore } from '../../client/store/index.ts';
import type { AppState } from '../../client/store/index.ts';
import { drillStateOf, FakeTransport, seatInDrill } from './fakes.ts';
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
  seatInDrill(drillStateOf({ status: 'paused' }));
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
