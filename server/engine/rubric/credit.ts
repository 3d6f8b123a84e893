// Revision 6: what a reply can earn credit for. A reply that says nothing (a bare 好的/嗯, or a word
// or two in which the buyer hears no intent: 有的, 在) breaks no rule, but it cannot make the chat
// look good either: avoiding a mistake, and answering promptly, count only in replies that said
// something. And an empathy-category rule that passes by default (nothing unkind was said) is
// credited only in a chat where the trainee showed empathy: acknowledged the buyer's feelings or
// apologised. No empathy in the chat, no empathy marks; what went wrong there still counts.
import type { TurnRecord } from './types.ts';
import { fromRevision } from './types.ts';

/** Intents that acknowledge a feeling (intents.yaml). */
const EMPATHY_INTENTS: ReadonlySet<string> = new Set(['empathy-acknowledge', 'apology']);

/** Letters, digits and CJK characters: what is left of a reply without punctuation, symbols, emoji and spaces. */
const CONTENT_CHAR = /[\p{L}\p{N}]/u;
/** At most this many content characters and no intent heard: a bare word or two (有的, 在, 嗯呢亲). */
const BARE_MAX_CHARS = 4;

/**
 * Intents that mark a poor reply rather than an answer (their descriptions in scenarios/intents.yaml
 * say 扣分项 / bad, or the scenario's own file does): hearing one in a word or two does not make it
 * an answer. post-cold matches every reply with no apology in it, so it cannot count as content.
 */
export const POOR_REPLY_INTENTS: ReadonlySet<string> = new Set([
  // scenarios/intents.yaml
  'rude-reply', 'vague-size-answer', 'fit-guarantee', 'overpraise', 'free-exchange-promise',
  'buyer-pays-defect-shipping', 'offer-offplatform', 'blame-buyer',
  // scenario files of their own
  'post-cold', 'post-hostile', 'post-review-bribe', 'phish-accuse', 'phish-send-code', 'size-interrogation',
  // a size the scenario calls wrong for this buyer: a bare 「41」 heard only by these names no size
  // (concrete-size hears 41码 / 拍41, which stay answers, if wrong ones)
  'size-pick-usual', 'size-pick-far', 'size-boot-42', 'size-low-41', 'size-too-big',
]);

/** A number: digits, or a Chinese numeral with its unit (两天, 半码, 三十块). */
const NUMBER = /\d|[一二两三四五六七八九十百半][天码元块号个双件周月点]|[一二两三四五六七八九十]+个?(小时|分钟|工作日)/u;
/**
 * A plain yes or no, and nothing else: 有(货)的, 可以的亲, 能(退)的, 行, 不行, 没有, 不能 — a yes/no
 * word, at most one more word after it (what the question asked about), then particles only. A bare
 * 在 to 「在吗」 stays a reply that says nothing (revision 6): 在的 / 在呢 are greetings (intents.yaml).
 */
const YES_OR_NO = /^[亲,，~ ]*(?:不|没)?(?:有|能|可以|行|会|是|对|包|够|要|用|支持|需要)[\p{Script=Han}]?[的哦呢啊呀哈啦滴嘞了噢喔亲哟,，.。!！~ ]*$/u;

/**
 * The reply says something the buyer could hear (always true before revision 6). Not said: a bare
 * acknowledgement (好的, 嗯嗯), or a word or two in which the buyer hears no intent and that is no
 * holding line. A longer reply says something even when the lexicon knows none of its words.
 * From revision 7 a word or two counts when it answers (answersInBrief); an intent that marks a
 * poor reply (post-cold, vague-size-answer ...) no longer makes a bare word say something.
 */
export function saysSomething(turn: TurnRecord): boolean {
  const reply = turn.reply;
  if (reply === undefined) return false;
  if (!fromRevision(turn.rulesRevision, 6)) return true;
  if (reply.features.mechanical) return false;
  if (turn.holding === true) return true;
  if (!fromRevision(turn.rulesRevision, 7)) {
    if (reply.intents.length > 0) return true;
  } else if (answersInBrief(turn)) return true;
  return hasMoreContentThan(reply.features.normalized, BARE_MAX_CHARS);
}

/** The turn may earn a default pass of an empathy-category rule: any turn before revision 6, then only a reply showing empathy. */
export function earnsEmpathyCredit(turn: TurnRecord): boolean {
  if (!fromRevision(turn.rulesRevision, 6)) return true;
  return turn.reply?.intents.some((i) => EMPATHY_INTENTS.has(i)) ?? false;
}

/**
 * The reply adds to a run of mechanical replies (不机械应答 fails at two in a row): a bare
 * acknowledgement (嗯, 好的, 是的), and from revision 7 any bare fragment of a word or two that does
 * not answer (answersInBrief): 「不行了」「不行」 to no question, or 「41」「能」 after the buyer has
 * settled on 「先拍42」, answer like a machine as much as 「嗯」「好的」 do, while 「42码」「不包邮的」
 * or 「能的」 to 「能退吗」 are answers, however short. A holding line (稍等，我查一下) is a promise
 * of an answer, not a fragment.
 */
export function isMechanicalReply(turn: TurnRecord): boolean {
  const reply = turn.reply;
  if (reply === undefined) return false;
  if (reply.features.mechanical) return true;
  if (!fromRevision(turn.rulesRevision, 7) || turn.holding === true) return false;
  return !hasMoreContentThan(reply.features.normalized, BARE_MAX_CHARS) && !answersInBrief(turn);
}

/**
 * Revision 7: a short reply that answers. It carries an intent other than those marking a poor reply
 * (POOR_REPLY_INTENTS), or it answers the buyer's question in the form she asked it: a number
 * (199, 3天, 两天) to how much / how many / when, a plain yes or no (有货的, 可以的亲, 能退的, 不行)
 * to a yes/no question. A why/how question is answered by neither.
 */
export function answersInBrief(turn: TurnRecord): boolean {
  const reply = turn.reply;
  if (reply === undefined) return false;
  if (reply.intents.some((i) => !POOR_REPLY_INTENTS.has(i))) return true;
  const asked = turn.buyerAsked;
  if (asked === undefined) return false;
  const text = reply.features.normalized;
  return (asked.amount && NUMBER.test(text)) || (asked.yesNo && YES_OR_NO.test(text));
}

/**
 * More than `n` letters or digits in `text`. Runs on every reply, so it stops at the (n+1)th instead
 * of collecting every match of a global regex into an array first.
 */
function hasMoreContentThan(text: string, n: number): boolean {
  let count = 0;
  for (const ch of text) if (CONTENT_CHAR.test(ch) && ++count > n) return true;
  return false;
}
