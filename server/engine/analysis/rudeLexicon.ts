// Insults and contempt towards the buyer (digest §5.10, rules 22, 54, 55), over normalised text.
// Each entry is a regex source; the exclusions keep product words out (滚轮, 垃圾袋, 贱卖, 蠢蠢欲动).
// Judgement calls: a rhetorical "不会看/看不懂 … 吗" is rude however politely it is wrapped
// ("亲，您自己不会看详情页吗"), while "不会看的话我教您" (no question) and "哪里看不懂吗？我给您
// 解释" are help; 呵呵 and 无语 read as contempt in Chinese chat; blaming the buyer (活该, 你自己的
// 问题) counts as rude.
// Calling the buyer a scammer (你就是骗子吧, 少来这套) is deliberately absent: this detector is a red
// line in every persona, while the phisher personas grade an accusation themselves (forgiven at
// easy, a red line only at hard). The rude-reply intent in scenarios/intents.yaml does match it.
//
// One list, two readers. RUDE_PATTERNS is what the red line no-rude-language counts AND what the
// buyer takes offence at: the global intent rude-reply names it (`builtin: rude`, builtinLexicons.ts)
// instead of copying it, so the buyer walks out exactly when the attempt fails. RUDE_RED_LINE_ONLY
// is counted by the red line alone: a friendly reply can hold those words (这颜色有点奇葩, 我都说了
// 是正品哈), and a buyer who walked out on them would punish the trainee twice for a judgement call.
//
// Speed: the entries are one alternation tried at every position of a reply, and an entry that opens
// with a look-around makes every position pay for it (a look-behind with a gap costs several times
// the rest of the list). Such an entry starts with its word instead and looks behind from the word's
// end, the word included: 烦死(?<!(?:…)烦死) matches exactly what (?<!…)烦死 does.
//
// This is a red line that fails the whole attempt, so a false hit costs as much as a miss. The
// detector ignores negation (爱买不买 contains 不), so each word that a courteous reply can also
// hold carries its own exclusions here: self-deprecation (我再啰嗦一句, 我有点磨叽了), empathy (让您
// 无语了, 物流慢确实真烦人), quoting the buyer's insult to acknowledge it (您说我们是垃圾店，我理解),
// a negated blame (这不怪你自己, 不是你自己的问题) and words that merely contain the insult (我操作,
// 他妈妈, 傻瓜式, 陶醉了, 舒服了, 垃圾袋).

const YOU = '[你您妳]';
/** One character inside the clause (normalisation turns ，。！？ into ,.!? and spaces into commas). */
const IN_CLAUSE = '[^,.!?;:。\\n]';
/** One character inside the sentence: a comma may intervene (嫌贵的话，您可以去别家). */
const IN_SENTENCE = '[^.!?;:。\\n]';
const NAGGING = '(?:啰嗦|罗嗦|啰唆|磨叽|墨迹)';
/** What an empathising reply is annoyed about instead of the buyer (物流这么慢确实真烦人). */
const SITUATION = `(?:物流|快递|天气|这种事|这事|情况|系统)${IN_CLAUSE}{0,8}`;

export const RUDE_PATTERNS: readonly string[] = [
  // refusing the sale with contempt
  '爱买不买', '爱要不要', '爱买就买', '不买拉倒', '不买就算了?', '不买就别', '买不起(?:就|还)', '买不起别',
  '嫌贵(?:就)?别', `嫌贵${IN_SENTENCE}{0,10}?(?:去|到|找|上)别(?:家|处|的店)`, '穷(?:就)?别买', '穷鬼', '穷逼',
  // 没钱的话不要着急，可以分期 is help
  '没钱(?:就|的话|还)?(?:别|不要|甭)(?!急|着急|紧|担心|慌|勉强|客气)',
  // 您要是觉得不值，那就别买了呗 ends the sale; 觉得贵那就不要买两双，先买一双 is advice
  `(?:不值|贵|不想买|舍不得|没钱)${IN_SENTENCE}{0,10}?(?:就|那)(?:别|不要)买(?=$|[,.!?;:。~了呗嘛啊吧])`, '别买了呗',
  '不想买就(?:直说|直接说|早说|别(?:问|浪费|耽误))',
  // 嫌贵可以不买的 shows the buyer the door; 觉得贵的话可以不买两双，先买一双 is advice
  `(?:嫌贵|觉得贵|太贵|不值|买不起|舍不得)${IN_SENTENCE}{0,8}?可以不(?:买|要)(?=$|[,.!?;:。~了的呗嘛啊吧])`,
  // 别家便宜你去别家呗 sends the buyer away; 您不用去别家比了 and 可以去别家对比一下 do not
  `(?:别家|别人家|隔壁|人家)${IN_CLAUSE}{0,3}便宜${IN_SENTENCE}{0,6}?(?:去|到|找|上)(?:别家|别人家|隔壁|人家|他家|那家)`,
  '去(?<!(?:不用|不必|别|不要|不会|没必要)去)(?:别家|别处|隔壁)(?:买)?(?:呗|吧|好了|得了)',
  // 不买就走吧 / 不买请便 show the buyer out; 不买也没关系, 不买就走的买家也欢迎 do not
  `不买(?:就|的话)?(?:走人|走开|请便|拿走|走(?=$|[,.!?;:。~吧呗啊了]))`,
  // 不会浪费我时间的 is courteous
  '(?<!不|不会|没|没有|不算|哪有|哪里)(?:浪费|耽误)我(?:的)?时间',
  `不(?:缺|差)(?:${YOU}这?|这)(?:一|1)?(?:单|笔|个(?:客|顾|买))`,
  // dismissing the buyer
  '(?<![翻打圆])滚(?![轮筒动边珠烫刷子雪梯针床条])', '闭嘴', '少废话', '别废话', '废话(?:少说|真多|连篇)', '别烦我', '别来烦',
  '烦不烦', '你好烦(?!请|劳)', '有完没完', '没完没了',
  // 您肯定烦死了吧 / 您等了这么久肯定烦死了 / 让您烦死了 are empathy
  `烦死(?<!(?:${YOU}${IN_CLAUSE}{0,8}(?:肯定|一定|都|也|应该|估计|可能|等得)|让${YOU}|确实|${SITUATION})烦死)了?`,
  // 物流这么慢确实真烦人 is empathy: only the buyer can be the annoyance
  `真烦(?<!(?:${SITUATION}|确实|的确|确实是|的确是)真烦)人?`,
  // nagging: only when aimed at the buyer (我再啰嗦一句, 我有点磨叽了 are self-deprecation)
  `${YOU}(?:真|好|太|可真|真是|也太|怎么这么|咋这么|这么)?${NAGGING}(?!一句|两句|几句)`,
  `(?:别|少)${NAGGING}`, `${NAGGING}(?:什么|啥|死了|个没完)`, '啰里啰嗦', '磨磨唧唧',
  '关我(?:什么|屁|啥)事', `关${YOU}(?:什么|屁|啥)事`, '屁事', '不关我的?事', '跟我有什么关系', '爱咋咋',
  // 颜色随便你挑 is an offer
  '随便你(?![挑选拍试换搭看们])', '爱信不信', '拜拜了您(?:嘞|呐|内|咧)', '去你的(?=吧|$|[,.!?;:。~])',
  '(?:随便|你去|有本事(?:你)?(?:去)?)投诉', '(?:随便|想)差评', '差评就差评', '呵呵',
  // 让您无语了，真的很抱歉 / 确实让人无语 / 这种情况真让人无语 are empathy
  `无语(?<!(?:${YOU}(?:都|也|肯定|一定|真的?)?|让${YOU}|确实(?:挺|很|是|有点|真)?(?:让人|令人)?|${SITUATION})无语)`,
  `(?<![陶沉心喝灌麻迷酒微宿])醉了`,
  // 服务, 舒服了, 说服了 contain 服了
  `(?<![舒衣说克佩信折驯制收征降顺])(?:(?:真|我|真是|也是|算)服了|服了${YOU})`,
  // condescension: rhetorical "can't you read?"; 我们客服不会找您要密码的啊 is reassurance
  `(?<!我|我们|客服|店铺|平台|系统|小二)不会(?:自己)?(?:看|查|搜|找|用|读)(?!${YOU})${IN_CLAUSE}{0,8}(?:吗|么|啊|嘛|\\?)`,
  // 是哪里看不懂吗？我给您解释一下 / 看不懂啊？没关系 offer help
  '(?<!哪里|哪儿|哪|什么地方|有什么|有没有|有哪)(?:看|听)不懂(?:吗|么|啊|人话|\\?)(?!\\??(?:没关系|没事|不要紧|别急|我(?:帮|给|来|教|再)))',
  '不识字', '没长眼', '眼瞎', '瞎(?:了|啊|吗)', '你瞎', '懂不懂', '你懂什么', '(?:懂|知道|管|算)个屁', '放屁', '屁话',
  // 您说了几次都没人处理 counts the buyer's attempts (but 跟您说了几遍 is impatience)
  `说(?:了|过)(?<!(?:^|[^跟和对给向])${YOU}(?:都|已经|也|都已经)?说(?:了|过))(?:多少|几|n)[遍次]`,
  '要我说几[遍次]', '你自己去看', '自己看去',
  // shutting the buyer's questions down; 特别问了/分别问了 (asked around for them), 您说别问了 (the
  // buyer's own words) and 您不用再问了 (it is already done) are not
  `(?:别|不要)(?<!(?:[特分区识辨告派]|${YOU}(?:说|讲|让我|叫我)${IN_CLAUSE}{0,4})(?:别|不要))(?:再|老|总|一直)?问(?:了|啦|我了)`,
  '(?<!我)问(?:那么|这么)多(?:干嘛|干啥|干什么|做什么|有(?:啥|什么)用)',
  // insults
  '神经病', '有病(?![毒菌虫害句历例人患])', '病得不轻',
  // 鞋子有毛病 is a defect; 您有毛病的话随时找我 offers help
  `${YOU}(?:是不是|是|真|真的|怕不是|怕是)?有毛病(?!的话|随时|可以|就|请|找|联系|要|需要|反馈)`, `${YOU}什么毛病`,
  // 我脑子不太灵光，记错了 is self-deprecation
  '(?<!我|我这|我的|我这个|我这人)脑子(?:有病|进水|有问题|坏了|不好使|瓦特|不(?:太|大|怎么)?(?:灵光|灵|好使|够用|正常))',
  '(?<!我)没(?:长)?脑子', '(?:动动|用用|长点)脑子', '猪脑子', `${YOU}(?:是|真是|就是|简直是?|个|这)?猪(?![肉皮蹄排油鬃仔年])`,
  '(?:蠢|笨|死)猪', '(?<!傻)傻(?!眼|傻|分不清|瓜(?:式|相机|机|操作|教程))', '白痴', '弱智', '智障', '脑残', '蠢(?<!蠢蠢)(?!蠢)', '笨蛋',
  '二货', '(?<!我是|我就是|我这)文盲',
  // 您说我们是垃圾店，我理解… quotes the buyer to acknowledge it; 我们不是垃圾店 denies it
  `垃圾(?<!(?:${YOU}(?:说|觉得|认为|骂|嫌)(?!的)${IN_CLAUSE}{0,8}|不是)垃圾)(?![袋桶箱站分处食短邮堆场车篓筐回清])`,
  '废物(?!利用|回收)', '人渣', '混蛋', '王八蛋', '狗东西', '畜生', '不要脸', '无耻',
  '贱人', '犯贱', '你贱', '算什么东西', '你是什么东西', '什么玩意', '去死', '找死', '死开', '活该', '自作自受',
  // blaming the buyer; 这不怪你自己 / 不是你自己的问题 take the blame off them
  '(?<!不[能该会全用]?|别|没法|不应该)怪你自己', '(?<!不是|不算|并非|非|没有|不)你自己的问题', '(?<!不)是你自己(?:的问题|没)',
  '(?<!不是|不怪|不)你自己(?:没|不)(?:看|注意)',
  // profanity; 他妈妈, 我操作/我操心, 买给您妈的 are not
  `妈的(?<!(?:[妈他她]|[给送帮替为][你您我]|[给送帮替为])妈的)`, '[他她]妈的(?![鞋脚码尺生年岁身])',
  '(?:[你真这我太去]|什么|啥|怎么)他妈(?![妈咪])', '尼玛', '卧槽', '我操(?![作心办持练劳])', '操你', '草泥马', '滚犊子',
  '傻逼', '傻b', '特么', '你丫(?![头鬟])', '(?<!丫)丫的',
  '(?<![a-z])(?:sb|tmd|nmsl|cnm|wtf|fuck\\w*|shit|stupid|idiot)(?![a-z])', '(?:[你真这我太他她]|什么)tm(?![a-z])',
];

/** Impatience and contempt the red line counts but the buyer does not react to (see above). */
export const RUDE_RED_LINE_ONLY: readonly string[] = ['我都说了', '你自己看', '奇葩'];
