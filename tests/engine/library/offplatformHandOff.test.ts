// Audit item 20: an e-mail box or the shop's own phone line handed to the buyer is off-platform
// contact for the red line (no-offplatform-contact) AND for the buyer (offer-offplatform: she
// screenshots it and reports the shop). Whose line it is decides, not the digits: 我们店的客服电话是
// 95188 presents Alipay's hotline as the shop's own number (wrong, and it moves the talk off the chat
// all the same), while naming 95188 as Alipay's hotline refers to the platform itself (digest §4(c):
// never give a QQ, WeChat or phone number of the shop; keep the talk in the platform chat).
import { describe, expect, it } from 'vitest';
import { analyzeText, detectOffPlatformContact } from '../../../server/engine/analysis/index.ts';
import { intentsOf } from './lexiconTable.ts';

const CASES: [reply: string, offPlatform: boolean][] = [
  ['亲，那您把视频发到我们售后邮箱也行', true],
  ['视频您发我们客服邮箱吧', true],
  ['亲，我们店的客服电话是95188', true],
  ['我们店里的售后电话 95311，您打过来', true],
  ['咱们店的热线是4001234567', true],
  // near misses: the platform's or a courier's own hotline, the e-invoice box, a refused mailbox
  ['付款的问题可以问支付宝官方客服电话是95188', false],
  ['我帮您查了快递电话是95311', false],
  ['电子发票会发到您预留的邮箱', false],
  ['亲，在订单里备注邮箱就行', false],
  ['邮箱这边不方便哦，视频直接在这个聊天窗口发就行', false],
];

describe('off-platform hand-off: the red line and the buyer agree', () => {
  it.each(CASES)('%s -> %s', (reply, offPlatform) => {
    const d = detectOffPlatformContact(analyzeText(reply));
    expect({ redLine: d.hit, buyer: intentsOf(reply).includes('offer-offplatform') }, JSON.stringify(d))
      .toEqual({ redLine: offPlatform, buyer: offPlatform });
  });
});
