// analyzeText: everything rules and intents read from one reply, computed once.
import type { TextFeatures } from './types.ts';
import { findContacts, findPhones } from './contacts.ts';
import { EMOJI_SOURCE, extractEmoji } from './emoji.ts';
import { canonicalize, fold } from './normalize.ts';
import { countQuestions } from './questions.ts';

const TLD = 'com|cn|net|org|cc|top|xyz|vip|shop|info|biz|me|io|co|tv|club|site|online|ltd|store|link|app|wang|hk|tw|jp|edu|gov|mobi|ink|fun|icu|asia|live|pro|red|tk';
const URL_CHAR = "[a-z0-9\\-._~:/?#@!$&*+=%']";
const LINK = new RegExp(
  `(?:https?://|www\\.)${URL_CHAR}+|(?<![@a-z0-9.\\-])(?:[a-z0-9](?:[a-z0-9\\-]*[a-z0-9])?\\.)+(?:${TLD})(?![a-z0-9\\-])(?:[/?#:]${URL_CHAR}*)?`,
  'gu',
);
const TRAILING_PUNCT = /[.?!:'~]+$/u;

// Acknowledgement-only replies (digest §5.7). Emoticons and punctuation are ignored; a vocative
// or soft particle after the acknowledgement (好的亲, 嗯嗯呢) does not make it a real answer.
const THUMBS = /👌|👍|\[(?:ok|好的|强|嗯)\]/gu;
const NOISE = new RegExp(`${EMOJI_SOURCE}|[\\p{P}\\p{S}\\s]`, 'gu');
const ACK_ONLY = /^(?:嗯+|恩+|好的?|好哒|好滴|好嘞|是的?|对的?|哦+|噢+|okay|ok|收到了?|行)+[亲呢哈呀啊啦哦的吧]*$/u;

// Cheap rejection: after leading noise, the reply must start with an acknowledgement.
const STARTS_WITH_ACK = /^(?:[\p{P}\p{S}\s]|\[[^\]]{1,4}\])*(?:[嗯恩好是对哦噢收行👌👍]|ok|\[(?:ok|好的|强|嗯)\])/u;

export function isMechanical(normalized: string): boolean {
  // "好的?" asks for confirmation: not a bare acknowledgement
  if (!STARTS_WITH_ACK.test(normalized) || normalized.includes('?')) return false;
  const core = normalized.replace(THUMBS, 'ok').replace(NOISE, '');
  return ACK_ONLY.test(core);
}

export function findLinks(folded: string): string[] {
  if (!folded.includes('.')) return [];
  const out: string[] = [];
  for (const m of folded.matchAll(LINK)) out.push(m[0].replace(TRAILING_PUNCT, ''));
  return out;
}

export function analyzeText(raw: string): TextFeatures {
  const folded = fold(raw);
  const normalized = canonicalize(folded);
  const found = findPhones(normalized);
  const links = findLinks(folded);
  return {
    raw,
    normalized,
    // a "?" inside a URL asks nothing
    questions: countQuestions(links.length === 0 ? folded : folded.replace(LINK, ' ')),
    links,
    phones: found.map((p) => p.text),
    contacts: findContacts(normalized, found),
    emoji: extractEmoji(folded),
    mechanical: isMechanical(normalized),
  };
}
