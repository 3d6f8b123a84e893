// Intent-lexicon rows: Greetings, thanks and closing a sale: the courtesy intents every persona reads.
import type { Row } from './lexiconTable.ts';

export const greetingAndClose: Row[] = [
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
  // courteous replies holding a word the rude lexicons know (self-deprecation, empathy, quoting the buyer)
  ['让您无语了，实在抱歉', ['apology'], ['rude-reply']],
  ['物流慢成这样确实真烦人，换我也着急，抱歉哈', ['apology', 'empathy-acknowledge'], ['rude-reply']],
  ['您说我们是垃圾店，我理解您的心情，非常抱歉', ['apology', 'empathy-acknowledge'], ['rude-reply']],
  ['这不怪你自己，是我们打包时没检查好，抱歉', ['apology'], ['rude-reply']],
  ['不好意思我有点磨叽了，马上给您查', ['apology'], ['rude-reply']],
  ['我再啰嗦一句哈，收到后先试穿再剪吊牌', [], ['rude-reply']],
  ['颜色随便你挑哦，三个色都有现货', [], ['rude-reply']],
  ['废话不多说，直接给您推荐44码', [], ['rude-reply']],
  ['您等了这么久肯定烦死了，我马上帮您催', [], ['rude-reply']],
  ['随便你，爱买不买', ['rude-reply']],
];
