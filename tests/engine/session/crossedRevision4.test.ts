// Rubric revision 4, crossed messages: a trainee line sent while the buyer is still typing her answer
// to their last one follows up the move the trainee can see. Each behaviour is played at human pace
// under revision 4 and, with the same inputs, under revision 3, which must give what it always gave.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileScenario, scenarioSchema, sessionReport, startSession, step } from '../../../server/engine/index.ts';
import type { CompiledScenario, SessionEvent, SessionState } from '../../../server/engine/index.ts';
import { complainingHaggler, lexicon, scenarioYaml, shop } from './fixture.ts';

/**
 * The fixture's haggler. Refusing the discount (不能便宜) costs a patience point and sends her to the
 * link move, which says two lines; any other reply there costs another, and at 0 she leaves. The link
 * move is a complaint here, and a scenario rule wants the trainee's answer to it to ask for a screenshot.
 */
const c: CompiledScenario = complainingHaggler();

type Log = (readonly [SessionEvent, number])[];

/** A session at human pace (seed 7) under a rubric revision, stepped through a log. */
function play(rulesRevision: number, log: Log): SessionState {
  let state = startSession(c, { seed: 7, now: 0, speed: 1, rulesRevision }).state;
  for (const [event, at] of log) state = step(c, state, event, at).state;
  return state;
}

const say = (text: string): SessionEvent => ({ type: 'reply', text });
const REFUSE: Log = [[say('不能便宜哦'), 5000]];
/** when the link move's first line appears after the refusal at 5 s */
const linkShownAt = (() => {
  const s = play(4, REFUSE);
  const first = s.messages.find((m) => m.from === 'buyer' && m.at > 5000);
  if (!first) throw new Error('the link move says nothing');
  return first.at;
})();
const verdict = (s: SessionState, rule: string) => sessionReport(c, s).rules.find((v) => v.rule === rule);

describe('revision 4: a line sent while the buyer is typing her next move', () => {
  it('the link move appears a few seconds after the refusal (human pace)', () => {
    expect(linkShownAt).toBeGreaterThan(6000);
    expect(play(4, REFUSE).pendingMove).toMatchObject({ shownAt: linkShownAt, seen: { state: 'ask', firstInState: false } });
  });

  it('does not draw her nag nor cost patience; under revision 3 it made her leave', () => {
    const log: Log = [...REFUSE, [say('亲，还在吗'), 5500]];
    const s4 = play(4, log);
    expect(s4.machine).toMatchObject({ value: 'link', context: { patience: 1 } });
    expect(s4.outcome).toBeNull();
    expect(s4.messages.filter((m) => m.from === 'buyer')).toHaveLength(3);

    const s3 = play(3, log);
    expect(s3.machine.context.patience).toBe(0);
    expect(s3.outcome?.kind).toBe('left');
  });

  it('is judged in the move the trainee saw; the answer to the coming move is still its first', () => {
    const log: Log = [...REFUSE, [say('亲，还在吗'), 5500], [say('麻烦发个截图看看'), linkShownAt + 8000], [{ type: 'end' }, linkShownAt + 9000]];
    const s4 = play(4, log);
    expect(s4.outcome?.kind).toBe('purchased');
    expect(verdict(s4, 'screenshot-first')).toMatchObject({ verdict: 'pass', turn: 3 });
    // revision 3 judged the follow-up as the first answer to the link move (and she left on it)
    expect(verdict(play(3, log), 'screenshot-first')).toMatchObject({ verdict: 'fail' });
  });

  it('is not the answer to a complaint not yet on screen: the apology rule waits for the real answer', () => {
    const apologising: Log = [...REFUSE, [say('好的亲'), 5500], [say('不好意思，麻烦发个截图看看'), linkShownAt + 8000], [{ type: 'end' }, linkShownAt + 9000]];
    expect(verdict(play(4, apologising), 'apology-on-complaint')).toMatchObject({ verdict: 'pass', turn: 3 });
    expect(verdict(play(3, apologising), 'apology-on-complaint')).toMatchObject({ verdict: 'fail', turn: 2 });
  });

  it('a follow-up that says something her move listens for still moves her (she reads it after sending)', () => {
    const s4 = play(4, [...REFUSE, [say('发个截图给我看看'), 5500]]);
    expect(s4.outcome?.kind).toBe('purchased');
  });

  it('is not timed, and the next answer is timed from the line it answers', () => {
    const s4 = play(4, [...REFUSE, [say('亲，还在吗'), 5500], [say('麻烦发个截图看看'), linkShownAt + 8000], [{ type: 'end' }, linkShownAt + 9000]]);
    const kpis = sessionReport(c, s4).kpis;
    const lastLinkLine = s4.messages.filter((m) => m.from === 'buyer' && m.at <= linkShownAt + 8000).at(-1);
    expect(kpis.replies).toBe(3);
    expect(kpis.longestResponseMs).toBe(linkShownAt + 8000 - (lastLinkLine?.at ?? 0));
  });

  it('once her line is on screen, a reply answers the new move as before', () => {
    const s4 = play(4, [...REFUSE, [say('亲，还在吗'), linkShownAt]]);
    expect(s4.machine.context.patience).toBe(0);
    expect(s4.outcome?.kind).toBe('left');
  });

  it('at instant pace (speed 0) nothing is ever pending', () => {
    const s = startSession(c, { seed: 7, now: 0, speed: 0 }).state;
    expect(step(c, s, say('不能便宜哦'), 5000).state).not.toHaveProperty('pendingMove');
  });
});

describe('revision 4: a crossed line that moves the buyer again', () => {
  // In the link move, a discount sends her to a complaint move (`angry`) said after the link lines.
  const chained: CompiledScenario = (() => {
    const yaml = scenarioYaml
      .replace('      - intent: ask-screenshot\n        goto: bought\n', '      - intent: ask-screenshot\n        goto: bought\n      - intent: give-discount\n        goto: angry\n')
      .replace('  bought:\n', '  angry:\n    complaint: service\n    say: [刚才不是说不能便宜吗？你们怎么回事]\n    on:\n      - intent: ask-screenshot\n        goto: bought\n      - else: true\n        goto: gone\n  bought:\n');
    return compileScenario({ scenario: scenarioSchema.parse(parse(yaml)), shop, lexicon });
  })();

  it('the move it opened is not answered by a line sent before that move is on screen', () => {
    let s = startSession(chained, { seed: 7, now: 0, speed: 1, rulesRevision: 4 }).state;
    s = step(chained, s, say('不能便宜哦'), 5000).state;
    const linkAt = s.pendingMove?.shownAt ?? 0;
    // crossed, and a concession: she reads it after her link lines and gets angry
    s = step(chained, s, say('那给您便宜点吧'), 5500).state;
    expect(s.machine.value).toBe('angry');
    const angryAt = s.messages.filter((m) => m.from === 'buyer').at(-1)?.at ?? 0;
    expect(angryAt).toBeGreaterThan(linkAt + 500);
    // the link lines are on screen, her complaint is still being typed: a line now follows up the link move
    s = step(chained, s, say('好的亲'), linkAt + 500).state;
    expect(s.machine.value).toBe('angry');
    expect(s.outcome).toBeNull();
    // her complaint on screen, the answer to it: apologised, so 投诉先致歉 passes on it
    s = step(chained, s, say('不好意思，麻烦发个截图看看'), angryAt + 3000).state;
    expect(s.outcome?.kind).toBe('purchased');
    const r = sessionReport(chained, step(chained, s, { type: 'end' }, angryAt + 4000).state);
    expect(r.rules.find((v) => v.rule === 'apology-on-complaint')).toMatchObject({ verdict: 'pass', turn: 4 });
  });
});

describe('a link opened before the first reply (revision 3 on)', () => {
  // The opening line links the boot and is a complaint; a rule wants the first answer to refuse the discount.
  const linked: CompiledScenario = (() => {
    const yaml = scenarioYaml
      .replace('  ask:\n    say:\n      - [这双登山靴能便宜点吗?, 登山靴还能优惠吗?]', [
        '  ask:',
        '    complaint: service',
        '    say:',
        '      - variants: [这双登山靴能便宜点吗?, 登山靴还能优惠吗?]',
        '        attachment: { kind: product-link, product: trail-boot }',
      ].join('\n'))
      .replace('rubric:\n  rules:\n', [
        'rubric:',
        '  rules:',
        '    - id: refuse-first',
        '      category: sales',
        '      require: { intent: refuse-discount }',
        '      scope: { replyTo: ask }',
        '      feedback: { zh-CN: 先婉拒降价, en: Decline the discount first }',
        '      modelReply: { zh-CN: 亲，这已经是活动价了哦, en: This is already the promotion price }',
        '',
      ].join('\n'));
    return compileScenario({ scenario: scenarioSchema.parse(parse(yaml)), shop, lexicon });
  })();

  it('leaves the move\'s first-answer rules and the apology rule to the reply', () => {
    for (const rulesRevision of [3, 4]) {
      let s = startSession(linked, { seed: 7, now: 0, speed: 1, rulesRevision }).state;
      expect(s.messages[0]?.attachment?.kind).toBe('product-link');
      for (const [event, at] of [[{ type: 'link-opened', messageId: 'm1' }, 2000], [say('不好意思，不能便宜哦'), 6000], [{ type: 'end' }, 7000]] as Log) {
        s = step(linked, s, event, at).state;
      }
      const rules = sessionReport(linked, s).rules;
      expect(rules.find((v) => v.rule === 'refuse-first')).toMatchObject({ verdict: 'pass', turn: 2 });
      expect(rules.find((v) => v.rule === 'apology-on-complaint')).toMatchObject({ verdict: 'pass', turn: 2 });
    }
  });
});
