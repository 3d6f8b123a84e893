// Detector findings reported by persona authors, kept apart from the main tables so each stays
// small: a negator that governs something else in the clause must not cancel an apology or a
// promise, and a conditional must not hide an off-platform offer.
import { describe, expect, it } from 'vitest';
import type { Detector } from '../../../server/engine/analysis/index.ts';
import {
  analyzeText, detectAbsolutePromise, detectApology, detectCredentialLeak, detectOffPlatformContact, detectPhotoRequest,
} from '../../../server/engine/analysis/index.ts';

type Case = [reply: string, hit: boolean];

// 不 negates the complaint (不愉快, 不合脚), not the apology that follows it
const APOLOGY: Case[] = [
  ['让您这么不愉快真的很抱歉', true],
  ['穿着不舒服真的很抱歉', true],
  ['鞋子不合适真抱歉', true],
  ['不合脚给您添麻烦了', true],
  ['您先别急 抱歉', true],
  ['没能及时回复您，对不起', true],
  ['不用道歉，没关系的', false],
  ['您不需要道歉', false],
  ['不用说抱歉', false],
  // other ways of saying sorry
  ['真是对不住，鞋子出了这种问题', true],
  ['给您造成困扰了，我们马上处理', true],
  ['给您造成了不便，实在不好受', true],
  ['这次先给您赔个不是', true],
  ['让您白跑一趟，我们真的过意不去', true],
  ['大老远给您添堵了', true],
  ['是我们这边的问题，我这就给您换', true],
  ['确实是我们的失误', true],
  // …but denying the fault, supposing it, or promising no trouble is not an apology
  ['这个不是我们这边的问题哦', false],
  ['要是我们的问题，我们一定负责', false],
  ['不一定是我们的问题，先等等物流', false],
  ['放心，这样不会给您造成困扰的', false],
  ['您别给自己添堵了，交给我们', false],
];

// a conditional (…的话 / 如果… / 要是…) ends a negation's reach; a concrete id is an offer anyway.
const OFF_PLATFORM: Case[] = [
  ['肯定到的，真不到的话加我微信 tp_xiaofeng88 找我', true],
  ['不满意的话加我微信聊', true],
  ['要是没收到，加我QQ 12345678', true],
  ['如果不合适就加我微信吧', true],
  ['不满意随时加我QQ 12345678', true],
  ['不方便的话微信号 tp_xiaofeng88', true],
  ['平台规定不能加QQ哦', false],
  ['微信的话我们这边是不能加的', false],
  ['不好意思，微信不方便给您', false],
  ['不能加微信的，有问题在旺旺上说就好', false],
  // a number handed out after an earlier refusal, or after 加一下/拨一下
  ['我们平时不加QQ的，不过您这个情况特殊，可以加一下：593018274', true],
  ['您加一下 593018274 就行', true],
  ['急的话您拨一下幺五九二八八六六三四七', true],
  ['您发个手机号给我，我让售后拉您进群', true],
  ['包裹里有张卡片，扫上面的二维码加售后就行', true],
  ['卡片上有个码，您扫一下加售后', true],
  ['扫码加购更划算', false],
  ['这个问题您打电话到我们店里说吧', true],
  ['有空给我们打个电话', true],
  ['那您私信我的小号吧', true],
  // …while hotlines, the courier calling, the address and authenticity codes stay legitimate
  ['您可以拨打9510211找淘宝官方客服核实', false],
  ['物流的事可以拨打95311问问中通', false],
  ['开通会员再加10000积分', false],
  ['派件前快递员会打电话给您', false],
  ['我马上打电话给我们合作的快递问问', false],
  ['关注店铺后扫二维码验真伪', false],
  ['麻烦您发一下收货地址和手机号，我核对一下', false],
  ['扫一下吊牌上的二维码可以验真伪', false],
  ['千万别扫陌生人的二维码加好友哦', false],
  ['这双有小号的吗？小号码断了', false],
  // money moved outside the order
  ['您先确认收货，我线下给您退款', true],
  ['差价我支付宝转您', true],
  ['这事咱们线下解决吧', true],
  ['我直接转您80块，您看行吗', true],
  ['钱我晚点打到您支付宝', true],
  ['差价我微信转您', true],
  ['退款会原路退回您的支付宝账户', false],
  ['可以用支付宝付款的亲', false],
  ['退款通过支付宝原路退给您', false],
  // the e-invoice box is an order field; sending things to a box outside the platform is not
  ['要开发票的话，下单时在订单里备注邮箱就可以', false],
  ['电子发票开好后会发到您的邮箱，注意查收', false],
  ['发票开出来会发到您下单时留的邮箱', false],
  ['发票这边开好会发您邮箱，在订单备注里填一下邮箱地址', false],
  ['您把视频发到我们邮箱吧', true],
  ['视频太大的话发我邮箱也行', true],
  ['发票的话您把视频发我邮箱', true],
];

// a code or password given to the buyer; sizes, pickup codes and refusals are not
const CREDENTIAL: Case[] = [
  ['好的，验证码：六五七三零一', true],
  ['码是657301，您看下', true],
  ['码：657301', true],
  ['行，我把店铺账号和密码发给您', true],
  ['我这就把手机收到的验证码发给您', true],
  ['我不会把店铺账号和密码发给您的', false],
  ['取件码是 6-2-3018，到驿站报一下就行', false],
  ['43码是有现货的', false],
  ['码是38-44都有', false],
  ['这款码是偏大的，拍小一码', false],
  ['验证码一般五分钟内有效', false],
];

// asking for photos with the object or the place first
const PHOTO: Case[] = [
  ['照片直接发这里就行', true],
  ['图片直接发聊天窗口就可以', true],
  ['照片在这发就好', true],
  ['您在这里发图片就行啦', true],
  ['您拍下开胶的位置给我看看', true],
  ['在订单页申请售后，上传照片凭证就行', true],
  ['您发的照片我们收到了', false],
  ['图片发错了，不好意思', false],
  ['我们在这里拍照检查过的', false],
  ['拍下后发我看看订单号', false],
  ['我们发图就好，您不用操心', false],
  ['不用上传照片就行', false],
];

// a negation inside the promised target (不挤, 不紧, 不会松) is part of the promise
const ABSOLUTE_PROMISE: Case[] = [
  ['保证不挤', true],
  ['保证不紧', true],
  ['绝对不会松', true],
  ['这双保证不挤脚', true],
  ['这个保证不了', false],
  ['我保证不了具体哪天', false],
  ['不能保证不挤', false],
];

describe.each([
  ['detectApology', detectApology, APOLOGY],
  ['detectOffPlatformContact', detectOffPlatformContact, OFF_PLATFORM],
  ['detectAbsolutePromise', detectAbsolutePromise, ABSOLUTE_PROMISE],
  ['detectCredentialLeak', detectCredentialLeak, CREDENTIAL],
  ['detectPhotoRequest', detectPhotoRequest, PHOTO],
] as [string, Detector, Case[]][])('%s findings', (_name, detector, cases) => {
  it.each(cases)('%s -> %s', (reply, hit) => {
    const d = detector(analyzeText(reply));
    expect(d.hit, `${reply} -> ${JSON.stringify(d)}`).toBe(hit);
  });
});
