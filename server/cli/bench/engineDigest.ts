// npx tsx server/cli/bench/engineDigest.ts [--sessions 60] [--scenarios-dir <dir>] [--verbose]
// A fingerprint of what the engine decides: every shipped scenario is played through many seeded,
// randomised sessions (replies from a wide corpus, every trainee action, silences, ends), and every
// StepResult (state and effects, serialised) and every final report is hashed. Run it before and
// after a performance change: equal digests mean the change left transcripts, verdicts, scores and
// the stored shapes (key order included, which replay comparison depends on) exactly as they were.
import { createHash } from 'node:crypto';
import type { Bundle, CompiledScenario, IntentDef, ScenarioRule, SessionEvent, SessionState } from '../../engine/index.ts';
import { compileScenario, formatDiagnostic, nextDeadline, SessionError, sessionReport, startSession, step } from '../../engine/index.ts';
import { listScenarioFiles, loadBundle, scenariosDir } from '../../store/scenarioFiles.ts';
import { fail, intOption, readArgs, stringOption } from '../args.ts';
import { benchReplies } from '../benchReplies.ts';
// mulberry32, seeded per session: the digest must not depend on anything but the code under test.
import { randomStream } from '../../engine/session/prng.ts';

/** Replies that make intents fire: the authors' own examples and keywords, plus the bench replies. */
function corpusOf(compiled: CompiledScenario, bundleIntents: Record<string, IntentDef>): string[] {
  const out = new Set<string>(benchReplies);
  const intents = { ...bundleIntents, ...compiled.scenario.intents };
  for (const def of Object.values(intents)) {
    for (const m of def.match) {
      for (const s of m.similar ?? []) out.add(s);
      for (const k of m.any ?? []) out.add(`亲，${k}`);
      if (m.all) out.add(m.all.join(''));
      if (m.nOf) out.add(m.nOf.of.join('，'));
    }
  }
  for (const t of compiled.scenario.tests) out.add(t.reply);
  return [...out];
}

function randomEvent(c: CompiledScenario, s: SessionState, corpus: readonly string[], rnd: () => number): SessionEvent {
  const r = rnd();
  const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(rnd() * xs.length)];
  const lastLink = [...s.messages].reverse().find((m) => m.from === 'buyer' && (m.attachment?.kind === 'link' || m.attachment?.kind === 'product-link'));
  if (r < 0.1) {
    // the same text again, or nearly: copy-paste answering
    const earlier = pick(s.messages.filter((m) => m.from === 'trainee' && m.text !== ''))?.text ?? '好的';
    return { type: 'reply', text: earlier + (pick(['', '', '！', '哦', '亲', '，好吗']) ?? '') };
  }
  if (r < 0.72) {
    // now and then a reply glued from two corpus lines
    const a = pick(corpus) ?? '好的';
    const b = rnd() < 0.15 ? (pick(corpus) ?? '') : '';
    return { type: 'reply', text: a + b };
  }
  if (r < 0.76) return { type: 'link-opened', messageId: lastLink?.id ?? 'm1' };
  if (r < 0.8) return { type: rnd() < 0.5 ? 'file-accepted' : 'file-declined' };
  if (r < 0.84) return { type: 'card-sent', product: pick(c.shop.products)?.id ?? 'none' };
  if (r < 0.87) return { type: 'coupon-sent', coupon: pick(c.shop.coupons)?.id ?? 'none' };
  if (r < 0.89) return { type: 'address-confirmed' };
  if (r < 0.9) return { type: 'reply', text: '   ' };
  return { type: 'tick' };
}

/** What the sessions went through, so a digest is known to cover outcomes, errors, ticks and repeats. */
interface Coverage {
  steps: number;
  /** steps taken before the chat reached an outcome (the persona machine still moving) */
  live: number;
  errors: number;
  ticks: number;
  verdicts: number;
  outcomes: number;
  repeats: number;
}

function playSession(c: CompiledScenario, corpus: readonly string[], seed: number, hash: ReturnType<typeof createHash>, seen: Coverage): void {
  const rnd = randomStream(seed * 7919 + 17);
  const speed = seed % 3 === 0 ? 0 : 1;
  let now = 1_000_000 + seed;
  const start = startSession(c, { seed, now, speed });
  hash.update(JSON.stringify(start));
  let state = start.state;
  const turns = 4 + Math.floor(rnd() * 40);
  for (let i = 0; i < turns && !state.ended; i++) {
    const event = randomEvent(c, state, corpus, rnd);
    // a tick lands on (or a little after) the deadline; other events after a human-ish pause
    const deadline = nextDeadline(state);
    const pause = rnd() < 0.85 ? 500 + rnd() * 9000 : rnd() * 90_000;
    now = event.type === 'tick' && deadline !== null ? Math.max(now, deadline + Math.floor(rnd() * 3000)) : now + Math.floor(pause);
    try {
      const result = step(c, state, event, now);
      hash.update(JSON.stringify(result));
      if (state.outcome === null) seen.live++;
      state = result.state;
      seen.steps++;
      if (event.type === 'tick') seen.ticks++;
      for (const e of result.effects) {
        if (e.type === 'verdicts') {
          seen.verdicts += e.verdicts.length;
          seen.repeats += e.verdicts.filter((v) => v.rule.startsWith('digest-repeat-')).length;
        }
        if (e.type === 'outcome') seen.outcomes++;
      }
    } catch (err) {
      if (!(err instanceof SessionError)) throw err;
      hash.update(`error:${err.code}`);
      seen.errors++;
    }
  }
  hash.update(JSON.stringify(sessionReport(c, state)));
  if (!state.ended) hash.update(JSON.stringify(step(c, state, { type: 'end' }, now + 1000)));
}

/** No shipped scenario judges repeats yet: one forbid-repeat rule per buyer move puts them in the digest. */
function withRepeatRules(bundle: Bundle): Bundle {
  const text = { 'zh-CN': '重复', en: 'repeat' };
  const rules: ScenarioRule[] = Object.keys(bundle.scenario.states).map((state) => ({
    id: `digest-repeat-${state}`, category: 'empathy', weight: 1, redLine: false, scope: { state }, forbid: { repeat: true }, feedback: text, modelReply: text,
  }));
  const rubric = { ...bundle.scenario.rubric, rules: [...bundle.scenario.rubric.rules, ...rules] };
  return { ...bundle, scenario: { ...bundle.scenario, rubric } };
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2), ['verbose']);
  const sessions = intOption(args, 'sessions', 60);
  const dir = stringOption(args, 'scenarios-dir') ?? scenariosDir();
  const all = createHash('sha256');
  for (const file of await listScenarioFiles(dir)) {
    const loaded = await loadBundle(dir, file);
    if (!loaded.ok) fail(loaded.diagnostics.map(formatDiagnostic).join('\n'));
    const compiled = compileScenario(withRepeatRules(loaded.bundle));
    const corpus = corpusOf(compiled, loaded.bundle.lexicon.intents);
    const hash = createHash('sha256');
    const seen: Coverage = { steps: 0, live: 0, errors: 0, ticks: 0, verdicts: 0, outcomes: 0, repeats: 0 };
    for (let seed = 1; seed <= sessions; seed++) playSession(compiled, corpus, seed, hash, seen);
    const digest = hash.digest('hex');
    all.update(digest);
    if (args.options.has('verbose')) console.log(`${compiled.scenario.id.padEnd(30)} ${digest.slice(0, 16)} ${JSON.stringify(seen)}`);
  }
  console.log(all.digest('hex'));
}

main().catch((err: unknown) => fail(`engineDigest: ${err instanceof Error ? err.stack ?? err.message : String(err)}`, 1));
