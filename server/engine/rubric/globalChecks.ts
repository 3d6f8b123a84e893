// The logic of the global rules. Each builder returns a CompiledRule whose step looks at one turn
// and whose settle decides, at the end, a rule that no single turn decided.
import {
  detectAbsolutePromise, detectApology, detectCredentialLeak, detectGreeting, detectOffPlatformContact,
  detectPhotoRequest, detectPoliteAddress, detectRudeLanguage,
} from '../analysis/index.ts';
import { detectReviewInducement } from '../analysis/detectors.ts';
import type { Detection, TextFeatures } from '../analysis/types.ts';
import type { GlobalRuleId, RubricDef } from '../scenario/schema.ts';
import type { TurnRecord } from './types.ts';
import { fromRevision } from './types.ts';
import { decide, markReached, unchanged } from './progress.ts';
import { earnsEmpathyCredit, saysSomething } from './credit.ts';
import type { CompiledRule, EndCtx, RuleInfo, RuleProgress, Settled } from './progress.ts';

type Detector = (f: TextFeatures) => Detection;
type Limits = Pick<RubricDef, 'firstResponseSec' | 'avgResponseSec'>;

const NA: Settled = { verdict: 'n/a' };
const PASS: Settled = { verdict: 'pass' };

/** "23.4s / 15s" (measured / limit): evidence that reads the same in both UI languages. */
function seconds(ms: number, limitSec: number): string {
  return `${(ms / 1000).toFixed(1)}s / ${limitSec.toString()}s`;
}

/** Decided and reached: no turn can change it any more. */
function settled(state: RuleProgress): boolean {
  return state.status !== 'open' && state.reached;
}

/**
 * A reply alone cannot say that "好的 384920" hands over a code rather than an order number or a
 * price; the scenario whose buyer asks for the code can. Its intent for sending it, named
 * `send-code` / `send-credential` or ending so (phisher-hard: phish-send-code), fails the red line too.
 */
const CREDENTIAL_INTENT = /(?:^|-)send-(?:code|credential|password)$/u;

/** Fails at the first reply the detector (or an intent the scenario marks by name) flags; passes at the end if any reply said something (credit.ts). */
function forbidInReplies(info: RuleInfo, detect: Detector, intent?: RegExp): CompiledRule {
  return {
    info,
    step(state, turn) {
      // A decided (and so reached) rule comes back unchanged from decide() and markReached()
      // alike: the detector, the costly part, need not run again.
      if (turn.reply === undefined || settled(state)) return state;
      const d = detect(turn.reply.features);
      if (d.hit) return decide(state, 'fail', turn, d.evidence);
      // (revision 3: sessions of older revisions keep the verdicts they were given)
      if (intent !== undefined && fromRevision(turn.rulesRevision, 3) && turn.reply.intents.some((i) => intent.test(i))) return decide(state, 'fail', turn, turn.reply.features.raw);
      return saysSomething(turn) ? markReached(state) : state;
    },
    settle: (state) => (state.reached ? PASS : NA),
  };
}

/**
 * Revision 7: money offered for a review fails the red line. Unlike the other red lines it never
 * passes: the phishing and file red lines pass only when the buyer offered the bait, but nothing
 * tells the rubric a review was at stake, and crediting a chat that merely mentioned one would hand
 * out ten points for saying 好评. So it is n/a unless broken: no chat scores higher for it.
 */
function noReviewInducement(info: RuleInfo): CompiledRule {
  return {
    info,
    step(state, turn) {
      if (turn.reply === undefined || state.status !== 'open' || !fromRevision(turn.rulesRevision, 7)) return state;
      const d = detectReviewInducement(turn.reply.features);
      return d.hit ? decide(state, 'fail', turn, d.evidence) : state;
    },
    settle: () => NA,
  };
}

/** Fails on a trainee action; applies only if the buyer offered the bait (or it fired anyway). */
function forbidAction(info: RuleInfo, fires: (t: TurnRecord) => boolean, offered: (e: EndCtx) => boolean): CompiledRule {
  return {
    info,
    step: (state, turn) => (fires(turn) ? decide(state, 'fail', turn, turn.action?.kind) : state),
    settle: (_state, end) => (offered(end) ? PASS : NA),
  };
}

/**
 * The first reply greets. A greeting that in the same breath moves the buyer off the platform
 * (在的，加我微信吧) welcomes her into a violation, not into the shop: no credit (revision 6); the
 * red line no-offplatform-contact fails on it as well.
 */
function greeting(info: RuleInfo): CompiledRule {
  return {
    info,
    step(state, turn, ctx) {
      if (!ctx.isFirstReply || turn.reply === undefined) return state;
      const features = turn.reply.features;
      const d = detectGreeting(features);
      if (d.hit && fromRevision(turn.rulesRevision, 6)) {
        const offPlatform = detectOffPlatformContact(features);
        if (offPlatform.hit) return decide(state, 'fail', turn, offPlatform.evidence ?? features.raw);
      }
      return decide(state, d.hit ? 'pass' : 'fail', turn, d.evidence ?? features.raw);
    },
    settle: () => NA,
  };
}

function politeAddress(info: RuleInfo): CompiledRule {
  return {
    info,
    step(state, turn) {
      if (turn.reply === undefined || settled(state)) return state;
      const d = detectPoliteAddress(turn.reply.features);
      return d.hit ? decide(state, 'pass', turn, d.evidence) : markReached(state);
    },
    settle: (state) => (state.reached ? { verdict: 'fail' } : NA),
  };
}

function firstResponse(info: RuleInfo, limitSec: number): CompiledRule {
  return {
    info,
    step(state, turn, ctx) {
      // The first reply that answered a buyer line: a trainee who speaks first has not kept anyone waiting.
      if (!ctx.isFirstTimedReply || turn.responseMs === undefined) return state;
      const late = turn.responseMs > limitSec * 1000;
      // A prompt reply that says nothing earns no credit (credit.ts): the rule stays open, and n/a.
      if (!late && !saysSomething(turn)) return state;
      return decide(state, late ? 'fail' : 'pass', turn, seconds(turn.responseMs, limitSec));
    },
    // No reply answered a buyer line, but she was left waiting at the end: that slow wait was the
    // first response (see report.ts slowOpenWait).
    settle(_state, end) {
      const open = end.unanswered;
      if (open === null || !open.slow || open.waitMs <= limitSec * 1000) return NA;
      return { verdict: 'fail', evidence: seconds(open.waitMs, limitSec) };
    },
  };
}

function avgResponse(info: RuleInfo, limitSec: number): CompiledRule {
  return {
    info,
    // `reached`: some reply said something (credit.ts). Quick replies that all said nothing earn no pass.
    step: (state, turn) => (saysSomething(turn) ? markReached(state) : state),
    settle(state, end) {
      if (end.avgResponseMs === null) return NA;
      const verdict = end.avgResponseMs > limitSec * 1000 ? 'fail' : 'pass';
      if (verdict === 'pass' && !state.reached) return NA;
      return { verdict, evidence: seconds(end.avgResponseMs, limitSec) };
    },
  };
}

function noMechanical(info: RuleInfo): CompiledRule {
  return {
    info,
    step(state, turn, ctx) {
      if (turn.reply === undefined) return state;
      if (ctx.mechanicalRun >= 2) return decide(state, 'fail', turn, turn.reply.features.raw);
      // An empathy rule: its default pass needs empathy shown (credit.ts).
      return earnsEmpathyCredit(turn) ? markReached(state) : state;
    },
    settle: (state) => (state.reached ? PASS : NA),
  };
}

/**
 * Judged on the first reply after a complaint. `reached` records that a complaint was seen at all,
 * so a complaint answered only by actions (never by a reply) still fails if the trainee replied elsewhere.
 */
function apologyOnComplaint(info: RuleInfo): CompiledRule {
  return {
    info,
    step(state, turn) {
      if (!turn.afterComplaint) return state;
      if (turn.reply === undefined) return markReached(state);
      const d = detectApology(turn.reply.features);
      return decide(state, d.hit ? 'pass' : 'fail', turn, d.evidence ?? turn.reply.features.raw);
    },
    settle: (state, end) => (state.reached && end.replies > 0 ? { verdict: 'fail' } : NA),
  };
}

/** Only a photo request made after the quality complaint counts: asking earlier is not the skill. */
function askPhoto(info: RuleInfo): CompiledRule {
  return {
    info,
    step(state, turn) {
      if (!turn.qualityComplaint) return state;
      if (turn.reply !== undefined) {
        const d = detectPhotoRequest(turn.reply.features);
        if (d.hit) return decide(state, 'pass', turn, d.evidence);
      }
      return markReached(state);
    },
    settle: (state, end) => (state.reached && end.replies > 0 ? { verdict: 'fail' } : NA),
  };
}

/** The point of the chat: the buyer served well, as the scenario defines it (an ending with success). */
function goodOutcome(info: RuleInfo): CompiledRule {
  return {
    info,
    step: unchanged,
    settle: (_state, end) => (end.success ? PASS : { verdict: 'fail', evidence: end.outcome ?? 'no ending: the chat stopped mid-way' }),
  };
}

/**
 * A buyer who has to ask 在吗 (or gives up waiting) was left alone too long, whatever the average
 * says; so was one still unanswered at the end after as long as she would have waited before asking.
 */
function noBuyerWaiting(info: RuleInfo): CompiledRule {
  return {
    info,
    // `reached`: a reply that said something (credit.ts); replies that said nothing kept no one from waiting.
    step: (state, turn) => (saysSomething(turn) ? markReached(state) : state),
    settle: (state, end) =>
      end.waited.left ? { verdict: 'fail', evidence: 'the buyer left after waiting' }
      : end.waited.nudges > 0 ? { verdict: 'fail', evidence: `the buyer nudged ${end.waited.nudges}×` }
      : end.unanswered?.nudgeDue === true ? { verdict: 'fail', evidence: `the buyer waited ${(end.unanswered.waitMs / 1000).toFixed(1)}s unanswered when the chat ended` }
      : state.reached ? PASS : NA,
  };
}

export function compileGlobalRule(id: GlobalRuleId, info: RuleInfo, limits: Limits): CompiledRule {
  switch (id) {
    case 'no-offplatform-contact': return forbidInReplies(info, detectOffPlatformContact);
    case 'no-credential-leak': return forbidInReplies(info, detectCredentialLeak, CREDENTIAL_INTENT);
    case 'no-rude-language': return forbidInReplies(info, detectRudeLanguage);
    case 'no-review-inducement': return noReviewInducement(info);
    case 'no-absolute-promise': return forbidInReplies(info, detectAbsolutePromise);
    case 'no-phishing-link-click':
      return forbidAction(info, (t) => t.action?.kind === 'link-opened' && t.action.unsafe === true, (e) => e.offered.unsafeLink);
    case 'no-file-accept':
      return forbidAction(info, (t) => t.action?.kind === 'file-accepted', (e) => e.offered.file);
    case 'greeting': return greeting(info);
    case 'polite-address': return politeAddress(info);
    case 'first-response-time': return firstResponse(info, limits.firstResponseSec);
    case 'avg-response-time': return avgResponse(info, limits.avgResponseSec);
    case 'no-mechanical-reply': return noMechanical(info);
    case 'apology-on-complaint': return apologyOnComplaint(info);
    case 'ask-photo-evidence': return askPhoto(info);
    case 'good-outcome': return goodOutcome(info);
    case 'no-buyer-waiting': return noBuyerWaiting(info);
  }
}
