// Server events folded into a session: order, duplicates, unread counts, replays, the end.
import { describe, expect, it } from 'vitest';
import { applyEvent, fromSaved, newSession, toSaved, waitingSince, withMessage } from '../../client/store/sessionReducer.ts';
import type { ChatSession, DeliveredEvent, VerdictMark } from '../../client/store/types.ts';
import { buyerLine, info, traineeLine } from './fakes.ts';

const ev = (e: DeliveredEvent) => e;
const base = (): ChatSession => newSession(info(), 0);

describe('withMessage', () => {
  it('keeps transcript order by message number and ignores a message it already has', () => {
    const a = withMessage([], buyerLine('m2', 'b'));
    const b = withMessage(a, buyerLine('m10', 'c'));
    const c = withMessage(b, buyerLine('m1', 'a'));
    expect(c.map((m) => m.id)).toEqual(['m1', 'm2', 'm10']);
    expect(withMessage(c, buyerLine('m2', 'again'))).toBe(c);
  });

  it('puts a reply sent while the buyer was typing before her lines that appeared after it', () => {
    // m5 and m6 were typed from 18 s and 21 s; the trainee's second reply (m7) went out at 17.3 s.
    const typed = [buyerLine('m5', '能便宜点吗', 18_000), buyerLine('m6', '两双呢', 21_000)];
    const shown = withMessage(typed, traineeLine('m7', '今天下单今天发货', 17_300));
    expect(shown.map((m) => m.id)).toEqual(['m7', 'm5', 'm6']);
  });
});

describe('applyEvent', () => {
  it('shows typing until the line it announced arrives', () => {
    let s = applyEvent(base(), ev({ name: 'buyer:typing', payload: { sessionId: 's1', seq: 1, messageId: 'm1', at: 0, until: 900 } }), true);
    expect(s.typing).toEqual({ messageId: 'm1', until: 900 });
    s = applyEvent(s, ev({ name: 'buyer:say', payload: { sessionId: 's1', seq: 2, message: buyerLine('m1', '在吗') } }), true);
    expect(s.typing).toBeNull();
    expect(s.messages).toHaveLength(1);
  });

  it('counts unread buyer lines only for a chat not on screen, and not for a replay', () => {
    let s = applyEvent(base(), ev({ name: 'buyer:say', payload: { sessionId: 's1', seq: 1, message: buyerLine('m1', 'a') } }), false);
    expect(s.unread).toBe(1);
    s = applyEvent(s, ev({ name: 'buyer:say', payload: { sessionId: 's1', seq: 2, message: buyerLine('m2', 'b') } }), true);
    expect(s.unread).toBe(1);
    const replaying = { ...base(), replayUntil: 5 };
    expect(applyEvent(replaying, ev({ name: 'buyer:say', payload: { sessionId: 's1', seq: 3, message: buyerLine('m1', 'a') } }), false).unread).toBe(0);
  });

  it('maps a trainee line to the clientMsgId it answers, and merges verdicts by rule', () => {
    let s = applyEvent(base(), ev({ name: 'trainee:say', payload: { sessionId: 's1', seq: 1, clientMsgId: 'c1', message: traineeLine('m3', '亲') } }), true);
    expect(s.byClientId).toEqual({ c1: 'm3' });
    // Marks: the rule by id, its texts fetched once per rubric.
    const verdict: VerdictMark = { rule: 'greeting', category: 'politeness', verdict: 'pass', redLine: false, points: 5, max: 5 };
    s = applyEvent(s, ev({ name: 'verdict:add', payload: { sessionId: 's1', seq: 2, messageId: 'm3', verdicts: [verdict] } }), true);
    s = applyEvent(s, ev({ name: 'verdict:add', payload: { sessionId: 's1', seq: 3, messageId: 'm3', verdicts: [{ ...verdict, verdict: 'fail', points: 0 }] } }), true);
    expect(s.verdicts['m3']).toEqual([{ ...verdict, verdict: 'fail', points: 0 }]);
  });

  it('ends with the report: score, pass, outcome', () => {
    const report = { score: 82, passed: true, passMark: 70, redLines: [], rules: [], categories: [], kpis: { firstResponseMs: 1, avgResponseMs: 1, longestResponseMs: 1, replies: 1, outcome: 'purchased' as const } };
    let s = applyEvent(base(), ev({ name: 'session:outcome', payload: { sessionId: 's1', seq: 1, outcome: { kind: 'purchased', state: 'paid', success: true } } }), true);
    expect(waitingSince(s)).toBeNull();
    s = applyEvent(s, ev({ name: 'session:report', payload: { sessionId: 's1', seq: 2, report, outcome: null } }), true);
    expect(s).toMatchObject({ ended: true, score: 82, passed: true, outcome: { kind: 'purchased' } });
    expect(toSaved(s)).toMatchObject({ id: 's1', ended: true, score: 82, outcome: 'purchased' });
    expect(fromSaved(toSaved(s))).toMatchObject({ id: 's1', ended: true, score: 82, status: 'live', messages: [] });
  });

  it('knows the rubric key from the server’s answer; a session this browser remembers has none until resumed', () => {
    expect(base().rubric).toBe('rubric-bargainer-1');
    const remembered = fromSaved(toSaved(base()));
    expect(remembered.rubric).toBeUndefined();
    expect('rubric' in toSaved(base())).toBe(false);
  });
});

describe('waitingSince', () => {
  it('is the first buyer line the trainee has not answered yet', () => {
    const s = { ...base(), messages: [buyerLine('m1', 'a', 100), buyerLine('m2', 'b', 300)] };
    expect(waitingSince(s)).toBe(100);
    const answered = { ...s, messages: [...s.messages, traineeLine('m3', 'c', 400)] };
    expect(waitingSince(answered)).toBeNull();
    expect(waitingSince({ ...answered, messages: [...answered.messages, buyerLine('m4', 'd', 500), buyerLine('m5', 'e', 600)] })).toBe(500);
  });
});
