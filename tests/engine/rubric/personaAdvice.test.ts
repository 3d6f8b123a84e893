// The shared global rules' advice fits the buyer of the scenario (globalAdvice.ts): no 「回看买家是在
// 哪一步失去耐心的」 after a scam, no shoe-size question in a phishing chat, no bare welcome line in a
// complaint, no delivery-time reference under a fit promise. The references are checked with the
// rubric's own detectors, so a reference reply never breaks the rules it is meant to teach.
import { describe, expect, it } from 'vitest';
import { analyzeText, detectAbsolutePromise, detectApology, detectGreeting, detectOffPlatformContact, detectPoliteAddress, detectRudeLanguage } from '../../../server/engine/analysis/index.ts';
import { detectReviewInducement } from '../../../server/engine/analysis/detectors.ts';
import { createRubric } from '../../../server/engine/rubric/index.ts';
import type { RuleInfo } from '../../../server/engine/rubric/index.ts';
import { GLOBAL_RULES } from '../../../server/engine/rubric/globalRules.ts';
import type { Scenario } from '../../../server/engine/scenario/schema.ts';
import { makeScenario } from './fixtures.ts';

const PERSONAS = ['bargainer', 'size-hesitant', 'phisher', 'post-sale-complainer', 'custom'] as const;
type Persona = (typeof PERSONAS)[number];

function rulesOf(persona: Persona): Map<string, RuleInfo> {
  const scenario: Scenario = { ...makeScenario(), persona };
  return new Map(createRubric(scenario).rules.map((r) => [r.id, r]));
}
const zh = (persona: Persona, id: string, field: 'feedback' | 'modelReply'): string => rulesOf(persona).get(id)?.[field]?.['zh-CN'] ?? '';
const hits = (detector: typeof detectGreeting, text: string): boolean => detector(analyzeText(text)).hit;

describe('global advice fitted to the persona', () => {
  it('「对话结局良好」 explains the ending the persona can reach, not lost patience', () => {
    const texts = PERSONAS.map((p) => zh(p, 'good-outcome', 'feedback'));
    for (const t of texts) expect(t).not.toMatch(/失去耐心/u);
    expect(new Set(texts).size).toBe(PERSONAS.length);
    expect(zh('bargainer', 'good-outcome', 'feedback')).toMatch(/让价|包邮/u);
    expect(zh('phisher', 'good-outcome', 'feedback')).toMatch(/链接/u);
    expect(zh('post-sale-complainer', 'good-outcome', 'feedback')).toMatch(/道歉/u);
    expect(zh('size-hesitant', 'good-outcome', 'feedback')).toMatch(/尺码/u);
    const replies = PERSONAS.map((p) => zh(p, 'good-outcome', 'modelReply'));
    expect(new Set(replies).size).toBe(PERSONAS.length);
    for (const r of replies) expect(r).not.toMatch(/您看这样可以吗/u);
  });

  it('「礼貌称呼」 asks about sizes only where sizes are the subject', () => {
    expect(zh('size-hesitant', 'polite-address', 'modelReply')).toMatch(/码/u);
    for (const p of ['phisher', 'post-sale-complainer', 'bargainer', 'custom'] as const) {
      const reference = zh(p, 'polite-address', 'modelReply');
      expect(reference, p).not.toMatch(/多大码|穿.码/u);
      expect(hits(detectPoliteAddress, reference), p).toBe(true);
    }
  });

  it('「欢迎语」 in a complaint greets and apologises instead of a bare welcome', () => {
    const reference = zh('post-sale-complainer', 'greeting', 'modelReply');
    expect(reference).not.toMatch(/欢迎光临/u);
    expect(hits(detectGreeting, reference)).toBe(true);
    expect(hits(detectApology, reference)).toBe(true);
    expect(zh('post-sale-complainer', 'greeting', 'feedback')).toMatch(/道歉/u);
    for (const p of PERSONAS) expect(hits(detectGreeting, zh(p, 'greeting', 'modelReply')), p).toBe(true);
  });

  it('「不做绝对化承诺」 for a size question shows a hedged fit answer, not a delivery time', () => {
    const reference = zh('size-hesitant', 'no-absolute-promise', 'modelReply');
    expect(reference).toMatch(/码/u);
    expect(reference).not.toMatch(/快递|物流/u);
    expect(hits(detectAbsolutePromise, reference)).toBe(false);
  });

  it('no reference reply breaks a reply rule, for any persona', () => {
    for (const p of PERSONAS) {
      for (const r of rulesOf(p).values()) {
        if (!r.global || r.modelReply === undefined) continue;
        const text = r.modelReply['zh-CN'];
        for (const detector of [detectOffPlatformContact, detectRudeLanguage, detectAbsolutePromise, detectReviewInducement]) {
          expect(hits(detector, text), `${p} ${r.id}: ${text}`).toBe(false);
        }
      }
    }
  });

  it('keeps the defaults for a persona with no advice of its own', () => {
    const custom = rulesOf('custom');
    for (const g of GLOBAL_RULES) expect(custom.get(g.id)?.modelReply, g.id).toEqual(g.modelReply);
  });
});
