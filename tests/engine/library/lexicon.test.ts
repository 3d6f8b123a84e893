// The global intent lexicon (scenarios/intents.yaml): it parses, and realistic trainee replies hit
// the intents persona scenarios branch on — and, just as important, miss the look-alike ones
// (a refusal is not a concession, a negated guarantee is not a guarantee).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lexiconSchema } from '../../../server/engine/scenario/schema.ts';
import type { Lexicon } from '../../../server/engine/scenario/schema.ts';
import { analyzeText, compileLexicon } from '../../../server/engine/analysis/index.ts';

const file = fileURLToPath(new URL('../../../scenarios/intents.yaml', import.meta.url));
const lexicon: Lexicon = lexiconSchema.parse(parse(readFileSync(file, 'utf8')));
const compiled = compileLexicon(lexicon.intents);
const intentsOf = (reply: string): string[] => compiled.match(analyzeText(reply));

/** [reply, intents it must match, intents it must not match] */
type Row = [reply: string, yes: string[], no?: string[]];

const greetingAndClose: Row[] = [
  ['亲，您好！欢迎光临踏峰户外官方旗舰店，我是小峰，有什么可以帮您的吗😊', ['greeting', 'genuine-guarantee'], ['concede-discount', 'rude-reply']],
  ['親，您好！歡迎光臨踏峰旗艦店～', ['greeting'], ['apology']],
  ['亲亲～在的哦', ['greeting'], ['thanks']],
  ['Hi～踏峰旗艦店小溪為您服務🌸', ['greeting']],
  ['在的亲，请问想看哪款鞋子呢？', ['greeting']],
  ['现在的活动价很划算', [], ['greeting']],
  ['谢谢亲的支持，欢迎再来！', ['thanks', 'invite-favourite']],
  ['好的', [], ['greeting', 'thanks', 'concede-discount', 'payment-nudge']],
  ['嗯嗯好的呢', [], ['greeting', 'thanks', 'concede-discount']],
  ['欢迎收藏关注小店，上新会第一时间通知您', ['invite-favourite', 'hedged-commitment']],
  ['亲，要不您先收藏一下店铺，等有活动再来看看', ['invite-favourite', 'mention-promotion']],
  ['收到货记得开箱验货，有问题随时联系我们，满意的话给个五星好评哦😘', ['inspect-on-delivery', 'aftersale-route', 'review-mention']],
  ['亲，您的收货地址是杭州市西湖区文三路88号吧？麻烦核对一下', ['address-confirm']],
  ['好滴～已给您备注42码岩石棕，赠品鞋带也备注上了', ['order-recap', 'concrete-size', 'offer-gift']],
  ['亲，签收前先检查下外包装，有破损可以拒签哈', ['inspect-on-delivery']],
  ['您眼光真好，这款是我们卖得最好的', ['praise-choice'], ['overpraise']],
  ['这款是我们店销量第一的，买家秀可以参考下', ['review-mention'], ['overpraise']],
  ['理解您的心情，换做是我也会着急的', ['empathy-acknowledge']],
];

const bargainer: Row[] = [
  ['亲，实在不好意思，这已经是活动价了，不能再便宜了，请您谅解哦~', ['apology', 'polite-refusal', 'firm-price', 'mention-promotion'], ['concede-discount', 'rude-reply']],
  ['實在抱歉，這已經是最低價了，不能再便宜了，請您諒解', ['apology', 'polite-refusal', 'firm-price'], ['concede-discount']],
  ['亲，这个价格已经是最低价了，真的没有议价空间呢', ['firm-price'], ['concede-discount']],
  ['抱歉亲，折扣是没有的，小店利润很薄', ['firm-price', 'polite-refusal', 'apology'], ['concede-discount']],
  ['不能再便宜了，再给您便宜我们就亏本了', ['firm-price'], ['concede-discount']],
  ['亲，我们家是明码标价，全网统一价哦，不议价的', ['firm-price'], ['concede-discount']],
  ['介个价格已经是底价啦，真滴不能再少了哈', ['firm-price'], ['concede-discount']],
  ['亲～这个价格公司定的，我这边真的改不了🙏', ['firm-price'], ['concede-discount']],
  ['不好意思哈 我们这边没有优惠了 已经是活动价了', ['firm-price', 'polite-refusal', 'mention-promotion'], ['concede-discount']],
  ['亲，木有办法再便宜惹😭', ['firm-price'], ['concede-discount']],
  ['可以给您送一双袜子，但价格不能动哦', ['offer-gift', 'firm-price'], ['concede-discount']],
  ['亲，这边帮您问了主管，最多只能送您一个鞋袋，价格是真的动不了了', ['escalate-supervisor', 'offer-gift', 'firm-price'], ['concede-discount']],
  ['价格真的改不了，不过可以送您一副备用鞋带作为小礼物，您看可以吗？', ['firm-price', 'offer-gift'], ['concede-discount']],
  ['实在不能再少了，要不我送你一条速干毛巾吧', ['firm-price', 'offer-gift'], ['concede-discount']],
  ['好吧，那给您便宜20元，您尽快拍下哈', ['concede-discount', 'payment-nudge'], ['firm-price', 'polite-refusal']],
  ['行吧行吧，就850给你了，赶紧拍', ['concede-discount'], ['firm-price']],
  ['可以的亲，给您打个9折吧', ['concede-discount'], ['firm-price']],
  ['老顧客了，給您打9折', ['concede-discount']],
  ['给你打八五折，别和别人说哈', ['concede-discount']],
  ['这样吧，我给您抹个零，算您990', ['concede-discount']],
  ['好的，按您说的价格来，您拍下我改价', ['concede-discount', 'payment-nudge']],
  ['最低给您950，不能再低了', ['concede-discount']],
  ['好的，就按你说的850吧', ['concede-discount']],
  ['可以给你便宜点', ['concede-discount'], ['firm-price']],
  ['再少收您30块，成交', ['concede-discount']],
  ['這款已經是冬季戶外節的活動價了，比專櫃便宜了300元呢', ['mention-promotion', 'value-justification'], ['concede-discount']],
  ['两双一起拍还能再减80元哦，很划算的', ['mention-promotion', 'value-justification'], ['concede-discount']],
  ['亲，领一张满899减60的券，用券后更便宜', ['mention-promotion'], ['concede-discount']],
  ['买两双可以用满899减60的券，相当于再省60块', ['mention-promotion'], ['concede-discount']],
  ['运费是快递公司收取的，我们只是代收，所以没办法包邮哦，请理解', ['shipping-fee-explained', 'refuse-free-shipping', 'polite-refusal'], ['concede-free-shipping']],
  ['亲，满999元才包邮的哦，两双鞋重量更重，运费不能免呢', ['refuse-free-shipping', 'shipping-fee-explained'], ['concede-free-shipping']],
  ['两双的话包裹更重，快递费是按重量算的，这个真的免不了哦', ['shipping-fee-explained', 'refuse-free-shipping'], ['concede-free-shipping']],
  ['两双鞋子一起寄会更重一些，运费还是要收的哦', ['shipping-fee-explained', 'refuse-free-shipping'], ['concede-free-shipping', 'related-recommendation']],
  ['没办法给您包邮呢，亲', ['refuse-free-shipping'], ['concede-free-shipping']],
  ['包邮是做不到的哦，抱歉', ['refuse-free-shipping', 'polite-refusal', 'apology'], ['concede-free-shipping']],
  ['不好意思亲，不包邮的哈', ['refuse-free-shipping', 'polite-refusal'], ['concede-free-shipping']],
  ['好的亲，这单给您包邮！', ['concede-free-shipping'], ['refuse-free-shipping']],
  ['运费我出吧，您下单就行', ['concede-free-shipping', 'payment-nudge'], ['refuse-free-shipping']],
  ['两双可以给您包邮', ['concede-free-shipping'], ['refuse-free-shipping']],
  ['可以的亲，木有问题，这单就包邮吧～', ['concede-free-shipping'], ['refuse-free-shipping']],
  ['亲，现在全场活动，满999就包邮哦', ['mention-promotion'], ['concede-free-shipping']],
  ['满999包邮哦，您再凑一双袜子就够了', ['mention-promotion', 'related-recommendation'], ['concede-free-shipping']],
  ['不能送赠品哦亲', [], ['offer-gift']],
  ['亲，没有赠品了哦', [], ['offer-gift']],
  ['赠品送完了，抱歉哦', ['apology'], ['offer-gift']],
  ['我们会把包裹送到您家门口', [], ['offer-gift']],
  ['亲 這邊給您備註送一雙襪子～', ['offer-gift', 'order-recap']],
  ['爱买不买，嫌贵就去别家', ['rude-reply'], ['polite-refusal']],
  ['买不起就别买了', ['rude-reply']],
  ['理解您想买得更实惠的心情，不过这双是头层牛皮加GORE-TEX，做工用料都很扎实，收到您就知道物有所值', ['empathy-acknowledge', 'value-justification'], ['concede-discount']],
  ['ＧＯＲＥ－ＴＥＸ防水透氣，Vibram大底，實體店要1299呢', ['value-justification'], ['concede-discount']],
  ['這雙鞋真的物超所值，穿個三五年沒問題', ['value-justification']],
  ['親，這款GTX高幫靴是頭層牛皮的，防水透氣，走山路很穩👍', ['value-justification'], ['overpraise']],
  ['这双鞋不是最好的，但性价比很高', ['value-justification'], ['overpraise']],
  ['这双鞋子还可以搭配我们的羊毛徒步袜，套餐价更划算哦', ['related-recommendation', 'mention-promotion']],
  ['建议再加一副乳胶鞋垫，长时间走路更舒服', ['related-recommendation']],
  ['亲，我们是天猫官方旗舰店，保证正品，假一赔十，支持7天无理由退换，您可以放心购买', ['genuine-guarantee', 'seven-day-return'], ['absolute-promise']],
  ['现在拍下，今天16点前付款当天就能发货哦~', ['payment-nudge'], ['concrete-size', 'concede-discount']],
  ['亲，看到您的订单还没有付款，是遇到什么问题了吗？超过1天系统会自动关闭订单哦', ['payment-nudge']],
  ['44码只剩最后1双了，喜欢的话尽早拍哦', ['urgency-claim', 'payment-nudge', 'concrete-size']],
  ['抱歉，这个颜色暂时断码了，可以看看墨绿色', ['apology', 'urgency-claim']],
  ['这个我做不了主，我去帮您反馈给主管看看', ['escalate-supervisor'], ['concede-discount']],
  ['亲 这个真的不能再便宜了 不过可以送您个小礼物', ['firm-price', 'offer-gift'], ['concede-discount']],
  ['这个价格我们是没办法改的哦，还请您体谅', ['firm-price', 'polite-refusal'], ['concede-discount']],
  ['亲，已经给您优惠过了哦', ['firm-price'], ['concede-discount']],
  ['不能再给您减了', ['firm-price'], ['concede-discount']],
  ['给您让利已经到底了', ['firm-price'], ['concede-discount']],
  ['给您便宜是不可能的啦', ['firm-price'], ['concede-discount']],
  ['价格方面真的爱莫能助', ['firm-price'], ['concede-discount']],
  ['这款699已经很便宜了', ['firm-price'], ['concede-discount']],
  ['我们不打折的亲', ['firm-price'], ['concede-discount']],
  ['您要是两双一起拍，可以给您减80', ['mention-promotion'], ['concede-discount']],
  ['给您便宜10块吧', ['concede-discount'], ['firm-price']],
  ['亲可以的，给您便宜十块', ['concede-discount']],
  ['那就九百块拿走吧', ['concede-discount']],
  ['好吧好吧 820 成交', ['concede-discount']],
  ['699给您拿走', ['concede-discount']],
  ['这样吧 您拍下 我给您改成899', ['concede-discount', 'payment-nudge']],
  ['运费可以给您减半', ['concede-free-shipping']],
  ['运费不能给您减半哦', ['refuse-free-shipping'], ['concede-free-shipping', 'concede-discount']],
  ['没问题 给你包邮', ['concede-free-shipping']],
  ['好吧好吧，邮费我们出了', ['concede-free-shipping']],
  ['木有包邮哦亲', ['refuse-free-shipping'], ['concede-free-shipping']],
  ['两双也是要运费的哈', ['refuse-free-shipping'], ['concede-free-shipping']],
  ['不好意思亲，运费是快递公司收的，我们这边没法承担', ['apology', 'polite-refusal', 'refuse-free-shipping', 'shipping-fee-explained'], ['concede-free-shipping']],
  ['亲，邮费是快递收的，不是我们收的哈', ['shipping-fee-explained']],
  ['运费12元是快递公司的协议价', ['shipping-fee-explained']],
  // a post-posed denial (赠品是没有的) is not an offer; questions and conditionals are not denials
  ['小礼物这边确实没有哦，不过价格已经是活动价了', ['mention-promotion'], ['offer-gift']],
  ['赠品是没有的', [], ['offer-gift']],
  ['赠品我们这边确实是没有的哦', [], ['offer-gift']],
  ['亲，小礼物送不了哦', [], ['offer-gift']],
  ['赠品不能送的哦', [], ['offer-gift']],
  ['优惠是没有的哦', ['firm-price'], ['concede-discount']],
  ['领导也没法给您更低了，不过可以送您个小礼物', ['escalate-supervisor', 'offer-gift']],
  // 两双 only vetoes a cut when it is the real multi-buy (两双…减, 两双一起买便宜80)
  ['两双给你便宜30', ['concede-discount']],
  ['两双700包邮给你', ['concede-discount']],
  ['好的亲，两双给您便宜30吧', ['concede-discount']],
  ['两双一起买可以便宜80哦', ['mention-promotion'], ['concede-discount']],
  ['两双已经减80了，真的没法再便宜了', ['mention-promotion', 'firm-price'], ['concede-discount']],
  ['关注店铺可以领20元券', ['mention-promotion', 'invite-favourite'], ['concede-discount']],
  ['两双不能再减了', ['firm-price'], ['mention-promotion', 'concede-discount']],
  // the softener and the no may sit in neighbouring sentences
  ['亲，理解您。这个价格已经是最低了', ['polite-refusal', 'empathy-acknowledge', 'firm-price'], ['concede-discount']],
  ['不好意思哈。已经是最低价了', ['polite-refusal', 'firm-price']],
  ['亲，理解您的心情。价格真的没法再低了', ['polite-refusal', 'firm-price']],
  ['抱歉让您久等了。这款不能机洗哦', ['apology'], ['polite-refusal']],
  ['非常抱歉给您添麻烦了。周四前还无法送达的话我们马上给您补发', ['apology', 'remedy-offer'], ['polite-refusal']],
  // a space between two clauses ends the first one: 没有 no longer reaches 活动价/小礼物
  ['不好意思哈 我们这边没有优惠了 不过可以送您个小礼物', ['firm-price', 'offer-gift', 'polite-refusal']],
  ['没有赠品了 送您的是运费险', [], ['offer-gift']],
  ['你就是骗子吧，少来这套', ['rude-reply']],
  ['您是骗子吧', ['rude-reply']],
  ['少来这一套', ['rude-reply']],
  ['谨防骗子，不要点陌生链接', ['refuse-link'], ['rude-reply']],
  ['我不是说您是骗子，只是为了账户安全', [], ['rude-reply']],
];

const sizeHesitant: Row[] = [
  ['亲，我们家鞋子是正常码，按您平时穿运动鞋的尺码拍就可以', ['size-standard'], ['vague-size-answer', 'ask-foot-info', 'size-up-advice']],
  ['码数是标准的哦，平时穿多大拍多大', ['size-standard'], ['ask-foot-info']],
  ['這款偏小半碼，建議您拍大一碼哦', ['size-up-advice', 'honest-disclosure'], ['size-down-advice']],
  ['鞋子尺码偏小，我们这边建议拍大1码~', ['size-up-advice'], ['size-down-advice']],
  ['行者这款楦型偏宽，脚瘦的话建议拍小一码', ['size-down-advice', 'honest-disclosure'], ['size-up-advice', 'ask-foot-info']],
  ['都市这款偏大半码，您脚偏瘦可以选小一码', ['size-down-advice'], ['size-up-advice']],
  ['您脚背高的话大一码更舒服，穿厚袜子也有空间', ['size-up-advice'], ['related-recommendation', 'ask-foot-info']],
  ['不用大一码，按平时的码拍就行', ['size-standard'], ['size-up-advice']],
  ['您平时穿42的话，建议拍43码，留一点穿厚袜子的空间', ['concrete-size'], ['related-recommendation', 'vague-size-answer']],
  ['亲亲 42码43码纠结的话 选43码更保险哦 因为可以穿厚袜子', ['concrete-size'], ['vague-size-answer']],
  ['两个码都能穿，不过建议您选43码', ['concrete-size'], ['vague-size-answer']],
  ['亲，42码您穿刚好', ['concrete-size']],
  ['四十二码就可以', ['concrete-size']],
  ['建议拍４３', ['concrete-size']],
  ['36-46码都有货哦', [], ['concrete-size']],
  ['42码和43码都可以，看您自己', ['vague-size-answer'], ['concrete-size']],
  ['随便拍一个就行', ['vague-size-answer']],
  ['尺码你自己选吧', ['vague-size-answer'], ['blame-buyer']],
  ['这款也有女款的，36码起', [], ['concrete-size']],
  ['都可以的亲~', ['vague-size-answer']],
  ['哪个都行，您看着选吧', ['vague-size-answer']],
  ['不要随便拍，先量一下脚长', ['ask-foot-info'], ['vague-size-answer']],
  ['放心拍，保证合脚！', ['fit-guarantee', 'absolute-promise']],
  ['绝对合适的，您闭眼入', ['fit-guarantee', 'absolute-promise']],
  ['43码肯定没问题的', ['fit-guarantee', 'concrete-size']],
  ['不能保证百分百合脚哦，尺码表仅供参考，您可以对照脚长选择', ['size-chart-reference'], ['fit-guarantee', 'absolute-promise']],
  ['尺码表仅供参考，每个人脚型不一样', ['size-chart-reference']],
  ['亲，您平时穿多少码呢？脚背高吗？', ['ask-foot-info'], ['size-standard']],
  ['您的脚偏宽吗？', ['ask-foot-info']],
  ['您量一下脚长，我帮您对照尺码表', ['ask-foot-info', 'size-chart-reference']],
  ['换码属于非质量问题，来回运费需要您承担哦，不过我们支持7天无理由退换', ['exchange-shipping-buyer-pays', 'seven-day-return'], ['free-exchange-promise', 'shop-pays-return-shipping']],
  ['如果不合适，签收后7天内都可以无理由退换，寄回运费您这边承担哦', ['seven-day-return', 'exchange-shipping-buyer-pays'], ['vague-size-answer', 'free-exchange-promise']],
  ['尺码问题换货不是免费的哦，运费需要您自理', ['exchange-shipping-buyer-pays'], ['free-exchange-promise']],
  ['不合适可以免费换，运费我们出', ['free-exchange-promise'], ['exchange-shipping-buyer-pays']],
  ['尺码不合适包换的，放心', ['free-exchange-promise']],
  ['屏幕显示可能会有一点色差，请以实物为准', ['colour-caveat']],
  ['说实话这款靴子比较重，新鞋需要磨合一两周', ['honest-disclosure'], ['overpraise']],
  ['轻风网面不防水，下雨天不建议穿', ['honest-disclosure']],
  ['这款一点都不重，完美！', ['overpraise'], ['honest-disclosure']],
  ['我们的鞋零缺陷，穿一辈子都不会坏', ['overpraise']],
  ['您是平时爬山穿，还是日常通勤穿呢？想要高帮还是低帮？', ['ask-needs']],
  ['预算大概多少呢？我帮您推荐', ['ask-needs']],
  ['是送人还是自己穿呀？', ['ask-needs']],
  ['我们会尽量在今天给您发出', ['hedged-commitment'], ['absolute-promise']],
  ['肯定明天到，您放心', ['absolute-promise'], ['hedged-commitment']],
  ['亲，这款偏大一码，建议拍小一码', ['size-down-advice', 'honest-disclosure'], ['size-up-advice']],
  ['亲，这款码数稍微偏小一点点，建议您拍大一码哦', ['size-up-advice'], ['size-down-advice']],
  ['您脚偏瘦的话，拍小半码也可以', ['size-down-advice'], ['vague-size-answer']],
  ['您平时穿多大的？', ['ask-foot-info']],
  ['不知道您平时穿多少码呢', ['ask-foot-info']],
  ['我觉得您穿42应该可以', ['concrete-size']],
  ['亲，建议您选42.5码', ['concrete-size']],
  ['拍42吧，不合适7天内可以退换的', ['concrete-size', 'seven-day-return']],
  ['不确定的话拍43码', ['concrete-size']],
  ['按平常的尺码就好', ['size-standard']],
  ['跟您平时穿的运动鞋一个码就行', ['size-standard']],
  ['大小是标准的，您放心', ['size-standard']],
  ['尺码不是标准的，偏小一点', ['honest-disclosure'], ['size-standard']],
  ['这个真的没法保证哦，每个人脚型都不一样', ['size-chart-reference'], ['fit-guarantee', 'absolute-promise']],
  ['您放心穿，绝对不会磨脚', ['fit-guarantee', 'absolute-promise']],
  ['不合适换码的话运费需要您承担哈', ['exchange-shipping-buyer-pays'], ['free-exchange-promise']],
  ['质量问题我们100%退换', ['remedy-offer'], ['absolute-promise']],
  ['我们所有鞋子都是100%正品', ['genuine-guarantee'], ['absolute-promise']],
  ['包邮没问题，您放心拍', ['concede-free-shipping'], ['fit-guarantee']],
  ['包您合脚，放心拍', ['fit-guarantee']],
  ['质量有保证，您放心', [], ['absolute-promise']],
  ['我们家品质是有保证的', [], ['absolute-promise']],
  ['保证明天到', ['absolute-promise']],
  ['我不能保证明天一定到，但会尽力帮您催', ['hedged-commitment', 'tracking-action'], ['absolute-promise']],
];

const phisher: Row[] = [
  ['不好意思亲，我们这边不方便打开外部链接，您可以截图或者发一下商品名称吗？', ['apology', 'refuse-link', 'ask-screenshot', 'polite-refusal']],
  ['链接打不开哦，麻烦您截个图给我看看', ['refuse-link', 'ask-screenshot']],
  ['亲 你说的那个链接我这边打不开，发个图片吧', ['refuse-link', 'ask-screenshot', 'ask-photo']],
  ['我帮您打开链接看一下', [], ['refuse-link']],
  ['没问题，我帮您点开看看是什么链接', [], ['refuse-link']],
  ['抱歉，网络有点卡，收不了文件，您把要买的鞋子一件件加入购物车一起结算就好，我们按订单给您配货', ['refuse-file', 'cart-redirect', 'apology']],
  ['亲，文件我们这边接收不了哦，直接在页面拍下就行', ['refuse-file', 'cart-redirect']],
  ['您可以把文件发过来，我下载下来看看', [], ['refuse-file']],
  ['这个文件我下载看看哈', [], ['refuse-file']],
  ['平台规定不能加QQ哦，您有什么问题直接在这里发就行', ['decline-offplatform'], ['offer-offplatform']],
  ['不好意思亲，我們不能加微信，圖片直接發在旺旺聊天窗口就可以', ['decline-offplatform', 'apology', 'polite-refusal'], ['offer-offplatform']],
  ['微信是不能加的哦，您在这边发图片给我就好', ['decline-offplatform'], ['offer-offplatform']],
  ['加我微信吧，方便给您发视频', ['offer-offplatform'], ['decline-offplatform']],
  ['我的扣扣是123456789，加一下', ['offer-offplatform'], ['decline-offplatform']],
  ['有问题可以打我电话13812345678', ['offer-offplatform']],
  ['v信联系我哈', ['offer-offplatform']],
  ['加 我 薇 信 吧', ['offer-offplatform']],
  ['收到的违规通知我们会通过后台核实，不会点聊天里的链接，已经上报主管处理了', ['verify-official', 'escalate-supervisor', 'refuse-link']],
  ['亲，官方通知都会在卖家中心显示，我们以后台为准哦', ['verify-official']],
  ['为了账户安全，我们不会点击任何陌生链接，请以卖家中心的通知为准', ['verify-official', 'refuse-link']],
  ['您说的情况我需要反馈给主管，稍后给您答复', ['escalate-supervisor']],
  ['亲，您说的链接我这边打不开呢，您直接告诉我是哪款鞋子就可以', ['refuse-link', 'ask-screenshot']],
  ['亲，为了安全我们不点陌生人发的链接哦', ['refuse-link']],
  ['抱歉亲，千牛这边收不到文件，您直接下单就好', ['refuse-file', 'cart-redirect', 'apology']],
  ['亲 QQ不方便给哦 有图片直接在旺旺发我', ['decline-offplatform'], ['offer-offplatform']],
  ['不好意思，私下联系是违规的，咱们就在这里聊吧', ['decline-offplatform', 'apology'], ['offer-offplatform']],
  ['您加我QQ吧 我QQ号 123456', ['offer-offplatform'], ['decline-offplatform']],
  ['亲，我们是不会通过旺旺发违规通知的，我去后台看一下', ['verify-official']],
  ['这个我需要请示一下领导', ['escalate-supervisor']],
  ['亲，平台的通知我们只看官方后台', ['verify-official']],
  ['店铺后台没有收到任何违规通知哦', ['verify-official']],
  ['您可以看看我们官方旗舰店的其他款', [], ['verify-official']],
  ['哪双鞋，跟我说款式和尺码', ['ask-screenshot']],
  ['您想要哪一双呀', ['ask-screenshot']],
  ['链接我们不会点的', ['refuse-link']],
  ['链接我们这边是不打开的哦', ['refuse-link']],
  ['链接我们会核实的', [], ['refuse-link']],
  ['亲，QQ和微信我们都不方便给的，您在这里发就行', ['decline-offplatform'], ['offer-offplatform']],
  ['你加一下我微信吧', ['offer-offplatform'], ['decline-offplatform']],
  ['收货电话是13800138000对吧', ['address-confirm'], ['offer-offplatform']],
  ['收货人联系电话13800138000没错吧', ['address-confirm'], ['offer-offplatform']],
  ['收货有问题打我电话13812345678', ['offer-offplatform'], ['decline-offplatform']],
];

const postSale: Row[] = [
  ['非常抱歉让您久等了，我这就帮您查一下物流，联系快递加急派送', ['apology', 'empathy-acknowledge', 'tracking-action']],
  ['已经帮您联系中通快递客服了，物流显示在中转，预计明后天派送', ['tracking-action']],
  ['您好，订单已经发货啦，单号是ZT1234567890，请注意查收', ['tracking-action', 'greeting'], ['offer-offplatform']],
  ['真的很抱歉给您添麻烦了，麻烦您拍两张照片：一张整体图把开胶的地方圈出来，一张近距离特写', ['apology', 'ask-photo', 'empathy-acknowledge']],
  ['您把开胶的位置拍个照片发过来，我马上给您处理', ['ask-photo']],
  ['确认是质量问题的话，我们给您换新，来回运费我们承担', ['remedy-offer', 'shop-pays-return-shipping'], ['free-exchange-promise', 'buyer-pays-defect-shipping', 'concede-free-shipping']],
  ['质量问题来回运费都由我们承担，您放心', ['shop-pays-return-shipping'], ['buyer-pays-defect-shipping', 'free-exchange-promise']],
  ['鞋底开胶是我们的问题，换货运费您不用承担', ['shop-pays-return-shipping', 'remedy-offer'], ['exchange-shipping-buyer-pays', 'buyer-pays-defect-shipping']],
  ['您先把鞋寄回来，运费您先垫付，我们收到后给您报销', ['shop-pays-return-shipping', 'remedy-offer'], ['buyer-pays-defect-shipping']],
  ['退换货运费险我们已经帮您勾选了', ['shop-pays-return-shipping']],
  ['鞋子开胶了运费您自己出哦', ['buyer-pays-defect-shipping'], ['shop-pays-return-shipping']],
  ['要退的话运费你自己承担', ['buyer-pays-defect-shipping'], ['shop-pays-return-shipping']],
  ['不好意思，因为是尺码问题，不属于质量问题，寄回的运费需要亲自己承担一下', ['exchange-shipping-buyer-pays', 'apology'], ['buyer-pays-defect-shipping', 'free-exchange-promise']],
  ['你自己选错码了，不关我们的事', ['blame-buyer'], ['empathy-acknowledge', 'apology']],
  ['你这个是穿坏的，跟我们没关系', ['blame-buyer']],
  ['这不是您的问题，是我们发货的时候没检查好，非常抱歉', ['apology'], ['blame-buyer']],
  ['是我们的问题，不是您的原因，非常抱歉', ['apology'], ['blame-buyer']],
  ['您希望退货还是换货呢？', ['ask-preference', 'remedy-offer']],
  ['您看怎么处理比较好？我们尽量满足', ['ask-preference', 'hedged-commitment']],
  ['可以给您退款，也可以补发一双，您看哪种方式更方便？', ['remedy-offer', 'ask-preference']],
  ['收到您寄回的鞋子后，我们第一时间给您换新发出', ['exchange-on-receipt', 'remedy-offer']],
  ['不能退货的，鞋子穿过了', [], ['remedy-offer']],
  ['您要是给差评我们也没办法', ['review-mention']],
  ['亲，麻烦不要给中差评，我们一定帮您处理好', ['review-mention']],
  ['您别着急，我马上帮您跟进', ['empathy-acknowledge', 'tracking-action']],
  ['您先别急，我帮您看看', ['empathy-acknowledge']],
  ['亲，非常抱歉，鞋子出现这种情况我们也很意外，麻烦您拍几张照片给我', ['apology', 'ask-photo']],
  ['可以给您换一双新的，也可以直接退款', ['remedy-offer']],
  ['实在对不起，物流这边延误了，我已经催促快递尽快派送了', ['apology', 'tracking-action', 'hedged-commitment']],
  ['收到退回的鞋子我们马上给您重新发一双', ['exchange-on-receipt', 'remedy-offer']],
  ['亲，给个好评吧，下次再来哦', ['review-mention', 'invite-favourite']],
  ['抱歉给您少发了鞋垫，马上给您补发', ['apology', 'remedy-offer'], ['concede-discount']],
  ['是你自己选的码，跟我们没关系', ['blame-buyer'], ['apology']],
  ['麻烦您核对一下收货信息', ['address-confirm']],
  ['麻烦您在旺旺聊天窗口直接上传照片', ['ask-photo', 'decline-offplatform']],
  ['物流信息没有更新，我帮您联系快递', ['tracking-action']],
  ['物流信息没有更新', ['tracking-action']],
  ['退货没有问题的，您寄回来就行', ['remedy-offer']],
  ['照片没有的话也可以发视频', ['ask-photo']],
];

const table: [string, Row[]][] = [
  ['greeting and closing', greetingAndClose],
  ['bargainer', bargainer],
  ['size-hesitant', sizeHesitant],
  ['phisher', phisher],
  ['post-sale complainer', postSale],
];

const allRows = table.flatMap(([, rows]) => rows);

describe('scenarios/intents.yaml', () => {
  it('parses with lexiconSchema', () => {
    expect(Object.keys(lexicon.intents).length).toBeGreaterThanOrEqual(35);
  });

  it('gives every intent a description', () => {
    for (const [id, def] of Object.entries(lexicon.intents)) expect(def.description, id).toBeTruthy();
  });

  it('only vetoes with intents it defines', () => {
    for (const [id, def] of Object.entries(lexicon.intents)) {
      for (const veto of def.unless ?? []) expect(Object.keys(lexicon.intents), `${id} unless ${veto}`).toContain(veto);
    }
  });

  it('has a table of at least 120 replies that names only known intents', () => {
    expect(allRows.length).toBeGreaterThanOrEqual(120);
    const known = new Set(Object.keys(lexicon.intents));
    for (const [reply, yes, no = []] of allRows) for (const id of [...yes, ...no]) expect(known.has(id), `${reply}: ${id}`).toBe(true);
  });

  it('exercises every intent positively at least once', () => {
    const hit = new Set(allRows.flatMap(([, yes]) => yes));
    expect(Object.keys(lexicon.intents).filter((id) => !hit.has(id))).toEqual([]);
  });

  for (const [name, rows] of table) {
    describe(name, () => {
      it.each(rows)('%s', (reply, yes, no = []) => {
        const got = intentsOf(reply);
        for (const id of yes) expect(got, `expected ${id}`).toContain(id);
        for (const id of no) expect(got, `unexpected ${id}`).not.toContain(id);
      });
    });
  }
});
