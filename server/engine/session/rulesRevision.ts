// Rubric revisions: a change to how a rule measures a chat gets a new number, and a session keeps
// the number it started with (stored with the session), so replaying an old log gives the verdicts
// its trainee saw. New sessions use the latest.
//   1: a reply's response time runs from the buyer's latest line.
//   2: lines the buyer sends only because nobody answered (nudges, a parting line) do not restart
//      the clock: the wait runs from the line the buyer was waiting on.
//   3: a chat that ends before the buyer reaches an ending (the trainee closed it, or a drill's time
//      ran out) does not pass, whatever its score; the report says so (`unfinished: 'no-ending'`),
//      and a chat with no reply says that instead of listing category totals (`'no-reply'`).
//      A reply matching the scenario's own code-sending intent (`*-send-code`) fails
//      no-credential-leak.
//      Opening a link the buyer sent is invisible to her, so it does not answer her: her wait, the
//      silence timer and the clock of the next reply go on as if it had not happened.
//      A wait still open when the chat ends counts: long enough that she would have nudged, it fails
//      「不让买家干等」; longer than the average limit, it counts as one (slow) response in the KPIs
//      and the timeliness rules.
//   4: crossed messages (crossed.ts). A trainee turn sent while the buyer's answer to their last turn
//      is still being typed (none of it on screen) follows up the move the trainee can see: the
//      rubric judges it there (not as the first answer to the coming question, nor as the answer to
//      a complaint not yet shown), the coming move still waits for its answer, and the buyer reacts
//      to it only through a transition that names an intent (never the `else` nag).
//   5: holding lines (holding.ts). A reply that only greets or asks the buyer to wait a moment
//      (亲，您好~ 稍等，我帮您查一下), sent before a move's first answer, counts as a response (the
//      first-response and greeting rules) but answers nothing: the move's first-answer rules and the
//      apology after a complaint judge the next reply, and the buyer waits for it instead of taking
//      her `else` (at most two such lines per move; a move that listens for what the line says still
//      hears it).
//   6: a first reply that greets and in the same breath moves the buyer off the platform (在的，加我
//      微信吧) earns no 「欢迎语」. Credit (rubric/credit.ts): a reply that says nothing (好的, 在,
//      有的: a bare word the buyer hears no intent in) passes no forbid rule and no timeliness rule
//      (a prompt one earns no first-response credit, late ones still fail); an empathy rule that
//      passes by default (不机械应答, 不连环发问 ...) is credited only in a chat where the trainee
//      showed empathy (acknowledged a feeling or apologised), else it is n/a. Holding lines
//      (revision 5) are only those that ask for a moment (稍等 / 马上 / 我帮您查一下): a line that only
//      greets (你好 在的) is a greeting, which the buyer answers like any reply instead of waiting.
//   7: a new red line 「不以利益换评价」 (no-review-inducement): money offered for a good review, or
//      for a bad one dropped (好评返现, 别差评 给你返20), fails it and the chat; it never passes (n/a
//      unless broken), so no chat scores higher for it. Sessions of an older revision have no such
//      rule (no verdict, no report row: rubric/globalRules.ts GLOBAL_RULE_SINCE).
//      「不机械应答」 counts every bare fragment of a word or two (at most four letters or digits, not
//      a holding line) that answers nothing toward its run, not only 嗯/好的/是的: 「不行了」「不行」
//      to no question, or 「41」「能」 after the buyer settled on 「先拍42」, in a row fail it
//      (rubric/credit.ts isMechanicalReply). A short reply that answers breaks the run, and says
//      something (revision 6's saysSomething): one carrying an intent other than those marking a
//      poor reply (credit.ts POOR_REPLY_INTENTS: post-cold, vague-size-answer, rude-reply ...), as
//      42码 / 不包邮的 / 在的亲 do, or a number (199, 3天) or a plain yes/no (有货的, 能退的) to the
//      buyer's question of that kind, as she asked it in her lines on screen since the trainee last
//      spoke (TurnRecord.buyerAsked, rubric/buyerQuestion.ts); a why/how question takes neither. And
//      a poor intent alone no longer makes a word or two say something: a cold 「知道了」
//      (post-cold) earns no forbid-rule or timeliness credit. A bare 在 still says nothing.
//      Not scoring but the same cut-over: the buyer never says a line word for word twice in a row
//      when it has another variant (session/speak.ts unrepeated); the random draw is unchanged.
// Not revisions: corrections to the detectors' word lists (a red-line word they missed or misread,
// server/engine/analysis/*Lexicon.ts) and to the scenario files. Keeping every old list to replay
// with would freeze their mistakes; a scenario file is stored with each session as its bundle, but
// the detectors are code. So a session still running when such a correction ships may be judged by
// the new lists from then on, and replaying its log reports a divergence from what was stored; the
// stored verdicts and the stored report of an ended session stay what the trainee was shown.
export const RULES_REVISION = 7;
