// Every problem the studio can show is worded in Chinese for a zh-CN page, with the names, ids and
// numbers the engine quoted kept as they were. The messages are real: the live check (the engine's
// parser and checker, as the editor runs them) on small broken copies of a library scenario, the
// parser on broken YAML and on schemas using the zod checks the scenario schema does not, the
// lexicon and shop checks, publish's check (regex safety and embedded tests included) and the
// library file loaders. The studio API's own messages and the few engine messages no input can
// reach are written out, each checked against the source that says it. Every entry of the wording
// tables must be used by one of them, so a table entry with no real message behind it is noticed;
// and no wording may leave an English sentence inside (a general entry catching a new message).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLexiconSource, parseScenarioSource, parseShopSource, parseYamlSource } from '../../server/engine/index.ts';
import { checkLexicon, checkShop } from '../../server/engine/scenario/check.ts';
import { checkScenarioRegexSafety } from '../../server/store/regexSafety.ts';
import { fileNameDiagnostics, loadShopFile } from '../../server/store/scenarioFiles.ts';
import { checkStudioSource } from '../../server/store/studioCheck.ts';
import { checkSource } from '../../client/features/studio/checks.ts';
import type { Template } from '../../client/features/studio/diagnosticTemplate.ts';
import { diagnosticTables, diagnosticZh, wordDiagnostic, wordDiagnosticLine, wrapperZh } from '../../client/features/studio/diagnosticWords.ts';
import { libraryContext, libraryCopy } from './studioFixture.ts';

const ctx = libraryContext();
const ID = 'my-easy';
const base = parse(libraryCopy('bargainer-easy', ID)) as Record<string, unknown>;

/* eslint-disable @typescript-eslint/no-explicit-any -- the broken copies are edited as plain YAML data */
/** The live check's messages for the library copy after `edit`. */
function checked(edit: (s: any) => void, tests = true): string[] {
  const copy = structuredClone(base) as any;
  edit(copy);
  return checkSource(stringify(copy), ID, ctx, tests).diagnostics.map((d) => d.message);
}
/** The copy's first rule with a require (or a forbid), whatever order the library file lists them in. */
function ruleWith(s: any, key: 'require' | 'forbid'): any {
  const rule = s.rubric.rules.find((r: any) => key in r);
  if (!rule) throw new Error(`the library copy has no ${key} rule`);
  return rule;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

function parsed(source: string): string[] {
  const result = parseScenarioSource(source, `${ID}.yaml`);
  return result.ok ? [] : result.diagnostics.map((d) => d.message);
}

function schema(zod: z.ZodType, source: string): string[] {
  const result = parseYamlSource(zod, source, 'x.yaml');
  return result.ok ? [] : result.diagnostics.map((d) => d.message);
}

const bargainerEasy = readFileSync('scenarios/bargainer-easy.yaml', 'utf8');

const broken: Record<string, () => string[]> = {
  'schema: empty, wrong type, missing and unknown keys': () => [
    ...parsed(''),
    ...parsed('- a\n'),
    ...checked((s) => delete s.title),
    ...checked((s) => (s.states.opening.on[0].gto = 'x')),
    ...checked((s) => (s.states.opening.gotoo = 'x')),
  ],
  'schema: keys, enums, types': () => [
    ...checked((s) => (s.states.Bad_State = s.states.opening)),
    ...checked((s) => (s.persona = 'haggler')),
    ...checked((s) => (s.buyer.types = ['cheap'])),
    ...checked((s) => (s.version = 'one')),
    ...checked((s) => (s.version = 1.5)),
    ...checked((s) => (s.initial = 'Opening')),
    ...checked((s) => (s.title['zh-CN'] = 5)),
  ],
  'schema: guards, effects, sizes and bounds': () => [
    ...checked((s) => (s.states.opening.on[1].when = { patience: 'abc' })),
    ...checked((s) => (s.states.opening.on[1].set = { patience: 'abc' })),
    ...checked((s) => (s.buyer.nickname = '')),
    ...checked((s) => (s.buyer.types = [])),
    ...checked((s) => (s.rubric.passMark = -1)),
    ...checked((s) => (s.rubric.rules[0].weight = 0)),
    ...checked((s) => (s.rubric.passMark = 101)),
  ],
  'schema: unions': () => [
    ...checked((s) => (s.states.opening.silence = 'no')),
    ...checked((s) => (s.states.opening.say[0] = 5)),
    ...checked((s) => (s.states.opening.say[1].attachment.kind = 'video')),
    ...checked((s) => delete s.states.opening.say[1].attachment.kind),
    ...checked((s) => (s.rubric.rules[0].scope = 'always')),
    ...checked((s) => (s.rubric.rules[0].scope = { stat: 'x' })),
  ],
  'schema: the refine messages': () => [
    ...checked((s) => (s.states.opening.on[0].action = 'card-sent')),
    ...checked((s) => (s.intents['bar-gift'].match[0] = { negation: 'ignore' })),
    ...checked((s) => (s.rubric.rules[0].require = { intent: 'x-y', repeat: true })),
    ...checked((s) => (s.rubric.rules[0].require = { intent: 'polite-refusal', product: 'breeze-daily-runner' })),
    ...checked((s) => (s.rubric.rules[0].forbid = { repeat: true })),
    ...checked((s) => (s.variables.patience.initial = 9)),
    ...checked((s) => (s.variables.patience.max = 40)),
  ],
  'zod checks the scenario schema does not use (zodIssues.ts words them all)': () => [
    ...schema(z.object({ a: z.string().max(3) }).strict(), 'a: abcdef\n'),
    ...schema(z.object({ a: z.array(z.string()).max(1) }).strict(), 'a: [x, y]\n'),
    ...schema(z.object({ a: z.array(z.string()).max(2) }).strict(), 'a: [x, y, z]\n'),
    ...schema(z.object({ a: z.array(z.string()).min(2) }).strict(), 'a: [x]\n'),
    ...schema(z.object({ a: z.record(z.string().regex(/^a+$/), z.number()) }).strict(), 'a: { b: 1 }\n'),
    ...schema(z.object({ a: z.string().regex(/^a+$/) }).strict(), 'a: b\n'),
    ...schema(z.object({ a: z.number().lt(5) }).strict(), 'a: 7\n'),
    ...schema(z.object({ a: z.string() }).strict(), 'a:\n'),
  ],
  'references: states, intents, rules': () => [
    ...checked((s) => (s.states.opening.on[0].goto = 'left-offendd')),
    ...checked((s) => (s.initial = 'nowhere')),
    ...checked((s) => (s.silence.leave = 'left-silnt')),
    ...checked((s) => (s.rubric.rules[0].scope = { replyTo: 'ask-discont' })),
    ...checked((s) => (s.rubric.rules[0].scope = { state: 'ask-discont' })),
    ...checked((s) => ((s.tests[0].at = 'ask-discont'), (s.tests[0].expect.goto = 'press-discont'))),
    ...checked((s) => (s.tests[0].at = 'bought-promo')),
    ...checked((s) => (s.states.opening.on[0].intent = 'rude-replie')),
    ...checked((s) => (s.intents['polite-refusal'] = s.intents['bar-gift'])),
    ...checked((s) => (s.rubric.rules[0].id = 'greeting')),
    ...checked((s) => (s.rubric.rules[1].id = s.rubric.rules[0].id)),
    ...checked((s) => (s.rubric.disable = ['greetin'])),
    ...checked((s) => ((s.rubric.disable = ['greeting']), (s.rubric.weights = { greeting: 2 }))),
    ...checked((s) => ((s.tests[0].expect.pass = ['greeting', 'bargain-tactfull-refusal']), (s.rubric.disable = ['greeting']))),
  ],
  'references: the shop': () => [
    ...checked((s) => (s.shop = 'trailpeek')),
    ...checked((s) => (s.states.opening.say[1].attachment.product = 'breeze-daily-runer')),
    ...checked((s) => (s.states['ask-discount'].on[4].product = 'follow-coupon-2')),
    ...checked((s) => (s.states['ask-discount'].on[0].product = 'x')),
    ...checked((s) => (s.rubric.rules[0].require = { action: 'coupon-sent', product: 'follow-coupon' })),
  ],
  'rule topics: forbid rules only, and what a topic names must exist': () => [
    ...checked((s) => (ruleWith(s, 'require').topic = { state: 'opening' })),
    ...checked((s) => (ruleWith(s, 'forbid').topic = { intent: 'polite-refusal', state: 'opening' })),
    ...checked((s) => (ruleWith(s, 'forbid').topic = [{ intent: 'polite-refusal' }, { state: ['opening', 'ask-discont'] }])),
    ...checked((s) => (ruleWith(s, 'forbid').topic = { state: 'nowhere' })),
    ...checked((s) => (ruleWith(s, 'forbid').topic = { intent: 'polite-refusl' })),
    ...checked((s) => (ruleWith(s, 'forbid').topic = [{ action: 'card-sent', product: 'breeze-daily-runer' }, { intent: 'polite-refusal', product: 'breeze-daily-runner' }])),
    ...checked((s) => (ruleWith(s, 'forbid').topic = { action: 'file-accepted' })),
    ...checked((s) => (ruleWith(s, 'forbid').topic = { match: { regex: '(x' } }), false),
  ],
  'order dates and the builtin matcher': () => [
    ...checked((s) => (s.order = { id: '1', items: [{ product: 'breeze-daily-runner', qty: 1, price: 1 }], status: 'delivered', placedAt: '9 days ago', deliveredAt: '-7' })),
    ...checked((s) => (s.intents['bar-gift'].match[0] = { builtin: 'rud' })),
    ...checked((s) => (s.intents['bar-gift'].match[0] = { builtin: 'rude', any: ['x'] })),
  ],
  'patterns that do not compile': () =>
    ['(abc', '[a', 'a**', ')', 'x]', 'a{1', 'a{2,1}', '[b-a]', '\\q', '\\u{zz}', '\\p{Foo}', '(?', '(?<1a>x)', '(?<a>x)(?<a>y)', '\\k<q>', '\\'].flatMap((regex) =>
      checked((s) => (s.intents['bar-gift'].match[0] = { regex }), false),
    ),
  'a pattern under unless, and a keyword normalisation empties': () => [
    ...checked((s) => (s.intents['bar-gift'].match[0] = { any: ['x'], unless: '[a' }), false),
    ...checkSource(`id: ${ID}\n${bargainerEasy.replace(/^id:.*$/m, '').replace('- any: [送您,', '- any: [" ", 送您,')}`, ID, ctx, false).diagnostics.map((d) => d.message),
  ],
  'variables': () => [
    ...checked((s) => (s.states.opening.on[1].set = { patiense: 1 })),
    ...checked((s) => ((s.states.opening.on[1].set = { patience: true }), (s.states.opening.on[2].when = { patience: false }))),
    ...checked((s) => ((s.states.opening.on[1].set = { conceded: 3 }), (s.states.opening.on[2].when = { conceded: '<= 1' }))),
    ...checked((s) => (s.states.opening.on[1].set = { patience: 9 })),
  ],
  'the graph': () => [
    ...checked((s) => {
      const bought = s.states['bought-promo'];
      bought.on = [{ else: true, goto: 'opening' }];
      bought.always = [{ when: { conceded: true }, goto: 'opening' }];
      bought.silence = { nudgeAfter: 3 };
    }),
    ...checked((s) => delete s.silence.leave),
    ...checked((s) => (delete s.silence.leaveAfter, delete s.silence.nudgeAfter)),
    ...checked((s) => (s.states.opening.always = [{ when: { conceded: true }, goto: 'opening' }])),
    ...checked((s) => {
      for (const state of Object.values<{ outcome?: unknown }>(s.states)) delete state.outcome;
    }),
    ...checked((s) => (s.states['ask-discount'] = { say: ['hi'], silence: false })),
    ...checked((s) => {
      s.states.a1 = { say: ['x'], silence: false, on: [{ else: true, goto: 'a2' }] };
      s.states.a2 = { say: ['y'], silence: false, on: [{ else: true, goto: 'a1' }] };
      s.states.opening.on.push({ intent: 'greeting', goto: 'a1' });
    }),
    ...checked((s) => {
      s.states.lonely = { say: ['hi'], on: [{ else: true, goto: 'left-offended' }] };
      s.rubric.rules[0].scope = { state: 'lonely' };
      s.rubric.rules[1].forbid = { action: 'file-accepted' };
      s.rubric.rules[2].forbid = { action: 'link-opened' };
    }),
  ],
  'the studio id and the embedded tests': () => [
    ...checked((s) => (s.id = 'other-id')),
    ...checked((s) => {
      const [first, second] = s.tests;
      first.expect = { intents: ['rude-reply'], notIntents: ['concede-discount'], pass: ['bargain-tactful-refusal', 'no-unauthorised-discount'], goto: 'hesitate' };
      first.reply = '好的亲，给您便宜10块吧';
      delete second.name;
      second.expect = { fail: ['greeting'] };
    }),
  ],
  'YAML syntax': () =>
    [
      'a: 1\na: 2\n',
      `${'k'.repeat(70)}: 1\n${'k'.repeat(70)}: 2\n`,
      Array.from({ length: 60 }, (_, i) => `k${i}: 1\nk${i}: 2`).join('\n'),
      'a: b: c\n',
      'a:\n  b: 1\n c: 2\n',
      'a:\n  - b: 1\n   c: 2\n',
      'a: "abc\n',
      "a: 'abc\n",
      'a:\n\tb: 1\n',
      'a: [1 2\n',
      '[1, 2\n',
      '{a: 1\n',
      'a: @x\n',
      'a: "\\q"\n',
      'a: "x"# c\n',
      'a\nb: 1\n',
      'a: 1\nb\nc: 2\n',
      'a: "x" y\n',
      'a: {b: 1 c: 2}\n',
      'a: [1, , 2]\n',
      'a: !foo x\n',
      '- a\n- b\n: c\n',
      'a: ]\n',
      'a: - b\n',
      'a:\n    - 1\n  - 2\n',
      '  - a\n - b\n',
      'a: &x &y 1\n',
      'a: !!str !!str 1\n',
      'a: & 1\n',
      'a: * \n',
      'a: &x: 1\n',
      'a: &x 1\nb: &y *x\n',
      `${'a'.repeat(1100)}: 1\n`,
      'a: |x\n  y\n',
      '%FOO bar\n---\na: 1\n',
      '%YAML 9.9\n---\na: 1\n',
      '%TAG !\n---\na: 1\n',
      'a: !<x 1\n',
      'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c]\n',
      '['.repeat(5000),
    ].flatMap(parsed),
  'the lexicon and a shop (publish checks them first)': () => {
    const lexicon = parseLexiconSource('intents:\n  a-b:\n    match: [{ regex: "(x" }]\n    unless: [a-b, zz]\n', 'intents.yaml');
    const shopText = readFileSync('scenarios/shops/trailpeak.yaml', 'utf8');
    const shopData = parse(shopText) as { products: { id: string; stock?: Record<string, number> }[] };
    const [first, second] = shopData.products;
    if (first && second) {
      second.id = first.id;
      first.stock = { ...first.stock, '99': 1 };
    }
    const shop = parseShopSource(stringify(shopData), 'trailpeak.yaml');
    if (!lexicon.ok || !shop.ok) throw new Error('the lexicon or the shop copy does not parse');
    return [
      ...checkLexicon(lexicon.value, lexicon.map, 'intents.yaml').map((d) => d.message),
      ...checkShop(shop.value, shop.map, 'trailpeak.yaml').map((d) => d.message),
      ...fileNameDiagnostics(shop.value, shop.map, 'shops/other.yaml').map((d) => d.message),
    ];
  },
};

/** Publish's check (server/store/studioCheck.ts) and the library files it loads: async, so gathered before the tests. */
const publishMessages: string[] = [];
let folder = '';
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'studio-diagnostics-'));
  const unsafe = structuredClone(base) as { intents: Record<string, { match: object[] }> };
  const patterns = ['(\\d+)+q', '\\d*\\d*x', '(?:好(?:的|\\S))+吗', '(a|aa)*b', 'a*'.repeat(33)];
  patterns.forEach((regex, i) => (unsafe.intents[`unsafe-${i}`] = { match: [{ regex }] }));
  const unsafeText = stringify(unsafe);
  const reread = parseScenarioSource(unsafeText, `${ID}.yaml`);
  if (!reread.ok) throw new Error('the unsafe copy does not parse');
  publishMessages.push(
    ...(await checkStudioSource('scenarios', ID, unsafeText).then((r) => (r.ok ? [] : r.diagnostics.map((d) => d.message)))),
    ...checkScenarioRegexSafety(reread.value, reread.map, `${ID}.yaml`).map((d) => d.message),
    ...[(await loadShopFile(join(folder, 'none.yaml'))), await loadShopFile(folder)].flatMap((r) => (r.ok ? [] : r.diagnostics.map((d) => d.message))),
  );
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A server message written out, with the piece of its source that says it (the source is read to check it is still there). */
interface Written {
  message: string;
  file: string;
  says: string;
}

const written: Written[] = [
  // server/http/studioRoutes.ts: refusals the page words from their code, and the regex-check limits
  ...[
    ['origin not allowed', "'origin not allowed'"],
    ['log in as a trainer first', "'log in as a trainer first'"],
    ['method not allowed here', "'method not allowed here'"],
    ['nothing at /api/studio/nope', '`nothing at ${path}`'],
    ['a scenario id is kebab-case: letters, digits and dashes', "'a scenario id is kebab-case: letters, digits and dashes'"],
    ['only an admin exports to the library (scenarios/)', "'only an admin exports to the library (scenarios/)'"],
    ['no scenario "my-easy"', '`no scenario "${id}"`'],
    ['"my-easy" has no published version 3', '`"${id}" has no published version ${number}`'],
    ['nothing to export for "my-easy"', '`nothing to export for "${id}"`'],
    ['王老师 saved "my-easy" after you opened it', '`${current.savedBy} saved "${id}" after you opened it`'],
    ['the draft of "my-easy" was deleted after you opened it', '`the draft of "${id}" was deleted after you opened it`'],
    ['the library already has a scenario "bargainer"; copy it with a new id', '`the library already has a scenario "${id}"; copy it with a new id`'],
    ['send {"source": string, "base": revision or null} or {"source": string, "overwrite": true} as JSON, at most 256 KB', 'as JSON, at most ${MAX_STUDIO_SOURCE_BYTES / 1024} KB'],
    ['send {"base": revision} as JSON: the draft you are deleting', `'send {"base": revision} as JSON: the draft you are deleting'`],
    ['"my-easy" has no draft', '`"${id}" has no draft`'],
    ['no draft of "my-easy" to publish; save it first', '`no draft of "${id}" to publish; save it first`'],
    ['the scenario does not pass its checks and tests', "'the scenario does not pass its checks and tests'"],
    ['version 2 of "my-easy" was just published by someone else; publish again', '`version ${version} of "${id}" was just published by someone else; publish again`'],
    ['version is a published version number', "'version is a published version number'"],
    ['"my-easy" has no published version; publish it first', '`"${id}" has no published version; publish it first`'],
    ["this version does not pass today's checks against the library", "this version does not pass today\\'s checks against the library"],
    ['send {"patterns": [{"source": string, "flags": "gu" or "u"}, ...]} as JSON, at most 200 patterns of at most 2000 characters each', 'at most ${MAX_REGEX_CHECK_PATTERNS} patterns of at most ${MAX_REGEX_CHECK_SOURCE} characters each'],
    ['at most 200 patterns per request (got 201); send the rest in another', '`at most ${MAX_REGEX_CHECK_PATTERNS} patterns per request (got ${patterns.length}); send the rest in another`'],
    ['patterns[3] is longer than 2000 characters', '`patterns[${long}] is longer than ${MAX_REGEX_CHECK_SOURCE} characters`'],
    ['checking patterns used its time for now; try again in 12 s (publish still checks everything)', '`checking patterns used its time for now; try again in ${retryAfterSec} s (publish still checks everything)`'],
  ].map(([message, says]) => ({ message: message as string, file: 'server/http/studioRoutes.ts', says: says as string })),
  // server/store/studioExport.ts
  { message: 'the library already has bargainer.yaml (id "bargainer") and it is not an export of this studio scenario; confirm to replace it', file: 'server/store/studioExport.ts', says: "and it is not an export of this studio scenario; confirm to replace it" },
  { message: 'the library already has bargainer.yaml and it is not an export of this studio scenario; confirm to replace it', file: 'server/store/studioExport.ts', says: '`the library already has ${file}${declaredId ?' },
  { message: 'cannot read bargainer.yaml: EACCES', file: 'server/store/studioExport.ts', says: '`cannot read ${file}: ${code ?? String(err)}`' },
  { message: 'cannot write bargainer.yaml: ENOSPC', file: 'server/store/studioExport.ts', says: '`cannot write ${file}: ' },
  { message: 'cannot read the file: EACCES', file: 'server/store/scenarioFiles.ts', says: '`cannot read the file: ${why}`' },
  // Engine messages the checks before them always pre-empt (a crash, a dangling unless, a bad regex at compile time).
  { message: 'cannot read this YAML: Maximum call stack size exceeded', file: 'server/engine/scenario/parse.ts', says: '`cannot read this YAML: ${composed.thrown}`' },
  { message: 'internal error while reading this file: boom', file: 'server/engine/scenario/parse.ts', says: '`internal error while reading this file: ${errorText(err)}`' },
  { message: 'the embedded tests could not run: boom', file: 'server/store/studioCheck.ts', says: '`the embedded tests could not run: ${' },
  { message: 'cannot compile: intent "ask-price": unless names unknown intent "gone"', file: 'server/engine/analysis/lexicon.ts', says: '`intent "${id}": unless names unknown intent "${u}"`' },
  { message: 'cannot compile: intent "ask-price", matcher 2: invalid regex /(x/: Invalid regular expression: /(x/u: Unterminated group', file: 'server/engine/analysis/matcher.ts', says: '`invalid ${what} /${source}/: ' },
  { message: 'states.opening: missing item 2', file: 'server/engine/scenario/zodIssues.ts', says: '`missing item ${key}`' },
  { message: 'regex: this pattern can take polynomial (super-linear) time on some replies: `\\d+` (a run of "0")', file: 'server/store/regexSafety.ts', says: 'return `\\`${report.quant.raw}\\` (${run})`' },
];

function allMessages(): string[] {
  return [...Object.values(broken).flatMap((make) => make()), ...publishMessages, ...written.map((w) => w.message)];
}

/** What must survive the wording: every quoted name, every `pattern` and every number (a path's 0-based `[n]` is counted from 1: n + 1). */
function kept(message: string): string[] {
  const rest = message.replace(/"(?:[^"\\]|\\.)*"|`[^`]*`/g, '').replace(/\[\d+\]/g, '');
  return [...(message.match(/"(?:[^"\\]|\\.)*"|`[^`]*`/g) ?? []), ...(rest.match(/\d+(?:\.\d+)?/g) ?? [])];
}

/** English a message carries on purpose: an embedded test's own name, a runtime error's text. */
const CARRIED = [/^tests\[\d+\] \((.*?)\): /, /^cannot read this YAML: (.*)$/];

/**
 * English the wording left over: a run of four or more English words outside the quoted names and
 * patterns. A table entry too general for a new message (`expected …, got …`) "words" it with the
 * English sentence still inside; this catches that as it catches a message no table knows.
 */
function englishLeft(message: string, zh: string): string | undefined {
  const carried = CARRIED.map((re) => re.exec(message)?.[1]).filter((text) => text !== undefined);
  const unquoted = (text: string) => text.replace(/"(?:[^"\\]|\\.)*"|`[^`]*`|'[^']*'/g, ' ');
  const bare = unquoted(carried.reduce((rest, text) => rest.replace(text, ' '), zh));
  return /[A-Za-z][\w'-]*(?:[ ,:]+[A-Za-z][\w'-]*){3,}/.exec(bare)?.[0];
}

/** A path index `[n]` survives as written or counted from 1 ("第 n+1 "). */
function indicesKept(message: string, zh: string): boolean {
  return [...message.matchAll(/\[(\d+)\]/g)].every((m) => zh.includes(m[0]) || zh.includes(`第 ${Number(m[1]) + 1} `));
}

describe('diagnostics in Chinese', () => {
  it('words every message the checks produce in Chinese, keeping its names, ids and numbers', () => {
    // The messages are real: each broken input yields some, and the written-out ones are said so by their source.
    for (const [name, make] of Object.entries(broken)) expect(make(), name).not.toEqual([]);
    expect(publishMessages.some((m) => m.startsWith('regex: this pattern'))).toBe(true);
    expect(publishMessages).toContain('cannot read the file: no such file');
    for (const w of written) expect(readFileSync(w.file, 'utf8'), w.message).toContain(w.says);

    const unworded: string[] = [];
    const leftover: string[] = [];
    for (const message of new Set(allMessages())) {
      const zh = diagnosticZh(message);
      if (zh === undefined) {
        unworded.push(message);
        continue;
      }
      expect(zh, message).toMatch(/[\u4e00-\u9fff]/);
      expect(zh).not.toBe(message);
      for (const piece of kept(message)) expect(zh, `${message}\n→ ${zh}`).toContain(piece);
      expect(indicesKept(message, zh), `${message}\n→ ${zh}`).toBe(true);
      if (englishLeft(message, zh) !== undefined) leftover.push(`${message}\n→ ${zh}`);
    }
    expect(unworded).toEqual([]);
    expect(leftover).toEqual([]);
  });

  it('has a real message behind every entry of its tables', () => {
    const used = new Set<Template>();
    for (const message of allMessages()) diagnosticZh(message, used);
    const entries = new Set<Template>();
    const collect = (table: readonly Template[]) => {
      for (const entry of table) {
        entries.add(entry);
        for (const part of Object.values(entry.parts ?? {})) if (Array.isArray(part)) collect(part as readonly Template[]);
      }
    };
    for (const table of [...diagnosticTables, wrapperZh]) collect(table);
    const unused = [...entries].filter((e) => !used.has(e)).map((e) => e.en.source);
    expect(unused).toEqual([]);
  });

  it('reads a few the way a trainer should', () => {
    expect(diagnosticZh('unknown intent "x": not in the scenario\'s intents nor in intents.yaml (did you mean "y"?)')).toBe('未知的意图 "x"：剧本的 intents 和 intents.yaml 里都没有它（是不是想写 "y"？）');
    expect(diagnosticZh('states.opening.on[0]: unknown key "gto" (did you mean "goto"?)')).toBe('环节 opening › 第 1 个反应：未知的键 "gto"（是不是想写 "goto"？）');
    expect(diagnosticZh('rubric.rules[2].require: missing key "intent"')).toBe('第 3 条规则 › require：缺少键 "intent"');
    expect(diagnosticZh('rubric.rules[0].scope: expected "chat", "first" or a mapping, got text "always"')).toBe('第 1 条规则 › scope：应为 "chat"、"first" 或映射（键: 值），实际是文本 "always"');
    expect(diagnosticZh('goto "left-offendd" is not a state (did you mean "left-offended"?)')).toBe('goto 写的 "left-offendd" 不是已有的环节（是不是想写 "left-offended"？）');
    expect(diagnosticZh('rubric.rules[1].topic[0].product: product only applies to action card-sent (a product id) or coupon-sent (a coupon id)')).toBe(
      '第 2 条规则 › 第 1 个话题条件 › product：product 只能配合 action card-sent（填商品 ID）或 coupon-sent（填优惠券 ID）使用',
    );
  });

  it('falls back to the English of a message no table knows, and stays English on an English page', () => {
    const novel = 'state "opening": a check added after these tables says something new about "x"';
    expect(diagnosticZh(novel)).toBeUndefined();
    expect(wordDiagnostic(novel, 'zh-CN')).toBe(novel);
    // A known message with an unknown one inside is not half translated either.
    expect(wordDiagnostic(`states.opening: ${novel}`, 'zh-CN')).toBe(`states.opening: ${novel}`);
    expect(wordDiagnostic('missing key "title"', 'en')).toBe('missing key "title"');
    expect(wordDiagnosticLine('my-easy.yaml:12:3: missing key "title"', 'zh-CN')).toBe('my-easy.yaml:12:3: 缺少键 "title"');
    expect(wordDiagnosticLine('my-easy.yaml:12:3: missing key "title"', 'en')).toBe('my-easy.yaml:12:3: missing key "title"');
  });
});
