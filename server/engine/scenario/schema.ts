// The scenario file format, as a zod schema. It is the single source for three things: the runtime
// validator (parse.ts maps its issues to line:col), the TypeScript types (z.infer below) and the
// JSON Schema editors use (npm run -s schema). Keep every field documented with .describe().
import { z } from 'zod';
import { ORDER_DATE_FORM } from './orderDates.ts';

export const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single dashes');

/** Text shown to people, in both UI languages. */
export const localText = z
  .object({ 'zh-CN': z.string().min(1), en: z.string().min(1) })
  .strict()
  .describe('Text in zh-CN and en');
export type LocalText = z.infer<typeof localText>;

/** The English stand-in for text written in Chinese only: the Chinese itself, so an English UI never shows a blank. */
export function withEnglishFallback(text: { 'zh-CN': string; en?: string | undefined }): LocalText {
  // An English line that is given keeps the object as written (key order included: the engine digest hashes it).
  return text.en === undefined ? { 'zh-CN': text['zh-CN'], en: text['zh-CN'] } : (text as LocalText);
}

/**
 * Text a trainer writes in a scenario: Chinese is required, English may be left out (most trainers
 * write Chinese only). Parsing fills a missing `en` with the Chinese, so everything downstream
 * (chips, reports, the English UI) reads a full LocalText. The shipped library still gives both
 * languages: tests/engine/library/bilingualLibrary.test.ts holds it to that.
 */
export const authoredText = z
  .object({ 'zh-CN': z.string().min(1), en: z.string().min(1).optional() })
  .strict()
  .transform(withEnglishFallback)
  .describe('Text in zh-CN, and in en when there is one (without en the English UI shows the zh-CN text)');

export const personaKinds = ['bargainer', 'size-hesitant', 'phisher', 'post-sale-complainer', 'custom'] as const;
export const difficulties = ['easy', 'normal', 'hard'] as const;
/** Buyer types from the seven segmentation dimensions (digest §3.1). */
export const buyerTypes = [
  'clear-needs', 'confused-needs', 'decisive', 'swayable', 'price-sensitive', 'price-insensitive',
  'urgent', 'browsing', 'self-use', 'gift', 'demanding', 'casual', 'trusting', 'suspicious',
] as const;
export const outcomeKinds = ['purchased', 'left', 'resolved', 'escalated', 'reported-shop', 'scammed'] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];
/** Endings that count as the buyer served well unless a scenario says otherwise. */
export const successfulOutcomeKinds: readonly OutcomeKind[] = ['purchased', 'resolved'];
export const ruleCategories = [
  'politeness', 'professionalism', 'security', 'compliance', 'sales', 'timeliness', 'empathy',
] as const;
export type RuleCategory = (typeof ruleCategories)[number];

/** Trainee actions other than typing. `card-sent` and `coupon-sent` carry a product / coupon id. */
export const actionKinds = [
  'link-opened', 'file-accepted', 'file-declined', 'card-sent', 'coupon-sent', 'address-confirmed',
] as const;
export type ActionKind = (typeof actionKinds)[number];

// ---------------------------------------------------------------- variables, guards, effects

const intVariable = z
  .object({ type: z.literal('int'), min: z.number().int(), max: z.number().int(), initial: z.number().int() })
  .strict()
  .refine((v) => v.min <= v.initial && v.initial <= v.max, { message: 'initial must lie between min and max' })
  .refine((v) => v.max - v.min <= 20, { message: 'an int variable may span at most 21 values (keeps path search finite)' });
const boolVariable = z.object({ type: z.literal('bool'), initial: z.boolean() }).strict();
export const variableDef = z.union([intVariable, boolVariable]).describe('A bounded variable of the buyer');
export type VariableDef = z.infer<typeof variableDef>;

/** `patience: "<= 1"`, `gotGift: true`, `asks: 2` (== 2). All entries must hold. */
export const condition = z
  .record(
    z.string(),
    z.union([z.number().int(), z.boolean(), z.string().regex(/^(==|!=|<=|>=|<|>)\s*-?\d+$/, 'a comparison such as "<= 1"')]),
  )
  .describe('Guard over variables; every entry must hold');
export type Condition = z.infer<typeof condition>;

/** `patience: "-1"` (add, clamped to bounds), `asks: 0` (assign), `gotGift: true`. */
export const effect = z
  .record(z.string(), z.union([z.number().int(), z.boolean(), z.string().regex(/^[+-]\d+$/, 'an increment such as "+1" or "-2"')]))
  .describe('Changes to variables; increments are clamped to the bounds');
export type Effect = z.infer<typeof effect>;

// ---------------------------------------------------------------- buyer lines

export const attachment = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('product-link'), product: kebabId }).strict(),
    z.object({ kind: z.literal('link'), url: z.string().min(1), title: z.string().optional(), unsafe: z.boolean().default(true) }).strict(),
    z.object({ kind: z.literal('file'), name: z.string().min(1), sizeKb: z.number().positive().optional(), unsafe: z.boolean().default(true) }).strict(),
    z.object({ kind: z.literal('photo'), image: z.string().min(1), caption: z.string().optional() }).strict(),
  ])
  .describe('Something the buyer sends with a line');
export type Attachment = z.infer<typeof attachment>;

/** A buyer line: one string, a list of variants, or an object with variants and an attachment. */
export const line = z.union([
  z.string().min(1),
  z.array(z.string().min(1)).min(1),
  z.object({ variants: z.array(z.string().min(1)).min(1), attachment: attachment.optional() }).strict(),
]);
export type LineSource = z.infer<typeof line>;
export const lines = z.array(line).min(1).describe('Buyer lines, sent in order; one variant of each is chosen by the seeded PRNG');

// ---------------------------------------------------------------- transitions and states

export const transition = z
  .object({
    intent: z.union([kebabId, z.array(kebabId).min(1)]).optional().describe('fires when the reply matches any of these intents'),
    action: z.enum(actionKinds).optional().describe('fires on this trainee action'),
    product: kebabId.optional().describe('with action card-sent / coupon-sent: only this product or coupon'),
    else: z.literal(true).optional().describe('fires on any reply no earlier transition took'),
    when: condition.optional(),
    set: effect.optional(),
    say: lines.optional().describe('the buyer reacts with these lines (before the target state speaks)'),
    goto: kebabId.optional().describe('target state; without it the buyer stays in this state'),
  })
  .strict()
  .refine((t) => [t.intent, t.action, t.else].filter((x) => x !== undefined).length === 1, {
    message: 'a transition needs exactly one of intent, action or else',
  });
export type TransitionDef = z.infer<typeof transition>;

export const autoTransition = z
  .object({ when: condition, set: effect.optional(), say: lines.optional(), goto: kebabId })
  .strict()
  .describe('taken as soon as the state is entered and the guard holds');

export const silence = z
  .object({
    nudgeAfter: z.number().positive().optional().describe('seconds of trainee silence before the buyer nudges'),
    nudge: lines.optional().describe('what the buyer says when nudging (在吗?)'),
    leaveAfter: z.number().positive().optional().describe('seconds after the nudge before the buyer gives up'),
    leave: kebabId.optional().describe('state entered when the buyer gives up'),
  })
  .strict();
export type SilenceDef = z.infer<typeof silence>;

export const complaintKinds = ['quality', 'delivery', 'size', 'review', 'service'] as const;

export const outcome = z
  .object({
    kind: z.enum(outcomeKinds),
    label: authoredText.optional(),
    success: z
      .boolean()
      .optional()
      .describe('whether this ending means the trainee served the buyer well (good-outcome rule); default: purchased and resolved do, the others do not'),
  })
  .strict()
  .describe('makes the state terminal');

export const stateDef = z
  .object({
    label: authoredText
      .optional()
      .describe('what trainers see for this buyer move on the drill dashboard and in reveals (short: at most 12 Chinese characters or 40 English ones); default: the state id'),
    note: z.string().optional().describe('for the trainer: what this buyer move is about'),
    say: lines.optional().describe('lines the buyer sends on entering the state'),
    on: z.array(transition).optional().describe('checked in order; the first that fires wins'),
    always: z.array(autoTransition).optional(),
    silence: z.union([silence, z.literal(false)]).optional().describe('override the scenario silence; false = the buyer waits forever'),
    outcome: outcome.optional(),
    complaint: z.enum(complaintKinds).optional().describe('the buyer complains in this move (apology and evidence rules watch it)'),
  })
  .strict();
export type StateDef = z.infer<typeof stateDef>;

// ---------------------------------------------------------------- intents (the lexicon)

export const negationModes = ['exclude', 'require', 'ignore'] as const;
/**
 * Pattern lists kept in the engine that an intent may name instead of copying them (matcher
 * `builtin`), so that a red line and the buyer's reaction to the same words share one source:
 * `rude` is what the red line no-rude-language counts (server/engine/analysis/rudeLexicon.ts).
 */
export const builtinLexiconIds = ['rude'] as const;
export type BuiltinLexiconId = (typeof builtinLexiconIds)[number];
export const matcher = z
  .object({
    any: z.array(z.string().min(1)).min(1).optional().describe('any of these keywords'),
    all: z.array(z.string().min(1)).min(1).optional().describe('all of these keywords'),
    nOf: z.object({ n: z.number().int().positive(), of: z.array(z.string().min(1)).min(1) }).strict().optional(),
    regex: z.string().min(1).optional().describe('a JavaScript regular expression over the normalised text'),
    similar: z.array(z.string().min(1)).min(1).optional().describe('example replies; matches when similar enough'),
    builtin: z
      .enum(builtinLexiconIds)
      .optional()
      .describe("one of the engine's own pattern lists: rude = the patterns of the red line no-rude-language; negation is ignored unless set (the list carries its own exclusions)"),
    threshold: z.number().min(0).max(1).optional().describe('similarity threshold, default 0.6'),
    unless: z.string().min(1).optional().describe('exclusion regex: no match when this matches'),
    negation: z.enum(negationModes).optional().describe('exclude (default; ignore for builtin): negated keywords do not count; require: only negated ones count'),
  })
  .strict()
  .refine((m) => [m.any, m.all, m.nOf, m.regex, m.similar, m.builtin].filter((x) => x !== undefined).length === 1, {
    message: 'a matcher needs exactly one of any, all, nOf, regex, similar or builtin',
  });
export type MatcherDef = z.infer<typeof matcher>;

export const intentDef = z
  .object({
    label: authoredText
      .optional()
      .describe("the intent's short name in the studio (at most 12 Chinese characters / 40 English)"),
    // A plain string (the older form, one language) stays valid; the library gives both languages.
    description: z
      .union([z.string(), authoredText])
      .optional()
      .describe('what the intent catches, for authors (the studio shows it in its language): zh-CN and en, or one plain string'),
    match: z.array(matcher).min(1).describe('the intent matches when any matcher matches'),
    unless: z.array(kebabId).optional().describe('other intents that veto this one'),
  })
  .strict();
export type IntentDef = z.infer<typeof intentDef>;

// ---------------------------------------------------------------- rubric

export const ruleScope = z.union([
  z.literal('chat').describe('every reply of the chat'),
  z.literal('first').describe('the first reply'),
  // a list for a skill tested across a ploy of several moves (the fake notice and the pressure after it)
  z
    .object({ state: z.union([kebabId, z.array(kebabId).min(1)]) })
    .strict()
    .describe('replies given while the buyer is in this state (or in any state of a list)'),
  z.object({ replyTo: kebabId }).strict().describe('the first reply after the buyer enters this state'),
]);
export type RuleScope = z.infer<typeof ruleScope>;

const ruleCheckFields = {
  intent: z.union([kebabId, z.array(kebabId).min(1)]).optional(),
  match: matcher.optional(),
  action: z.enum(actionKinds).optional(),
  product: kebabId.optional().describe('with action card-sent: only a card of this product; with coupon-sent: only this coupon'),
  repeat: z.literal(true).optional().describe("the reply repeats one of the trainee's earlier replies (near-identical text)"),
};
const productOnlyWithCardOrCoupon = {
  message: 'product only applies to action card-sent (a product id) or coupon-sent (a coupon id)',
  path: ['product'],
};

export const ruleCheck = z
  .object(ruleCheckFields)
  .strict()
  .refine((c) => [c.intent, c.match, c.action, c.repeat].filter((x) => x !== undefined).length === 1, {
    message: 'a check needs exactly one of intent, match, action or repeat',
  })
  .refine((c) => c.product === undefined || c.action === 'card-sent' || c.action === 'coupon-sent', productOnlyWithCardOrCoupon);
export type RuleCheck = z.infer<typeof ruleCheck>;

/** A check of a rule's topic: any check a require could make, or "the buyer is in one of these states". */
export const topicCheck = z
  .object({
    ...ruleCheckFields,
    state: z.union([kebabId, z.array(kebabId).min(1)]).optional().describe('a reply given while the buyer is in this state (or in any state of a list)'),
  })
  .strict()
  .refine((c) => [c.intent, c.match, c.action, c.repeat, c.state].filter((x) => x !== undefined).length === 1, {
    message: 'a topic check needs exactly one of intent, match, action, repeat or state',
  })
  .refine((c) => c.product === undefined || c.action === 'card-sent' || c.action === 'coupon-sent', productOnlyWithCardOrCoupon);
export type TopicCheck = z.infer<typeof topicCheck>;

/** A rule's require or forbid: one check, or a list of which any one will do. */
export const ruleChecks = z.union([ruleCheck, z.array(ruleCheck).min(1).describe('any one of these checks')]);
export type RuleChecks = z.infer<typeof ruleChecks>;

/** A forbid rule's topic: one check, or a list of which any one will do. */
export const topicChecks = z.union([topicCheck, z.array(topicCheck).min(1).describe('any one of these checks')]);
export type TopicChecks = z.infer<typeof topicChecks>;

/** The checks of a require, forbid or topic, each with its path below it (`[]` for a single check, `[i]` in a list). */
export function eachCheck<C extends RuleCheck | TopicCheck>(checks: C | C[] | undefined): [C, (string | number)[]][] {
  if (checks === undefined) return [];
  return Array.isArray(checks) ? checks.map((c, i) => [c, [i]]) : [[checks, []]];
}

/** The keys of a rule that hold checks, in the order they are written. */
export const ruleCheckKeys = ['require', 'forbid', 'topic'] as const;

export const scenarioRule = z
  .object({
    id: kebabId,
    title: authoredText.optional().describe('short name shown on the verdict chip and in the report (at most 12 Chinese characters); the library gives every rule one'),
    category: z.enum(ruleCategories),
    weight: z.number().positive().default(10),
    redLine: z.boolean().default(false),
    scope: ruleScope.default('chat'),
    require: ruleChecks.optional().describe('passes when some reply in scope matches (any check of a list); fails if none does'),
    forbid: ruleChecks.optional().describe('fails at the first reply in scope that matches (any check of a list)'),
    topic: topicChecks
      .optional()
      .describe('forbid rules only: what the rule is about. Without a violation the rule passes only if some reply in scope touched the topic (matched a check, or was given while the buyer was in a listed state); otherwise it does not apply (n/a)'),
    feedback: authoredText,
    modelReply: authoredText,
  })
  .strict()
  .refine((r) => (r.require === undefined) !== (r.forbid === undefined), { message: 'a rule needs exactly one of require or forbid' })
  // a require rule is about what it requires: a topic would let a skill never shown pass as n/a
  .refine((r) => r.topic === undefined || r.forbid !== undefined, { message: 'topic only applies to a forbid rule', path: ['topic'] });
export type ScenarioRule = z.infer<typeof scenarioRule>;

export const rubric = z
  .object({
    passMark: z.number().min(0).max(100).default(70),
    firstResponseSec: z.number().positive().default(15),
    avgResponseSec: z.number().positive().default(30),
    disable: z.array(kebabId).default([]).describe('global rules switched off for this scenario'),
    weights: z.record(kebabId, z.number().positive()).default({}).describe('weights of global rules'),
    rules: z.array(scenarioRule).default([]),
  })
  .strict();
export type RubricDef = z.infer<typeof rubric>;

// ---------------------------------------------------------------- embedded tests

export const embeddedTest = z
  .object({
    name: z.string().optional(),
    kind: z.enum(['golden', 'bad']),
    at: kebabId.describe('the state the buyer is in when the reply is given'),
    vars: z.record(z.string(), z.union([z.number().int(), z.boolean()])).optional().describe('preset variable values'),
    reply: z.string().min(1),
    expect: z
      .object({
        intents: z.array(kebabId).optional(),
        notIntents: z.array(kebabId).optional(),
        pass: z.array(kebabId).optional().describe('rule ids that must pass on this reply'),
        fail: z.array(kebabId).optional().describe('rule ids that must fail on this reply'),
        goto: kebabId.optional().describe('the state the buyer is in afterwards'),
      })
      .strict(),
  })
  .strict();
export type EmbeddedTest = z.infer<typeof embeddedTest>;

// ---------------------------------------------------------------- the scenario

/** '-7d' (seven days before the session's day, Beijing time) or a calendar day '2026-11-05' (orderDates.ts). */
const orderDate = z
  .string()
  .regex(ORDER_DATE_FORM, "an order date: '-Nd' (N days before the session's day, such as '-7d') or a calendar day such as '2026-11-05'")
  .describe("days before the session's day ('-7d', Beijing time), or a calendar day ('2026-11-05')");

export const orderDef = z
  .object({
    id: z.string().min(1),
    items: z
      .array(z.object({ product: kebabId, size: z.string().optional(), colour: z.string().optional(), qty: z.number().int().positive().default(1), price: z.number().nonnegative() }).strict())
      .min(1),
    status: z.enum(['unpaid', 'paid', 'shipped', 'in-transit', 'delivered', 'return-requested', 'refunded']),
    tracking: z.string().optional(),
    courier: z.string().optional(),
    placedAt: orderDate,
    shippedAt: orderDate.optional(),
    deliveredAt: orderDate.optional(),
  })
  .strict();
export type OrderDef = z.infer<typeof orderDef>;

export const scenarioSchema = z
  .object({
    id: kebabId,
    version: z.number().int().positive(),
    title: authoredText,
    description: authoredText,
    persona: z.enum(personaKinds),
    difficulty: z.enum(difficulties),
    shop: kebabId.describe('scenarios/shops/<shop>.yaml'),
    buyer: z
      .object({
        nickname: z.string().min(1),
        avatar: z.string().min(1),
        types: z.array(z.enum(buyerTypes)).min(1),
        holdingLine: z
          .enum(['wait', 'answer'])
          .default('wait')
          .describe("a reply that only greets or asks for a moment (亲，您好~ 稍等，我查一下) before a move's answer: 'wait' (the buyer waits for the answer; it counts as a response, not as the answer) or 'answer' (she takes it as her answer and reacts, as a scammer pressing on does)"),
      })
      .strict(),
    order: orderDef.optional(),
    variables: z.record(kebabId, variableDef).default({}),
    intents: z.record(kebabId, intentDef).default({}).describe('scenario intents, added to the global lexicon'),
    silence: silence.default({}).describe('defaults for every state'),
    initial: kebabId,
    states: z.record(kebabId, stateDef),
    rubric: rubric.default({ passMark: 70, firstResponseSec: 15, avgResponseSec: 30, disable: [], weights: {}, rules: [] }),
    tests: z.array(embeddedTest).default([]),
  })
  .strict();
export type Scenario = z.infer<typeof scenarioSchema>;

/** The global lexicon file (scenarios/intents.yaml). */
export const lexiconSchema = z.object({ intents: z.record(kebabId, intentDef) }).strict();
export type Lexicon = z.infer<typeof lexiconSchema>;

/** Global rules: always on unless a scenario's rubric.disable lists them. Ids are fixed. */
export const globalRuleIds = [
  'no-offplatform-contact', 'no-credential-leak', 'no-phishing-link-click', 'no-file-accept', 'no-rude-language',
  'no-review-inducement',
  'no-absolute-promise', 'greeting', 'polite-address', 'first-response-time', 'avg-response-time',
  'no-mechanical-reply', 'apology-on-complaint', 'ask-photo-evidence', 'good-outcome', 'no-buyer-waiting',
] as const;
export type GlobalRuleId = (typeof globalRuleIds)[number];
