// Rubric revision 7: what the buyer asked before a reply, so that a terse reply can be told from a
// fragment. 「能的」 answers 「能退吗」 and 「3天」 answers 「几天到」; the same words after 「先拍42」
// (no question) answer nothing. A why/how question (为什么不行 / 怎么办) wants a reason: neither a
// yes/no nor a number answers it.
import type { BuyerQuestion } from './types.ts';

/** Question words that wrap 么 without asking yes or no (什么 / 怎么 / 那么 ...). */
const NOT_YES_NO_ME = /什么|怎么|为什么|这么|那么|多么|要么/g;
/** A yes/no question: 吗/么/嘛 closing it, or the A-not-A form (能不能, 有没有, 包不包邮). */
const YES_NO = /[吗么]|嘛[?？]|(.)[不没]\1|有没有|可不可以|是不是/u;
/** A question a number answers: how much, how many, how long, which size, when. */
const AMOUNT = /多少|几|多大|多久|多长|多重|多高|多宽|多远|哪天|什么时候|啥时候|哪个码|什么码|哪一码|价格|价钱|运费/;
/** Any question at all: a question mark, or a word that asks. */
const ANY_QUESTION = /[?？]|[吗么呢]|啥|什么|怎么|为什么|咋|哪|多少|几|多大|多久|(.)[不没]\1|可不可以/u;

/** The kind of question one buyer line asks, if any. */
export function questionIn(text: string): BuyerQuestion | undefined {
  if (!ANY_QUESTION.test(text)) return undefined;
  const yesNo = YES_NO.test(text.replace(NOT_YES_NO_ME, ''));
  const amount = AMOUNT.test(text);
  return { yesNo, amount };
}

interface Line {
  from: 'buyer' | 'trainee';
  text: string;
  at: number;
}

/**
 * What the buyer asked in the lines she sent since the trainee last spoke, as far as they are on
 * screen at `now` (a line still being typed has not been asked yet). Undefined: no question.
 */
export function buyerQuestionBefore(messages: readonly Line[], now: number): BuyerQuestion | undefined {
  let asked: BuyerQuestion | undefined;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m === undefined) continue;
    if (m.from === 'trainee') break;
    if (m.at > now) continue;
    const q = questionIn(m.text);
    if (q !== undefined) asked = { yesNo: q.yesNo || (asked?.yesNo ?? false), amount: q.amount || (asked?.amount ?? false) };
  }
  return asked;
}
