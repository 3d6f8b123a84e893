// npm run bench:server [-- --scenario <id> --sessions 50 --seconds 10 --paced-sessions 5000 --paced-seconds 20 --json]
//                      [-- --cpu-prof <dir>: the app writes V8 CPU profiles there, one per thread, the main one
//                       first (*.001.cpuprofile); the app is then stopped by SIGTERM, not killed: profiles are written on exit]
// npm run bench       (the same, after the engine benchmark: --with-engine)
// Same machine, same run, same load generator (its own process, 127.0.0.1 only, bounded in time):
// (1) a bare Socket.IO ack-echo server, the transport's ceiling here; (1b) the same echo writing each
// event durably to the session log before its ack (no engine): the floor of "persisted, then acked";
// (2) the app, N trainees each in a session, buyer speed 0, replying in a closed loop (each reply
// processed, scored, persisted and acked); (3) the app with 5,000 trainees replying every 5 s.
// Read the ratios: the machine is shared.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { formatDiagnostic } from '../engine/index.ts';
import { loadBundle, scenariosDir } from '../store/scenarioFiles.ts';
import { fail, intOption, numberOption, readArgs, stringOption, UsageError } from './args.ts';
import { cpuPerReply, threadCpu } from './bench/threadCpu.ts';
import type { ThreadCpu } from './bench/threadCpu.ts';
import type { LoadConfig, LoadResult } from './bench-server-load.ts';
import { WINDOW_CLOSE, WINDOW_OPEN } from './bench-server-load.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const children = new Set<ChildProcess>();

function spawnTs(file: string, args: string[], env: Record<string, string> = {}, nodeFlags: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', join(ROOT, file), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Lines a child prints on stdout (each also to `onLine` as it comes), and its exit; stderr is kept for the error message. */
function collect(child: ChildProcess, onLine: (line: string) => void = () => undefined): Promise<{ lines: string[]; code: number | null; stderr: string }> {
  const lines: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (l) => {
    lines.push(l);
    onLine(l);
  });
  return new Promise((done) => child.once('close', (code) => done({ lines, code, stderr })));
}

/** Start a server process and wait for its `listening` log line. */
function startServerProcess(file: string, env: Record<string, string>, nodeFlags: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const child = spawnTs(file, [], env, nodeFlags);
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((ready, reject) => {
    child.once('exit', (code) => reject(new Error(`${file} exited (${code}) before listening: ${stderr.slice(-1500)}`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        if (entry.msg === 'listening' && entry.port) ready({ child, url: `http://127.0.0.1:${entry.port}` });
      } catch {
        // not a log line
      }
    });
  });
}

/** A profiled process writes its profile on a clean exit: ask it to stop, kill it only if it does not. */
function stopGracefully(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    child.kill('SIGTERM');
  });
}

interface MeasuredLoad extends LoadResult {
  /** CPU µs per measured reply: the server's main thread, its other threads, the load generator */
  cpuUs: { main: number; other: number; load: number } | undefined;
}

/** One load run against the server process `server`, whose CPU is read as the measured window opens and closes. */
async function runLoad(config: LoadConfig, server: ChildProcess): Promise<MeasuredLoad> {
  const readings: (ThreadCpu | undefined)[] = [];
  const out = await collect(spawnTs('server/cli/bench-server-load.ts', [JSON.stringify(config)]), (line) => {
    if (line === WINDOW_OPEN || line === WINDOW_CLOSE) readings.push(threadCpu(server.pid));
  });
  const last = out.lines.at(-1);
  if (out.code !== 0 || !last) throw new Error(`load generator failed (${out.code}): ${out.stderr.slice(-1500)}`);
  const result = JSON.parse(last) as LoadResult;
  const perReply = cpuPerReply(readings[0], readings[1], result.replies);
  return { ...result, cpuUs: perReply && { ...perReply, load: Number(((result.cpuMs * 1000) / result.replies).toFixed(1)) } };
}

/** Peak resident memory of a process, from /proc (Linux); 0 where there is no /proc. */
function peakRssMB(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

async function engineFirst(scenario: string | undefined, json: boolean): Promise<Record<string, unknown> | undefined> {
  const args = [...(scenario ? ['--scenario', scenario] : []), ...(json ? ['--json'] : [])];
  const out = await collect(spawnTs('server/cli/bench-engine.ts', args));
  if (out.code !== 0) throw new Error(`bench:engine failed: ${out.stderr.trim()}`);
  const lines = json ? out.lines.slice(0, -1) : out.lines;
  for (const line of lines) console.log(line);
  console.log('');
  return json ? (JSON.parse(out.lines.at(-1) ?? '{}') as Record<string, unknown>) : undefined;
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2), ['json', 'with-engine']);
  const json = args.options.has('json');
  const scenarioOption = stringOption(args, 'scenario');
  const scenarioId = scenarioOption ?? 'bargainer';
  const dir = resolve(stringOption(args, 'scenarios-dir') ?? scenariosDir());
  const sessions = intOption(args, 'sessions', 50);
  const seconds = numberOption(args, 'seconds', 10);
  const pacedSessions = intOption(args, 'paced-sessions', 5000);
  const pacedSeconds = numberOption(args, 'paced-seconds', 20);
  const warmupSeconds = numberOption(args, 'warmup', 2);
  const profileDir = stringOption(args, 'cpu-prof');
  if (sessions < 1 || seconds <= 0) throw new UsageError('--sessions and --seconds must be positive');
  const loaded = await loadBundle(dir, scenarioId);
  if (!loaded.ok) fail(loaded.diagnostics.map(formatDiagnostic).join('\n'));

  // Bounded whatever happens: every phase's time plus generous set-up, then everything is killed.
  const budgetMs = (3 * (seconds + warmupSeconds) + pacedSeconds + warmupSeconds + 180) * 1000;
  const watchdog = setTimeout(() => {
    for (const c of children) c.kill('SIGKILL');
    fail(`bench:server: over its time budget of ${budgetMs / 1000}s`, 1);
  }, budgetMs);

  const engine = args.options.has('with-engine') ? await engineFirst(scenarioOption, json) : undefined;
  const closed = (url: string): LoadConfig => ({ url, mode: 'closed', sessions, scenarioId, seconds, warmupSeconds, intervalMs: 0 });

  const echo = await startServerProcess('server/cli/bench-server-echo.ts', {});
  const echoRun = await runLoad(closed(echo.url), echo.child);
  echo.child.kill('SIGKILL');
  const durableEcho = await startServerProcess('server/cli/bench-server-durable-echo.ts', {});
  const durableEchoRun = await runLoad(closed(durableEcho.url), durableEcho.child);
  // SIGTERM: it deletes its temporary database on the way out.
  await stopGracefully(durableEcho.child);

  const dataDir = mkdtempSync(join(tmpdir(), 'kefu-bench-'));
  const app = await startServerProcess('server/index.ts', {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SCENARIOS_DIR: dir,
    BUYER_SPEED: '0',
    LOG_LEVEL: 'info',
    // The closed loop is a deliberate flood; the paced run stays far below the default anyway.
    RATE_LIMIT_EVENTS: '1000000',
    SESSION_START_LIMIT: '100000000',
  }, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir)}`] : []);
  const appRun = await runLoad(closed(app.url), app.child);
  const paced = await runLoad({ url: app.url, mode: 'paced', sessions: pacedSessions, scenarioId, seconds: pacedSeconds, warmupSeconds: 5, intervalMs: 5000 }, app.child);
  const rssMB = peakRssMB(app.child.pid);
  if (profileDir) await stopGracefully(app.child);
  else app.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  clearTimeout(watchdog);

  const echoPerSec = echoRun.replies / echoRun.elapsedSec;
  const durableEchoPerSec = durableEchoRun.replies / durableEchoRun.elapsedSec;
  const appPerSec = appRun.replies / appRun.elapsedSec;
  const result = {
    sessions,
    echoPerSec: Math.round(echoPerSec),
    appPerSec: Math.round(appPerSec),
    ratio: Number((appPerSec / echoPerSec).toFixed(3)),
    // The second baseline: the echo that logs every event durably first (what the app does before an ack, minus the engine).
    durableEchoPerSec: Math.round(durableEchoPerSec),
    ratioVsDurableEcho: Number((appPerSec / durableEchoPerSec).toFixed(3)),
    p50Ms: Number(appRun.p50Ms.toFixed(2)),
    p99Ms: Number(appRun.p99Ms.toFixed(2)),
    errors: appRun.errors + echoRun.errors + durableEchoRun.errors,
    rssMB,
    // Per reply, in µs of CPU: where the difference to the baseline is spent (steadier than rates here).
    cpuUsPerReply: { echo: echoRun.cpuUs, durableEcho: durableEchoRun.cpuUs, app: appRun.cpuUs },
    paced: { sessions: paced.connected, p99Ms: Number(paced.p99Ms.toFixed(2)), errors: paced.errors, repliesPerSec: Math.round(paced.replies / paced.elapsedSec) },
  };
  console.log(`bench:server — scenario ${scenarioId}, ${sessions} trainees in a closed loop for ${seconds}s each, then ${pacedSessions} replying every 5 s for ${pacedSeconds}s`);
  console.log('run'.padEnd(44) + 'replies/s'.padStart(11) + 'p50 ms'.padStart(9) + 'p99 ms'.padStart(9) + 'errors'.padStart(8) + 'vs echo'.padStart(9));
  const row = (name: string, r: LoadResult, vs: string) =>
    console.log(name.padEnd(44) + Math.round(r.replies / r.elapsedSec).toLocaleString('en').padStart(11) + r.p50Ms.toFixed(2).padStart(9) + r.p99Ms.toFixed(2).padStart(9) + String(r.errors).padStart(8) + vs.padStart(9));
  row('baseline: bare Socket.IO ack echo', echoRun, '1.000');
  row('baseline 2: echo, logged durably first', durableEchoRun, (durableEchoPerSec / echoPerSec).toFixed(3));
  row('app: reply -> step -> log -> ack (closed)', appRun, result.ratio.toFixed(3));
  row(`app: ${paced.connected} trainees, a reply every 5 s`, paced, '');
  console.log(`app vs baseline 2 (the same durable log, no engine): ${result.ratioVsDurableEcho.toFixed(3)}`);
  console.log(`app peak RSS ${rssMB} MB`);
  const cpuLine = (name: string, c: MeasuredLoad['cpuUs']) =>
    c && console.log(`${name.padEnd(10)} CPU µs per reply: server main thread ${c.main}, server other threads ${c.other}, load generator ${c.load}, all ${(c.main + c.other + c.load).toFixed(1)}`);
  cpuLine('echo', echoRun.cpuUs);
  cpuLine('echo 2', durableEchoRun.cpuUs);
  cpuLine('app', appRun.cpuUs);
  for (const [name, r] of [['echo', echoRun], ['echo 2', durableEchoRun], ['app', appRun], ['paced', paced]] as const) {
    if (r.errors > 0) console.log(`${name} errors: ${JSON.stringify(r.errorCodes)}`);
  }
  if (json) console.log(JSON.stringify(engine ? { ...result, engine } : result));
}

main().catch((err: unknown) => {
  for (const c of children) c.kill('SIGKILL');
  fail(`bench:server: ${err instanceof Error ? err.message : String(err)}`, 1);
});
