// The first-response rule measures the first reply from the buyer's latest line before it (rubric
// revision 1), not from her first line: its advice must say what it measures.
import { describe, expect, it } from 'vitest';
import { GLOBAL_RULES } from '../../../server/engine/rubric/globalRules.ts';
import { outcomeOf, reply } from './fixtures.ts';

const rule = GLOBAL_RULES.find((r) => r.id === 'first-response-time');

describe('first-response-time advice', () => {
  it('says the time runs from the buyer\'s last line before the reply', () => {
    expect(rule?.feedback['zh-CN']).toMatch(/最后一句/u);
    expect(rule?.feedback['zh-CN']).not.toMatch(/第一句/u);
    expect(rule?.feedback.en).toMatch(/last line before/u);
    expect(rule?.feedback.en).not.toMatch(/first message/u);
  });

  it('...which is what the rule measures: the reply\'s own response time', () => {
    // a slow first reply fails, a prompt one passes, whatever happened before the latest buyer line
    expect(outcomeOf('first-response-time', [reply('亲，您好，在的，这款有货哦', { responseMs: 16000 })])).toBe('fail');
    expect(outcomeOf('first-response-time', [reply('亲，您好，在的，这款有货哦', { responseMs: 14000 })])).toBe('pass');
  });
});
