// Patterns for off-platform contact (digest §5.11, rule 49), over normalised text, where 扣扣 is
// already "qq" and V信 already "微信". Each alternative is one named group = one ContactHit kind.

const ID_GAP = '[ :=是为]{0,3}';
/** Whose hotline it is when not the shop's: the platform's or a courier's. */
const NOT_SHOP_LINE = '快递|物流|支付宝|淘宝|天猫|平台|官方|阿里|顺丰|中通|圆通|申通|韵达|邮政';

/** A refusal cue that, near a contact word, makes it a warning rather than an offer. */
export const REFUSAL_CUE = /违规|违反|谨防|小心|警惕|提防|诈骗|骗子|风险|不支持|封号|封店|只能在|只在/u;

export const CONTACT_SOURCE = [
  `(?<email>(?<![a-z0-9._%+\\-])[a-z0-9._%+\\-]+@[a-z0-9\\-]+(?:\\.[a-z0-9\\-]+)*\\.[a-z]{2,}|(?:qq|网易|163|126|私人)?邮箱(?:地址|号)?)`,
  `(?<qq>(?<![@.a-z])qq(?! ?\\.com)(?: ?号码?)?(?:${ID_GAP}\\d{5,12})?)`,
  `(?<wechat>微信(?:号|账号)?(?:${ID_GAP}(?:[a-z][-_a-z0-9]{5,19}|\\d{5,12}))?)`,
  // asking for or handing out a phone number without digits in the reply (留个电话)
  '(?<phone>留(?:个|下|一下)?(?:您的|你的|您|你)?(?:电话|手机号?|联系方式)|(?:电话|手机号?)(?:号码)?(?:是)?多少|' +
    '加(?:我|个)?(?:电话|手机号)|打(?:我|给我)的?(?:电话|手机)|(?:私人|私下|其他|别的)(?:电话|号码|联系方式)|' +
    // asking for the buyer's number in chat (您发个手机号给我); 发一下收货地址和手机号 is the address
    '(?:发|报|告诉)(?:个|一下|下)?(?:我|我们)?(?:您的|你的|您|你)?(?:电话|手机号?)(?:号码)?(?:给我|发我|过来)|' +
    // calling the shop or the agent (打电话到我们店里, 给我们打个电话); 快递员会打电话给您 is not
    '(?:打|拨)(?:个|一下|下|一个)?(?:电话|手机)(?:到|给|来|过来)?(?:我|咱|店里|店铺|本店)(?![^,.!?;:。\\n~]{0,6}(?:快递|物流|仓库|厂家|工厂|合作|师傅|驿站))|' +
    '给(?:我|我们|店里)打(?:个|一下)?电话|' +
    // the shop's own line handed out with its number, whatever the number: 我们店的客服电话是95188 sends the
    // buyer off the chat even when the digits are a hotline's; 支付宝官方客服电话95188 names the platform's own
    `(?:我们|咱们|店里|店铺|本店|我)(?:(?!${NOT_SHOP_LINE})[^,.!?;:。\\n~]){0,5}?(?:电话|手机号?|热线)(?:号码)?${ID_GAP}\\d{5,12}(?!\\d))`,
  '(?<other>钉钉|抖音号?|快手号?|微博号?|陌陌|小红书号?|飞书|whatsapp|telegram|skype|line号|' +
    '支付宝(?:账号|转账|收款码)|转账给我|收款码|私聊|私下(?:交易|联系|转账|付款)?|' +
    // money outside the order: 线下给您退款, 支付宝转您, 转您100块, 打到您支付宝 (a refund 原路退回支付宝 is the platform's)
    '线下(?:[^,.!?;:。\\n~]{0,4}?)(?:交易|转|付|退|返|赔|补|打款|结算|解决|联系|沟通)|支付宝(?:直接|私下)?(?:转|打|给)(?:账|款|钱)?(?:给)?(?:您|你|我)|' +
    '(?:转|打)(?:账|款|钱)?(?:给|到)?(?:您|你)的?(?:支付宝|银行卡|卡上|卡里)|转(?:账)?(?:给)?(?:您|你)\\d+(?:元|块)|' +
    // a QR code or a side account to add someone by (扫二维码加售后, 私信我的小号); 扫码验真伪 is not
    '二维码(?=[^,.!?;:。\\n~]{0,6}(?:加|进群|联系|好友|关注|客服|售后))|二维码(?<=(?:加|进群|联系|好友)[^,.!?;:。\\n~]{0,12}二维码)|' +
    '扫(?:一下|下|一扫|码|个码)?[^,.!?;:。\\n~]{0,4}?(?:加(?:售后|客服|好友|我|群)|进群)|' +
    '(?:私信|加|联系|找)(?:一下|下)?我的?小号|我的小号(?![码的鞋])|' +
    '加(?:我|个)?好友|加我(?![们旺千]))',
  // a bare number after a contact verb (加 12345678, 可以加一下：283746591, 拨一下 138…); short
  // service lines (95311, 9510211, 12315) are the platform's or a courier's, not a private contact
  '(?<number>(?:加|联系|私聊|找|拨打|拨|打|致电)(?:我|我的|一下|下|个|这个)?(?:号码?|电话)?[ :=是]{0,3}' +
    '(?!(?:9[56]\\d{3,5}|1[0-2]\\d{3})(?!\\d))\\d{5,12}(?!\\d)(?! ?(?:元|块|积分|分|件|双|人|个|次|单|米|克)))',
].join('|');

/**
 * An e-mail box named (without an address) for the e-invoice: noted in the order (在订单里备注邮箱)
 * or the buyer's own box receiving it (电子发票会发到您预留的邮箱). Both go through the platform's
 * order; 把视频发我邮箱 does not. Both are looked for in the clause before the word.
 */
export const ORDER_NOTE = /备注|订单(?:里|中|上|页)/u;
export const INVOICE_TO_BUYER = /发票[^,.!?;:。\n~]*(?:您|你)[^,.!?;:。\n~我们]{0,5}$/u;

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
