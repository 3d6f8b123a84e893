// Property tests: analysis must never throw, must be deterministic, and normalize must be a
// fixpoint after one application, whatever the trainee types.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyzeText, detectAbsolutePromise, detectApology, detectCredentialLeak, detectGreeting, detectOffPlatformContact,
  detectPhotoRequest, detectPoliteAddress, detectRudeLanguage, findKeywords, normalize, similarity,
} from '../../../server/engine/analysis/index.ts';

// Pieces that exercise every normalisation step: obfuscation letters and separators, Traditional
// characters, full-width forms, negators, Chinese numerals, invisible joiners, combining marks.
const TRICKY = [
  '微', '信', '薇', '威', 'v', 'V', 'x', 'w', 'q', 'Q', 'ｑ', '扣', '纽', '子', '企', '鹅', '号', '加', '我', ' ', '  ', '.', '·', '-', '_',
  '*', '❤', '😀', '\u200d', '\u200b', '\ufe0f', '\u0301', 'e', 'İ', 'ẞ', 'Σ', '１', '3', '8', '0', '1', '一', '三', '八', '零', '幺',
  '不', '能', '没', '别', '吗', '呢', '?', '？', '!', '~', '～', '〜', '。', '、', '，', '\n', '\r\n', '\t', '亲', '您', '好', '的',
  '[微笑]', '/:^_^', 'http://', 'www.', '.com', '@', '絕對', '合腳', '對不起', '驗證碼', 'ok', '嗯', '滚', '保证', '明天到', '\u3000',
];
const mixed = fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 40 });
const cjk = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)), maxLength: 30 });

const DETECTORS = [
  detectAbsolutePromise, detectApology, detectCredentialLeak, detectGreeting, detectOffPlatformContact,
  detectPhotoRequest, detectPoliteAddress, detectRudeLanguage,
];

describe.each([
  ['graphemes', fc.string({ unit: 'grapheme' })],
  ['full unicode', fc.string({ unit: 'binary' })],
  ['tricky pieces', mixed],
  ['random CJK', cjk],
  ['CJK mixed with tricky pieces', fc.tuple(cjk, mixed, cjk).map(([a, b, c]) => a + b + c)],
])('on %s', (_name, arb) => {
  it('analyzeText and every detector never throw and are deterministic', () => {
    fc.assert(
      fc.property(arb, (s) => {
        const a = analyzeText(s);
        expect(analyzeText(s)).toEqual(a);
        for (const d of DETECTORS) expect(d(a)).toEqual(d(analyzeText(s)));
        expect(a.questions).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('normalize is idempotent', () => {
    fc.assert(fc.property(arb, (s) => normalize(normalize(s)) === normalize(s)), { numRuns: 500 });
  });

  it('similarity is symmetric, within [0, 1] and 1 on identical text', () => {
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        const ab = similarity(a, b);
        expect(ab).toBe(similarity(b, a));
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
        expect(similarity(a, a)).toBe(1);
      }),
      { numRuns: 200 },
    );
  });

  it('findKeywords reports indexes where the normalised keyword really occurs', () => {
    fc.assert(
      fc.property(arb, arb, (text, kw) => {
        const n = normalize(text);
        const needle = normalize(kw);
        for (const h of findKeywords(n, kw)) expect(n.startsWith(needle, h.index)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
