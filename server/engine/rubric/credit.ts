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
 * The reply says something the buyer could hear (always true before revision 6). Not said: a bare
 * acknowledgement (好的, 嗯嗯), or a word or two in which the buyer hears no intent and that is no
 * holding line. A longer reply says something even when the lexicon knows none of its words.
 */
export function saysSomething(turn: TurnRecord): boolean {
  const reply = turn.reply;
  if (reply === undefined) return false;
  if (!fromRevision(turn.rulesRevision, 6)) return true;
  if (reply.features.mechanical) return false;
  if (turn.holding === true || reply.intents.length > 0) return true;
  return hasMoreContentThan(reply.features.normalized, BARE_MAX_CHARS);
}

/** The turn may earn a default pass of an empathy-category rule: any turn before revision 6, then only a reply showing empathy. */
export function earnsEmpathyCredit(turn: TurnRecord): boolean {
  if (!fromRevision(turn.rulesRevision, 6)) return true;
  return turn.reply?.intents.some((i) => EMPATHY_INTENTS.has(i)) ?? false;
}

/**
 * The reply adds to a run of mechanical replies (不机械应答 fails at two in a row): a bare
 * acknowledgement (嗯, 好的, 是的), and from revision 7 any bare fragment of a word or two, with or
 * without an intent heard in it: 「不行了」「不行」 or 「41」「能」 answer like a machine as much as
 * 「嗯」「好的」 do. A holding line (稍等，我查一下) is a promise of an answer, not a fragment.
 */
export function isMechanicalReply(turn: TurnRecord): boolean {
  const reply = turn.reply;
  if (reply === undefined) return false;
  if (reply.features.mechanical) return true;
  if (!fromRevision(turn.rulesRevision, 7) || turn.holding === true) return false;
  return !hasMoreContentThan(reply.features.normalized, BARE_MAX_CHARS);
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
