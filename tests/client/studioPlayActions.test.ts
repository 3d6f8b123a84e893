// The play-test's trainee actions against shipped personas, played through the engine as the
// browser does: opening the phisher's unsafe link fires the red-line rule and moves the buyer to its
// scammed ending; declining the bulk-order file closes the offer and keeps the buyer talking;
// accepting it fails the other red line; a coupon moves the bargainer; an action lands THINK_MS
// after the buyer's last line, like a reply, and cannot become an embedded test.
import { describe, expect, it } from 'vitest';
import { SessionError, THINK_MS } from '../../server/engine/index.ts';
import type { CompiledScenario } from '../../server/engine/index.ts';
import { checkSource } from '../../client/features/studio/checks.ts';
import { canAnswer, canOpen, fileAnswer, playAction } from '../../client/features/studio/playAction.ts';
import { initialVars } from '../../client/features/studio/playtest.ts';
import { isOver, playTurn, startPlay, testFromTurn } from '../../client/features/studio/playSession.ts';
import type { BuyerLine, PlaySession } from '../../client/features/studio/playSession.ts';
import { libraryContext, libraryCopy } from './studioFixture.ts';

const ctx = libraryContext();

function compile(file: string): CompiledScenario {
  const compiled = checkSource(libraryCopy(file, `my-${file}`), `my-${file}`, ctx).compiled;
  if (!compiled) throw new Error(`${file} does not compile`);
  return compiled;
}

const phisher = compile('phisher');

function lineWith(lines: readonly BuyerLine[], kind: string): BuyerLine {
  const line = lines.find((l) => l.attachment?.kind === kind);
  if (!line) throw new Error(`no buyer line with a ${kind}`);
  return line;
}

function startAt(at: string): PlaySession {
  return startPlay(phisher, { at, vars: initialVars(phisher) });
}

describe('play-test actions', () => {
  it('opening the unsafe link fires the red line and sends the buyer to the scammed ending', () => {
    const play = startAt('link-bait');
    const link = lineWith(play.opening, 'link');
    expect(link.attachment).toMatchObject({ kind: 'link', unsafe: true });
    expect(canOpen(play, link)).toBe(true);
    expect(canAnswer(play, link)).toBe(false);

    const after = playAction(phisher, play, { type: 'link-opened', messageId: link.id });
    const turn = after.turns[0];
    expect(turn).toMatchObject({
      kind: 'action',
      action: { type: 'link-opened', messageId: link.id },
      subject: 'http://tmall-0rder-fix.top/pay/checkout?item=ridge&uid=83920',
      at: 'link-bait',
      next: 'scammed-link',
      outcome: { kind: 'scammed', state: 'scammed-link' },
    });
    const redLine = turn?.verdicts.find((v) => v.rule === 'no-phishing-link-click');
    expect(redLine).toMatchObject({ verdict: 'fail', redLine: true, title: { 'zh-CN': '不点钓鱼链接' } });
    // The buyer of the scammed ending speaks, and the chat is over: nothing more to open.
    expect(turn?.buyerLines.length).toBeGreaterThan(0);
    expect(isOver(after)).toBe(true);
    expect(canOpen(after, link)).toBe(false);
    expect(() => playAction(phisher, after, { type: 'address-confirmed' })).toThrow(SessionError);
    // The same think time as a reply: 3 s after the buyer's opening lines.
    expect(after.now).toBe(play.now + THINK_MS);
  });

  it('declining the bulk-order file answers the offer without a red line; the buyer stays and pushes back', () => {
    const play = startAt('bulk-file');
    const file = lineWith(play.opening, 'file');
    expect(canAnswer(play, file)).toBe(true);
    expect(canOpen(play, file)).toBe(false);

    const after = playAction(phisher, play, { type: 'file-declined', messageId: file.id });
    const turn = after.turns[0];
    expect(turn).toMatchObject({ kind: 'action', subject: '采购清单.xlsx', at: 'bulk-file', next: 'bulk-file', outcome: null });
    expect(turn?.verdicts.some((v) => v.verdict === 'fail')).toBe(false);
    expect(turn?.buyerLines.map((l) => l.text)).toEqual([expect.stringMatching(/拒收|收不了/)]);
    expect(canAnswer(after, file)).toBe(false);
    expect(fileAnswer(after, file)).toBe('file-declined');
    // A reply after the action starts where the action left the buyer.
    const next = playTurn(phisher, after, '亲，不好意思，网络有点卡收不了文件，您把要的款式一件件加入购物车一起结算，我们按订单配货哦');
    expect(next.turns[1]).toMatchObject({ kind: 'reply', at: 'bulk-file', next: 'file-dodge' });
  });

  it('accepting the file fails the no-file-accept red line', () => {
    const play = startAt('bulk-file');
    const after = playAction(phisher, play, { type: 'file-accepted', messageId: lineWith(play.opening, 'file').id });
    expect(after.turns[0]).toMatchObject({ next: 'scammed-file', outcome: { kind: 'scammed' } });
    expect(after.turns[0]?.verdicts.find((v) => v.rule === 'no-file-accept')).toMatchObject({ verdict: 'fail', redLine: true });
    expect(fileAnswer(after, lineWith(play.opening, 'file'))).toBe('file-accepted');
  });

  it('sends a coupon from the shop and names it; an unknown one is refused', () => {
    const bargainer = compile('bargainer-easy');
    const coupon = bargainer.shop.coupons[0];
    if (!coupon) throw new Error('the shop has no coupon');
    const play = startPlay(bargainer, { at: 'ask-discount', vars: initialVars(bargainer) });
    const after = playAction(bargainer, play, { type: 'coupon-sent', coupon: coupon.id });
    expect(after.turns[0]).toMatchObject({ kind: 'action', subject: coupon.label, at: 'ask-discount', next: 'press-discount' });
    expect(() => playAction(bargainer, play, { type: 'coupon-sent', coupon: 'no-such-coupon' })).toThrow(SessionError);
    // A card and an address confirmation are turns too, whatever the buyer makes of them.
    const card = playAction(bargainer, after, { type: 'card-sent', product: bargainer.shop.products[0]?.id ?? '' });
    expect(card.turns[1]).toMatchObject({ kind: 'action', subject: bargainer.shop.products[0]?.name, at: 'press-discount' });
    const address = playAction(bargainer, card, { type: 'address-confirmed' });
    expect(address.turns[2]).toMatchObject({ kind: 'action', action: { type: 'address-confirmed' } });
    expect(address.turns[2]?.subject).toBeUndefined();
  });

  it('an action is not a reply: it cannot become an embedded test', () => {
    const play = startAt('link-bait');
    const turn = playAction(phisher, play, { type: 'link-opened', messageId: lineWith(play.opening, 'link').id }).turns[0];
    if (!turn) throw new Error('no turn');
    expect(() => testFromTurn(phisher, turn, 'bad')).toThrow();
  });
});
