// The red line no-rude-language and the buyer's rude-reply intent read one list (RUDE_PATTERNS in
// server/engine/analysis/rudeLexicon.ts): the intent names it with `builtin: rude` instead of a
// copy that an agreement test had to keep in step. Checked here: the intent really names it, the
// detector is exactly that list plus RUDE_RED_LINE_ONLY, and so on a wide corpus every reply the
// shared list catches offends the buyer, while the red line's own calls (奇葩, 我都说了) do not.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeText, detectRudeLanguage, normalize } from '../../../server/engine/analysis/index.ts';
import { RUDE_PATTERNS, RUDE_RED_LINE_ONLY } from '../../../server/engine/analysis/rudeLexicon.ts';
import { intentDef } from '../../../server/engine/scenario/schema.ts';
import { benchReplies } from '../../../server/cli/benchReplies.ts';
import { intentsOf, lexicon } from './lexiconTable.ts';
import { bargainer } from './lexicon.rows.bargainer.ts';
import { greetingAndClose } from './lexicon.rows.courtesy.ts';

const scriptsDir = fileURLToPath(new URL('../../scenarios/scripts/', import.meta.url));
const scriptReplies = readdirSync(scriptsDir).flatMap((persona) =>
  readdirSync(`${scriptsDir}${persona}`).flatMap((f) => {
    const script = JSON.parse(readFileSync(`${scriptsDir}${persona}/${f}`, 'utf8')) as { turns: { say?: string }[] };
    return script.turns.flatMap((t) => (t.say === undefined ? [] : [t.say]));
  }));
const insults = ['爱买不买', '你有病吧', '嫌贵可以不买的', '别问了，没有优惠', '你烦死了', '服了你了', '去你的吧'];
const corpus = [...new Set([...benchReplies, ...scriptReplies, ...bargainer.map((r) => r[0]), ...greetingAndClose.map((r) => r[0]), ...insults])];

const shared = new RegExp(RUDE_PATTERNS.join('|'), 'u');
const redLineOnly = new RegExp(RUDE_RED_LINE_ONLY.join('|'), 'u');

describe('rude-reply reads the red line\'s list', () => {
  it('names builtin: rude in scenarios/intents.yaml', () => {
    expect(lexicon.intents['rude-reply']?.match).toContainEqual({ builtin: 'rude' });
  });

  it('the corpus holds rude replies, so the checks below are not vacuous', () => {
    expect(corpus.filter((r) => shared.test(normalize(r))).length).toBeGreaterThanOrEqual(insults.length);
  });

  it.each(corpus)('%s', (reply) => {
    const text = normalize(reply);
    const redLine = detectRudeLanguage(analyzeText(reply)).hit;
    // the detector is the shared list plus the red line's own calls, nothing else
    expect(redLine).toBe(shared.test(text) || redLineOnly.test(text));
    // whatever the shared list catches offends the buyer
    if (shared.test(text)) expect(intentsOf(reply)).toContain('rude-reply');
  });

  it('leaves the red line\'s own calls to the red line', () => {
    for (const reply of ['这颜色有点奇葩', '我都说了是正品哈', '你自己看一下详情页']) {
      expect(detectRudeLanguage(analyzeText(reply)).hit, reply).toBe(true);
      expect(intentsOf(reply), reply).not.toContain('rude-reply');
    }
  });
});

describe('the builtin matcher in the schema', () => {
  it('takes a known list name, alone', () => {
    expect(intentDef.safeParse({ match: [{ builtin: 'rude' }] }).success).toBe(true);
    expect(intentDef.safeParse({ match: [{ builtin: 'polite' }] }).success).toBe(false);
    const both = intentDef.safeParse({ match: [{ builtin: 'rude', regex: '滚' }] });
    expect(both.error?.issues.map((i) => i.message)).toContain('a matcher needs exactly one of any, all, nOf, regex, similar or builtin');
  });
});
