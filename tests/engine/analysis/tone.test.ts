// Tone red lines (no-rude-language, no-absolute-promise): each fails the whole attempt, so a
// courteous reply that merely contains an insulting word is as wrong as a rude reply that passes.
// Rows: contempt and insults the lexicon missed, courteous replies it used to flag (self-deprecation,
// empathy, quoting the buyer, a negated blame, innocent words containing a rude one), and promises
// about fit or satisfaction next to the reminders and policy statements that must stay clean.
import { describe, expect, it } from 'vitest';
import type { Detector } from '../../../server/engine/analysis/index.ts';
import { analyzeText, detectAbsolutePromise, detectRudeLanguage } from '../../../server/engine/analysis/index.ts';

type Case = [reply: string, hit: boolean];

const RUDE_MISSED: Case[] = [
  ['亲，没钱就不要买这么贵的鞋子', true],
  ['没钱别买，谢谢', true],
  ['嫌贵的话您可以去别家看看哦，我们就这个价', true],
  ['嫌贵，那您去别处买吧', true],
  ['您要是觉得不值，那就别买了呗', true],
  ['觉得贵就不要买嘛', true],
  ['不想买就直接说，别浪费我时间', true],
  ['你这样问来问去纯属耽误我时间', true],
  ['我们家不缺您这一单', true],
  ['不差你这个客户', true],
  ['你有毛病吧', true],
  ['您是不是有毛病啊', true],
  ['你是猪吗？都说了拍43', true],
  ['你懂个屁', true],
  ['关你屁事', true],
  ['关您什么事', true],
  ['我TM已经解释三遍了', true],
  ['这tm都看不明白', true],
  ['你丫的能不能快点', true],
  ['去你的吧', true],
  ['您是文盲吗', true],
  ['真是醉了，半天还没选好', true],
  ['服了你了', true],
  ['我真服了', true],
  ['你是不是脑子不太灵光', true],
  ['你脑子不好使吧', true],
  ['你好啰嗦啊', true],
  ['别磨叽了，赶紧拍', true],
  ['啰嗦什么，拍就是了', true],
  ['拜拜了您嘞', true],
  ['他妈的，说了多少遍了', true],
  ['你他妈有完没完', true],
  ['我操，又来了', true],
  ['这双是垃圾吗？你买不起就别问', true],
  ['你说的都是垃圾话', true],
  ['跟您说了几遍了，拍44', true],
  ['这就是你自己的问题', true],
  ['怪你自己没看详情页', true],
  ['你傻瓜吧', true],
  ['你是真烦人', true],
  ['我真无语了，说了多少次', true],
  ['你烦死了', true],
  // shutting the buyer's questions down
  ['自己看详情页，别问了', true],
  ['都写着呢，别再问了', true],
  ['不要再问了，就这个价', true],
  ['问那么多干嘛，不买拿走', true],
  ['问这么多干什么，拍就完了', true],
  ['不买就走吧', true],
  ['不买的话请便', true],
];

const RUDE_COURTEOUS: Case[] = [
  // self-deprecation
  ['亲，我再啰嗦一句哈，收到货先试穿再剪吊牌哦', false],
  ['您别嫌我啰嗦，洗的时候别用热水', false],
  ['不好意思我这边有点磨叽了，马上给您查', false],
  ['我脑子不太灵光，刚才把码数记错了，抱歉', false],
  // empathy and apology
  ['让您无语了，真的很抱歉', false],
  ['物流这么慢确实挺让人无语的，我帮您催', false],
  ['物流这么慢确实真烦人，换我也着急', false],
  ['等了这么多天，您肯定烦死了吧，抱歉', false],
  // the buyer's wait between 您 and 肯定 (the rude-reply intent always excluded it; the red line now does)
  ['您等了这么久肯定烦死了，我马上帮您催', false],
  ['这种情况真的很让人无语，我们马上处理', false],
  ['您说了好几次都没人处理，真的非常抱歉', false],
  ['您已经说了几次了，是我们没跟进好', false],
  ['这次不会浪费您时间的，我直接给您登记', false],
  ['一点都不会浪费我时间，您慢慢问', false],
  // quoting or denying the buyer's insult to acknowledge it
  ['您说我们是垃圾店，我理解您现在很生气，非常抱歉', false],
  ['您觉得这双鞋质量像垃圾，我们一定给您处理', false],
  ['我们不是垃圾店哦，每双都是正品', false],
  // a negated blame takes it off the buyer
  ['这不怪你自己，是我们发货时没检查好', false],
  ['不是你自己的问题，是我们这边发错了', false],
  ['这个真不能怪你自己，详情页写得不清楚', false],
  ['不是你自己没注意，是标签贴错了', false],
  // offering help
  ['亲，是哪里看不懂吗？我给您解释一下', false],
  ['尺码表看不懂啊？没关系，我帮您算', false],
  ['我们客服不会找您要密码的啊，您放心', false],
  ['颜色随便你挑哦，都有现货', false],
  ['没钱的话不要着急，可以用花呗分期', false],
  ['嫌贵的话，别家也是这个价哦', false],
  ['觉得两双贵的话，那就不要买两双，先买一双试试', false],
  ['您有毛病的话随时找我们售后', false],
  ['你好烦请提供一下订单号', false],
  // innocent words containing a rude one
  ['亲，我操作一下给您备注44码', false],
  ['我们帮您操心这个，您放心', false],
  ['您是买给他妈妈穿的吗？', false],
  ['其他妈妈们都选的这款', false],
  ['是买给您妈的吗？阿姨穿多大', false],
  ['这双是傻瓜式快拉鞋带，穿脱很方便', false],
  ['赠品里有两个垃圾袋', false],
  ['这个颜色看得我都陶醉了', false],
  ['您是猪年的吧，这款生肖款很适合', false],
  ['鞋垫不是猪皮的，是超纤', false],
  ['您的鞋子有毛病的话我们包退换', false],
  ['鞋子有毛病您拍个照片给我', false],
  ['坐久了屁股不会累的那款是椅子哦', false],
  ['穿上舒服了再给好评哦', false],
  ['很高兴为您服务', false],
  ['被您说服了，给您备注一份赠品', false],
  ['废物利用，鞋盒可以做收纳', false],
  // near the question-stoppers: help, self-deprecation, quoting the buyer, words containing 别问
  ['详情页有尺码表，您可以看看哦', false],
  ['您可以自己看一下详情页的尺码表，有不清楚的随时问我', false],
  ['我特别问了仓库，今天能发', false],
  ['我分别问了两个仓库，都有44码', false],
  ['您说别问了直接发，好的，这就给您安排44码', false],
  ['您不用再问了，我已经帮您备注好了', false],
  ['还有别的问题吗？随时问我哦', false],
  ['您问这么多是应该的，买鞋就得问清楚', false],
  ['是我问那么多干嘛呀，您直接拍44就好', false],
  ['不买也没关系，欢迎您下次再来', false],
  ['先不买的话可以加入购物车', false],
  ['不买就走的买家我们也一样欢迎', false],
];

const PROMISE: Case[] = [
  ['拍44就行，百分之一百合适', true],
  ['百分之一百明天到', true],
  ['您保证穿43没问题', true],
  ['我保证您穿44码没问题', true],
  ['绝对穿着没有任何问题', true],
  ['拍44码妥妥的，合脚包在我身上', true],
  ['不掉色包在我身上', true],
  ['不掉色是肯定的', true],
  ['拍44吧，一定不会让您失望的', true],
  ['保证您不后悔', true],
  ['这双绝对不会让你失望', true],
  // reminders, policy and service promises stay clean
  ['一定要记得收到后先试穿再剪吊牌', false],
  ['亲，一定记得先别剪吊牌哦', false],
  ['正品保证，七天无理由退换', false],
  ['百分之一百正品，假一赔十', false],
  ['保证质量没问题，有问题包退', false],
  ['我们保证今天给您发出没问题', false],
  ['保证给您退换没问题', false],
  ['这事包在我身上，我帮您催一下快递', false],
  ['售后包在我身上', false],
  ['不能保证穿44没问题，建议量下脚长', false],
  ['我也不敢保证一定不会失望，您参考尺码表', false],
  ['不会让您失望的，有问题随时找我', false],
  ['我们一定尽力不让您失望', false],
  ['这个肯定没问题，我帮您备注', false],
  ['不合适是肯定的，43太小了', false],
];

describe.each([
  ['detectRudeLanguage misses', detectRudeLanguage, RUDE_MISSED],
  ['detectRudeLanguage courteous', detectRudeLanguage, RUDE_COURTEOUS],
  ['detectAbsolutePromise', detectAbsolutePromise, PROMISE],
] as [string, Detector, Case[]][])('%s', (_name, detector, cases) => {
  it.each(cases)('%s -> %s', (reply, hit) => {
    const d = detector(analyzeText(reply));
    expect(d.hit, `${reply} -> ${JSON.stringify(d)}`).toBe(hit);
  });
});
