// analyzeText(): question counts, links, phone numbers, contacts, emoticons, mechanical replies.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../server/engine/analysis/index.ts';

describe('questions', () => {
  it.each([
    ['您好？', 1],
    ['您穿多大码？平时穿什么鞋？', 2],
    ['您穿多大码？？？', 1],
    ['可以吗亲', 1],
    ['这款可以吗[微笑]', 1],
    ['您要什么颜色呢', 1],
    ['那您呢', 1],
    ['这双合不合适', 1],
    ['请问您的尺码', 1],
    ['您的脚背高吗 平时穿多大码 喜欢什么颜色呢', 3],
    ['ok?', 1],
    ['在的呢', 0],
    ['好的呢亲', 0],
    ['还没发呢', 0],
    ['有什么问题随时找我', 0],
    ['这么好看', 0],
    ['好的，马上给您发货', 0],
    ['链接在这 https://item.taobao.com/item.htm?id=1 您看看', 0],
  ])('%j asks %i', (reply, n) => {
    expect(analyzeText(reply).questions).toBe(n);
  });
});

describe('links', () => {
  it.each([
    ['点这里 https://item.taobao.com/item.htm?id=123，谢谢', ['https://item.taobao.com/item.htm?id=123']],
    ['www.example.com', ['www.example.com']],
    ['去taobao.com搜一下', ['taobao.com']],
    ['短链 t.cn/A6bCd 打开', ['t.cn/a6bcd']],
    ['ＷＷＷ．ＡＢＣ．ＣＮ', ['www.abc.cn']],
    ['邮箱 abc@qq.com', []],
    ['鞋底厚1.5cm', []],
    ['好的亲', []],
  ])('%j -> %j', (reply, links) => {
    expect(analyzeText(reply).links).toEqual(links);
  });
});

describe('phones', () => {
  it.each([
    ['13800138000', ['13800138000']],
    ['电话 138 0013 8000', ['13800138000']],
    ['+86 138 0013 8000', ['+8613800138000']],
    ['一三八零零一三八零零零', ['13800138000']],
    ['座机0571-88886666', ['057188886666']],
    ['热线400-800-1234', ['4008001234']],
    ['订单号13800138000', []],
    ['快递单号是 13812345678', []],
    ['顺丰SF1380013800012', []],
    ['12800元', []],
    ['138001380001234', []],
  ])('%j -> %j', (reply, phones) => {
    expect(analyzeText(reply).phones).toEqual(phones);
  });
});

describe('contacts', () => {
  it.each([
    ['加我QQ 12345678', [{ kind: 'qq', negated: false }]],
    ['加我V信', [{ kind: 'wechat', negated: false }]],
    ['发我邮箱 a.b@example.com', [{ kind: 'email', negated: false }, { kind: 'email', negated: false }]],
    ['打13800138000', [{ kind: 'phone', negated: false }]],
    ['我们有钉钉群', [{ kind: 'other', negated: false }]],
    ['平台规定不能加QQ哦', [{ kind: 'qq', negated: true }]],
    ['微信是不能加的哦', [{ kind: 'wechat', negated: true }]],
    ['不能加微信、QQ', [{ kind: 'wechat', negated: true }, { kind: 'qq', negated: true }]],
    ['QQ不方便，但是微信可以', [{ kind: 'qq', negated: true }, { kind: 'wechat', negated: false }]],
    ['QQ和微信我们都不方便给的', [{ kind: 'qq', negated: true }, { kind: 'wechat', negated: true }]],
    ['QQ和微信都可以加', [{ kind: 'qq', negated: false }, { kind: 'wechat', negated: false }]],
    ['收货电话是13800138000对吧', []],
    ['收货有问题打我电话13812345678', [{ kind: 'phone', negated: false }, { kind: 'phone', negated: false }]],
    ['好的亲', []],
  ])('%j', (reply, expected) => {
    expect(analyzeText(reply).contacts.map(({ kind, negated }) => ({ kind, negated }))).toEqual(expected);
  });

  it('keeps the contact text for feedback', () => {
    expect(analyzeText('薇信号：kefu888').contacts[0]?.text).toBe('微信号:kefu888');
  });
});

describe('emoji', () => {
  it.each([
    ['好的[微笑]', ['[微笑]']],
    ['[害羞][OK]', ['[害羞]', '[ok]']],
    ['亲 /:^_^', ['/:^_^']],
    ['收到 /:)', ['/:)']],
    ['哈哈😂😂', ['😂', '😂']],
    ['👍🏻', ['👍🏻']],
    ['👨‍👩‍👧', ['👨‍👩‍👧']],
    ['好的 :)', [':)']],
    ['好的~', []],
    ['好的～～', []],
    ['[图片]', []],
    ['尺码[42]', []],
  ])('%j -> %j', (reply, emoji) => {
    expect(analyzeText(reply).emoji).toEqual(emoji);
  });
});

describe('mechanical', () => {
  it.each([
    ['嗯', true],
    ['嗯嗯', true],
    ['好的', true],
    ['好的亲~', true],
    ['是的是的', true],
    ['对', true],
    ['哦', true],
    ['OK', true],
    ['ok!!', true],
    ['收到', true],
    ['行', true],
    ['好的[微笑]', true],
    ['👌', true],
    ['好的，我马上帮您查', false],
    ['好的?', false],
    ['谢谢', false],
    ['好看', false],
    ['😊', false],
    ['亲', false],
    ['', false],
  ])('%j -> %s', (reply, mechanical) => {
    expect(analyzeText(reply).mechanical).toBe(mechanical);
  });
});

describe('analyzeText', () => {
  it('keeps the raw text and the normalised form', () => {
    const f = analyzeText('加我 V信：ABC12345');
    expect(f.raw).toBe('加我 V信：ABC12345');
    expect(f.normalized).toBe('加我微信:abc12345');
  });
});
