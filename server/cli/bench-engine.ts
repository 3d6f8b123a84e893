// npm run bench:engine [-- --scenario <id> --seconds 2 --json]
// Replies analysed and scored per second, against a baseline loop measured in the same run that
// only normalises the same text. The machine is shared and noisy: read the ratio, not the raw rate.
import { analyzeText, compileScenario, formatDiagnostic, normalize, sessionAt, step } from '../engine/index.ts';
import type { CompiledScenario, SessionState } from '../engine/index.ts';
import { loadBundle, scenariosDir } from '../store/scenarioFiles.ts';
import { fail, numberOption, readArgs, stringOption } from './args.ts';
import { benchReplies } from './benchReplies.ts';

interface Figure {
  name: string;
  perSec: number;
  p50Us: number;
  p99Us: number;
}

function measure(name: string, seconds: number, run: (text: string, i: number) => void): Figure {
  const samples: number[] = [];
  let count = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  while (performance.now() < until) {
    // Time batches of 64 so the clock read does not dominate what is measured.
    const t0 = performance.now();
    for (let k = 0; k < 64; k++, count++) run(benchReplies[count % benchReplies.length] ?? '', count);
    samples.push(((performance.now() - t0) * 1000) / 64);
  }
  const elapsed = (performance.now() - started) / 1000;
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { name, perSec: count / elapsed, p50Us: at(0.5), p99Us: at(0.99) };
}

/** Time single full step() calls: the per-reply latency a trainee feels from the engine. */
function measureSteps(compiled: CompiledScenario, fresh: SessionState, seconds: number): Figure {
  const samples: number[] = [];
  let state = fresh;
  let now = 1000;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
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
  return { name: 'full step() (analyse + intents + rubric + machine + pacing)', perSec: samples.length / elapsed, p50Us: at(0.5), p99Us: at(0.99) };
}

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
  const rules = compiled.rubric.rules.length;
  const intents = Object.keys(loaded.bundle.lexicon.intents).length + Object.keys(compiled.scenario.intents).length;

  console.log(`bench:engine — scenario ${compiled.scenario.id}, ${rules} rules, ${intents} intents, ${benchReplies.length} distinct replies, ${seconds}s per figure`);
  console.log('figure'.padEnd(62) + 'replies/s'.padStart(12) + 'p50 µs'.padStart(10) + 'p99 µs'.padStart(10) + 'vs baseline'.padStart(13));
  for (const f of [baseline, scored, steps]) {
    console.log(f.name.padEnd(62) + Math.round(f.perSec).toLocaleString('en').padStart(12) + f.p50Us.toFixed(1).padStart(10) + f.p99Us.toFixed(1).padStart(10) + (f.perSec / baseline.perSec).toFixed(3).padStart(13));
  }
  if (args.options.has('json')) {
    console.log(JSON.stringify({
      scenario: compiled.scenario.id, rules, intents,
      baselinePerSec: Math.round(baseline.perSec), scoredPerSec: Math.round(scored.perSec), stepPerSec: Math.round(steps.perSec),
      scoredRatio: Number((scored.perSec / baseline.perSec).toFixed(4)), stepRatio: Number((steps.perSec / baseline.perSec).toFixed(4)),
      scoredP99Us: Number(scored.p99Us.toFixed(1)), stepP99Us: Number(steps.p99Us.toFixed(1)), sink: sink > 0,
    }));
  }
}

main().catch((err: unknown) => fail(`bench:engine: ${err instanceof Error ? err.message : String(err)}`, 1));
