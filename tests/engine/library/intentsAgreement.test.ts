// The buyer reacts to a reply through a global intent, the rubric judges it through a red-line
// detector; where both speak about the same thing they must reach the same verdict, or a trainee
// fails an attempt the buyer did not mind (or the buyer reports a shop the rubric found clean).
//   offer-offplatform  <->  detectOffPlatformContact (red line no-offplatform-contact)
//   rude-reply         <->  detectRudeLanguage       (red line no-rude-language)
// Each row states the expected verdict, and both sides must give it.
//
// Left out on purpose (mostly where the detector in server/engine/analysis is the one that errs):
// - quoting the buyer's proposal while refusing it (您问我的微信是吧，抱歉我们不能加微信; 您说要我
//   支付宝转您？这个真不行哦; 您想线下退款是吧，这个我们做不了): the detector flags it, the buyer
//   rightly does not report the shop;
// - 退款会通过支付宝给您原路退回 is the platform's refund, flagged by the detector only;
// - the agent offering a phone call (我打电话给您说, 电话联系我就行): off-platform for the buyer,
//   missed by the detector;
// - 我私下给您返20块红包 (bare 私下): the detector counts it; the post-sale personas answer a
//   red packet for the review with their own intent (post-review-bribe -> greedy), so the buyer
//   does not report it as off-platform;
// - rude: the intent reads the red line's own list (builtin: rude, RUDE_PATTERNS), so the two
//   agree by construction and rudeSingleSource.test.ts checks that; the rows below pin the
//   judgement calls. Left out: 你有没有脑子 / 你脑子呢, insults the detector misses and the intent
//   adds on its own; 我都说了, 你自己看, 奇葩 (RUDE_RED_LINE_ONLY), counted by the detector
//   although a friendly reply can hold them (这颜色有点奇葩), so the intent leaves them to the red line.
import { describe, expect, it } from 'vitest';
import type { Detector } from '../../../server/engine/analysis/index.ts';
import { analyzeText, detectOffPlatformContact, detectRudeLanguage } from '../../../server/engine/analysis/index.ts';
import { intentsOf } from './lexiconTable.ts';

type Case = [reply: string, hit: boolean];

const OFF_PLATFORM: Case[] = [
  // money moved outside the order (finding 4)
  ['您直接确认收货，然后我线下给您退款，支付宝转您100块，这事就算了', true],
  ['先确认收货吧，我线下给您退', true],
  ['这事咱们线下解决，您看行吗', true],
  ['差价我用支付宝转您', true],
  ['钱我一会儿转到您支付宝上', true],
  ['运费我打到您支付宝，您查收下', true],
  ['我直接转您50块，这事就过去了', true],
  ['差价我微信转您', true],
  ['这个差价我们私下转账给您', true],
  // a side account, the buyer's phone, calling the shop, a QR code (finding 3)
  ['那您私信我的小号吧', true],
  ['您发个手机号给我，我拉您进售后群', true],
  ['您手机号多少？我让同事联系您', true],
  ['您扫一下包裹里卡片上的二维码加售后', true],
  ['卡片上有个码，您扫一下加客服就行', true],
  ['麻烦您打电话到我们店里', true],
  ['方便的话给我们打个电话', true],
  ['打我们店里的电话 0571-88886666 就行', true],
  // a bare number after 加 / 拨 / 联系 (finding 2), also in Chinese digits
  ['亲，抱歉，我们一般不加QQ，但您这情况特殊，可以加一下：283746591', true],
  ['您加一下 593018274 就行', true],
  ['急的话您拨一下 13812345678', true],
  ['急的话您拨一下幺五九二八八六六三四七', true],
  ['有事联系 87654321', true],
  // finding 18: the rubric failed these while the buyer went on as if nothing happened
  ['你微信多少？我加你', true],
  ['您把视频发我邮箱吧, tpkf@163.com', true],
  ['我们不能加QQ，您用微信视频联系我吧', true],
  ['视频太大的话发到我们邮箱吧', true],
  // offers the intents knew already
  ['不满意的话加我微信聊', true],
  ['要是没收到，加我QQ 12345678', true],
  ['收货有问题打我电话13812345678', true],
  ['不方便的话微信号 tp_xiaofeng88', true],
  // refusals
  ['平台规定不能加QQ哦，有问题直接在这里说', false],
  ['微信的话我们这边是不能加的', false],
  ['您说的QQ我们不能加，图片在聊天窗口发就行', false],
  ['我们不会让您加微信的，放心', false],
  ['QQ、微信这些我们都不用的', false],
  ['站外联系方式我们是不提供的', false],
  ['您别加陌生人的QQ，小心被骗', false],
  ['我们不能线下给您退款，只能走平台售后', false],
  ['不会让您线下转账的，都走平台', false],
  ['千万别扫陌生人的二维码加好友哦', false],
  ['这边不方便打电话，在旺旺说就好', false],
  // the platform's own payment, refund, invoice and codes
  ['退款会原路退回您的支付宝账户', false],
  ['退款原路退回支付宝，1到3个工作日到账', false],
  ['可以用支付宝付款的亲', false],
  ['要开发票的话，下单时在订单里备注邮箱就可以', false],
  ['亲，需要开发票的话，在订单里备注邮箱地址就行，电子发票会发到您的邮箱', false],
  ['扫一下吊牌上的二维码可以验真伪', false],
  ['扫码加购更划算', false],
  ['扫码关注店铺领5元券', false],
  ['这双有小号的吗？小号码断了', false],
  // hotlines, prices, points, order numbers, the courier and the delivery address
  ['您可以拨打9510211找淘宝官方客服核实', false],
  ['物流的事可以拨打95311问问中通', false],
  ['对处理结果不满意也可以拨打12315', false],
  ['两双一起拍再加100元送袜子', false],
  ['开通会员再加10000积分', false],
  ['运单号 78301928374 您看下', false],
  ['派件前快递员会打电话给您', false],
  ['我们会打电话给快递公司催一下', false],
  ['麻烦您发一下收货地址和手机号，我核对一下', false],
  ['收货人联系电话13800138000没错吧', false],
  ['有问题您在订单页点申请售后就行', false],
  ['我们线下门店也有卖', false],
];

// tests/engine/analysis/tone.test.ts, both tables, plus the intent's own false hits
const RUDE: Case[] = [
  ['亲，没钱就不要买这么贵的鞋子', true],
  ['嫌贵的话您可以去别家看看哦，我们就这个价', true],
  ['嫌贵，那您去别处买吧', true],
  ['您要是觉得不值，那就别买了呗', true],
  ['觉得贵就不要买嘛', true],
  ['不想买就直接说，别浪费我时间', true],
  ['我们家不缺您这一单', true],
  ['你有毛病吧', true],
  ['你是猪吗？都说了拍43', true],
  ['关您什么事', true],
  ['我TM已经解释三遍了', true],
  ['你丫的能不能快点', true],
  ['去你的吧', true],
  ['您是文盲吗', true],
  ['真是醉了，半天还没选好', true],
  ['服了你了', true],
  ['你是不是脑子不太灵光', true],
  ['你好啰嗦啊', true],
  ['别磨叽了，赶紧拍', true],
  ['啰嗦什么，拍就是了', true],
  ['拜拜了您嘞', true],
  ['他妈的，说了多少遍了', true],
  ['我操，又来了', true],
  ['你说的都是垃圾话', true],
  ['跟您说了几遍了，拍44', true],
  ['这就是你自己的问题', true],
  ['怪你自己没看详情页', true],
  ['你是真烦人', true],
  ['我真无语了，说了多少次', true],
  ['你烦死了', true],
  ['随便你', true],
  // self-deprecation
  ['亲，我再啰嗦一句哈，收到货先试穿再剪吊牌哦', false],
  ['您别嫌我啰嗦，洗的时候别用热水', false],
  ['不好意思我这边有点磨叽了，马上给您查', false],
  ['我脑子不太灵光，刚才把码数记错了，抱歉', false],
  // empathy and apology
  ['让您无语了，真的很抱歉', false],
  ['物流这么慢确实真烦人，换我也着急', false],
  ['等了这么多天，您肯定烦死了吧，抱歉', false],
  ['您等了这么久肯定烦死了，我马上帮您催', false],
  ['您说了好几次都没人处理，真的非常抱歉', false],
  ['一点都不会浪费我时间，您慢慢问', false],
  // quoting or denying the buyer's insult, a negated blame
  ['您说我们是垃圾店，我理解您现在很生气，非常抱歉', false],
  ['我们不是垃圾店哦，每双都是正品', false],
  ['这不怪你自己，是我们发货时没检查好', false],
  ['不是你自己的问题，是我们这边发错了', false],
  // offering help
  ['亲，是哪里看不懂吗？我给您解释一下', false],
  ['我们客服不会找您要密码的啊，您放心', false],
  ['颜色随便你挑哦，都有现货', false],
  ['随便你们怎么搭都好看', false],
  ['没钱的话不要着急，可以用花呗分期', false],
  ['嫌贵的话，别家也是这个价哦', false],
  ['您有毛病的话随时找我们售后', false],
  ['你好烦请提供一下订单号', false],
  // innocent words containing a rude one
  ['亲，我操作一下给您备注44码', false],
  ['您是买给他妈妈穿的吗？', false],
  ['这双是傻瓜式快拉鞋带，穿脱很方便', false],
  ['赠品里有两个垃圾袋', false],
  ['您是猪年的吧，这款生肖款很适合', false],
  ['鞋子有毛病您拍个照片给我', false],
  ['被您说服了，给您备注一份赠品', false],
  ['废话不多说，直接给您推荐44码', false],
  ['鞋口是滚边设计，不磨脚', false],
  ['鞋垫做了抗菌处理，不容易有病菌', false],
  // audit d08: the red line failed these while the buyer went on haggling
  ['价格就这样了，你爱要不要', true],
  ['别问了，没有优惠', true],
  ['不买就走吧', true],
  ['问那么多干嘛，拍就是了', true],
  ['爱咋咋', true],
  // audit d09: brush-offs neither side heard
  ['别家便宜你去别家呗', true],
  ['嫌贵可以不买的', true],
  ['买不起可以不要', true],
  ['要不您去别家吧', true],
  // ...and their courteous neighbours
  ['要不要试试37码？', false],
  ['这款爱要的人很多哦，就剩几双了', false],
  ['您特别问了尺码，我给您查一下', false],
  ['您觉得贵的话可以不买两双，先买一双试试', false],
  ['亲，可以去别家对比一下，我们的用料是很实在的', false],
  ['您不用去别家比了，我们是官方旗舰店', false],
];

describe.each([
  ['offer-offplatform vs detectOffPlatformContact', 'offer-offplatform', detectOffPlatformContact, OFF_PLATFORM],
  ['rude-reply vs detectRudeLanguage', 'rude-reply', detectRudeLanguage, RUDE],
] as [string, string, Detector, Case[]][])('%s', (_name, intent, detector, cases) => {
  it.each(cases)('%s -> %s', (reply, hit) => {
    const d = detector(analyzeText(reply));
    const verdicts = { redLine: d.hit, buyer: intentsOf(reply).includes(intent) };
    expect(verdicts, `${reply} -> ${JSON.stringify(d)}`).toEqual({ redLine: hit, buyer: hit });
  });
});
