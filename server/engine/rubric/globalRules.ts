// Defaults of the global rules: category, weight, red line, and the coaching text a trainee
// sees. Red lines weigh 10 so that passing them still counts; the rest weigh by how much the
// behaviour matters to a buyer (digest §5, §9). The logic lives in globalChecks.ts.
import type { GlobalRuleId, LocalText, Scenario } from '../scenario/schema.ts';
import { PERSONA_ADVICE } from './globalAdvice.ts';
import type { RuleInfo } from './progress.ts';

// Every global rule has a title: it names the rule on chips and in the report in both languages.
type GlobalInfo = RuleInfo & { id: GlobalRuleId; title: LocalText };

const rule = (r: Omit<GlobalInfo, 'global'>): GlobalInfo => ({ ...r, global: true });

/**
 * Global rules added after the first rubric revision, with the revision that added them
 * (session/rulesRevision.ts). A session of an older revision is scored without them: no verdict
 * live, no row in its report, so replaying it gives the report its trainee saw.
 */
export const GLOBAL_RULE_SINCE: Readonly<Partial<Record<GlobalRuleId, number>>> = {
  'no-review-inducement': 7,
};

/** The rule exists for a session of `revision` (absent: the latest). */
export function globalRuleInRevision(id: string, revision: number | undefined): boolean {
  const since = (GLOBAL_RULE_SINCE as Readonly<Record<string, number | undefined>>)[id];
  return since === undefined || revision === undefined || revision >= since;
}

export const GLOBAL_RULES: readonly GlobalInfo[] = [
  rule({
    id: 'no-offplatform-contact', category: 'compliance', weight: 10, redLine: true,
    title: { 'zh-CN': '不引导站外联系', en: 'No off-platform contact' },
    feedback: {
      'zh-CN': '所有沟通都要留在平台内。不要给出或索要QQ、微信、手机号等站外联系方式，这属于违规引流，也会让买家失去平台保障。',
      en: 'Keep every conversation on the platform. Never give or ask for QQ, WeChat, a phone number or any other off-platform contact: it breaks platform rules and strips the buyer of platform protection.',
    },
    modelReply: {
      'zh-CN': '亲，按平台规定我们只能在旺旺里沟通哦，您有什么问题直接在这里发给我，图片也可以在聊天窗口上传~',
      en: 'Platform rules ask us to keep all contact here in chat. Just send me your questions here, and you can upload pictures in this window too.',
    },
  }),
  rule({
    id: 'no-credential-leak', category: 'security', weight: 10, redLine: true,
    title: { 'zh-CN': '不泄露账号信息', en: 'No account details given away' },
    feedback: {
      'zh-CN': '任何情况下都不能发送密码、验证码、登录码或支付码。真正的平台工作人员不会向客服索要这些信息。',
      en: 'Never send a password, verification code, login code or payment code, whoever asks. Genuine platform staff never ask an agent for them.',
    },
    modelReply: {
      'zh-CN': '不好意思，账号密码和验证码属于安全信息，我们不能提供给任何人。如有官方通知，我们会在商家后台核实处理。',
      en: 'Sorry, account passwords and verification codes are security details we never share with anyone. Any official notice is checked in the seller back office.',
    },
  }),
  rule({
    id: 'no-phishing-link-click', category: 'security', weight: 10, redLine: true,
    title: { 'zh-CN': '不点钓鱼链接', en: 'No phishing link opened' },
    feedback: {
      'zh-CN': '不要打开买家发来的陌生链接，它可能是钓鱼网站。请买家发商品截图或宝贝名称，在店铺内查找即可。',
      en: 'Do not open unknown links from buyers; they may lead to phishing pages. Ask for a screenshot or the item name and look it up in the shop instead.',
    },
    modelReply: {
      'zh-CN': '亲，为了账户安全我们不方便打开外部链接，您可以把商品截图或宝贝名称发给我，我马上帮您查。',
      en: 'For account safety we cannot open outside links. Please send a screenshot or the item name and I will look it up for you right away.',
    },
  }),
  rule({
    id: 'no-file-accept', category: 'security', weight: 10, redLine: true,
    title: { 'zh-CN': '不接收陌生文件', en: 'No unknown file accepted' },
    feedback: {
      'zh-CN': '不要接收买家发来的文件，压缩包或文档里可能藏有木马。需要的信息请买家直接用文字或图片发送。',
      en: 'Do not accept files from buyers; archives and documents can carry malware. Ask for the details as text or pictures in chat.',
    },
    modelReply: {
      'zh-CN': '不好意思亲，客服电脑不能接收文件哦。您要的款式可以直接加入购物车一起结算，或者把型号用文字发给我~',
      en: 'Sorry, our service computers cannot accept files. You can add the items you want to the cart and check out together, or type the model numbers here.',
    },
  }),
  rule({
    id: 'no-rude-language', category: 'politeness', weight: 10, redLine: true,
    title: { 'zh-CN': '不说粗鲁的话', en: 'No rude words' },
    feedback: {
      'zh-CN': '无论买家态度如何，都要保持冷静和礼貌。辱骂、讽刺或“爱买不买”之类的话会直接引发投诉。',
      en: 'Stay calm and polite whatever the buyer says. Insults, sarcasm or "take it or leave it" lines lead straight to complaints.',
    },
    modelReply: {
      'zh-CN': '非常理解您的心情，给您带来不好的体验真的很抱歉，我们一起看看怎么帮您解决好吗？',
      en: 'I completely understand how you feel, and I am sorry for the trouble. Let us work out together how to put it right.',
    },
  }),
  rule({
    id: 'no-review-inducement', category: 'compliance', weight: 10, redLine: true,
    title: { 'zh-CN': '不以利益换评价', en: 'No paying for reviews' },
    feedback: {
      'zh-CN': '不能用返现、红包、补钱去换好评，或换买家删改、不写差评。平台把这类评价当作虚假评价处理，店铺会被扣分降权。请买家按真实感受评价；商品有问题，就按售后流程解决问题本身。',
      en: 'Never offer cash-back, a red packet or money for a good review, or for a bad review to be dropped, changed or never written. Platforms treat such reviews as fake and penalise the shop. Let the buyer review honestly; if the goods are faulty, fix the fault through after-sales.',
    },
    modelReply: {
      'zh-CN': '亲，评价您按真实感受来写就好~ 这次的问题我先帮您处理好：您拍张照片发我，符合售后的我们给您换新或退款。',
      en: 'Please review us however you honestly feel. Let me sort out the problem first: send me a photo, and if it is covered we will replace or refund it.',
    },
  }),
  rule({
    id: 'no-absolute-promise', category: 'professionalism', weight: 8, redLine: false,
    title: { 'zh-CN': '不做绝对化承诺', en: 'No absolute promises' },
    feedback: {
      'zh-CN': '对店铺控制不了的事（到货时间、尺码是否合适、颜色是否一致）不要说“肯定”“保证”“绝对”，改用“尽量”“争取”。平台承诺的正品、七天无理由可以放心说。',
      en: 'Do not promise "definitely", "guaranteed" or "absolutely" about things the shop cannot control (delivery date, fit, exact colour); say "we will do our best" instead. Policy guarantees such as authenticity or 7-day returns are fine.',
    },
    modelReply: {
      'zh-CN': '亲，我们今天会尽量安排发出，快递一般两到三天送达，具体以物流为准，我会帮您留意进度的~',
      en: 'We will do our best to ship today; delivery usually takes two to three days depending on the courier, and I will keep an eye on it for you.',
    },
  }),
  rule({
    id: 'greeting', category: 'politeness', weight: 5, redLine: false,
    title: { 'zh-CN': '欢迎语', en: 'Welcome greeting' },
    feedback: {
      'zh-CN': '第一条回复先问候买家，比如“亲，您好”，再进入正题，让买家感到被重视。问候的同时把买家往站外引（加微信、私下交易）不算欢迎语。',
      en: 'Open your first reply with a greeting such as "Hello, dear" before getting to the point, so the buyer feels welcome. A greeting that also steers the buyer off the platform (add me on WeChat, a private deal) does not count.',
    },
    modelReply: {
      'zh-CN': '亲，您好，欢迎光临本店~ 我是客服小美，请问有什么可以帮您？',
      en: 'Hello and welcome to our shop! I am Mei from customer service. How can I help you?',
    },
  }),
  rule({
    id: 'polite-address', category: 'politeness', weight: 5, redLine: false,
    title: { 'zh-CN': '礼貌称呼', en: 'Polite address' },
    feedback: {
      'zh-CN': '称呼买家时用“亲”或“您”，语气会更亲切、更尊重。不必每句都加，但至少要用上。',
      en: 'Address the buyer as 亲 or 您: it sounds warmer and more respectful. Not in every sentence, but use it.',
    },
    modelReply: {
      'zh-CN': '亲，您说的情况我了解了，我这就帮您看一下，请您稍等~',
      en: 'I understand, thank you. Let me look into it for you; one moment please.',
    },
  }),
  rule({
    id: 'first-response-time', category: 'timeliness', weight: 8, redLine: false,
    title: { 'zh-CN': '首次响应及时', en: 'Quick first response' },
    feedback: {
      'zh-CN': '你的第一条回复要及时：从你回复前买家发来的最后一句算起，到你的回复发出为止。哪怕先回一句“在的，我马上帮您查”再查资料，也比让买家干等好。',
      en: 'Your first reply must come quickly: the time runs from the buyer\'s last line before it until your reply is sent. A quick "I am here, checking for you" while you look things up beats leaving the buyer waiting.',
    },
    modelReply: {
      'zh-CN': '亲，您好，在的~ 我马上帮您查一下，请稍等。',
      en: 'Hello, I am here! Let me check that for you, one moment please.',
    },
  }),
  rule({
    id: 'avg-response-time', category: 'timeliness', weight: 6, redLine: false,
    title: { 'zh-CN': '平均响应及时', en: 'Quick responses overall' },
    feedback: {
      'zh-CN': '整段对话都要保持回复节奏。回复忽快忽慢、长时间不回，买家很容易流失。',
      en: 'Keep a steady pace through the whole chat. Slow or uneven replies make buyers drift away.',
    },
    modelReply: {
      'zh-CN': '亲，让您久等了！您问的两款我都帮您对比好了，轻便透气选第一款，防水耐磨选第二款~',
      en: 'Sorry to keep you waiting! I have compared both styles for you: the first is lighter and breathes better, the second is waterproof and harder-wearing.',
    },
  }),
  rule({
    id: 'no-mechanical-reply', category: 'empathy', weight: 6, redLine: false,
    title: { 'zh-CN': '不机械应答', en: 'No mechanical replies' },
    feedback: {
      'zh-CN': '不要连续只回“嗯”“好的”“是的”，也不要一句接一句只丢一两个字（“41”“能”“不行”“不行了”）。回应买家时带上具体内容，表示你在认真听，并引导买家把需求说完整。',
      en: 'Do not answer twice in a row with a bare "OK", "yes" or "mm", or with a word or two at a time ("41", "can do", "no"). Add something concrete that shows you are listening and invites the buyer to say more.',
    },
    modelReply: {
      'zh-CN': '明白的亲，您是想要轻便一点、适合日常通勤穿的对吧？我给您推荐两款看看~',
      en: 'Got it: you want something light for your daily commute, right? Let me suggest two styles.',
    },
  }),
  rule({
    id: 'apology-on-complaint', category: 'empathy', weight: 8, redLine: false,
    title: { 'zh-CN': '投诉先致歉', en: 'Apologise on a complaint' },
    feedback: {
      'zh-CN': '买家投诉时，第一句先道歉、安抚情绪，再解释原因和处理办法。',
      en: 'When the buyer complains, apologise and acknowledge the feeling first, then explain and offer a fix.',
    },
    modelReply: {
      'zh-CN': '亲，真的非常抱歉给您添麻烦了！您先别着急，我这就帮您核实情况，一定给您一个满意的处理方案。',
      en: 'I am truly sorry for the trouble! Please bear with me while I check what happened; we will find a fix you are happy with.',
    },
  }),
  rule({
    id: 'ask-photo-evidence', category: 'professionalism', weight: 8, redLine: false,
    title: { 'zh-CN': '请买家拍照取证', en: 'Ask for photo evidence' },
    feedback: {
      'zh-CN': '买家反映质量问题时，请对方拍照：一张整体图圈出问题位置，一张近距离特写，方便核实和申请处理。',
      en: 'When the buyer reports a quality problem, ask for photos: one of the whole item with the defect circled and one close-up, so the case can be checked and handled.',
    },
    modelReply: {
      'zh-CN': '亲，麻烦您拍两张照片发给我：一张整体图把问题位置圈出来，一张近处特写，我收到后马上为您处理。',
      en: 'Could you send me two photos: one of the whole item with the problem circled, and one close-up? I will handle it as soon as I get them.',
    },
  }),
  rule({
    id: 'good-outcome', category: 'sales', weight: 25, redLine: false,
    title: { 'zh-CN': '对话结局良好', en: 'A good ending' },
    feedback: {
      'zh-CN': '对话的目的是把买家服务好：成交、问题解决，或安全地拒绝骗局。这次没有走到这样的结局。看看结局是怎么来的：让了不该让的、许了兑现不了的承诺、碰了安全红线，还是买家的问题一直没人回答？找到那一步，下次换个做法。',
      en: 'The point of the chat is a buyer served well: a sale, a problem solved, or a scam safely turned away. This chat did not end that way. Find how the ending came about: something given away that was not yours to give, a promise the shop cannot keep, a security red line, or a question never answered? Change what you did at that step.',
    },
    modelReply: {
      'zh-CN': '亲，跟您确认一下：您要的是黑色42码，今天下单今天发出。收到后有任何问题，直接在旺旺找我就好~',
      en: 'Let me confirm: black, size 42, shipped today if you order today. If anything is wrong when it arrives, just message me here.',
    },
  }),
  rule({
    id: 'no-buyer-waiting', category: 'timeliness', weight: 8, redLine: false,
    title: { 'zh-CN': '不让买家干等', en: 'No buyer left waiting' },
    feedback: {
      'zh-CN': '不要让买家追问“在吗”。一时答不上来，先回一句“稍等，我马上帮您查”，查好了要赶在买家追问之前把答案发过去：说了“稍等”又迟迟不回，买家一样在干等。',
      en: 'Never make the buyer ask "are you there?". If you need time, say "one moment, I am checking for you" first, then come back with the answer before she has to ask again: a "one moment" followed by silence leaves her waiting all the same.',
    },
    modelReply: {
      'zh-CN': '亲，我在的，稍等一下，我马上帮您查一下~',
      en: 'I am here! One moment please, let me check that for you.',
    },
  }),
];

/** A global rule's defaults, with the feedback and reference reply fitted to the scenario's persona (globalAdvice.ts). */
export function globalRuleFor(id: GlobalRuleId, persona: Scenario['persona']): GlobalInfo | undefined {
  const defaults = GLOBAL_RULES.find((g) => g.id === id);
  const advice = PERSONA_ADVICE[id]?.[persona];
  return defaults === undefined || advice === undefined ? defaults : { ...defaults, ...advice };
}
