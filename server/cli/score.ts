// npm run -s score -- --scenario <id|path> --script <file.json> [--seed N]
// Replays a scripted trainee and prints one JSON report. Exit 2 with one line on stderr for bad input.
import { readFile } from 'node:fs/promises';
import { compileScenario, formatDiagnostic, parseScript, playScript, ScriptError, toScoreJson } from '../engine/index.ts';
import { loadBundle, scenariosDir } from '../store/scenarioFiles.ts';
import { fail, intOption, readArgs, stringOption, UsageError } from './args.ts';

const USAGE = 'usage: npm run -s score -- --scenario <id|path> --script <file.json> [--seed N]';

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2));
  const scenarioArg = stringOption(args, 'scenario');
  const scriptPath = stringOption(args, 'script');
  if (!scenarioArg || !scriptPath) fail(USAGE);
  const seed = intOption(args, 'seed', 1);
  const loaded = await loadBundle(scenariosDir(), scenarioArg);
  if (!loaded.ok) fail(loaded.diagnostics.map(formatDiagnostic).join('\n'));
  let text: string;
  try {
    text = await readFile(scriptPath, 'utf8');
  } catch (err) {
    fail(`cannot read the script ${scriptPath}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const compiled = compileScenario(loaded.bundle);
  const run = playScript(compiled, parseScript(text), seed);
  process.stdout.write(`${JSON.stringify(toScoreJson(compiled, run))}\n`);
}

main().catch((err: unknown) => {
  if (err instanceof ScriptError || err instanceof UsageError) fail(err.message);
  fail(`score: ${err instanceof Error ? err.message : String(err)}`, 1);
});
