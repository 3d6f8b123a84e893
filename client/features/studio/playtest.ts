// Play-testing one reply from any buyer move with chosen variables, computed exactly like an
// embedded test (same placement, same think time, first reply of a chat), so a reply saved as a
// test expects what the play-test showed.
import { parseDocument } from 'yaml';
import { insertListItem } from './forms/yamlBlock.ts';
import type { Block } from './forms/yamlBlock.ts';
import { applyChange } from './forms/yamlEdit.ts';
import { flowItem, flowList } from './forms/yamlWrite.ts';
import { analyzeText, sessionAt, sessionReport, step, THINK_MS } from '../../../server/engine/index.ts';
import type { CompiledScenario, EmbeddedTest, Verdict } from '../../../server/engine/index.ts';
import type { IntentExplanation } from '../../../server/engine/analysis/index.ts';

/** The think time runEmbeddedTest uses; timeliness rules never interfere at 3 s. */

export type Vars = Record<string, number | boolean>;

export interface PlayResult {
  normalized: string;
  /** intents that matched, were vetoed, or had any keyword hit (negated or not) */
  intents: IntentExplanation[];
  matched: string[];
  /** verdicts this reply produced (n/a left out) */
  verdicts: Verdict[];
  next: string;
  vars: Vars;
  buyerLines: string[];
}

export function playReply(compiled: CompiledScenario, at: string, vars: Vars, reply: string): PlayResult {
  const placed = sessionAt(compiled, at, vars);
  const { state, effects } = step(compiled, placed, { type: 'reply', text: reply }, THINK_MS);
  const features = analyzeText(reply);
  const intents = compiled.lexicon.explain(features).filter((e) => e.matched || e.vetoedBy !== undefined || e.hits.length > 0);
  const report = sessionReport(compiled, state);
  const buyerLines = effects.flatMap((e) => (e.type === 'message' && e.message.from === 'buyer' ? [e.message.text] : []));
  return {
    normalized: features.normalized,
    intents,
    matched: compiled.lexicon.match(features),
    verdicts: report.rules.filter((v) => v.verdict !== 'n/a'),
    next: state.machine.value,
    vars: state.machine.context as Vars,
    buyerLines,
  };
}

/** The variables a play-test starts with: each variable's initial value. */
export function initialVars(compiled: CompiledScenario): Vars {
  return Object.fromEntries(Object.entries(compiled.scenario.variables).map(([k, v]) => [k, v.initial]));
}

/**
 * An embedded test that pins down what the play-test showed. `name` is the test's name in the
 * trainer's language (the page words it); without one it is named in English, as the CLI would.
 */
export function testFrom(kind: 'golden' | 'bad', at: string, vars: Vars, initial: Vars, reply: string, result: PlayResult, name?: string): EmbeddedTest {
  const changed = Object.fromEntries(Object.entries(vars).filter(([k, v]) => initial[k] !== v));
  const pass = result.verdicts.filter((v) => v.verdict === 'pass').map((v) => v.rule);
  const fail = result.verdicts.filter((v) => v.verdict === 'fail').map((v) => v.rule);
  const expect: EmbeddedTest['expect'] = { goto: result.next };
  if (result.matched.length > 0) expect.intents = result.matched;
  if (pass.length > 0) expect.pass = pass;
  if (fail.length > 0) expect.fail = fail;
  const named = name ?? `${kind === 'golden' ? 'golden' : 'bad'} reply at ${at}: ${reply.slice(0, 24)}`;
  return { name: named, kind, at, ...(Object.keys(changed).length > 0 ? { vars: changed } : {}), reply, expect };
}

/** `test` as a block to write: keys in the order the schema lists them, lists and vars in flow style. */
function testBlock(test: EmbeddedTest): Block {
  const entries: [string, Block][] = [];
  if (test.name !== undefined) entries.push(['name', { text: test.name }]);
  entries.push(['kind', { inline: test.kind }], ['at', { inline: flowItem(test.at) }]);
  if (test.vars) entries.push(['vars', { inline: `{ ${Object.entries(test.vars).map(([k, v]) => `${flowItem(k)}: ${String(v)}`).join(', ')} }` }]);
  entries.push(['reply', { text: test.reply }]);
  const expect: [string, Block][] = [];
  for (const key of ['intents', 'notIntents', 'pass', 'fail'] as const) {
    const ids = test.expect[key];
    if (ids && ids.length > 0) expect.push([key, { inline: flowList(ids) }]);
  }
  if (test.expect.goto !== undefined) expect.push(['goto', { inline: flowItem(test.expect.goto) }]);
  entries.push(['expect', { map: expect }]);
  return { map: entries };
}

/**
 * The source with `test` appended under `tests:` (created if missing). Only the new test's lines are
 * written: the rest of the file stays byte for byte as the trainer had it (`[seven-day-return]` is
 * not re-spaced, comments and quoting stay). A `tests:` written in flow style cannot take a block
 * item; only then is the file re-printed.
 */
export function appendTest(source: string, test: EmbeddedTest): string {
  const doc = parseDocument(source);
  if (doc.errors.length > 0) throw new Error('the YAML has syntax errors; fix them first');
  const change = insertListItem(source, doc, { listPath: ['tests'], item: testBlock(test) });
  if (change) return applyChange(source, change);
  const node = doc.createNode(JSON.parse(JSON.stringify(test)) as unknown);
  const tests = doc.get('tests', true);
  if (tests && typeof tests === 'object' && 'items' in tests) (tests as { items: unknown[] }).items.push(node);
  else doc.set('tests', doc.createNode([JSON.parse(JSON.stringify(test)) as unknown]));
  return doc.toString();
}
