// Rubric revision 5, holding lines: 「亲，您好~ 稍等，我帮您查一下」 sent before a move's answer counts
// as a response but answers nothing. Each behaviour is played under revision 5 and, with the same
// inputs, under revision 4, which must give what it always gave.
import { describe, expect, it } from 'vitest';
import { sessionReport, startSession, step } from '../../../server/engine/index.ts';
import type { SessionEvent, SessionState, Verdict } from '../../../server/engine/index.ts';
import { holdingLineMatcher } from '../../../server/engine/analysis/holdingLine.ts';
import { analyzeText } from '../../../server/engine/analysis/index.ts';
import { complainingHaggler } from './fixture.ts';

const haggler = complainingHaggler;
const c = haggler();
const HOLD = '亲，您好~ 稍等，我帮您查一下哦';
const say = (text: string): SessionEvent => ({ type: 'reply', text });

interface Played {
  state: SessionState;
  verdicts: Verdict[];
  buyerLines: string[];
}

/** Instant pace (nothing is ever crossed), seed 7, the log stepped in order. */
function play(rulesRevision: number, log: (readonly [SessionEvent, number])[], compiled = c): Played {
  let state = startSession(compiled, { seed: 7, now: 0, speed: 0, rulesRevision }).state;
  const verdicts: Verdict[] = [];
  const buyerLines: string[] = [];
  for (const [event, at] of log) {
    const r = step(compiled, state, event, at);
    state = r.state;
    for (const e of r.effects) {
      if (e.type === 'verdicts') verdicts.push(...e.verdicts);
      if (e.type === 'message' && e.message.from === 'buyer') buyerLines.push(e.message.text);
    }
  }
  return { state, verdicts, buyerLines };
}

const verdictOf = (p: Played, rule: string) => p.verdicts.filter((v) => v.rule === rule).map((v) => v.verdict);

describe('a holding line before the answer (revision 5)', () => {
  it('the buyer waits: no nag, no patience lost, still in her move', () => {
    const now = play(5, [[say(HOLD), 3000]]);
    expect(now.state.machine.value).toBe('ask');
    expect(now.state.machine.context['patience']).toBe(2);
    expect(now.buyerLines).toEqual([]);
    const before = play(4, [[say(HOLD), 3000]]);
    expect(before.state.machine.context['patience']).toBe(1);
    expect(before.buyerLines).toHaveLength(1);
  });

  it('she waits through two of them; a third is taken as the answer', () => {
    const two = play(5, [[say(HOLD), 3000], [say('在的亲，马上哈'), 4000]]);
    expect(two.state.machine.context['patience']).toBe(2);
    const three = play(5, [[say(HOLD), 3000], [say('在的亲，马上哈'), 4000], [say('稍等哦'), 5000]]);
    expect(three.state.machine.context['patience']).toBe(1);
    expect(three.buyerLines).toHaveLength(1);
  });

  it('the answer after it is judged as the first answer, and the buyer reacts to it', () => {
    const p = play(5, [[say(HOLD), 3000], [say('不能便宜哦'), 8000]]);
    expect(p.state.machine.value).toBe('link');
    expect(p.state.machine.context['patience']).toBe(1);
  });

  it('counts as the response: the first-response rule judges it, the answer after it is not timed', () => {
    const p = play(5, [[say(HOLD), 3000], [say('不能便宜哦'), 60_000]]);
    expect(verdictOf(p, 'first-response-time')).toEqual(['pass']);
    expect(verdictOf(p, 'greeting')).toEqual(['pass']);
    const report = sessionReport(c, step(c, p.state, { type: 'end' }, 61_000).state);
    expect(report.kpis.firstResponseMs).toBe(3000);
    expect(report.kpis.longestResponseMs).toBe(3000);
  });

  it('a complaint waits for its apology, and the first-answer rule for the answer', () => {
    const toLink: (readonly [SessionEvent, number])[] = [[say('不能便宜哦'), 2000]];
    const now = play(5, [...toLink, [say(HOLD), 4000], [say('非常抱歉，麻烦您截图发我看看'), 9000]]);
    expect(verdictOf(now, 'apology-on-complaint')).toEqual(['pass']);
    expect(verdictOf(now, 'screenshot-first')).toEqual(['pass']);
    expect(now.state.machine.value).toBe('bought');
    const before = play(4, [...toLink, [say(HOLD), 4000], [say('非常抱歉，麻烦您截图发我看看'), 9000]]);
    expect(verdictOf(before, 'apology-on-complaint')).toEqual(['fail']);
    // under revision 4 the holding line was the answer: it cost her last patience point, and she left
    expect(before.state.machine.value).toBe('gone');
  });

  it('she nudges at her usual time from the holding line if nothing follows, then leaves', () => {
    const held = play(5, [[say(HOLD), 3000]]);
    expect(held.state.silence.deadline).toBe(33_000);
    const nudged = step(c, held.state, { type: 'tick' }, 33_000);
    expect(nudged.effects.some((e) => e.type === 'message' && e.message.from === 'buyer')).toBe(true);
    expect(nudged.state.silence.stage).toBe('nudged');
  });

  it('holding, then stalling past her nudge, is timed from the holding line', () => {
    const held = play(5, [[say(HOLD), 3000]]);
    const nudged = step(c, held.state, { type: 'tick' }, 33_000).state;
    const answered = step(c, nudged, say('不能便宜哦'), 50_000).state;
    const report = sessionReport(c, step(c, answered, { type: 'end' }, 51_000).state);
    expect(report.kpis.longestResponseMs).toBe(47_000);
  });

  it('a move that listens for what the line says still hears it', () => {
    const greets = haggler((y) =>
      y
        .replace("'ask-screenshot': { match: [{ any: ['截图', '图片'] }] },", '')
        .replace('    on:\n      - intent: give-discount\n', "    on:\n      - intent: greets\n        say: [你好你好]\n        goto: link\n      - intent: give-discount\n")
        .replace('variables:', "intents:\n  greets: { match: [{ any: ['您好'] }] }\nvariables:"),
    );
    const p = play(5, [[say(HOLD), 3000]], greets);
    expect(p.state.machine.value).toBe('link');
    expect(p.buyerLines[0]).toBe('你好你好');
  });

  it("a buyer who presses on (holdingLine: answer) takes it as her answer, as before", () => {
    const presses = haggler((y) => y.replace('types: [price-sensitive] }', 'types: [price-sensitive], holdingLine: answer }'));
    const p = play(5, [[say(HOLD), 3000]], presses);
    expect(p.state.machine.context['patience']).toBe(1);
    expect(p.buyerLines).toHaveLength(1);
  });

  it('after the move is answered, a courtesy line is an ordinary reply', () => {
    // 不能便宜 answers `ask` and enters `link`; the link move's first answer is the holding line's to
    // wait through, but once a real answer was given there a second line is judged as usual.
    const p = play(5, [[say('不能便宜哦'), 2000], [say('这个嘛'), 4000], [say(HOLD), 6000]]);
    expect(p.state.machine.value).toBe('gone');
  });

  it('sent while her answer is still being typed, it is a crossed line (revision 4), not a hold', () => {
    let state = startSession(c, { seed: 7, now: 0, speed: 1, rulesRevision: 5 }).state;
    state = step(c, state, say('不能便宜哦'), 5000).state;
    expect(state.pendingMove).toBeDefined();
    const crossed = step(c, state, say(HOLD), 5200).state;
    expect(crossed.held).toBeUndefined();
  });
});

describe('what is a holding line', () => {
  const holding = holdingLineMatcher(['测试鞋店', 'Testa', '小测']);
  const is = (text: string) => holding(analyzeText(text).normalized);

  it.each([
    '亲，您好~',
    '在的亲',
    '亲亲在的呢，请问有什么可以帮您？',
    '您好，欢迎光临测试鞋店，我是小测，很高兴为您服务[微笑]',
    '稍等哈',
    '好的亲，稍等',
    '亲，您好~ 稍等，我帮您查一下库存哦',
    '我帮您看一下哪个码合适',
    '亲 在的 我确认一下哈',
    'Hi～测试鞋店小测为您服务🌸',
    '稍等，看一下哈',
    '稍等，我帮您查一下有没有货哦',
    '这边帮您核实一下订单',
    '亲，您好😊 稍等哦',
  ])('holds: %s', (text) => expect(is(text)).toBe(true));

  it.each([
    '好的',
    '亲',
    '在吗',
    '您好，40码有货的',
    '您好，非常抱歉',
    '我查了一下，有货',
    '亲，您再考虑考虑哈',
    '稍等，这款不能便宜哦',
    '亲，您看一下这款',
    '您看下尺码表哈',
    '亲，看下详情页的尺码表哈',
    '亲看下这款哦',
    '宝宝看下这款哦',
    '亲，看一下这款更合适',
    '问下您平时穿多大码',
    '亲，确认一下是43码吗',
    '亲，确认一下您的收货地址哦',
    '我帮您查一下有货',
    '亲 我看一下是有货的',
    '帮您确认一下不能便宜哦',
    '您好，测试哦',
    '您好，欢迎光临别家鞋店',
    '亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲您好',
  ])('answers: %s', (text) => expect(is(text)).toBe(false));
});

describe('a welcome naming the shop', () => {
  it('may name it by its brand', () => {
    const p = play(5, [[say('您好，欢迎光临Testa旗舰店，我是小测~'), 3000]]);
    expect(p.state.held).toEqual({ visit: 1, count: 1 });
  });
});
