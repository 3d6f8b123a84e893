// npm run bench:engine [-- --scenario <id> --seconds 2 --json]
// Replies analysed and scored per second, against a baseline loop measured in the same run that
// only normalises the same text; then full step() calls, alone and in whole sessions. The machine
// is shared and noisy: read the ratio, not the raw rate.
import { analyzeText, compileScenario, formatDiagnostic, normalize, sessionAt, startSession, step } from '../engine/index.ts';
import type { CompiledScenario, SessionState } from '../engine/index.ts';
import { loadBundle, scenariosDir } from '../store/scenarioFiles.ts';
import { fail, numberOption, readArgs, stringOption } from './args.ts';
import { benchReplies } from './benchReplies.ts';

interface Figure {
  name: string;
  perSec: number;
  /** per second of this process's CPU time: what a busy, shared machine does not blur */
  perCpuSec: number;
  p50Us: number;
  p99Us: number;
}

/** CPU seconds (user + system) this process used since `since`. */
function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return Math.max(1e-6, (used.user + used.system) / 1e6);
}

function measure(name: string, seconds: number, run: (text: string, i: number) => void): Figure {
  const samples: number[] = [];
  let count = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  const cpu = process.cpuUsage();
  while (performance.now() < until) {
    // Time batches of 64 so the clock read does not dominate what is measured.
    const t0 = performance.now();
    for (let k = 0; k < 64; k++, count++) run(benchReplies[count % benchReplies.length] ?? '', count);
    samples.push(((performance.now() - t0) * 1000) / 64);
  }
  const elapsed = (performance.now() - started) / 1000;
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { name, perSec: count / elapsed, perCpuSec: count / cpuSeconds(cpu), p50Us: at(0.5), p99Us: at(0.99) };
}

/** Time single full step() calls: the per-reply latency a trainee feels from the engine. */
function measureSteps(compiled: CompiledScenario, fresh: SessionState, seconds: number): Figure {
  const samples: number[] = [];
  let state = fresh;
  let now = 1000;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  const cpu = process.cpuUsage();
  while (performance.now() < until) {
    if (state.ended || state.outcome || state.turns >= 30) state = fresh;
    const text = benchReplies[samples.length % benchReplies.length] ?? '';
    now += 4000;
    const t0 = performance.now();
    state = step(compiled, state, { type: 'reply', text }, now).state;
    samples.push((performance.now() - t0) * 1000);
  }
  const elapsed = (performance.now() - started) / 1000;
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { name: 'full step() (analyse + intents + rubric + machine + pacing)', perSec: samples.length / elapsed, perCpuSec: samples.length / cpuSeconds(cpu), p50Us: at(0.5), p99Us: at(0.99) };
}

/**
 * The load generator's pattern (bench-server-load.ts): start a session, 20 replies, end with the
 * report. Unlike measureSteps, the chat often reaches an outcome early and the recent-reply window
 * fills up, as in the server benchmark; the report is counted in the per-reply cost.
 */
function measureSessions(compiled: CompiledScenario, seconds: number): Figure {
  const perReply: number[] = [];
  let replies = 0;
  let seed = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  const cpu = process.cpuUsage();
  while (performance.now() < until) {
    seed++;
    let now = 1000;
    const t0 = performance.now();
    let state = startSession(compiled, { seed, now, speed: 0 }).state;
    for (let r = 0; r < REPLIES_PER_SESSION; r++) {
      now += 5;
      state = step(compiled, state, { type: 'reply', text: benchReplies[(seed + r) % benchReplies.length] ?? '' }, now).state;
    }
    step(compiled, state, { type: 'end' }, now + 5);
    perReply.push(((performance.now() - t0) * 1000) / REPLIES_PER_SESSION);
    replies += REPLIES_PER_SESSION;
  }
  const elapsed = (performance.now() - started) / 1000;
  perReply.sort((a, b) => a - b);
  const at = (q: number) => perReply[Math.min(perReply.length - 1, Math.floor(q * perReply.length))] ?? 0;
  return { name: 'sessions: start + 20 replies + report, per reply', perSec: replies / elapsed, perCpuSec: replies / cpuSeconds(cpu), p50Us: at(0.5), p99Us: at(0.99) };
}

/** As many replies per session as the server benchmark's simulated trainees send. */
const REPLIES_PER_SESSION = 20;

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2), ['json']);
  const seconds = numberOption(args, 'seconds', 2);
  const loaded = await loadBundle(scenariosDir(), stringOption(args, 'scenario') ?? 'bargainer');
  if (!loaded.ok) fail(loaded.diagnostics.map(formatDiagnostic).join('\n'));
  const compiled = compileScenario(loaded.bundle);
  const fresh = sessionAt(compiled, compiled.scenario.initial, {});
  let progress = compiled.rubric.initial();
  let sink = 0;

  const baseline = measure('baseline: normalise only', seconds, (text) => {
    sink += normalize(text).length;
  });
  const scored = measure('analyse + match intents + score (full rubric)', seconds, (text, i) => {
    if (i % 40 === 0) progress = compiled.rubric.initial();
    const features = analyzeText(text);
    const intents = compiled.lexicon.match(features);
    const r = compiled.rubric.onTurn(progress, {
      turn: (i % 40) + 1, messageId: `m${i}`, state: compiled.scenario.initial, firstInState: i % 40 === 0,
      reply: { features, intents }, responseMs: 4000, afterComplaint: false, qualityComplaint: false,
    });
    progress = r.progress;
    sink += r.verdicts.length;
  });
  const steps = measureSteps(compiled, fresh, seconds);
  const sessions = measureSessions(compiled, seconds);
  const rules = compiled.rubric.rules.length;
  const intents = Object.keys(loaded.bundle.lexicon.intents).length + Object.keys(compiled.scenario.intents).length;

  console.log(`bench:engine — scenario ${compiled.scenario.id}, ${rules} rules, ${intents} intents, ${benchReplies.length} distinct replies, ${seconds}s per figure`);
  console.log('figure'.padEnd(62) + 'replies/s'.padStart(12) + 'p50 µs'.padStart(10) + 'p99 µs'.padStart(10) + 'vs baseline'.padStart(13) + 'per cpu-s'.padStart(12) + 'vs baseline'.padStart(13));
  for (const f of [baseline, scored, steps, sessions]) {
    console.log(f.name.padEnd(62) + Math.round(f.perSec).toLocaleString('en').padStart(12) + f.p50Us.toFixed(1).padStart(10) + f.p99Us.toFixed(1).padStart(10) + (f.perSec / baseline.perSec).toFixed(3).padStart(13) + Math.round(f.perCpuSec).toLocaleString('en').padStart(12) + (f.perCpuSec / baseline.perCpuSec).toFixed(3).padStart(13));
  }
  if (args.options.has('json')) {
    console.log(JSON.stringify({
      scenario: compiled.scenario.id, rules, intents,
      baselinePerSec: Math.round(baseline.perSec), scoredPerSec: Math.round(scored.perSec), stepPerSec: Math.round(steps.perSec),
      scoredRatio: Number((scored.perSec / baseline.perSec).toFixed(4)), stepRatio: Number((steps.perSec / baseline.perSec).toFixed(4)),
      scoredP99Us: Number(scored.p99Us.toFixed(1)), stepP99Us: Number(steps.p99Us.toFixed(1)),
      sessionReplyPerSec: Math.round(sessions.perSec), sessionRatio: Number((sessions.perSec / baseline.perSec).toFixed(4)),
      // the same figures per CPU-second of this process (time descheduled on a busy machine left out)
      perCpuSec: { baseline: Math.round(baseline.perCpuSec), scored: Math.round(scored.perCpuSec), step: Math.round(steps.perCpuSec), session: Math.round(sessions.perCpuSec) },
      stepCpuRatio: Number((steps.perCpuSec / baseline.perCpuSec).toFixed(4)), sessionCpuRatio: Number((sessions.perCpuSec / baseline.perCpuSec).toFixed(4)),
      sink: sink > 0,
    }));
  }
}

main().catch((err: unknown) => fail(`bench:engine: ${err instanceof Error ? err.message : String(err)}`, 1));
