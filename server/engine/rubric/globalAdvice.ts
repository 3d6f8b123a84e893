// Advice of the shared global rules that depends on the buyer in front of the trainee. A global
// rule's default feedback and reference reply (globalRules.ts) are written for no buyer in
// particular; shown in a phishing chat or an angry complaint they can teach the wrong thing (a
// welcome line that ignores a broken shoe, a delivery-time reply under a fit promise). Here a
// scenario's `persona` picks texts that fit its situation. The choice is made once per scenario
// (rubric texts travel once per session, keyed by rule id), so it is data, not logic.
import type { GlobalRuleId, LocalText, Scenario } from '../scenario/schema.ts';

type PersonaKind = Scenario['persona'];

export interface Advice {
  feedback?: LocalText;
  modelReply?: LocalText;
}

export const PERSONA_ADVICE: Readonly<Partial<Record<GlobalRuleId, Partial<Record<PersonaKind, Advice>>>>> = {
  'good-outcome': {
    bargainer: {
      feedback: {
        'zh-CN': '讲价的买家，好结局是按店铺允许的价格成交，或守住底线后让买家自己决定。靠没授权的让价、包邮换来的成交不算好结局，只顾守价把买家气走也不算。让不了价时，讲清价值、用店铺已有的活动留住买家。',
        en: 'With a haggler, a good ending is a sale at a price the shop allows, or a polite line held while the buyer decides. A sale bought with an unauthorised discount or free shipping is not one, and neither is a buyer driven off by a flat no. When the price cannot move, explain the value and use the offers the shop already runs.',
      },
      modelReply: {
        'zh-CN': '亲，理解您想买得划算一些，这个价格我这边确实没有权限改。这款是店里的活动价，质量有保障，您现在拍下我马上帮您安排发货~',
        en: 'I understand you want a good deal, but I am not allowed to change this price. It is already the shop\'s sale price with the quality guaranteed; order now and I will get it shipped for you straight away.',
      },
    },
    'size-hesitant': {
      feedback: {
        'zh-CN': '尺码犹豫的买家，好结局是买家心里有底、放心下单：问清脚长和脚型，给一个明确的尺码建议，说清七天无理由和换码运费由谁出。用“保证合脚”“免费换”这类兑现不了的话换来的成交不算好结局。',
        en: 'With a buyer unsure of her size, a good ending is an order she places with confidence: ask her foot length and shape, give one clear size, and say how returns work and who pays for a size exchange. A sale won with "fit guaranteed" or "free exchange" promises the shop cannot keep is not one.',
      },
      modelReply: {
        'zh-CN': '亲，按您说的脚长和脚背偏高，这款建议拍大半码。收到后不合适可以七天无理由退换，换码的来回运费需要您承担，下单时可以加购运费险~',
        en: 'From your foot length and high instep, I suggest half a size up in this style. If it does not fit you can return it within 7 days; the postage for a size exchange is on you, and you can add shipping insurance at checkout.',
      },
    },
    phisher: {
      feedback: {
        'zh-CN': '遇到可疑的“买家”，好结局是店铺和账号都安全：不点陌生链接、不收文件、不给验证码、不去站外，必要时向平台举报。点了链接或交出信息，之后对方走了也不算好结局，伤害已经发生了。',
        en: 'With a suspicious "buyer", a good ending leaves the shop and the account safe: no unknown link opened, no file accepted, no code given, nothing taken off the platform, and a report to the platform when it fits. Once a link was opened or details handed over, the scammer leaving does not make it good: the harm is done.',
      },
      modelReply: {
        'zh-CN': '亲，为了账户安全，外部链接和文件我们都不能打开。您想了解哪款商品，直接发宝贝名称或截图给我，我在店里帮您查~',
        en: 'For account safety we cannot open outside links or files. Tell me the item name or send a screenshot, and I will look it up in the shop for you.',
      },
    },
    'post-sale-complainer': {
      feedback: {
        'zh-CN': '售后投诉，好结局是问题真的解决了：先道歉安抚，请买家拍照，再给出退款、换新或补偿的方案，说清运费谁出、多久处理。推脱、怪买家或只说空话，买家会升级投诉或给差评。',
        en: 'In an after-sales complaint, a good ending is the problem actually solved: apologise, ask for photos, then offer a refund, a replacement or compensation, saying who pays the postage and how long it takes. Deflecting, blaming the buyer or empty words push her to escalate or leave a bad review.',
      },
      modelReply: {
        'zh-CN': '亲，真的很抱歉鞋子出了这样的问题！麻烦您拍一张整体和一张问题处的特写，核实是质量问题后给您换新或退款，来回运费由我们承担~',
        en: 'I am so sorry the shoes have this problem! Please send one photo of the whole pair and one close-up of the fault; once it is confirmed as a defect we will replace or refund it, and we pay the postage both ways.',
      },
    },
  },
  'polite-address': {
    'size-hesitant': {
      modelReply: {
        'zh-CN': '亲，您看中的这款现在有货，您平时穿多大码呢？',
        en: 'The style you like is in stock. What size do you usually wear?',
      },
    },
    bargainer: {
      modelReply: {
        'zh-CN': '亲，理解您想买得划算，这款现在就是活动价了，您拍下后我优先帮您安排发货哦~',
        en: 'I understand you want a good price. This is already the sale price; once you order I will make sure it ships first thing.',
      },
    },
    phisher: {
      modelReply: {
        'zh-CN': '亲，您想咨询哪一款呢？直接把宝贝名称发给我，我在店里帮您查~',
        en: 'Which item are you asking about? Just send me its name and I will look it up in the shop.',
      },
    },
    'post-sale-complainer': {
      modelReply: {
        'zh-CN': '亲，给您添麻烦了，真的很抱歉。您方便拍张照片给我看看问题在哪里吗？',
        en: 'I am really sorry for the trouble. Could you send me a photo showing where the problem is?',
      },
    },
  },
  greeting: {
    bargainer: {
      modelReply: {
        'zh-CN': '亲，您好，欢迎光临~ 这款现在是活动价，您想了解价格还是尺码，尽管问我~',
        en: 'Hello and welcome! This style is on sale right now. Ask me anything about the price or the sizes.',
      },
    },
    'size-hesitant': {
      modelReply: {
        'zh-CN': '亲，您好，欢迎光临~ 选尺码我来帮您，方便说下您平时穿的码数和脚长吗？',
        en: 'Hello and welcome! I will help you pick the size. What size do you usually wear, and how long is your foot?',
      },
    },
    phisher: {
      modelReply: {
        'zh-CN': '亲，您好，欢迎光临~ 您想了解哪款商品？直接发宝贝名称给我就好。',
        en: 'Hello and welcome! Which item would you like to know about? Just send me its name.',
      },
    },
    'post-sale-complainer': {
      feedback: {
        'zh-CN': '买家带着问题来时，第一条回复问候之后马上接住问题：先道歉，再说你会怎么处理。只发一句“欢迎光临”，买家会觉得你没在听。',
        en: 'When the buyer comes with a problem, greet her and take up the problem in the same first reply: apologise, then say what you will do. A bare "welcome to our shop" tells her you are not listening.',
      },
      modelReply: {
        'zh-CN': '亲，您好，非常抱歉让您遇到这样的问题！您先别着急，我马上帮您查订单处理。',
        en: 'Hello, and I am very sorry you ran into this! Please bear with me; I am checking your order now to sort it out.',
      },
    },
  },
  'no-absolute-promise': {
    'size-hesitant': {
      modelReply: {
        'zh-CN': '亲，按您的脚长，这款拍42码一般比较合适，不过脚感因人而异，不好跟您打包票。收到不合适支持七天无理由退换，您可以放心试穿~',
        en: 'For your foot length, size 42 usually fits this style well, but every foot is different, so I cannot promise it. If it does not fit, you can return it within 7 days, so feel free to try it on.',
      },
    },
  },
};
