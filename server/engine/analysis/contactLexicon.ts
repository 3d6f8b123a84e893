// Patterns for off-platform contact (digest §5.11, rule 49), over normalised text, where 扣扣 is
// already "qq" and V信 already "微信". Each alternative is one named group = one ContactHit kind.

const ID_GAP = '[ :=是为]{0,3}';

/** A refusal cue that, near a contact word, makes it a warning rather than an offer. */
export const REFUSAL_CUE = /违规|违反|谨防|小心|警惕|提防|诈骗|骗子|风险|不支持|封号|封店|只能在|只在/u;

export const CONTACT_SOURCE = [
  `(?<email>(?<![a-z0-9._%+\\-])[a-z0-9._%+\\-]+@[a-z0-9\\-]+(?:\\.[a-z0-9\\-]+)*\\.[a-z]{2,}|(?:qq|网易|163|126|私人)?邮箱(?:地址|号)?)`,
  `(?<qq>(?<![@.a-z])qq(?! ?\\.com)(?: ?号码?)?(?:${ID_GAP}\\d{5,12})?)`,
  `(?<wechat>微信(?:号|账号)?(?:${ID_GAP}(?:[a-z][-_a-z0-9]{5,19}|\\d{5,12}))?)`,
  // asking for or handing out a phone number without digits in the reply (留个电话)
  '(?<phone>留(?:个|下|一下)?(?:您的|你的|您|你)?(?:电话|手机号?|联系方式)|(?:电话|手机号?)(?:号码)?(?:是)?多少|' +
    '加(?:我|个)?(?:电话|手机号)|打(?:我|给我)的?(?:电话|手机)|(?:私人|私下|其他|别的)(?:电话|号码|联系方式))',
  '(?<other>钉钉|抖音号?|快手号?|微博号?|陌陌|小红书号?|飞书|whatsapp|telegram|skype|line号|' +
    '支付宝(?:账号|转账|收款码)|转账给我|收款码|私聊|私下(?:交易|联系|转账|付款)?|线下(?:交易|转账|付款)|' +
    '加(?:我|个)?好友|加我(?![们旺千]))',
  // a bare number right after a contact verb (加 12345678, 联系 0571...)
  '(?<number>(?:加|联系|私聊|找我|拨打|打)[ :]{0,2}\\d{5,12}(?!\\d))',
].join('|');

/** Confirming the delivery address legitimately mentions the buyer's phone (收货电话是多少). */
export const ADDRESS_CONTEXT = /收货|收件|地址|配送/u;

/** …unless the number is the agent's own: 收货有问题打我电话, 收货时联系我. */
export const OWN_CONTACT = /我的|[打找加]我|联系我|给我|我(?:电话|手机)|[打拨]|致电|私/u;

/**
 * Further items of a contact list (QQ、微信、电话): a refusal after the list covers every item, so
 * its post-posed negation is looked for after the last one. A closing 之类的/这些 belongs to the list.
 */
export const CONTACT_LIST_ITEM = /(?:号码?|账号)?(?:[、/和跟与及或]|以及|或者|还有)(?:qq|微信|电话|手机号?|联系方式|邮箱|钉钉|私聊)(?:号码?|账号)?/uy;
export const CONTACT_LIST_CLOSE = /之类的?|等等?|这些|什么的/uy;

// Where 11 digits are an order, tracking or pickup number rather than a phone number.
export const ORDER_CONTEXT = /订单|单号|运单|快递|物流|编号|取件码|工单|售后单|包裹/u;
