import { describe, expect, it } from 'vitest';
import { nextDeadline, SessionError, sessionAt, sessionReport, startSession, step } from '../../../server/engine/index.ts';
import type { SessionEffect, SessionState } from '../../../server/engine/index.ts';
import { compiled } from './fixture.ts';

const c = compiled();
const buyerTexts = (effects: SessionEffect[]) => effects.flatMap((e) => (e.type === 'message' && e.message.from === 'buyer' ? [e.message.text] : []));

function start(seed = 7, speed = 0): SessionState {
  return startSession(c, { seed, now: 0, speed }).state;
}

describe('startSession', () => {
  it('opens with the initial move, one seeded variant, due at once', () => {
    const { state, effects } = startSession(c, { seed: 7, now: 1000, speed: 1 });
    expect(state.machine.value).toBe('ask');
    expect(buyerTexts(effects)).toHaveLength(1);
    expect(['这双登山靴能便宜点吗?', '登山靴还能优惠吗?']).toContain(buyerTexts(effects)[0]);
    expect(state.messages[0]?.at).toBe(1000);
    expect(state.visit).toBe(1);
  });

  it('picks different variants for different seeds and the same for the same seed', () => {
    const texts = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) texts.add(startSession(c, { seed, now: 0 }).state.messages[0]?.text ?? '');
    expect(texts.size).toBe(2);
    expect(startSession(c, { seed: 5, now: 0 }).state).toEqual(startSession(c, { seed: 5, now: 0 }).state);
  });

  it('arms the nudge deadline from the last buyer line', () => {
    expect(nextDeadline(start())).toBe(30_000);
  });
});

describe('step: replies drive the persona', () => {
  it('a refusal moves on, the buyer sends an unsafe link and a file', () => {
    const { state, effects } = step(c, start(), { type: 'reply', text: '亲，真的不能再便宜了' }, 4000);
    expect(state.machine.value).toBe('link');
    expect(state.machine.context['patience']).toBe(1);
    expect(buyerTexts(effects)).toHaveLength(2);
    expect(state.offered).toEqual({ unsafeLink: true, file: true });
    expect(state.openFileOffers).toHaveLength(1);
  });

  it('a concession ends in a purchase and fails the scenario rule at that turn', () => {
    const { state, effects } = step(c, start(), { type: 'reply', text: '可以便宜10块' }, 4000);
    expect(state.outcome).toMatchObject({ kind: 'purchased', state: 'bought-cheap', success: true });
    const verdicts = effects.flatMap((e) => (e.type === 'verdicts' ? e.verdicts : []));
    expect(verdicts.find((v) => v.rule === 'no-discount')?.verdict).toBe('fail');
    expect(nextDeadline(state)).toBeNull();
  });

  it('an unmatched reply stays in the move and the buyer presses', () => {
    const { state, effects } = step(c, start(), { type: 'reply', text: '这个嘛' }, 2000);
    expect(state.machine.value).toBe('ask');
    expect(buyerTexts(effects)).toHaveLength(1);
    expect(state.machine.context['patience']).toBe(1);
  });

  it('a product card is an action the buyer can react to', () => {
    const { state, effects } = step(c, start(), { type: 'card-sent', product: 'wool-socks' }, 2000);
    expect(state.messages.at(-2)?.attachment).toEqual({ kind: 'product-card', product: 'wool-socks' });
    expect(buyerTexts(effects)).toEqual(['袜子不错']);
  });

  it('opening the unsafe link is a red line and the phisher wins', () => {
    const atLink = step(c, start(), { type: 'reply', text: '不能便宜哦' }, 2000).state;
    const link = atLink.messages.find((m) => m.attachment?.kind === 'link');
    const { state } = step(c, atLink, { type: 'link-opened', messageId: link?.id ?? '' }, 5000);
    expect(state.outcome?.kind).toBe('scammed');
    const report = sessionReport(c, step(c, state, { type: 'end' }, 6000).state);
    expect(report.redLines).toContain('no-phishing-link-click');
    expect(report.passed).toBe(false);
  });

  it('the guard on patience sends the buyer away', () => {
    let s = step(c, start(), { type: 'reply', text: '不能便宜哦' }, 2000).state;
    s = step(c, s, { type: 'reply', text: '嗯' }, 4000).state;
    expect(s.outcome?.kind).toBe('left');
  });
});

describe('step: impossible events change nothing', () => {
  it.each([
    [{ type: 'reply', text: '   ' }, 'empty-reply'],
    [{ type: 'link-opened', messageId: 'm1' }, 'no-such-link'],
    [{ type: 'file-accepted' }, 'no-file-offer'],
    [{ type: 'card-sent', product: 'no-such' }, 'no-such-product'],
    [{ type: 'coupon-sent', coupon: 'nope' }, 'no-such-coupon'],
  ] as const)('%j -> %s', (event, code) => {
    const s = start();
    const before = JSON.stringify(s);
    expect(() => step(c, s, event, 1000)).toThrow(SessionError);
    try {
      step(c, s, event, 1000);
    } catch (err) {
      expect((err as SessionError).code).toBe(code);
    }
    expect(JSON.stringify(s)).toBe(before);
  });

  it('nothing is accepted after the end', () => {
    const ended = step(c, start(), { type: 'end' }, 1000).state;
    expect(() => step(c, ended, { type: 'reply', text: '你好' }, 2000)).toThrow(/ended/);
  });

  it('a file offer not yet delivered cannot be answered', () => {
    const s = step(c, start(0, 1), { type: 'reply', text: '不能便宜哦' }, 2000).state;
    expect(() => step(c, s, { type: 'file-declined' }, 2001)).toThrow(SessionError);
    const due = s.messages.find((m) => m.attachment?.kind === 'file')?.at ?? 0;
    expect(step(c, s, { type: 'file-declined' }, due).state.openFileOffers).toEqual([]);
  });
});

describe('silence: nudge, then the buyer leaves', () => {
  it('ticks before the deadline do nothing', () => {
    const s = start();
    expect(step(c, s, { type: 'tick' }, 29_999).state).toEqual(s);
  });

  it('nudges at the first deadline and leaves at the second', () => {
    const nudged = step(c, start(), { type: 'tick' }, 30_000);
    expect(['在吗?', '人呢?']).toContain(buyerTexts(nudged.effects)[0]);
    expect(nextDeadline(nudged.state)).toBe(90_000);
    const left = step(c, nudged.state, { type: 'tick' }, 90_000);
    expect(left.state.outcome).toMatchObject({ kind: 'left', success: false });
    expect(left.state.waited).toEqual({ nudges: 1, left: true });
    expect(buyerTexts(left.effects)).toEqual(['算了不买了']);
    const report = sessionReport(c, step(c, left.state, { type: 'end' }, 91_000).state);
    expect(report.rules.find((r) => r.rule === 'no-buyer-waiting')?.verdict).toBe('fail');
    expect(report.rules.find((r) => r.rule === 'good-outcome')?.verdict).toBe('fail');
  });

  it('a late tick takes the nudge and the leave in order', () => {
    const { state } = step(c, start(), { type: 'tick' }, 500_000);
    expect(state.messages.map((m) => m.text).slice(1)).toHaveLength(2);
    expect(state.outcome?.kind).toBe('left');
  });

  it('a reply resets the silence clock', () => {
    const s = step(c, start(), { type: 'reply', text: '这个嘛' }, 20_000).state;
    expect(nextDeadline(s)).toBe(20_000 + 30_000);
  });
});

describe('pacing', () => {
  it('lines are typed after a moment to read, one after another', () => {
    const { state } = step(c, start(1, 1), { type: 'reply', text: '不能便宜哦' }, 10_000);
    const [a, b] = state.messages.filter((m) => m.from === 'buyer').slice(1);
    expect(a && a.typingAt! >= 10_000 && a.at > a.typingAt!).toBe(true);
    expect(b && b.typingAt! > a!.at && b.at > b.typingAt!).toBe(true);
  });

  it('speed 0 delivers everything at once', () => {
    const { state } = step(c, start(1, 0), { type: 'reply', text: '不能便宜哦' }, 10_000);
    expect(state.messages.filter((m) => m.from === 'buyer').slice(1).every((m) => m.at === 10_000)).toBe(true);
  });
});

describe('response times feed the KPIs', () => {
  it('measures each reply from the buyer line it answers', () => {
    let s = start();
    s = step(c, s, { type: 'reply', text: '这个嘛' }, 7000).state;
    s = step(c, s, { type: 'reply', text: '亲' }, 9000).state;
    s = step(c, s, { type: 'end' }, 10_000).state;
    expect(sessionReport(c, s).kpis).toMatchObject({ firstResponseMs: 7000, avgResponseMs: 4500, longestResponseMs: 7000, replies: 2 });
  });

  it('a nudge does not restart the clock: the wait counts from the line the buyer was waiting on', () => {
    let s = step(c, start(), { type: 'tick' }, 30_000).state;
    expect(s.messages.at(-1)?.at).toBe(30_000);
    s = step(c, s, { type: 'reply', text: '这个嘛' }, 40_000).state;
    s = step(c, s, { type: 'reply', text: '亲' }, 43_000).state;
    s = step(c, s, { type: 'end' }, 44_000).state;
    // 40 s waited for the first reply (not the 10 s since the nudge); the next one 3 s, as before.
    expect(sessionReport(c, s).kpis).toMatchObject({ firstResponseMs: 40_000, longestResponseMs: 40_000, avgResponseMs: 21_500, replies: 2 });
    expect(sessionReport(c, s).rules.find((r) => r.rule === 'first-response-time')?.verdict).toBe('fail');
  });

  it('a session of rubric revision 1 keeps its old measure: the nudge restarted the clock', () => {
    let s = step(c, startSession(c, { seed: 7, now: 0, speed: 0, rulesRevision: 1 }).state, { type: 'tick' }, 30_000).state;
    s = step(c, s, { type: 'reply', text: '这个嘛' }, 40_000).state;
    s = step(c, s, { type: 'end' }, 41_000).state;
    expect(sessionReport(c, s).kpis).toMatchObject({ firstResponseMs: 10_000 });
  });

  it('a second message in a row, with no buyer line between, is not a response', () => {
    let s = sessionAt(c, 'link', { patience: 2 });
    s = step(c, s, { type: 'reply', text: '嗯嗯' }, 3000).state;
    s = step(c, s, { type: 'reply', text: '还在吗' }, 5000).state;
    s = step(c, s, { type: 'end' }, 6000).state;
    expect(sessionReport(c, s).kpis).toMatchObject({ firstResponseMs: 3000, avgResponseMs: 3000, replies: 2 });
  });
});
