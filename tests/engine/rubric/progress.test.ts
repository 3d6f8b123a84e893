import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../server/engine/analysis/index.ts';
import { createRubric } from '../../../server/engine/rubric/index.ts';
import type { Rubric, RubricProgress } from '../../../server/engine/rubric/index.ts';
import type { EndContext, Verdict } from '../../../server/engine/rubric/types.ts';
import { actionKinds } from '../../../server/engine/scenario/schema.ts';
import { END, act, drive, makeScenario, numbered, reply } from './fixtures.ts';
import type { Step } from './fixtures.ts';

const text = { 'zh-CN': '说明', en: 'note' };
const scenario = makeScenario({
  rules: [
    { id: 'promo', category: 'sales', scope: 'chat', require: { intent: 'promo' }, feedback: text, modelReply: text },
    { id: 'no-free-ship', category: 'sales', redLine: true, forbid: { match: { any: ['包邮'] } }, feedback: text, modelReply: text },
    { id: 'shop-name', category: 'politeness', scope: 'first', require: { match: { any: ['小鹿'] } }, feedback: text, modelReply: text },
    { id: 'remedy', category: 'empathy', scope: { state: 'complain' }, require: { match: { any: ['换货'] } }, feedback: text, modelReply: text },
    { id: 'sorry', category: 'empathy', scope: { replyTo: 'complain' }, require: { match: { any: ['抱歉'] } }, feedback: text, modelReply: text },
    { id: 'card', category: 'sales', require: { action: 'card-sent' }, feedback: text, modelReply: text },
  ],
});

const TEXTS = [
  '亲，您好，欢迎光临小鹿旗舰店~', '嗯', '好的', '加我微信 abc12345', '平台规定不能加QQ哦', '验证码是 384756',
  '你有病吧', '保证明天肯定到', '真的非常抱歉', '麻烦您拍张照片发给我', '给您包邮', '这款不包邮哦', '给您换货', '有货',
];
// Analysed once: the property runs hundreds of sessions.
const FEATURES = TEXTS.map((t) => analyzeText(t));

const replyArb: fc.Arbitrary<Step> = fc
  .record({
    f: fc.nat({ max: FEATURES.length - 1 }),
    promo: fc.boolean(),
    state: fc.constantFrom('ask', 'complain', 'bye'),
    firstInState: fc.boolean(),
    ms: fc.option(fc.nat({ max: 60000 }), { nil: null }),
    afterComplaint: fc.boolean(),
    qualityComplaint: fc.boolean(),
  })
  .map((r) => {
    const features = FEATURES[r.f] ?? analyzeText('嗯');
    const s: Step = {
      state: r.state, firstInState: r.firstInState, afterComplaint: r.afterComplaint, qualityComplaint: r.qualityComplaint,
      reply: { features, intents: r.promo ? ['promo'] : [] },
    };
    if (r.ms !== null) s.responseMs = r.ms;
    return s;
  });
const actionArb: fc.Arbitrary<Step> = fc
  .record({ kind: fc.constantFrom(...actionKinds), unsafe: fc.boolean(), state: fc.constantFrom('ask', 'complain') })
  .map((a) => act(a.kind, { unsafe: a.unsafe, state: a.state }));
const stepsArb = fc.array(fc.oneof({ arbitrary: replyArb, weight: 3 }, { arbitrary: actionArb, weight: 1 }), { maxLength: 14 });
const endArb: fc.Arbitrary<EndContext> = fc.record({
  outcome: fc.constantFrom('purchased' as const, 'left' as const, null),
  offered: fc.record({ unsafeLink: fc.boolean(), file: fc.boolean() }),
  success: fc.boolean(),
  waited: fc.record({ nudges: fc.nat({ max: 3 }), left: fc.boolean() }),
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Drive with the progress frozen, or JSON round-tripped, before every turn. */
function driveVia(rubric: Rubric, steps: readonly Step[], via: (p: RubricProgress) => RubricProgress) {
  let progress = via(rubric.initial());
  const live: Verdict[][] = [];
  for (const t of numbered(steps)) {
    const r = rubric.onTurn(progress, t);
    progress = via(r.progress);
    live.push(r.verdicts);
  }
  return { progress, live };
}
const roundTrip = (p: RubricProgress): RubricProgress => JSON.parse(JSON.stringify(p)) as RubricProgress;

describe('progress', () => {
  const rubric = createRubric(scenario);
  const session = [reply('亲您好', { responseMs: 2000 }), reply('嗯'), act('card-sent'), reply('给您包邮', { responseMs: 9000 })];

  it('is plain JSON from the start', () => {
    const p = rubric.initial();
    expect(roundTrip(p)).toEqual(p);
    expect(Object.keys(p.rules)).toEqual(rubric.rules.map((r) => r.id));
  });

  it('is never mutated by onTurn', () => {
    let p = deepFreeze(rubric.initial());
    for (const t of numbered(session)) {
      const before = JSON.stringify(p);
      const r = rubric.onTurn(p, t);
      expect(JSON.stringify(p)).toBe(before);
      expect(r.progress).not.toBe(p);
      p = deepFreeze(r.progress);
    }
    const before = JSON.stringify(p);
    rubric.finalize(p, END);
    expect(JSON.stringify(p)).toBe(before);
  });

  it('gives identical results after a JSON round-trip mid-session', () => {
    const whole = drive(rubric, session);
    const head = drive(rubric, session.slice(0, 2));
    const tail = drive(rubric, session.slice(2), roundTrip(head.progress));
    expect([...head.live, ...tail.live]).toEqual(whole.live);
    expect(tail.progress).toEqual(whole.progress);
    expect(rubric.finalize(roundTrip(tail.progress), END)).toEqual(rubric.finalize(whole.progress, END));
  });

  it('property: frozen and JSON round-tripped progress give the same verdicts and report as plain threading', () => {
    fc.assert(
      fc.property(stepsArb, endArb, (steps, end) => {
        const plain = driveVia(rubric, steps, (p) => p);
        const frozen = driveVia(rubric, steps, deepFreeze);
        const json = driveVia(rubric, steps, roundTrip);
        expect(frozen.live).toEqual(plain.live);
        expect(json.live).toEqual(plain.live);
        const report = rubric.finalize(plain.progress, end);
        expect(rubric.finalize(json.progress, end)).toEqual(report);
        expect(rubric.finalize(frozen.progress, end)).toEqual(report);
      }),
      { numRuns: 150 },
    );
  });

  it('property: the report is consistent with the live verdicts and the scoring rules', () => {
    fc.assert(
      fc.property(stepsArb, endArb, (steps, end) => {
        const { progress, live } = drive(rubric, steps);
        const report = rubric.finalize(progress, end);
        expect(report.rules.map((v) => v.rule)).toEqual(rubric.rules.map((r) => r.id));
        // A rule is decided live at most once, and the report keeps that decision.
        const liveAll = live.flat();
        expect(new Set(liveAll.map((v) => v.rule)).size).toBe(liveAll.length);
        for (const v of liveAll) expect(report.rules.find((x) => x.rule === v.rule)).toEqual(v);
        const points = report.rules.reduce((s, v) => s + v.points, 0);
        const max = report.rules.reduce((s, v) => s + v.max, 0);
        const silent = report.kpis.replies === 0;
        expect(report.score).toBe(silent ? 0 : max === 0 ? 100 : Math.round((100 * points) / max));
        expect(report.redLines).toEqual(report.rules.filter((v) => v.redLine && v.verdict === 'fail').map((v) => v.rule));
        // From revision 3 (the default) a chat with no ending does not pass either.
        const unfinished = silent ? 'no-reply' : end.outcome === null ? 'no-ending' : undefined;
        expect(report.unfinished).toBe(unfinished);
        expect(report.passed).toBe(unfinished === undefined && report.redLines.length === 0 && report.score >= report.passMark);
        expect(report.categories.length === 0).toBe(silent || report.rules.every((v) => v.verdict === 'n/a'));
        for (const v of report.rules) {
          if (v.verdict === 'n/a') expect([v.points, v.max, v.turn]).toEqual([0, 0, undefined]);
          else expect(v.points).toBe(v.verdict === 'pass' ? v.max : 0);
        }
        expect(report.kpis.replies).toBe(steps.filter((s) => s.reply !== undefined).length);
      }),
      { numRuns: 150 },
    );
  });
});
