// findKeywords(): occurrences and negation scope, including the idioms that only look negative.
import { describe, expect, it } from 'vitest';
import { findKeywords, normalize } from '../../../server/engine/analysis/index.ts';

const negated = (text: string, keyword: string) => findKeywords(normalize(text), keyword).map((h) => h.negated);

describe('findKeywords: negation scope', () => {
  it.each([
    ['平台规定不能加QQ哦', 'qq'],
    ['不好加微信', '微信'],
    ['没有微信', '微信'],
    ['别加微信', '微信'],
    ['请勿加微信', '微信'],
    ['未发货', '发货'],
    ['无法发货', '发货'],
    ['严禁私下交易', '交易'],
    ['禁止私下交易', '交易'],
    ['不可以加Q Q', 'qq'],
    ['不允许加微信', 'V信'],
    ['不要加薇信', '微信'],
    ['不用发货', '发货'],
    ['没法发货', '发货'],
    ['我们这边不可以给您提供私人联系方式', '联系方式'],
    ['不能加微信、QQ', 'qq'],
    ['不加 微 信', '微信'],
    ['不好意思不能加微信', '微信'],
    ['不能加微信', '微信'],
  ])('%j: %s is negated', (text, keyword) => {
    expect(negated(text, keyword)).toEqual([true]);
  });

  it.each([
    ['不好意思，加微信', '微信'],
    ['不好意思加微信', '微信'],
    ['不客气，微信联系', '微信'],
    ['没问题，微信发您', '微信'],
    ['没关系，包邮', '包邮'],
    ['不错，合脚', '合脚'],
    ['不用谢，发货了', '发货'],
    ['马不停蹄发货', '发货'],
    ['差不多合脚', '合脚'],
    ['对不起，合脚的', '合脚'],
    ['不得不说很合脚', '合脚'],
    ['特别合脚', '合脚'],
    ['别人都说合脚', '合脚'],
    ['能不能加微信', '微信'],
    ['有没有微信', '微信'],
    ['要不加微信吧', '微信'],
    ['不能加微信，但是可以旺旺', '旺旺'],
    ['不过旺旺可以', '旺旺'],
    ['不能包邮。合脚', '合脚'],
    ['我们不会，合脚', '合脚'],
    ['不会吧，这么合脚', '合脚'],
    ['不方便透露的细节我们都写在商品详情页面的合脚说明', '合脚'],
    // a negator inside a condition does not reach past it
    ['真不到的话加我微信', '微信'],
    ['如果不合适就加我微信', '微信'],
  ])('%j: %s is not negated', (text, keyword) => {
    expect(negated(text, keyword)).toEqual([false]);
  });
});

describe('findKeywords: a denial after the keyword, at the end of its clause', () => {
  it.each([
    ['赠品是没有的', '赠品'],
    ['小礼物这边确实没有', '小礼物'],
    ['赠品我们这边确实是没有的哦', '赠品'],
    ['赠品没有了', '赠品'],
    ['包邮不行的亲', '包邮'],
    ['包邮这个不可以哦～', '包邮'],
    ['赠品不能送的哦', '赠品'],
    ['小礼物送不了哦', '小礼物'],
    ['优惠无法提供，抱歉', '优惠'],
    ['赠品真的没有[捂脸]', '赠品'],
    // the keyword takes the potential complement itself; this need not close the clause
    ['我保证不了具体哪天', '保证'],
    ['价格便宜不了了', '便宜'],
  ])('%j: %s is negated', (text, keyword) => {
    expect(negated(text, keyword)).toEqual([true]);
  });

  it.each([
    // a question or a condition, not a denial
    ['有赠品没有？', '赠品'],
    ['赠品不行吗', '赠品'],
    ['照片没有的话也可以发视频', '照片'],
    // the negator governs what follows it, not the keyword
    ['物流信息没有更新', '物流信息'],
    ['退货没有问题的', '退货'],
    ['领导也没法给您更低', '领导'],
    ['优惠券不能和满减一起用', '优惠券'],
    // idioms and A-not-A
    ['赠品少不了您的', '赠品'],
    ['尺码这块我少不了', '少'],
    ['这个尺码不了解的话可以问我', '尺码'],
    ['包邮行不行', '包邮'],
    // something other than filler between keyword and negator
    ['尺码表合适没有', '尺码表'],
    ['赠品送完了，没有了', '赠品'],
  ])('%j: %s is not negated', (text, keyword) => {
    expect(negated(text, keyword)).toEqual([false]);
  });
});

describe('findKeywords: occurrences', () => {
  it('finds every occurrence with its index', () => {
    expect(findKeywords('微信微信', '微信')).toEqual([
      { keyword: '微信', index: 0, negated: false },
      { keyword: '微信', index: 2, negated: false },
    ]);
  });

  it('normalises the keyword like the text', () => {
    expect(findKeywords(normalize('絕對合腳'), '絕對').map((h) => h.index)).toEqual([0]);
    expect(findKeywords(normalize('加我微信'), 'V信').map((h) => h.keyword)).toEqual(['V信']);
  });

  it('finds nothing for an absent or empty keyword', () => {
    expect(findKeywords('好的', '微信')).toEqual([]);
    expect(findKeywords('好的', '  ')).toEqual([]);
  });
});
