// npm run bench:drill [-- --trainees 2000 --seconds 30 --scenario bargainer-easy --json]
// One drill of N trainees on one server node (its own process, 127.0.0.1, buyer speed 0, a fresh
// data dir). Measures how long the trainer's `drill:start` takes to reach every trainee (their
// `drill:session`; p50/p99/max) and the dashboard rate the trainer gets while every trainee replies
// (the most messages in any one-second window, and the mean). Bounded: a hard deadline stops it.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import { DRILL_NAMESPACE } from '../protocol/index.ts';
import type { DrillAck, DrillSnapshot } from '../protocol/index.ts';
import { fail, intOption, readArgs, stringOption, UsageError } from './args.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const HARD_DEADLINE_MS = 180_000;
const CONNECT_BATCH = 100;

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const env = { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', BUYER_SPEED: '0', LOG_LEVEL: 'info', DB_SYNC: 'normal', TRAINER_BOOTSTRAP: 'bench:bench-password', RATE_LIMIT_EVENTS: '100000', DRILL_MAX_SEATS: '100000' };
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/index.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((ready, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${stderr.slice(-1500)}`)));
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

function ack<T>(socket: Socket, name: string, payload: unknown): Promise<T> {
  return (socket.timeout(60_000).emitWithAck(name, payload) as Promise<DrillAck<T>>).then((answer) => {
    if (!answer.ok) throw new Error(`${name}: ${answer.error.code}: ${answer.error.message}`);
    return answer.data;
  });
}

function connect(url: string, cookie?: string): Promise<Socket> {
  const socket = io(`${url}${DRILL_NAMESPACE}`, { transports: ['websocket'], forceNew: true, reconnection: false, ...(cookie ? { extraHeaders: { cookie } } : {}) });
  return new Promise((ok, ko) => {
    socket.once('connect', () => ok(socket));
    socket.once('connect_error', ko);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function run(scenario: string, trainees: number, seconds: number): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kefu-bench-drill-'));
  const { child, url } = await startServer(dataDir);
  const sockets: Socket[] = [];
  try {
    const res = await fetch(`${url}/api/trainer/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'bench', password: 'bench-password' }) });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const trainer = await connect(url, cookie);
    sockets.push(trainer);
    const snap = await ack<DrillSnapshot>(trainer, 'drill:open', { scenarioIds: [scenario], mode: 'practice' });
    const drillId = snap.state.drillId;
    const dashboard: number[] = [];
    trainer.on('drill:dashboard', () => dashboard.push(performance.now()));

    const arrived: number[] = [];
    let replied = 0;
    for (let i = 0; i < trainees; i += CONNECT_BATCH) {
      const batch = await Promise.all(Array.from({ length: Math.min(CONNECT_BATCH, trainees - i) }, () => connect(url)));
      await Promise.all(batch.map((s, j) => ack(s, 'drill:join', { code: snap.code, displayName: `学员${i + j}` })));
      sockets.push(...batch);
    }
    let started = 0;
    for (const s of sockets.slice(1)) {
      let sessionId = '';
      s.once('drill:session', (p: { session: { sessionId: string } }) => {
        arrived.push(performance.now() - started);
        sessionId = p.session.sessionId;
      });
      s.once('buyer:say', () => {
        void ack(s, 'reply:send', { sessionId, clientMsgId: 'bench-1', text: '亲，这款已经是活动价了，不能再便宜了哦' }).then(() => replied++);
      });
    }
    started = performance.now();
    await ack(trainer, 'drill:start', { drillId });
    const until = performance.now() + seconds * 1000;
    for (let i = 0; i < 10_000 && performance.now() < until && (arrived.length < trainees || replied < trainees); i++) await new Promise((r) => setTimeout(r, 50));
    // Let the last batched updates arrive, then measure the feed over the whole run.
    await new Promise((r) => setTimeout(r, 1200));
    const sorted = [...arrived].sort((a, b) => a - b);
    let peak = 0;
    for (let i = 0; i < dashboard.length; i++) peak = Math.max(peak, dashboard.filter((t) => t >= (dashboard[i] ?? 0) && t < (dashboard[i] ?? 0) + 1000).length);
    const during = dashboard.filter((t) => t >= started);
    const span = ((during.at(-1) ?? started) - started) / 1000;
    await ack(trainer, 'drill:end', { drillId });
    return {
      trainees,
      reached: arrived.length,
      replied,
      startP50Ms: Math.round(percentile(sorted, 50)),
      startP99Ms: Math.round(percentile(sorted, 99)),
      startMaxMs: Math.round(sorted.at(-1) ?? NaN),
      dashboardMessages: dashboard.length,
      dashboardPeakPerSecond: peak,
      dashboardMeanPerSecond: span > 0 ? Math.round((during.length / span) * 100) / 100 : during.length,
    };
  } finally {
    for (const s of sockets) s.disconnect();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2), ['json']);
  const trainees = Math.min(20_000, Math.max(1, intOption(args, 'trainees', 2000)));
  const seconds = Math.min(120, Math.max(1, intOption(args, 'seconds', 30)));
  const scenario = stringOption(args, 'scenario') ?? 'bargainer-easy';
  const deadline = setTimeout(() => {
    console.error('bench:drill: hard deadline reached');
    process.exit(1);
  }, HARD_DEADLINE_MS);
  deadline.unref();
  const result = await run(scenario, trainees, seconds);
  if (args.options.has('json')) console.log(JSON.stringify(result));
  else {
    console.log(`drill of ${result.trainees} trainees on one node (127.0.0.1, buyer speed 0)`);
    console.log(`  start reached ${result.reached}/${result.trainees}: p50 ${result.startP50Ms} ms, p99 ${result.startP99Ms} ms, max ${result.startMaxMs} ms`);
    console.log(`  replies acked: ${result.replied}`);
    console.log(`  dashboard: ${result.dashboardMessages} messages, peak ${result.dashboardPeakPerSecond}/s in any 1 s window, mean ${result.dashboardMeanPerSecond}/s`);
  }
  process.exit(0);
}

main().catch((err: unknown) => {
  if (err instanceof UsageError) fail(err.message);
  console.error(err);
  process.exit(1);
});
