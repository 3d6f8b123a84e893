import { describe, expect, it } from 'vitest';
import { GLOBAL_RULES } from '../../../server/engine/rubric/index.ts';
import { globalRuleIds, ruleCategories } from '../../../server/engine/scenario/schema.ts';
import { END, act, outcomeOf, reply, report, verdictOf } from './fixtures.ts';

const GOOD = '亲，您好，欢迎光临~ 这款鞋子有货的，请问您平时穿多大码呢？';
const EMPATHIC = '理解您的心情，这款鞋子有货的，我帮您看看尺码';
const offered = (unsafeLink: boolean, file: boolean) => ({ ...END, offered: { unsafeLink, file } });

describe('GLOBAL_RULES', () => {
  it('covers every global id once, in schema order, with both languages', () => {
    expect(GLOBAL_RULES.map((r) => r.id)).toEqual([...globalRuleIds]);
    for (const r of GLOBAL_RULES) {
      expect(r.global).toBe(true);
      expect(ruleCategories).toContain(r.category);
      expect(r.weight).toBeGreaterThan(0);
      expect(r.feedback['zh-CN'].length).toBeGreaterThan(5);
      expect(r.feedback.en.length).toBeGreaterThan(5);
      expect(r.modelReply?.['zh-CN']).toBeTruthy();
      expect(r.modelReply?.en).toBeTruthy();
    }
  });

  it('marks exactly the six red lines', () => {
    expect(GLOBAL_RULES.filter((r) => r.redLine).map((r) => r.id).sort()).toEqual(
      ['no-credential-leak', 'no-file-accept', 'no-offplatform-contact', 'no-phishing-link-click', 'no-review-inducement', 'no-rude-language'],
    );
  });
});

describe('reply detectors (red lines and absolute promises)', () => {
  const cases: [string, string][] = [
    ['no-offplatform-contact', '亲，加我微信 abc12345，我发图给您'],
    ['no-credential-leak', '验证码是 384756，您登录看看'],
    ['no-rude-language', '你是不是有病啊，爱买不买'],
    ['no-absolute-promise', '亲，保证明天肯定送到'],
  ];
  for (const [rule, bad] of cases) {
    it(`${rule}: fails on the offending reply, at that turn`, () => {
      const rep = report([reply(GOOD), reply(bad), reply(GOOD)]);
      const v = verdictOf(rep, rule);
      expect(v.verdict).toBe('fail');
      expect(v.turn).toBe(2);
      expect(v.messageId).toBe('m2');
      expect(v.points).toBe(0);
      expect(v.max).toBe(v.redLine ? 10 : 8);
    });
    it(`${rule}: passes with clean replies, n/a without replies`, () => {
      expect(outcomeOf(rule, [reply(GOOD), reply('亲，这款是正品，支持七天无理由退换哦')])).toBe('pass');
      expect(outcomeOf(rule, [])).toBe('n/a');
      expect(outcomeOf(rule, [act('card-sent', { product: 'trail-runner' })])).toBe('n/a');
    });
  }

  it('no-credential-leak also fails on the scenario\'s own code-sending intent (a bare 好的 657301 after the buyer asked)', () => {
    const rep = report([reply(GOOD), reply('好的 657301', { intents: ['phish-send-code'] })]);
    expect(verdictOf(rep, 'no-credential-leak')).toMatchObject({ verdict: 'fail', turn: 2, evidence: '好的 657301' });
    expect(rep.passed).toBe(false);
    expect(outcomeOf('no-credential-leak', [reply('好的 657301', { intents: ['send-credential'] })])).toBe('fail');
    // the same digits without such an intent, and intents that only mention codes, do not fail it
    expect(outcomeOf('no-credential-leak', [reply('好的 657301')])).toBe('pass');
    expect(outcomeOf('no-credential-leak', [reply('验证码不能给您哦', { intents: ['phish-refuse-code', 'send-code-refused'] })])).toBe('pass');
    // revision 3: a session of an older revision keeps the verdict it was given (replays compare equal)
    const old = { ...reply('好的 657301', { intents: ['phish-send-code'] }), rulesRevision: 2 };
    expect(outcomeOf('no-credential-leak', [old])).toBe('pass');
  });

  it('a refusal to go off-platform is not a violation', () => {
    expect(outcomeOf('no-offplatform-contact', [reply('亲，平台规定不能加QQ哦，在这里聊就好')])).toBe('pass');
  });
});

describe('action red lines', () => {
  it('no-phishing-link-click fails on an unsafe link, not on a safe one', () => {
    const bad = report([reply(GOOD), act('link-opened', { unsafe: true })], {}, offered(true, false));
    expect(verdictOf(bad, 'no-phishing-link-click')).toMatchObject({ verdict: 'fail', turn: 2, redLine: true });
    expect(bad.passed).toBe(false);
    expect(outcomeOf('no-phishing-link-click', [act('link-opened', { unsafe: false })], {}, offered(true, false))).toBe('pass');
  });

  it('no-phishing-link-click is n/a when no unsafe link was offered, unless it fired', () => {
    expect(outcomeOf('no-phishing-link-click', [reply(GOOD)])).toBe('n/a');
    expect(outcomeOf('no-phishing-link-click', [act('link-opened', { unsafe: true })])).toBe('fail');
    expect(outcomeOf('no-phishing-link-click', [], {}, offered(true, false))).toBe('pass');
  });

  it('no-file-accept fails on file-accepted, passes on a decline, n/a when no file was offered', () => {
    expect(outcomeOf('no-file-accept', [act('file-accepted')], {}, offered(false, true))).toBe('fail');
    expect(outcomeOf('no-file-accept', [act('file-accepted')])).toBe('fail');
    expect(outcomeOf('no-file-accept', [act('file-declined'), reply(GOOD)], {}, offered(false, true))).toBe('pass');
    expect(outcomeOf('no-file-accept', [reply(GOOD)])).toBe('n/a');
  });
});

describe('greeting', () => {
  it('looks at the first reply only, skipping actions before it', () => {
    expect(outcomeOf('greeting', [act('card-sent'), reply(GOOD)])).toBe('pass');
    const rep = report([act('card-sent'), reply('有货，直接拍'), reply(GOOD)]);
    expect(verdictOf(rep, 'greeting')).toMatchObject({ verdict: 'fail', turn: 2 });
    expect(outcomeOf('greeting', [act('card-sent')])).toBe('n/a');
  });

  it('a greeting that in the same breath moves the buyer off the platform is no greeting (revision 6); the red line fails too', () => {
    const rep = report([reply('在的，加我微信吧，私下给你便宜'), reply(GOOD)]);
    expect(verdictOf(rep, 'greeting')).toMatchObject({ verdict: 'fail', turn: 1, evidence: '微信' });
    expect(verdictOf(rep, 'no-offplatform-contact')).toMatchObject({ verdict: 'fail', turn: 1 });
    // the same greeting without the hand-off is one, and a session scored by revision 5 keeps its credit
    expect(outcomeOf('greeting', [reply('在的，有什么可以帮您')])).toBe('pass');
    expect(outcomeOf('greeting', [{ ...reply('在的，加我微信吧，私下给你便宜'), rulesRevision: 5 }])).toBe('pass');
  });
});

describe('polite-address', () => {
  it('passes at the first reply with 亲 or 您, fails at the end if none had it', () => {
    const rep = report([reply('有货的'), reply('您穿多大码？')]);
    expect(verdictOf(rep, 'polite-address')).toMatchObject({ verdict: 'pass', turn: 2 });
    expect(outcomeOf('polite-address', [reply('有货的'), reply('直接拍就行')])).toBe('fail');
    expect(outcomeOf('polite-address', [])).toBe('n/a');
  });
});

describe('response times', () => {
  it('first-response-time judges the first reply that answered a buyer line', () => {
    expect(outcomeOf('first-response-time', [reply(GOOD, { responseMs: 15000 })])).toBe('pass');
    const late = report([reply(GOOD, { responseMs: 15001 })]);
    expect(verdictOf(late, 'first-response-time')).toMatchObject({ verdict: 'fail', turn: 1, evidence: '15.0s / 15s' });
    expect(outcomeOf('first-response-time', [reply(GOOD, { responseMs: null }), reply(GOOD, { responseMs: 40000 })])).toBe('fail');
    expect(outcomeOf('first-response-time', [reply(GOOD, { responseMs: 20000 })], { firstResponseSec: 30 })).toBe('pass');
    expect(outcomeOf('first-response-time', [reply(GOOD, { responseMs: null })])).toBe('n/a');
    expect(outcomeOf('first-response-time', [])).toBe('n/a');
  });

  it('avg-response-time averages the timed replies at the end', () => {
    const steps = [reply(GOOD, { responseMs: 10000 }), reply(GOOD, { responseMs: 50000 }), reply(GOOD, { responseMs: null })];
    expect(outcomeOf('avg-response-time', steps)).toBe('pass');
    expect(outcomeOf('avg-response-time', steps, { avgResponseSec: 29 })).toBe('fail');
    expect(outcomeOf('avg-response-time', [reply(GOOD, { responseMs: null })])).toBe('n/a');
    // Action turns are not replies and do not count towards the average.
    expect(outcomeOf('avg-response-time', [reply(GOOD, { responseMs: 1000 }), act('card-sent', { responseMs: 99000 })])).toBe('pass');
  });
});

describe('no-mechanical-reply', () => {
  it('fails at the second bare acknowledgement in a row', () => {
    const rep = report([reply(GOOD), reply('嗯'), reply('好的')]);
    expect(verdictOf(rep, 'no-mechanical-reply')).toMatchObject({ verdict: 'fail', turn: 3 });
  });
  it('passes when bare replies are not consecutive; actions do not break a run', () => {
    expect(outcomeOf('no-mechanical-reply', [reply('嗯'), reply(EMPATHIC, { intents: ['empathy-acknowledge'] }), reply('好的')])).toBe('pass');
    expect(outcomeOf('no-mechanical-reply', [reply('嗯'), act('card-sent'), reply('好的')])).toBe('fail');
    expect(outcomeOf('no-mechanical-reply', [])).toBe('n/a');
  });
});

describe('apology-on-complaint', () => {
  const complaint = { state: 'complain', afterComplaint: true, qualityComplaint: true };
  it('judges the first reply after a complaint', () => {
    const ok = report([reply(GOOD), reply('亲，真的非常抱歉给您添麻烦了', complaint)]);
    expect(verdictOf(ok, 'apology-on-complaint')).toMatchObject({ verdict: 'pass', turn: 2 });
    const bad = report([reply('这个不是质量问题', complaint), reply('抱歉', complaint)]);
    expect(verdictOf(bad, 'apology-on-complaint')).toMatchObject({ verdict: 'fail', turn: 1 });
  });
  it('is n/a without a complaint, and fails if the complaint got no reply at all', () => {
    expect(outcomeOf('apology-on-complaint', [reply(GOOD)])).toBe('n/a');
    expect(outcomeOf('apology-on-complaint', [reply(GOOD), act('address-confirmed', complaint)])).toBe('fail');
  });
});

describe('ask-photo-evidence', () => {
  const q = { state: 'complain', qualityComplaint: true };
  it('passes at a photo request after the quality complaint', () => {
    const rep = report([reply(GOOD), reply('抱歉亲', q), reply('麻烦您拍张照片发给我看看', q)]);
    expect(verdictOf(rep, 'ask-photo-evidence')).toMatchObject({ verdict: 'pass', turn: 3 });
  });
  it('fails when no reply asks for photos, n/a without a quality complaint', () => {
    expect(outcomeOf('ask-photo-evidence', [reply(GOOD), reply('抱歉亲，我们给您退款', q)])).toBe('fail');
    expect(outcomeOf('ask-photo-evidence', [reply('麻烦您拍张照片发给我看看')])).toBe('n/a');
    expect(outcomeOf('ask-photo-evidence', [reply('麻烦您拍张照片发给我看看'), reply('抱歉', q)])).toBe('fail');
  });
});

describe('good-outcome and no-buyer-waiting: how the chat ended', () => {
  const ended = (success: boolean, nudges = 0, left = false) => ({ ...END, success, waited: { nudges, left } });

  it('good-outcome passes on an ending the scenario counts as success, fails otherwise', () => {
    expect(outcomeOf('good-outcome', [reply('亲，您好')], {}, ended(true))).toBe('pass');
    expect(outcomeOf('good-outcome', [reply('亲，您好')], {}, ended(false))).toBe('fail');
    expect(outcomeOf('good-outcome', [], {}, ended(false))).toBe('fail');
  });

  it('no-buyer-waiting fails when the buyer had to nudge or gave up waiting', () => {
    expect(outcomeOf('no-buyer-waiting', [reply('亲，您好', { intents: ['greeting'] })], {}, ended(true))).toBe('pass');
    expect(outcomeOf('no-buyer-waiting', [reply('亲，您好')], {}, ended(true, 1))).toBe('fail');
    expect(outcomeOf('no-buyer-waiting', [reply('亲，您好')], {}, ended(false, 1, true))).toBe('fail');
    expect(outcomeOf('no-buyer-waiting', [], {}, ended(false))).toBe('n/a');
  });

  it('a trainee who greets and then lets the buyer leave cannot pass', () => {
    const rep = report([reply('亲，您好，欢迎光临', { responseMs: 2000 })], {}, ended(false, 1, true));
    expect(rep.passed).toBe(false);
    expect(rep.score).toBeLessThan(70);
  });
});
