// Rubric revision 3, the timing of a chat: opening a link the buyer sent is invisible to her, so it
// does not answer her (her wait, the silence timer and the clock of the next reply go on); and a
// wait still open when the chat ends counts. Each behaviour is played under revision 3 and, with the
// same inputs, under revision 2, which must give what it always gave; an old log replays the same.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileScenario, nextDeadline, scenarioSchema, sessionAt, sessionReport, startSession, step } from '../../../server/engine/index.ts';
import type { CompiledScenario, Report, SessionEffect, SessionEvent, SessionState } from '../../../server/engine/index.ts';
import { compiled, lexicon, scenarioYaml, shop } from './fixture.ts';
import { END, reply, report as rubricReport, verdictOf } from '../rubric/fixtures.ts';

/** The fixture's haggler: nudges after 30 s, leaves 60 s later; its opening line is plain text. */
const c = compiled();

/** The same buyer, patient (nudge after 60 s, leave 60 s later), whose opening line links the boot. */
const patient: CompiledScenario = (() => {
  const yaml = scenarioYaml
    .replace('silence: { nudgeAfter: 30,', 'silence: { nudgeAfter: 60,')
    .replace(
      '      - [这双登山靴能便宜点吗?, 登山靴还能优惠吗?]',
      '      - variants: [这双登山靴能便宜点吗?, 登山靴还能优惠吗?]\n        attachment: { kind: product-link, product: trail-boot }',
    );
  return compileScenario({ scenario: scenarioSchema.parse(parse(yaml)), shop, lexicon });
})();

type Log = (readonly [SessionEvent, number])[];

/** A session (seed 7, buyer lines instant) under a rubric revision, stepped through a log. */
function play(compiledScenario: CompiledScenario, rulesRevision: number, log: Log, from?: SessionState): SessionState {
  let state = from ?? startSession(compiledScenario, { seed: 7, now: 0, speed: 0, rulesRevision }).state;
  for (const [event, at] of log) state = step(compiledScenario, state, event, at).state;
  return state;
}

/** Like the runtime: the silence deadlines due by `until` fire (as ticks at their own time) first. */
function ticksUntil(compiledScenario: CompiledScenario, state: SessionState, until: number): SessionState {
  let s = state;
  for (let d = nextDeadline(s); d !== null && d <= until; d = nextDeadline(s)) s = step(compiledScenario, s, { type: 'tick' }, d).state;
  return s;
}

const verdict = (r: Report, rule: string) => r.rules.find((v) => v.rule === rule);
const kpisOf = (compiledScenario: CompiledScenario, s: SessionState) => sessionReport(compiledScenario, s).kpis;
const OPEN_LINK: SessionEvent = { type: 'link-opened', messageId: 'm1' };

describe('revision 3: opening a link the buyer sent does not answer her', () => {
  // The buyer asks at 0 s; the trainee opens her link at 4 s and answers at 34 s, then again at 36 s.
  const log: Log = [[OPEN_LINK, 4000], [{ type: 'reply', text: '在的' }, 34_000], [{ type: 'reply', text: '亲' }, 36_000], [{ type: 'end' }, 37_000]];

  it('the first reply keeps its response time: 34 s, and 首次响应及时 fails on it', () => {
    const s = play(patient, 3, log);
    expect(s.messages[1]).toMatchObject({ from: 'trainee', action: { kind: 'link-opened', target: 'm1' }, at: 4000 });
    const r = sessionReport(patient, s);
    expect(r.kpis).toMatchObject({ firstResponseMs: 34_000, avgResponseMs: 18_000, longestResponseMs: 34_000, replies: 2 });
    expect(verdict(r, 'first-response-time')).toMatchObject({ verdict: 'fail', turn: 2, evidence: '34.0s / 15s' });
  });

  it('revision 2, same inputs: the click took the clock, and the second reply passed 首次响应及时', () => {
    const s = play(patient, 2, log);
    const r = sessionReport(patient, s);
    expect(r.kpis).toMatchObject({ firstResponseMs: 2000, avgResponseMs: 2000, longestResponseMs: 2000, replies: 2 });
    expect(verdict(r, 'first-response-time')).toMatchObject({ verdict: 'pass', turn: 3 });
  });

  it('does not set lastTraineeAt nor move the silence deadline', () => {
    const at3 = play(patient, 3, [[OPEN_LINK, 20_000]]);
    expect(at3.lastTraineeAt).toBeNull();
    expect(nextDeadline(at3)).toBe(60_000);
    const at2 = play(patient, 2, [[OPEN_LINK, 20_000]]);
    expect(at2.lastTraineeAt).toBe(20_000);
    expect(nextDeadline(at2)).toBe(80_000);
  });

  it('the buyer nudges on time, and the reply after it counts from her question', () => {
    const run = (rev: number) => {
      const clicked = ticksUntil(patient, play(patient, rev, [[OPEN_LINK, 20_000]]), 70_000);
      return { clicked, ended: play(patient, rev, [[{ type: 'reply', text: '亲，在的' }, 70_000], [{ type: 'end' }, 71_000]], clicked) };
    };
    const v3 = run(3);
    expect(v3.clicked.waited.nudges).toBe(1);
    expect(v3.clicked.messages.at(-1)).toMatchObject({ from: 'buyer', at: 60_000 });
    const r3 = sessionReport(patient, v3.ended);
    expect(r3.kpis).toMatchObject({ firstResponseMs: 70_000, longestResponseMs: 70_000 });
    expect(verdict(r3, 'no-buyer-waiting')).toMatchObject({ verdict: 'fail', evidence: 'the buyer nudged 1×' });

    const v2 = run(2);
    expect(v2.clicked.waited.nudges).toBe(0);
    const r2 = sessionReport(patient, v2.ended);
    expect(r2.kpis).toMatchObject({ firstResponseMs: null, longestResponseMs: null });
    expect(verdict(r2, 'no-buyer-waiting')?.verdict).toBe('pass');
  });

  it('after a nudge, opening the link does not put off her leaving', () => {
    const nudged = ticksUntil(patient, play(patient, 3, []), 60_000);
    expect(nudged.silence).toMatchObject({ stage: 'nudged', deadline: 120_000, since: 0 });
    expect(play(patient, 3, [[OPEN_LINK, 100_000]], nudged).silence).toMatchObject({ stage: 'nudged', deadline: 120_000, since: 0 });
    const old = ticksUntil(patient, play(patient, 2, []), 60_000);
    expect(play(patient, 2, [[OPEN_LINK, 100_000]], old).silence).toEqual({ stage: 'waiting', deadline: 160_000 });
  });

  it('the machine still moves on it and the red line still judges it (the phisher wins)', () => {
    const atLink = sessionAt(c, 'link', { patience: 2 });
    const link = atLink.messages.find((m) => m.attachment?.kind === 'link');
    const s = step(c, atLink, { type: 'link-opened', messageId: link?.id ?? '' }, 5000).state;
    expect(s.rulesRevision).toBeGreaterThanOrEqual(3);
    expect(s.outcome?.kind).toBe('scammed');
    expect(nextDeadline(s)).toBeNull();
    const r = sessionReport(c, step(c, s, { type: 'end' }, 6000).state);
    expect(r.redLines).toContain('no-phishing-link-click');
  });

  const visible: [string, SessionEvent][] = [
    ['a product card', { type: 'card-sent', product: 'wool-socks' }],
    ['a coupon', { type: 'coupon-sent', coupon: 'ten-off' }],
    ['an address confirmation', { type: 'address-confirmed' }],
  ];
  it.each(visible)('%s is seen by the buyer: it answers her as before', (_what, event) => {
    for (const rev of [2, 3]) {
      const s = play(patient, rev, [[event, 20_000]]);
      expect(s.lastTraineeAt).toBe(20_000);
      expect(nextDeadline(s)).toBe(80_000);
    }
  });

  it.each(['file-accepted', 'file-declined'] as const)('answering a file offer (%s) is seen by the buyer', (type) => {
    for (const rev of [2, 3]) {
      const s = step(c, { ...sessionAt(c, 'link', { patience: 2 }), rulesRevision: rev }, { type }, 20_000).state;
      expect(s.lastTraineeAt).toBe(20_000);
      if (s.outcome === null) expect(nextDeadline(s)).toBe(50_000);
    }
  });
});

describe('revision 3: a wait still open at the end counts', () => {
  it('longer than the average limit, it is one more (slow) response: 「平均响应及时」 fails', () => {
    // Answered after 20 s; the buyer's next line then waits 55 s until the chat ends (a drill's time).
    const log: Log = [[{ type: 'reply', text: '亲，您好' }, 20_000], [{ type: 'end' }, 75_000]];
    const s3 = play(patient, 3, log);
    expect(s3.unanswered).toEqual({ waitMs: 55_000, nudgeDue: false });
    const r3 = sessionReport(patient, s3);
    expect(r3.kpis).toMatchObject({ firstResponseMs: 20_000, avgResponseMs: 37_500, longestResponseMs: 55_000, replies: 1 });
    expect(verdict(r3, 'avg-response-time')).toMatchObject({ verdict: 'fail', evidence: '37.5s / 30s' });
    // under the nudge time (60 s): she would not have asked 在吗 yet
    expect(verdict(r3, 'no-buyer-waiting')?.verdict).toBe('pass');

    const s2 = play(patient, 2, log);
    expect(s2).not.toHaveProperty('unanswered');
    const r2 = sessionReport(patient, s2);
    expect(r2.kpis).toMatchObject({ firstResponseMs: 20_000, avgResponseMs: 20_000, longestResponseMs: 20_000 });
    expect(verdict(r2, 'avg-response-time')?.verdict).toBe('pass');
  });

  it('as long as she would have waited before nudging: 「不让买家干等」 fails as if she had', () => {
    // The nudge is due at 33 s; the chat ends at that instant, before the buyer could ask 在吗.
    const log: Log = [[{ type: 'reply', text: '在的' }, 3000], [{ type: 'end' }, 33_000]];
    const s3 = play(c, 3, log);
    expect(s3.waited.nudges).toBe(0);
    expect(s3.unanswered).toEqual({ waitMs: 30_000, nudgeDue: true });
    const r3 = sessionReport(c, s3);
    expect(verdict(r3, 'no-buyer-waiting')).toMatchObject({ verdict: 'fail', evidence: 'the buyer waited 30.0s unanswered when the chat ended' });
    // 30 s is not longer than the average limit (30 s): not counted as a response
    expect(r3.kpis).toMatchObject({ avgResponseMs: 3000, longestResponseMs: 3000 });

    expect(verdict(sessionReport(c, play(c, 2, log)), 'no-buyer-waiting')?.verdict).toBe('pass');
    // a moment less, and she would still have been waiting patiently
    expect(verdict(sessionReport(c, play(c, 3, [[{ type: 'reply', text: '在的' }, 3000], [{ type: 'end' }, 32_999]])), 'no-buyer-waiting')?.verdict).toBe('pass');
  });

  it('counts from the line she waits on, not from her nudge', () => {
    const log = (rev: number) => ticksUntil(c, play(c, rev, [[{ type: 'reply', text: '在的' }, 3000]]), 45_000);
    const s3 = play(c, 3, [[{ type: 'end' }, 45_000]], log(3));
    expect(s3.waited.nudges).toBe(1);
    expect(s3.unanswered).toEqual({ waitMs: 42_000, nudgeDue: true });
    expect(kpisOf(c, s3)).toMatchObject({ avgResponseMs: 22_500, longestResponseMs: 42_000 });
    expect(kpisOf(c, play(c, 2, [[{ type: 'end' }, 45_000]], log(2)))).toMatchObject({ avgResponseMs: 3000, longestResponseMs: 3000 });
  });

  it('a short open wait is left out: the trainee may have been typing', () => {
    const s = play(c, 3, [[{ type: 'reply', text: '在的' }, 3000], [{ type: 'end' }, 13_000]]);
    expect(s.unanswered).toEqual({ waitMs: 10_000, nudgeDue: false });
    const r = sessionReport(c, s);
    expect(r.kpis).toMatchObject({ firstResponseMs: 3000, avgResponseMs: 3000, longestResponseMs: 3000 });
    expect(verdict(r, 'avg-response-time')?.verdict).toBe('pass');
    expect(verdict(r, 'no-buyer-waiting')?.verdict).toBe('pass');
  });

  it('nobody is waiting once the buyer reached an ending, or when the trainee had the last word', () => {
    const bought = play(c, 3, [[{ type: 'reply', text: '可以便宜10块' }, 4000], [{ type: 'end' }, 100_000]]);
    expect(bought.outcome?.kind).toBe('purchased');
    expect(bought).not.toHaveProperty('unanswered');
    expect(verdict(sessionReport(c, bought), 'no-buyer-waiting')?.verdict).toBe('pass');
    // in the link move a reply that takes nothing costs patience and draws no line: she has nothing to wait on
    const quiet = step(c, step(c, sessionAt(c, 'link', { patience: 2 }), { type: 'reply', text: '嗯嗯' }, 3000).state, { type: 'end' }, 90_000).state;
    expect(quiet.outcome).toBeNull();
    expect(quiet).not.toHaveProperty('unanswered');
  });

  it('an end long after a deadline the session never acted on (a removed drill seat, frozen) leaves the chat as it stood', () => {
    const before = play(c, 3, [[{ type: 'reply', text: '在的' }, 3000]]);
    expect(nextDeadline(before)).toBe(33_000);
    const ended = play(c, 3, [[{ type: 'end' }, 300_000]], before);
    expect(ended).not.toHaveProperty('unanswered');
    expect(sessionReport(c, ended)).toEqual(sessionReport(c, before));
  });

  it('a chat that stood still (a removed drill seat) is measured up to then, even when the drill ends before her deadline', () => {
    // Removed 5 s after the buyer's line (stood still at 25 s); the drill ends at 75 s, before her 60 s nudge time.
    const frozen = play(patient, 3, [[{ type: 'reply', text: '亲，您好' }, 20_000], [{ type: 'end', stoodStillAt: 25_000 }, 75_000]]);
    expect(frozen.unanswered).toEqual({ waitMs: 5_000, nudgeDue: false });
    const asItStood = play(patient, 3, [[{ type: 'reply', text: '亲，您好' }, 20_000], [{ type: 'end' }, 25_000]]);
    expect(sessionReport(patient, frozen)).toEqual(sessionReport(patient, asItStood));
    // without the time it stood still from, the 55 s count as a wait (as in the test above)
    expect(play(patient, 3, [[{ type: 'reply', text: '亲，您好' }, 20_000], [{ type: 'end' }, 75_000]]).unanswered).toEqual({ waitMs: 55_000, nudgeDue: false });
  });

  it('a chat whose only wait is the open one: 首次响应及时 fails on it (rubric)', () => {
    // An earlier turn had no buyer line to answer; the buyer then waited 40 s with no answer.
    const steps = [reply('亲，您好', { responseMs: null })];
    const open = rubricReport(steps, {}, { ...END, unanswered: { waitMs: 40_000, nudgeDue: false } });
    expect(verdictOf(open, 'first-response-time')).toMatchObject({ verdict: 'fail', evidence: '40.0s / 15s' });
    expect(open.kpis).toMatchObject({ firstResponseMs: 40_000, avgResponseMs: 40_000, longestResponseMs: 40_000 });
    // not longer than the average limit: nothing is known about that response
    const short = rubricReport(steps, {}, { ...END, unanswered: { waitMs: 20_000, nudgeDue: false } });
    expect(verdictOf(short, 'first-response-time').verdict).toBe('n/a');
    expect(short.kpis.firstResponseMs).toBeNull();
  });
});

describe('an old session (revisions 1 and 2) replays exactly as before', () => {
  /**
   * A trainee who opens the buyer's link, answers late, sends a card, lets the buyer nudge and leaves
   * her waiting at the end, played like the runtime plays it (the silence deadlines fire as ticks):
   * the log the server would have stored, and every effect it produced.
   */
  function record(rulesRevision: number): { log: Log; effects: SessionEffect[]; state: SessionState } {
    const plan: Log = [
      [OPEN_LINK, 4000],
      [{ type: 'reply', text: '在的' }, 34_000],
      [{ type: 'reply', text: '亲' }, 36_000],
      [{ type: 'card-sent', product: 'wool-socks' }, 40_000],
      [{ type: 'reply', text: '亲，您好' }, 110_000],
      [{ type: 'end' }, 190_000],
    ];
    const started = startSession(patient, { seed: 7, now: 0, speed: 1, rulesRevision });
    let state = started.state;
    const log: Log = [];
    const effects = [...started.effects];
    const apply = (event: SessionEvent, at: number) => {
      const r = step(patient, state, event, at);
      state = r.state;
      effects.push(...r.effects);
      log.push([event, at]);
    };
    for (const [event, at] of plan) {
      for (let d = nextDeadline(state); d !== null && d <= at && !state.ended; d = nextDeadline(state)) apply({ type: 'tick' }, d);
      if (!state.ended) apply(event, at);
    }
    return { log, effects, state };
  }

  /** The transcript, the silence ticks, the KPIs and the timeliness verdicts of a session's report. */
  function digest(rev: number) {
    const { log, effects, state } = record(rev);
    // replaying the stored log gives the same state and effects (determinism)
    const again = record(rev);
    expect(again.log).toEqual(log);
    expect(again.effects).toEqual(effects);
    expect(play(patient, rev, log, startSession(patient, { seed: 7, now: 0, speed: 1, rulesRevision: rev }).state)).toEqual(state);
    expect(state).not.toHaveProperty('unanswered');
    const r = sessionReport(patient, state);
    return {
      ticks: log.filter(([e]) => e.type === 'tick').map(([, at]) => at),
      messages: state.messages.map((m) => `${m.id} ${m.from} ${m.at.toString()}`),
      lastTraineeAt: state.lastTraineeAt,
      silence: state.silence,
      waited: state.waited,
      kpis: r.kpis,
      timeliness: r.rules.filter((v) => v.category === 'timeliness').map((v) => `${v.rule} ${v.verdict} turn ${String(v.turn)} ${v.evidence ?? ''}`),
      score: r.score,
      passed: r.passed,
    };
  }

  it('the same transcript, silence deadlines and report as the engine gave before revision 3 (recorded from it)', () => {
    expect({ 1: digest(1), 2: digest(2) }).toMatchInlineSnapshot(`
      {
        "1": {
          "kpis": {
            "avgResponseMs": 3370,
            "firstResponseMs": 140,
            "longestResponseMs": 6600,
            "outcome": null,
            "replies": 3,
          },
          "lastTraineeAt": 110000,
          "messages": [
            "m1 buyer 0",
            "m2 trainee 4000",
            "m3 trainee 34000",
            "m4 buyer 35860",
            "m5 trainee 36000",
            "m6 buyer 37700",
            "m7 trainee 40000",
            "m8 buyer 41700",
            "m9 buyer 103400",
            "m10 trainee 110000",
            "m11 buyer 111860",
            "m12 buyer 173560",
          ],
          "passed": true,
          "score": 70,
          "silence": {
            "deadline": null,
            "stage": "nudged",
          },
          "ticks": [
            101700,
            171860,
          ],
          "timeliness": [
            "first-response-time pass turn 3 0.1s / 15s",
            "avg-response-time pass turn undefined 3.4s / 30s",
            "no-buyer-waiting fail turn undefined the buyer nudged 2×",
          ],
          "waited": {
            "left": false,
            "nudges": 2,
          },
        },
        "2": {
          "kpis": {
            "avgResponseMs": 34220,
            "firstResponseMs": 140,
            "longestResponseMs": 68300,
            "outcome": null,
            "replies": 3,
          },
          "lastTraineeAt": 110000,
          "messages": [
            "m1 buyer 0",
            "m2 trainee 4000",
            "m3 trainee 34000",
            "m4 buyer 35860",
            "m5 trainee 36000",
            "m6 buyer 37700",
            "m7 trainee 40000",
            "m8 buyer 41700",
            "m9 buyer 103400",
            "m10 trainee 110000",
            "m11 buyer 111860",
            "m12 buyer 173560",
          ],
          "passed": false,
          "score": 65,
          "silence": {
            "deadline": null,
            "since": 111860,
            "stage": "nudged",
          },
          "ticks": [
            101700,
            171860,
          ],
          "timeliness": [
            "first-response-time pass turn 3 0.1s / 15s",
            "avg-response-time fail turn undefined 34.2s / 30s",
            "no-buyer-waiting fail turn undefined the buyer nudged 2×",
          ],
          "waited": {
            "left": false,
            "nudges": 2,
          },
        },
      }
    `);
  });
});
