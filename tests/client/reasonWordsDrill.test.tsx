// @vitest-environment jsdom
// A refused drill event is worded by the server's stable `reason` (server/protocol/drillEvents.ts
// DrillErrorReason), in the page's language: the trainee's join page and the trainer's drill room,
// tiles and reveal show the page's own words, in zh-CN and en, and never the server's English
// message; a reason the page does not know gets a general sentence (the message goes to the console).
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DrillSeat } from '../../client/features/drill/DrillSeat.tsx';
import { drillRefusalText } from '../../client/features/drill/strings.ts';
import { DrillRoom } from '../../client/features/trainer/DrillRoom.tsx';
import { RevealPanel } from '../../client/features/trainer/RevealPanel.tsx';
import { TileCard } from '../../client/features/trainer/TileCard.tsx';
import type { DrillRefusal } from '../../client/store/drillSlice.ts';
import { appStore } from '../../client/store/index.ts';
import type { LiveDrill, TrainerBackend } from '../../client/store/trainerSlice.ts';
import type { Lang } from '../../client/store/types.ts';
import type { DrillErrorReason } from '../../server/protocol/index.ts';
import { byLabel, byRole } from './a11y.ts';
import { fakeTile, fakeTrainerBackend, info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

/** The English message a refusal carries: it must never reach the page. */
const ENGLISH = 'SERVER ENGLISH: for the logs only';
const refusal = (code: string, reason?: string): DrillRefusal => ({ code, ...(reason ? { reason } : {}), message: ENGLISH }) as DrillRefusal;

// Every reason the server words a trainee's refusal with, with the code it comes under.
const TRAINEE: [DrillErrorReason, string][] = [
  ['no-such-code', 'not-found'],
  ['too-many-wrong-codes', 'rate-limited'],
  ['locked', 'drill-locked'],
  ['full', 'drill-full'],
  ['too-many-joins', 'rate-limited'],
  ['removed', 'forbidden'],
  ['bad-seat-token', 'unauthorized'],
  ['no-seat', 'forbidden'],
  ['not-your-session', 'forbidden'],
  ['paused', 'paused'],
  ['moving', 'unavailable'],
  ['too-many-events', 'rate-limited'],
];

const TRAINER: [DrillErrorReason, string][] = [
  ['not-logged-in', 'unauthorized'],
  ['not-your-drill', 'forbidden'],
  ['ended', 'drill-not-running'],
  ['ending', 'drill-not-running'],
  ['already-started', 'drill-not-running'],
  ['not-running', 'drill-not-running'],
  ['not-paused', 'drill-not-running'],
  ['not-started', 'drill-not-running'],
  ['no-reveal', 'drill-not-running'],
  ['unknown-scenario', 'bad-request'],
  ['no-such-seat', 'not-found'],
  ['no-session-yet', 'not-found'],
  ['scenario-unavailable', 'not-found'],
  ['moving', 'unavailable'],
  ['too-many-events', 'rate-limited'],
];

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  act(() => appStore.getState().setLang('zh-CN'));
  appStore.setState({ drillTransport: null, drillCode: null, seatPhase: 'none', seatError: null, trainerBackend: null, live: null, liveReveal: null });
  warn.mockRestore();
});
const { host, render, remount } = reactRoot();

const setLang = (lang: Lang) => act(() => appStore.getState().setLang(lang));
const alertText = () => host.querySelector('[role="alert"]')?.textContent ?? '';
/** zh-CN text has no Latin words in it (a scenarios/ path or a digit would be fine; none is used here). */
const noLatin = (text: string) => expect(text).not.toMatch(/[A-Za-z]{2,}/);

describe("the trainee's words for each refusal", () => {
  it('has its own words for every reason, in both languages, never the message and never the general sentence', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const general = drillRefusalText(lang, refusal('made-up-code', 'made-up-reason'));
      const seen = new Set<string>();
      for (const [reason, code] of TRAINEE) {
        const text = drillRefusalText(lang, refusal(code, reason));
        expect(text, reason).not.toContain(ENGLISH);
        expect(text, reason).not.toBe(general);
        if (lang === 'zh-CN') noLatin(text);
        seen.add(text);
      }
      expect(seen.size).toBe(TRAINEE.length);
    }
  });

  it('words the drill codes that come without a reason, and a reason it does not know generally (logging the message)', () => {
    expect(drillRefusalText('zh-CN', refusal('drill-full'))).toBe('这场演练的座位已经坐满了');
    expect(drillRefusalText('zh-CN', refusal('drill-locked'))).toBe('老师已经关闭入场，现在不能加入');
    expect(drillRefusalText('en', refusal('offline'))).toBe('cannot reach the server; check the network and try again');
    const unknown = refusal('forbidden', 'some-new-reason');
    expect(drillRefusalText('zh-CN', unknown)).toBe('服务器没有接受这个请求，请稍后再试');
    expect(drillRefusalText('en', unknown)).toBe('the server did not accept that; try again later');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain(ENGLISH);
  });
});

describe('the join page', () => {
  let answer: DrillRefusal;
  beforeEach(() => {
    appStore.getState().attachDrillTransport({ join: () => Promise.resolve({ ok: false, error: answer as never }), rejoin: () => undefined, leave: () => undefined, check: () => Promise.resolve({ ok: true, data: { status: 'open' } }) });
  });

  /** The page checks the code before it asks for a name: the form follows the check's answer. */
  async function renderChecked() {
    render(<DrillSeat code="123456" />);
    await act(async () => undefined);
  }

  async function join() {
    const input = byLabel(host, appStore.getState().lang === 'en' ? 'Your display name' : '你的昵称');
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, '小明');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => (byRole(host, 'button', appStore.getState().lang === 'en' ? 'Take a seat' : '进入演练') as HTMLButtonElement).click());
  }

  it('says why a join was refused in the page language, for every reason a join gets', async () => {
    await renderChecked();
    for (const [reason, code] of TRAINEE) {
      answer = refusal(code, reason);
      setLang('zh-CN');
      await join();
      expect(alertText()).toBe(`没能加入：${drillRefusalText('zh-CN', answer)}`);
      noLatin(alertText());
      setLang('en');
      expect(alertText()).toBe(`Could not join: ${drillRefusalText('en', answer)}`);
      expect(alertText()).not.toContain(ENGLISH);
    }
  });

  it('words the closed doors and a full drill exactly', async () => {
    await renderChecked();
    answer = refusal('drill-locked', 'locked');
    await join();
    expect(alertText()).toBe('没能加入：老师已经关闭入场，现在不能加入');
    answer = refusal('drill-full', 'full');
    await join();
    expect(alertText()).toBe('没能加入：这场演练的座位已经坐满了');
    setLang('en');
    expect(alertText()).toBe('Could not join: every seat in this drill is taken');
  });

  it('says why an earlier seat no longer works, and a reason it does not know generally', async () => {
    await renderChecked();
    act(() => appStore.getState().netSeatFailed(refusal('unauthorized', 'bad-seat-token'), true));
    expect(alertText()).toBe('之前的座位已失效：保存的座位已经找不到了，请重新加入');
    setLang('en');
    expect(alertText()).toBe('Your earlier seat no longer works: your saved seat no longer exists; join again');
    act(() => appStore.getState().netSeatFailed(refusal('internal', 'brand-new'), true));
    expect(alertText()).toBe('Your earlier seat no longer works: the server did not accept that; try again later');
    setLang('zh-CN');
    expect(alertText()).toBe('之前的座位已失效：服务器没有接受这个请求，请稍后再试');
  });
});

const CLOCK = 1_000_000;
const tile = fakeTile();

function live(status: LiveDrill['state']['status']): LiveDrill {
  const state = { drillId: 'd1', status, locked: false, mode: 'exam' as const, scenarios: [info().scenario], frozenAt: null, endsAt: null, clock: CLOCK };
  return { drillId: 'd1', code: '123456', joinUrl: '', state, clockAt: Date.now(), tiles: { seat1: tile }, order: ['seat1'], heat: [], moves: ['bargainer/ask'], moveLabels: {} };
}

function backend(send: (name: string) => DrillRefusal | null): void {
  appStore.setState({
    trainerBackend: fakeTrainerBackend({
      send: ((name: string) => {
        const error = send(name);
        const now = live('running');
        const snapshot = { state: now.state, code: now.code, joinUrl: now.joinUrl, qrSvg: '', tiles: [tile], heat: [], moves: now.moves, moveLabels: {} };
        return Promise.resolve(error ? { ok: false, error } : { ok: true, data: name === 'drill:attach' ? snapshot : tile });
      }) as TrainerBackend['send'],
    }),
  });
}

const click = async (name: string) => act(async () => (byRole(host, 'button', name) as HTMLButtonElement).click());
// Removing a seat asks first, in the tile; the trainer says yes.
const removeSeat = async () => {
  await click('移出 小明');
  await act(async () => (host.querySelector('[data-testid="tile-remove-confirm"] .btn-primary') as HTMLButtonElement).click());
};

describe("the trainer's words for each refusal", () => {
  it('a refused remove on a tile says why, for every trainer reason, in zh-CN and en', async () => {
    let answer = refusal('forbidden');
    backend(() => answer);
    appStore.setState({ live: live('running') });
    render(<TileCard tile={tile} />);
    const seen = { zh: new Set<string>(), en: new Set<string>() };
    for (const [reason, code] of TRAINER) {
      answer = refusal(code, reason);
      setLang('zh-CN');
      await removeSeat();
      const zh = alertText();
      expect(zh, reason).toMatch(/^操作失败：/);
      expect(zh, reason).not.toBe('操作失败：服务器没有接受这个操作，请稍后再试');
      noLatin(zh);
      seen.zh.add(zh);
      setLang('en');
      const en = alertText();
      expect(en, reason).toMatch(/^That did not work: /);
      expect(en, reason).not.toContain(ENGLISH);
      expect(en, reason).not.toBe('That did not work: the server did not accept that; try again later');
      seen.en.add(en);
    }
    // not-logged-in is said like any lost login; every other reason has words of its own
    expect(seen.zh.size).toBe(TRAINER.length);
    expect(seen.en.size).toBe(TRAINER.length);
    expect(warn).not.toHaveBeenCalled();
  });

  it('words a few exactly, and a reason it does not know generally', async () => {
    let answer = refusal('not-found', 'no-such-seat');
    backend(() => answer);
    appStore.setState({ live: live('running') });
    render(<TileCard tile={tile} />);
    await removeSeat();
    expect(alertText()).toBe('操作失败：这场演练里没有这位学员');
    answer = refusal('unavailable', 'moving');
    await removeSeat();
    expect(alertText()).toBe('操作失败：演练正在转到另一台服务器，请稍等片刻再试');
    answer = refusal('forbidden', 'a-reason-from-the-future');
    await removeSeat();
    expect(alertText()).toBe('操作失败：服务器没有接受这个操作，请稍后再试');
    setLang('en');
    expect(alertText()).toBe('That did not work: the server did not accept that; try again later');
    expect(warn).toHaveBeenCalled();
  });

  it("the drill room says why it cannot follow a drill (another trainer's), and its controls why they were refused", async () => {
    let attach: DrillRefusal | null = refusal('forbidden', 'not-your-drill');
    backend((name) => (name === 'drill:attach' ? attach : refusal('drill-not-running', 'not-running')));
    await act(async () => render(<DrillRoom drillId="d1" />));
    expect(alertText()).toBe('操作失败：这场演练不是你开的，或者已经不存在了');
    setLang('en');
    expect(alertText()).toBe('That did not work: this drill is not yours, or it no longer exists');
    expect(host.textContent).not.toContain(ENGLISH);

    remount();
    setLang('zh-CN');
    attach = null;
    appStore.setState({ live: live('running') });
    await act(async () => render(<DrillRoom drillId="d1" />));
    await click('暂停');
    expect(alertText()).toBe('操作失败：演练没有在进行，不能暂停');
    setLang('en');
    expect(alertText()).toBe('That did not work: the drill is not running, so it cannot be paused');
  });

  it('the reveal panel says why a freeze was refused, in the page language', async () => {
    backend(() => refusal('drill-not-running', 'not-started'));
    appStore.setState({ live: live('running') });
    render(<RevealPanel />);
    await click('冻结并收集回复');
    expect(alertText()).toBe('操作失败：演练开始以后才能做全班对比');
    setLang('en');
    expect(alertText()).toBe('That did not work: a class reveal needs a started drill');
  });
});
