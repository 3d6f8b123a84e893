// normalize(): width, script, case, spacing and obfuscation folding, and the generated table.
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../server/engine/analysis/index.ts';
import { TRAD_SIMP_PAIRS } from '../../../server/engine/analysis/tradToSimp.generated.ts';

describe('normalize', () => {
  it.each([
    // full-width -> half-width; full-width punctuation keeps its meaning
    ['ＱＱ１２３４５６７８', 'qq12345678'],
    ['１２３', '123'],
    ['好的？', '好的?'],
    ['好的，谢谢！', '好的,谢谢!'],
    ['尺码：４２', '尺码:42'],
    // Traditional -> Simplified
    ['加我微信', '加我微信'],
    ['絕對合腳', '绝对合脚'],
    ['對不起', '对不起'],
    ['驗證碼', '验证码'],
    ['這裡為您服務', '这里为您服务'],
    // case and whitespace
    ['Hello  World', 'hello world'],
    ['  好的  ', '好的'],
    ['第一行\r\n\r\n  第二行', '第一行\n第二行'],
    ['加 我 微 信', '加我微信'],
    // a space between two runs of 2+ Han characters ends a clause; spaced single characters join
    ['不好意思哈 我们这边没有优惠了 已经是活动价了', '不好意思哈,我们这边没有优惠了,已经是活动价了'],
    ['好的 马上发', '好的,马上发'],
    ['在的 亲', '在的亲'],
    ['加我 微 信 吧', '加我微信吧'],
    ['加 我 微信', '加我微信'],
    // …except before 微信: "加我 微信" is the usual way to slip past a keyword filter
    ['加我 微信', '加我微信'],
    ['加个 V信', '加个微信'],
    ['𠀀𠀁 好的', '𠀀𠀁,好的'],
    // a clause break stops the look-across exclusions of the contact words (扣扣好 is a button)
    ['扣扣 好好', 'qq,好好'],
    ['好\u3000的', '好的'],
    // invisible characters used to split words
    ['微\u200b信', '微信'],
    // QQ obfuscations
    ['扣扣', 'qq'],
    ['扣扣号', 'qq号'],
    ['企鹅号', 'qq号'],
    ['Q Q', 'qq'],
    ['q.q', 'qq'],
    ['ｑｑ', 'qq'],
    ['Q-Q', 'qq'],
    // WeChat obfuscations
    ['V信', '微信'],
    ['v信', '微信'],
    ['薇信', '微信'],
    ['威信', '微信'],
    ['徽信', '微信'],
    ['VX', '微信'],
    ['wx', '微信'],
    ['weixin', '微信'],
    ['WeChat', '微信'],
    ['微❤信', '微信'],
    ['加v', '加微信'],
    ['加个V', '加个微信'],
    // the letters around 加 may be spaced too (and a second pass must not find more to fold)
    ['加 我 v', '加我微信'],
    ['加  我V', '加我微信'],
    ['加 一 下 v', '加一下微信'],
    ['V信V信', '微信微信'],
    // split or spelled-out numbers
    ['1 3 8 0 0 1 3 8 0 0 0', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['138.0013.8000', '13800138000'],
    ['一三八零零一三八零零零', '13800138000'],
    ['qq 123 456', 'qq 123456'],
    // noise
    ['好的～～～', '好的~'],
    ['真的吗？？？', '真的吗?'],
    ['嗯……', '嗯...'],
    ['🆗', 'ok'],
  ])('%j -> %j', (raw, expected) => {
    expect(normalize(raw)).toBe(expected);
  });

  it.each([
    ['扣扣子', 'clothing: fasten the buttons'],
    ['纽扣扣不上', 'clothing: the button will not close'],
    ['36 37 38 39', 'a list of sizes'],
    ['2024-05-01', 'a date'],
    ['1.5', 'a decimal'],
    ['v领毛衣', 'a V-neck'],
    ['企鹅玩偶', 'a penguin plush'],
    ['wxyz', 'letters inside a word'],
  ])('leaves %j alone (%s)', (raw) => {
    expect(normalize(raw)).not.toMatch(/qq|微信/);
    expect(normalize(raw)).toBe(normalize(normalize(raw)));
    expect(normalize(raw).replace(/\s/g, '')).toBe(raw.toLowerCase().replace(/\s/g, ''));
  });
});

describe('the generated Traditional -> Simplified table', () => {
  const pairs = Array.from(TRAD_SIMP_PAIRS);

  it('is a non-trivial list of character pairs', () => {
    expect(pairs.length % 2).toBe(0);
    expect(pairs.length / 2).toBeGreaterThan(2500);
  });

  it.each([['對', '对'], ['們', '们'], ['為', '为'], ['裡', '里'], ['説', '说'], ['碼', '码']])('maps %s to %s', (t, s) => {
    const i = pairs.findIndex((c, k) => k % 2 === 0 && c === t);
    expect(pairs[i + 1]).toBe(s);
  });

  it('is final: no target is itself mapped again (keeps normalize idempotent)', () => {
    const sources = new Set(pairs.filter((_, k) => k % 2 === 0));
    expect(pairs.filter((c, k) => k % 2 === 1 && sources.has(c))).toEqual([]);
  });

  it.each(['台', '么', '干', '后'])('does not touch the Simplified character %s', (s) => {
    expect(pairs.some((c, k) => k % 2 === 0 && c === s)).toBe(false);
  });
});
