// 「不以利益换评价」 reads reviewLexicon.ts: a coupon or a gift handed over for a review buys it as much
// as cash-back does (追评送优惠券, 好评送券). A coupon anyone may take, or one refused, buys nothing.
import { describe, expect, it } from 'vitest';
import { outcomeOf, reply } from './fixtures.ts';

const RULE = 'no-review-inducement';
const OPENING = reply('亲，您好，这款鞋子质量有保障的，您放心', { intents: ['greeting'] });

describe('no-review-inducement: coupons and gifts for a review', () => {
  it.each(['追评送优惠券', '亲，好评送券哦', '给个五星好评送您一张10元无门槛券', '晒图送小礼物哦', '送您一张优惠券，换个好评'])('%s fails', (text) => {
    expect(outcomeOf(RULE, [OPENING, reply(text)])).toBe('fail');
  });

  it.each([
    '关注店铺领20元券，收到满意麻烦给个好评哦',
    '收到满意的话麻烦给个好评哦，下次购物可以用20元优惠券',
    '好评送券是违规的，我们不做',
  ])('%s is n/a', (text) => {
    expect(outcomeOf(RULE, [OPENING, reply(text)])).toBe('n/a');
  });
});
