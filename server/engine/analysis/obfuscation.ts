// Canonical forms for obfuscated contact words, so that rules and intents only ever look for
// "qq" and "微信". Sellers and phishers split or disguise these words to slip past keyword filters
// (Q Q, q.q, 扣扣, V信, 薇❤信, 加v); every pattern tolerates such noise between its letters.
// Runs on folded text (lower-case, half-width, Simplified, whitespace collapsed to ' ' or '\n').

/** Noise a writer puts between the letters of a word: spaces, dots, stars, dashes, hearts, emoji. */
const SEP = "[ .。·•*_\\-/|+~'`★☆♡♥❤\\p{Extended_Pictographic}]";

interface Rule {
  pattern: string;
  to: string;
}

const RULES: readonly Rule[] = [
  // 企鹅号 is QQ's nickname; plain 企鹅 stays (a penguin plush is a product)
  { pattern: `企${SEP}*鹅${SEP}*号`, to: 'qq号' },
  // 扣扣 means QQ, except the clothing sense (扣扣子, 纽扣扣不上)
  { pattern: `(?<![纽钮按暗搭卡])[扣抠]${SEP}*[扣抠](?!${SEP}*[子上好住紧])`, to: 'qq' },
  { pattern: `(?<![a-z])q${SEP}+q(?![a-z])`, to: 'qq' },
  { pattern: `(?<![a-z])we${SEP}*chat(?![a-z])`, to: '微信' },
  { pattern: `(?<![a-z])wei${SEP}*xin(?![a-z])`, to: '微信' },
  // only "vx" needs the word guard (vxyz); 信 already ends the word, even when another v follows
  { pattern: `(?<![a-z])v${SEP}*(?:x(?![a-z])|信)`, to: '微信' },
  { pattern: '(?<![a-z])wx(?![a-z])', to: '微信' },
  { pattern: `[薇威徽]${SEP}*信`, to: '微信' },
  { pattern: `微${SEP}+信|微${SEP}*x(?![a-z])`, to: '微信' },
  // "加v" / "+v" is the usual shorthand for adding a WeChat friend; "加 我 v" is spaced out too, and
  // must be caught here, before the Han spaces are joined, or a second normalize would find it
  { pattern: `(?<=(?:加(?:${SEP}*(?:我|个|下|一${SEP}*下))?|\\+)${SEP}*)v(?![a-z])`, to: '微信' },
];

const COMBINED = new RegExp(RULES.map((r) => `(${r.pattern})`).join('|'), 'gu');
const TRIGGER = /[qvw企扣抠薇威徽微]/u;

export function canonicalizeContacts(s: string): string {
  if (!TRIGGER.test(s)) return s;
  return s.replace(COMBINED, (...args: unknown[]) => {
    for (let i = 0; i < RULES.length; i++) if (args[i + 1] !== undefined) return RULES[i]!.to;
    return String(args[0]);
  });
}
