import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScript, playScript, ScriptError, startSession, step, toScoreJson } from '../../../server/engine/index.ts';
import type { SessionEvent } from '../../../server/engine/index.ts';
import { compiled } from './fixture.ts';

const c = compiled();

describe('parseScript: one clear line for a bad script', () => {
  it.each([
    ['{not json', /not valid JSON/],
    ['{"turns": [{"do": "dance"}]}', /^turn 1: unknown or incomplete action "dance"/],
    ['{"turns": [{"say": 12}]}', /^turn 1: "say" must be text/],
    ['{"turns": [{"say": "hi", "afterMs": -5}]}', /^turn 1:/],
    ['{"turns": [{"do": "send-card"}]}', /^turn 1: unknown or incomplete action "send-card"/],
    ['{"turns": [{}]}', /^turn 1: a turn needs "say" or "do"/],
    ['[]', /^script:/],
    ['{"turns": [], "extra": 1}', /^script:/],
  ])('%s', (text, message) => {
    expect(() => parseScript(text)).toThrow(ScriptError);
    expect(() => parseScript(text)).toThrow(message);
  });
});

describe('playScript', () => {
  const skilled = parseScript(JSON.stringify({ turns: [{ say: '亲，您好，这已经是活动价，不能再便宜了，请谅解', afterMs: 3000 }, { say: '亲，链接不方便打开，麻烦发个截图给我', afterMs: 4000 }] }));

  it('plays to an outcome and reports it', () => {
    const run = playScript(c, skilled, 3);
    expect(run.state.outcome?.kind).toBe('purchased');
    expect(run.state.ended).toBe(true);
    const json = toScoreJson(c, run);
    expect(json).toMatchObject({ scenario: 'mini-haggle', version: 3, seed: 3, outcome: 'purchased' });
    expect(json.kpis.firstResponseMs).toBe(3000);
    expect(json.transcript.map((m) => m.from)).toEqual(['buyer', 'trainee', 'buyer', 'buyer', 'trainee', 'buyer']);
    expect(json.rules.find((r) => r.id === 'no-discount')?.verdict).toBe('pass');
  });

  it('is deterministic: same scenario, seed and script give an identical report', () => {
    expect(JSON.stringify(toScoreJson(c, playScript(c, skilled, 11)))).toBe(JSON.stringify(toScoreJson(c, playScript(c, skilled, 11))));
  });

  it('replies after the outcome are still scored, the buyer says no more', () => {
    const run = playScript(c, parseScript('{"turns": [{"say": "可以便宜"}, {"say": "亲，谢谢惠顾"}]}'), 1);
    expect(run.state.outcome?.kind).toBe('purchased');
    expect(run.report.kpis.replies).toBe(2);
  });

  it('a long silence makes the buyer nudge, then leave, before the turn', () => {
    const run = playScript(c, parseScript('{"turns": [{"say": "在的", "afterMs": 200000}]}'), 1);
    expect(run.state.outcome?.kind).toBe('left');
  });

  it.each([
    ['{"turns": [{"do": "click-link"}]}', 'turn 1: there is no link from the buyer to open'],
    ['{"turns": [{"do": "accept-file"}]}', 'turn 1: the buyer has not offered a file to answer'],
    ['{"turns": [{"say": "  "}]}', 'turn 1: a reply cannot be empty'],
    ['{"turns": [{"do": "send-card", "product": "ghost"}]}', 'turn 1: the shop has no product "ghost"'],
  ])('an impossible turn is a ScriptError: %s', (text, message) => {
    expect(() => playScript(c, parseScript(text), 1)).toThrow(message);
  });
});

describe('replay determinism', () => {
  const eventArb = fc.oneof(
    fc.constantFrom<SessionEvent>({ type: 'reply', text: '不能便宜' }, { type: 'reply', text: '可以优惠' }, { type: 'reply', text: '发个截图吧' }, { type: 'reply', text: '嗯' }, { type: 'tick' }, { type: 'file-declined' }, { type: 'card-sent', product: 'wool-socks' }),
    fc.string({ maxLength: 20 }).map((text): SessionEvent => ({ type: 'reply', text })),
  );

  it('replaying the same event log from JSON-restored states gives the same transcript and report', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.array(fc.tuple(eventArb, fc.integer({ min: 0, max: 90_000 })), { maxLength: 12 }), (seed, log) => {
        const run = (roundTrip: boolean) => {
          let state = startSession(c, { seed, now: 0, speed: 1 }).state;
          let now = 0;
          for (const [event, gap] of log) {
            now += gap;
            try {
              state = step(c, roundTrip ? JSON.parse(JSON.stringify(state)) : state, event, now).state;
            } catch {
              // impossible events are rejected without changing the state, in both runs alike
            }
          }
          return JSON.stringify(state);
        };
        expect(run(true)).toBe(run(false));
      }),
      { numRuns: 150 },
    );
  });
});
