// Word patterns for the politeness and evidence rules (digest §5.2, §4(d), rules 4, 51, 57).

/** 亲 as an address, not inside a word (亲自, 亲肤面料, 父亲, 相亲). */
export const QIN = '(?<![父母相双乡表远近求省探])亲(?![自手测身戚子肤人密友眼口属历近和切情吻生笔朋热])';

export const GREETING = [
  '您好', '你好', '(?<![a-z])(?:hello|hi|hey|hallo)(?![a-z])', '哈喽', '哈啰', '嗨', '欢迎', '(?<![存所实现自])在的',
  '(?<![正存])在呢', '在哦', '在滴', '早上好', '上午好', '中午好', '下午好', '晚上好', '早安', '有什么(?:可以|能)?(?:帮|为)您',
  '很高兴为您服务', '亲爱的', QIN,
].join('|');

export const POLITE_ADDRESS = `您|${QIN}`;

export const APOLOGY = [
  '抱歉', '对不起', '对不住', '不好意思', '添麻烦', '(?:带来|造成)了?(?:的)?(?:不便|困扰|麻烦)', '非常遗憾', '很遗憾', '久等了', '让您久等',
  '(?<![a-z])sorry(?![a-z])', '请谅解', '请见谅', '见谅', '包涵', '歉意', '致歉', '道歉', '赔(?:个|您个|你个)?不是', '过意不去',
  // 给您添堵了 is an apology; 别给自己添堵 is advice
  '(?:给|让)(?:您|你)(?:们)?添(?:了)?(?:个)?堵',
  // owning the fault (确实是我们这边的问题); 不是我们的问题 and 如果是我们的问题 deny or suppose it
  '(?<!不|非|不一定|果|要|若|假如|万一)是我们(?:这边|自己|店里)?的?(?:失误|疏忽|问题|责任)',
].join('|');

/**
 * What may stand right before an apology to decline it (不用道歉, 您不需要跟我说对不起, 别说抱歉), or
 * deny the harm it would own (不会给您造成困扰).
 */
export const APOLOGY_DECLINERS = '(?:不用|不要|不需要?|无需|无须|不必|没必要|别|没有?|不会)再?(?:说|跟[您你我]|向[您你我]|和[您你我]|给[您你我])?说?';

// 特写 / 近景 / 整体图 name the shot itself: 拍一张开裂处的特写 asks for a photo as plainly as 照片
const PHOTO_NOUN = '(?:照片|图片|相片|实拍图|细节图|截图|特写|近景|整体图|全貌|照|图|视频)';
// 发货 is shipping, never sending a picture
const PHOTO_VERB = '(?:拍|发(?!货)|提供|上传|传|截)';
const CLAUSE_CHAR = '[^,.!?;:。\\n~]';
// Between the request and the verb the buyer is the one acting: a gap naming the shop as the
// subject (请您放心我们发货前都会拍照) is the shop describing its own routine.
const ASK_GAP = `(?:(?!我们|咱们|我这边|我会|我先)${CLAUSE_CHAR})`;
const NOT_RELATIVE = '(?!来?的|过的|了)';
/**
 * The shop speaking of its own pictures (我们拍了一张实物图, 我这边先发一张图给您参考): a shop
 * pronoun earlier in the clause with no buyer (您/你/亲) after it. 帮我 / 给我 make the buyer the one
 * taking the picture (麻烦您帮我拍一张), and a buyer named after the pronoun (我这边需要您拍一张) too.
 */
const SHOP_SUBJECT_BEFORE = `(?<!(?<!帮|给|替)(?:我们|咱们|我|客服|商家|店铺|店里|仓库)(?:(?!您|你|亲)${CLAUSE_CHAR}){0,10})`;
/** A picture that goes to the buyer (发一张图给您看) is the shop's, whoever the clause names. */
const TO_BUYER_NOT = `(?!${CLAUSE_CHAR}{0,6}?给(?:您|你)(?!们))`;
/** Places in the chat where a buyer can put a photo. */
const HERE = '(?:这里|这边|这儿|这|聊天窗口|聊天框|对话框|窗口|旺旺|聊天里)';

/** Asking the buyer for photos of the problem, including circling the defect. */
export const PHOTO_REQUEST = [
  // 麻烦您拍张照片, 可以提供一下图片吗; the verb may not be a relative clause (您发的图片 = the photo you sent)
  `(?:麻烦|请|辛苦|劳烦|方便|可以|能否|能不能|能|帮忙|帮我|需要|您|亲)${ASK_GAP}{0,8}?${PHOTO_VERB}${NOT_RELATIVE}${CLAUSE_CHAR}{0,6}?${PHOTO_NOUN}`,
  // an explicit request carries further in its clause: 麻烦您在旺旺聊天窗口直接上传照片, 麻烦您拍一下开胶位置的照片
  `(?:麻烦|请您|辛苦|劳烦|能否|能不能|帮忙)${ASK_GAP}{0,16}?${PHOTO_VERB}${NOT_RELATIVE}${CLAUSE_CHAR}{0,8}?${PHOTO_NOUN}`,
  // a counted shot is a picture to take or send, however long its description: 先发一张开裂处的照片,
  // 麻烦拍一张整只鞋和一张开裂处的特写 (发的图片 / 拍了一张 are the past, not a request)
  `${SHOP_SUBJECT_BEFORE}${PHOTO_VERB}(?:一|两|几|三|二)?张${CLAUSE_CHAR}{0,12}?${PHOTO_NOUN}${TO_BUYER_NOT}`,
  // 拍一张整只鞋的 with the noun left out: 拍 + a count of 张 is a photograph (拍下 / 拍一单 are orders)
  `${SHOP_SUBJECT_BEFORE}拍(?:一|两|几|三|二)张(?!单)${TO_BUYER_NOT}`,
  // 拍个照片给我看看, 发张图片过来
  `${PHOTO_VERB}(?:个|张|几张|一张|两张|一下|下|些)?${PHOTO_NOUN}(?:给我|发我|发给我|过来|来|看看|看一下|给我们|我们看|我看|吗|吧|呢|一下)`,
  `(?:照片|图片|截图)(?:发|给|传)(?:我|过来|一下|给我)`,
  // the object first, then where to put it: 照片直接发这里就行, 图片直接发聊天窗口就ok, 照片在这发就行
  `${PHOTO_NOUN}(?:直接|就|可以|先|都)*(?:(?:发|传|上传|贴)(?:在|到)?${HERE}|(?:在|往)${HERE}(?:直接)?(?:发|传|上传|贴)${NOT_RELATIVE})`,
  // the place first: 在这里发图片就可以啦, 直接在聊天窗口上传照片 (not the shop's own 我们在这里拍照)
  `(?<!我们|我|咱们)(?:在|往)${HERE}(?:直接)?${PHOTO_VERB}${NOT_RELATIVE}${CLAUSE_CHAR}{0,4}?${PHOTO_NOUN}`,
  // an instruction closed by 就行: 上传照片凭证就行, 发几张图就可以
  `(?<!我们|我|咱们)(?:上传|发|传|拍)(?:个|张|几张|一下|下)?${PHOTO_NOUN}(?:凭证)?(?:就行|就可以|就好|就ok)`,
  // no photo word at all: 您拍下开胶的地方给我看看 (拍下单 / 拍下后 is placing the order)
  `拍(?!下?(?:后|单|订单|链接|宝贝|商品|付款|以后|之后))(?:一下|下|个|张)?${CLAUSE_CHAR}{0,10}?(?:给|发)(?:我|我们)(?:看看|看一下|看下|瞧瞧)`,
  '圈(?:出|一下|起来)', '标(?:出|注一下|记一下)',
].join('|');

/** Sending a password or one-time code (rule no-credential-leak). */
const CRED = '(?:验证码|校验码|动态码|动态密码|短信码|确认码|支付密码|登录密码|交易密码|取款密码|密码(?![锁箱])|口令|pin码?|cvv|安全码)';
// a code or password: 4+ characters with a digit, or 6+ characters (abcdef12, 384920, p@ssw0rd);
// a code read out in Chinese numerals (三八四九二零) counts too, since normalize() joins only 7+ of them
const VALUE =
  '(?:(?<value>(?=[a-z!@#$%^&*._\\-]*\\d|[a-z0-9!@#$%^&*._\\-]{6})[a-z0-9!@#$%^&*._\\-]{4,32})(?![a-z0-9])|[零〇一二三四五六七八九幺两]{4,8}(?![零〇一二三四五六七八九幺两十百千万]))';
const CLAUSE_GAP = '[^,.!?;。\\n~]';
export const CREDENTIAL = [
  // 验证码是 384920, 支付密码：123456, 密码是abc123, 验证码:三八四九二零
  `(?<cred>${CRED})[^a-z0-9,.!?;。\\n~]{0,6}?(?<![a-z0-9])${VALUE}`,
  // 384920是验证码
  `(?<![a-z0-9])${VALUE}(?:就)?是(?:我的|我)?的?(?<cred>${CRED})`,
  // 我把验证码发给您, 我把店铺账号和密码发给您 (but not 系统会把验证码发给您: the trainee must be the sender)
  `(?:我|我这就|我马上|我现在)(?:就|已经)?(?:把|将)${CLAUSE_GAP}{0,8}?(?<cred>${CRED})(?:都|一起)?(?:发|告诉|给)给?(?:你|您)`,
  `(?<cred>${CRED})我(?:已经|这就|马上)?(?:发|告诉|给)给?(?:你|您)`,
  // a bare 码 opening its clause is the code just asked for (码是384920); inside a word it is a size
  // or a pickup code (43码, 取件码), and a range (码是38-44) is sizes, so only 4-8 plain digits count
  '(?<![\\p{Script=Han}a-z0-9])(?<cred>码)(?:是|:|=| ) ?\\d{4,8}(?![\\d\\-a-z])',
];
