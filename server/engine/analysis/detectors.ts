// Text detectors behind the fixed global rules (schema.ts globalRuleIds). Each reads the features
// of one reply and says whether the rule's pattern is present, with the fragment as evidence.
import type { Detection, TextFeatures } from './types.ts';
import { APOLOGY, APOLOGY_DECLINERS, CREDENTIAL, GREETING, PHOTO_REQUEST, POLITE_ADDRESS } from './conductLexicon.ts';
import { isIdiomAt, negatedBefore } from './negation.ts';
import { MARKER, POLICY, PROMISE_SOURCES } from './promiseLexicon.ts';
import { REVIEW_INDUCEMENT } from './reviewLexicon.ts';
import { RUDE_PATTERNS, RUDE_RED_LINE_ONLY } from './rudeLexicon.ts';
import { GateTable, gateOf } from './regexGate.ts';

export type Detector = (f: TextFeatures) => Detection;

const MISS: Detection = Object.freeze({ hit: false });
const hit = (evidence: string): Detection => ({ hit: true, evidence });

/**
 * The characters each regex below cannot match without (regexGate.ts): a reply lacking them skips
 * the regex, which could not have matched. One pass over a reply serves every detector.
 */
const GATES = new GateTable();
const gate = (re: RegExp): Int32Array | null => GATES.add(gateOf(re));

/** First match whose negation status is acceptable; `at` picks the position negation is judged at. */
function firstMatch(re: RegExp, reGate: Int32Array | null, text: string, allowNegated: boolean, at?: (m: RegExpExecArray) => number): Detection {
  if (!GATES.mayMatch(reGate, text)) return MISS;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    if (allowNegated || !negatedBefore(text, at === undefined ? m.index : at(m))) return hit(m[0]);
  }
  return MISS;
}

function groupStart(m: RegExpExecArray, name: string): number {
  return m.indices?.groups?.[name]?.[0] ?? m.index;
}

const RUDE = new RegExp([...RUDE_PATTERNS, ...RUDE_RED_LINE_ONLY].join('|'), 'gu');
const GREETING_RE = new RegExp(GREETING, 'gu');
const POLITE_RE = new RegExp(POLITE_ADDRESS, 'u');
const APOLOGY_RE = new RegExp(APOLOGY, 'gu');
const APOLOGY_DECLINED = new RegExp(`(?:${APOLOGY_DECLINERS})$`, 'u');
const APOLOGY_DECLINED_REACH = 8;
const PHOTO_RE = new RegExp(PHOTO_REQUEST, 'gu');
const CREDENTIAL_RES = CREDENTIAL.map((s) => new RegExp(s, 'gdu'));
const PROMISE_RES = PROMISE_SOURCES.map((s) => new RegExp(s, 'gdu'));
const MAYBE_PROMISE = new RegExp(`${MARKER}|包`, 'u');
const MAYBE_CREDENTIAL = /码|密|口令|pin|cvv/u;
const REVIEW_RE = new RegExp(REVIEW_INDUCEMENT.join('|'), 'gdu');
const RUDE_GATE = gate(RUDE);
const REVIEW_GATE = gate(REVIEW_RE);
const GREETING_GATE = gate(GREETING_RE);
const POLITE_GATE = gate(POLITE_RE);
const APOLOGY_GATE = gate(APOLOGY_RE);
const PHOTO_GATE = gate(PHOTO_RE);
const CREDENTIAL_GATES = CREDENTIAL_RES.map(gate);
const PROMISE_GATES = PROMISE_RES.map(gate);

/** Giving or asking for QQ, WeChat, a phone number, email or another app; refusals do not count. */
export const detectOffPlatformContact: Detector = (f) => {
  const c = f.contacts.find((x) => !x.negated);
  return c === undefined ? MISS : hit(c.text);
};

/** Sending a password or a verification / payment code (or saying one is being sent). */
export const detectCredentialLeak: Detector = (f) => {
  if (!MAYBE_CREDENTIAL.test(f.normalized)) return MISS;
  for (let i = 0; i < CREDENTIAL_RES.length; i++) {
    const d = firstMatch(CREDENTIAL_RES[i]!, CREDENTIAL_GATES[i]!, f.normalized, false, (m) => groupStart(m, 'cred'));
    if (d.hit) return d;
  }
  return MISS;
};

/** Insults, contempt and profanity (see rudeLexicon.ts for the judgement calls). */
export const detectRudeLanguage: Detector = (f) => firstMatch(RUDE, RUDE_GATE, f.normalized, true);

/** 绝对/保证/肯定/一定/百分百/包 + something the shop cannot control; policy guarantees excluded. */
export const detectAbsolutePromise: Detector = (f) => {
  const text = f.normalized;
  if (!MAYBE_PROMISE.test(text)) return MISS;
  for (let i = 0; i < PROMISE_RES.length; i++) {
    const re = PROMISE_RES[i]!;
    if (!GATES.mayMatch(PROMISE_GATES[i]!, text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const marker = groupStart(m, 'marker');
      if (negatedBefore(text, marker) || text.startsWith('不了', m.index + m[0].length)) continue;
      if (POLICY.test(text.slice(Math.max(0, marker - 2), m.index + m[0].length))) continue;
      return hit(m[0]);
    }
  }
  return MISS;
};

export const detectGreeting: Detector = (f) => firstMatch(GREETING_RE, GREETING_GATE, f.normalized, true);

export const detectPoliteAddress: Detector = (f) => {
  if (!GATES.mayMatch(POLITE_GATE, f.normalized)) return MISS;
  const m = POLITE_RE.exec(f.normalized);
  return m === null ? MISS : hit(m[0]);
};

/**
 * 抱歉/对不起/不好意思/让您久等了 …; "不用道歉" is not an apology. Only a negator right before the
 * apology (不用/不需要/别 + 说/跟我) declines it: the 不 of 穿着不舒服真的很抱歉 is the complaint.
 */
export const detectApology: Detector = (f) => {
  const text = f.normalized;
  if (!GATES.mayMatch(APOLOGY_GATE, text)) return MISS;
  APOLOGY_RE.lastIndex = 0;
  for (let m = APOLOGY_RE.exec(text); m !== null; m = APOLOGY_RE.exec(text)) {
    const from = Math.max(0, m.index - APOLOGY_DECLINED_REACH);
    const declined = APOLOGY_DECLINED.exec(text.slice(from, m.index));
    if (declined === null || isIdiomAt(text, from + declined.index)) return hit(m[0]);
  }
  return MISS;
};

/** Asking for photos or screenshots of the problem (and to circle the defect); "不用拍照" is not. */
export const detectPhotoRequest: Detector = (f) => firstMatch(PHOTO_RE, PHOTO_GATE, f.normalized, false);

/**
 * Money offered for a good review or for dropping a bad one (reviewLexicon.ts); "好评返现是违规的"
 * and "我们不能给您返现" refuse it. The red line no-review-inducement reads it (rubric revision 7).
 */
export const detectReviewInducement: Detector = (f) =>
  firstMatch(REVIEW_RE, REVIEW_GATE, f.normalized, false, (m) => m.indices?.groups?.paid?.[0] ?? m.indices?.groups?.offer?.[0] ?? m.index);
