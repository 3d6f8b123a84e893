// Buying a review: money (cash-back, a red packet, a sum, a coupon or a gift) offered for a good review, or for dropping,
// changing or not writing a bad one (好评返现, 别差评 给你返20, 删差评给您补偿). Platforms treat a
// review bought with a benefit as a fake review. The digest does not name this rule (§4(d) marks it
// a product decision), so it is listed here for a rule to use, not turned into a red line by itself.
// Asking for a good review on its own is good practice (digest §1.4 step 8) and is left alone, as is
// compensation for the defect with no review attached.

/** What a review is called; 五星 / 晒图 are the ratings and photo reviews a shop buys. */
const REVIEW = '(?:中差评|好评|差评|中评|评价|追评|五星|5星|晒图|评分)';
/** A sum: 20, 20元, 二十块, 5块钱. */
const SUM = '(?:\\d+(?:\\.\\d+)?(?:元|块钱?|rmb)?|[一两二三四五六七八九十百]+(?:元|块钱?))';
/**
 * A coupon or a gift handed over, with or without its value: 送优惠券, 送券, 送您一张10元无门槛券,
 * 返个小礼物. Only handed over (送/返/给/补/发/赠): 关注店铺领20元券 points to a coupon anyone may take.
 */
const GIFT = `(?:返|送|给|补|发|赠)(?:您|你)?(?:一|1|两|2|几)?(?:张|个|份|点)?(?:${SUM})?(?:的)?(?:无门槛)?(?:优惠券|代金券|现金券|抵用券|券|礼品|小礼品|礼物|小礼物)`;
/** Something of money's worth handed over: 返现, 红包, 返20, 给你20块, 补您十元, 现金, a coupon or gift. */
const MONEY = `(?:返现|返利|现金|红包|${GIFT}|(?:返|送|给|补|转|退|发)(?:您|你)?(?:个|点|上)?${SUM}|返(?:您|你)(?:钱|现))`;
/** Said right after the offer, it refuses or condemns it: 好评返现是违规的, 好评返现我们不做. */
const REFUSED_AFTER = '(?![^,.!?;:。\\n~]{0,6}(?:违规|不允许|不可以|不能|不行|不做|不搞|没有|不存在|禁止))';
/** 好评率 / 评价很好 talk about the reviews the item has, not one being asked for. */
const NOT_A_REQUEST = '(?!率|如潮|数|区|里|中|很|都)';
/** No sentence end between the review and the money; commas and spaces may (别差评啊 加我微信 给你返20). */
const GAP = '[^.!?;。\\n~]';

/**
 * Negation is judged where the money is (the groups `paid` and `offer`): 别差评 is the inducement
 * itself, while 不能给您返现 refuses it.
 */
export const REVIEW_INDUCEMENT: readonly string[] = [
  // the fixed phrases: 好评返现, 五星好评有礼, 晒图返红包
  `${REVIEW}(?:返现|返利|有礼|送红包|返红包)${REFUSED_AFTER}`,
  // the review, then the money: 给个好评返您10元, 别差评啊 加我微信 给你返20, 删了差评给你补20块
  `${REVIEW}${NOT_A_REQUEST}${GAP}{0,24}?(?<paid>${MONEY})${REFUSED_AFTER}`,
  // the money, then the review it buys: 发您20元红包换个好评, 红包给你 把差评删了 (a refund followed by
  // 麻烦给个好评 ties nothing to the review, so only an exchange or a dropped review counts here)
  `(?<offer>${MONEY})${GAP}{0,16}?(?:(?:换|求|删|撤|改|别给|不要给|别)${GAP}{0,6}?${REVIEW}|${REVIEW}(?:删|撤|改))${REFUSED_AFTER}`,
];
