// Trainers may write their texts in Chinese only; the English UI then shows the Chinese.
import { describe, expect, it } from 'vitest';
import { authoredText, localText, withEnglishFallback } from '../../../server/engine/index.ts';

describe('authored texts: English is optional', () => {
  it('fills a missing en with the zh-CN text', () => {
    expect(withEnglishFallback({ 'zh-CN': '先道歉再说明' })).toEqual({ 'zh-CN': '先道歉再说明', en: '先道歉再说明' });
    expect(authoredText.parse({ 'zh-CN': '先道歉' })).toEqual({ 'zh-CN': '先道歉', en: '先道歉' });
  });

  it('keeps a given en, read exactly as the both-languages text was (key order included)', () => {
    const written = { en: 'Apologise', 'zh-CN': '道歉' };
    const parsed = authoredText.parse(written);
    expect(parsed).toEqual(localText.parse(written));
    expect(Object.keys(parsed)).toEqual(Object.keys(localText.parse(written)));
  });

  it('still needs the Chinese, and refuses an empty English line', () => {
    expect(authoredText.safeParse({ en: 'Apologise' }).success).toBe(false);
    expect(authoredText.safeParse({ 'zh-CN': '道歉', en: '' }).success).toBe(false);
  });
});
