// npm run bench:cluster [-- --scenario <id> --sessions 60 --seconds 8 --warmup 2 --idle-sessions 2000 --no-drills]
// Same machine, same run, same load generator (its own process, 127.0.0.1 only, bounded in time), on
// a throwaway PostgreSQL and Redis: (1) one node, N trainees in practice sessions replying in a closed
// loop; (2) two nodes on one PostgreSQL and one Redis, the same N trainees spread over both; (3) and
// (4) the same with the trainees seated in drills, one drill per node; (5) one node holding idle
// sessions, for the memory each costs. The last line is JSON.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { formatDiagnostic } from '../engine/index.ts';
import { loadBundle, scenariosDir } from '../store/scenarioFiles.ts';
// The same throwaway servers the fault suite starts (127.0.0.1, a free port, a temp dir).
import { startPostgres } from '../../tests/server/faultPostgres.ts';
import type { PostgresServer } from '../../tests/server/faultPostgres.ts';
import { startRedis } from '../../tests/server/redisServer.ts';
import type { RedisServer } from '../../tests/server/redisServer.ts';
import { fail, intOption, numberOption, readArgs, stringOption, UsageError } from './args.ts';
import type { ClusterLoadConfig, ClusterLoadResult } from './bench-cluster-load.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SECRET = 'bench-cluster-shared-session-secret';
const TRAINER = { name: 'bench', password: 'bench-cluster-password' };
const children = new Set<ChildProcess>();
const temps: string[] = [];

function spawnTs(file: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, file), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

interface Node {
  child: ChildProcess;
  url: string;
}

function startNode(id: string, scenarios: string, databaseUrl: string, redisUrl: string, extraEnv: Record<string, string> = {}): Promise<Node> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kefu-bench-cluster-'));
  temps.push(dataDir);
  const child = spawnTs('server/index.ts', [], {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SCENARIOS_DIR: scenarios,
    SESSION_SECRET: SECRET,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    NODE_ID: id,
    BUYER_SPEED: '0',
    LOG_LEVEL: 'info',
    RATE_LIMIT_EVENTS: '1000000',
    SESSION_START_LIMIT: '100000000',
    ...extraEnv,
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((ready, reject) => {
    child.once('exit', (code) => reject(new Error(`node ${id} exited (${code}) before listening: ${stderr.slice(-1500)}`)));
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

/** Run the load generator; `whileIdle` runs once its idle sessions are all open. */
function runLoad(config: ClusterLoadConfig, whileIdle?: () => Promise<void>): Promise<ClusterLoadResult> {
  const child = spawnTs('server/cli/bench-cluster-load.ts', [JSON.stringify(config)]);
  const lines: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    lines.push(line);
    if (line === 'ready') void (whileIdle?.() ?? Promise.resolve()).finally(() => child.stdin?.end());
  });
  return new Promise((done, reject) => {
    child.once('close', (code) => {
      const last = lines.at(-1);
      if (code !== 0 || !last) reject(new Error(`load generator failed (${code}): ${stderr.slice(-1500)}`));
      else done(JSON.parse(last) as ClusterLoadResult);
    });
  });
}

/** Resident memory of a process now, from /proc (Linux); 0 elsewhere. */
function rssKB(pid: number | undefined): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

function summary(r: ClusterLoadResult) {
  return { repliesPerSec: Math.round(r.replies / r.elapsedSec), p50Ms: Number(r.p50Ms.toFixed(2)), p99Ms: Number(r.p99Ms.toFixed(2)), errors: r.errors };
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2), ['json', 'no-drills']);
  const drills = !args.options.has('no-drills');
  const scenarioId = stringOption(args, 'scenario') ?? 'bargainer';
  const dir = resolve(stringOption(args, 'scenarios-dir') ?? scenariosDir());
  const sessions = intOption(args, 'sessions', 60);
  const seconds = numberOption(args, 'seconds', 8);
  const warmupSeconds = numberOption(args, 'warmup', 2);
  const idleSessions = intOption(args, 'idle-sessions', 2000);
  if (sessions < 2 || seconds <= 0 || idleSessions < 1) throw new UsageError('--sessions must be at least 2, --seconds and --idle-sessions positive');
  const loaded = await loadBundle(dir, scenarioId);
  if (!loaded.ok) fail(loaded.diagnostics.map(formatDiagnostic).join('\n'));

  const budgetMs = (4 * (seconds + warmupSeconds) + 150) * 1000;
  const watchdog = setTimeout(() => {
    for (const c of children) c.kill('SIGKILL');
    fail(`bench:cluster: over its time budget of ${budgetMs / 1000}s`, 1);
  }, budgetMs);

  let postgres: PostgresServer | undefined;
  let redis: RedisServer | undefined;
  try {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    const closed = (urls: string[]): ClusterLoadConfig => ({ urls, mode: 'closed', sessions, scenarioId, seconds, warmupSeconds });

    // (1) One node, with PostgreSQL and Redis as in a cluster: only the number of nodes differs.
    const solo = await startNode('solo', dir, await postgres.createDatabase('bench_one'), redis.url);
    const one = await runLoad(closed([solo.url]));
    solo.child.kill('SIGKILL');

    // (2) Two nodes on a fresh database, the trainees spread round-robin.
    const pairDb = await postgres.createDatabase('bench_two');
    const pair = await Promise.all([startNode('pair-1', dir, pairDb, redis.url), startNode('pair-2', dir, pairDb, redis.url)]);
    const two = await runLoad(closed(pair.map((n) => n.url)));
    for (const n of pair) n.child.kill('SIGKILL');

    // (3), (4) Drills: one drill per node, its trainer on that node. The first node creates the trainer.
    let drillOne: ClusterLoadResult | undefined;
    let drillTwo: ClusterLoadResult | undefined;
    if (drills) {
      const drill = (urls: string[]): ClusterLoadConfig => ({ ...closed(urls), mode: 'drill', trainer: TRAINER });
      const bootstrap = { TRAINER_BOOTSTRAP: `${TRAINER.name}:${TRAINER.password}` };
      const soloDrill = await startNode('drill-solo', dir, await postgres.createDatabase('bench_drill_one'), redis.url, bootstrap);
      drillOne = await runLoad(drill([soloDrill.url]));
      soloDrill.child.kill('SIGKILL');
      const drillDb = await postgres.createDatabase('bench_drill_two');
      const first = await startNode('drill-1', dir, drillDb, redis.url, bootstrap);
      const second = await startNode('drill-2', dir, drillDb, redis.url);
      drillTwo = await runLoad(drill([first.url, second.url]));
      first.child.kill('SIGKILL');
      second.child.kill('SIGKILL');
    }

    // (3) Idle sessions on one node: resident memory before and after they are opened (sockets held open).
    const idleNode = await startNode('idle', dir, await postgres.createDatabase('bench_idle'), redis.url);
    await runLoad({ urls: [idleNode.url], mode: 'idle', sessions: 20, scenarioId, seconds: 0, warmupSeconds: 0 }, () => sleep(300));
    await sleep(500);
    const before = rssKB(idleNode.child.pid);
    let after = before;
    const idle = await runLoad({ urls: [idleNode.url], mode: 'idle', sessions: idleSessions, scenarioId, seconds: 0, warmupSeconds: 0 }, async () => {
      await sleep(1000);
      after = rssKB(idleNode.child.pid);
    });
    idleNode.child.kill('SIGKILL');

    const onePerSec = one.replies / one.elapsedSec;
    const twoPerSec = two.replies / two.elapsedSec;
    const efficiency = Number((twoPerSec / (2 * onePerSec)).toFixed(3));
    const drillEfficiency = drillOne && drillTwo ? Number((drillTwo.replies / drillTwo.elapsedSec / ((2 * drillOne.replies) / drillOne.elapsedSec)).toFixed(3)) : null;
    const kbPerSession = idle.sessions > 0 ? Math.round((after - before) / idle.sessions) : 0;
    const cores = availableParallelism();
    const note =
      `${cores} cores shared by every node, PostgreSQL, Redis and the load generator. A node runs its JavaScript on one core, ` +
      (cores <= 4
        ? 'so the second node competes with the first and with the services for the same cores: the efficiency is bounded well below 1 by this machine and varies from run to run (below 0.5, the second node cost more than it added: Redis adapter, lease fencing, contention). It does not show how far the cluster scales on machines with cores to spare per node.'
        : 'so the efficiency approaches what separate machines would show only while the services are not starved.');
    const result = {
      scenario: scenarioId,
      trainees: sessions,
      seconds,
      cores,
      oneNode: summary(one),
      twoNodes: summary(two),
      scalingEfficiency: efficiency,
      drills: drillOne && drillTwo ? { oneNode: { ...summary(drillOne), seated: drillOne.sessions }, twoNodes: { ...summary(drillTwo), seated: drillTwo.sessions }, scalingEfficiency: drillEfficiency } : null,
      idle: { sessions: idle.sessions, rssDeltaMB: Number(((after - before) / 1024).toFixed(1)), kbPerSession },
      note,
    };
    console.log(`bench:cluster — scenario ${scenarioId}, ${sessions} trainees in a closed loop for ${seconds}s, on PostgreSQL + Redis (127.0.0.1)`);
    console.log('run'.padEnd(36) + 'replies/s'.padStart(11) + 'p50 ms'.padStart(9) + 'p99 ms'.padStart(9) + 'errors'.padStart(8));
    const row = (name: string, r: ClusterLoadResult) => console.log(name.padEnd(36) + Math.round(r.replies / r.elapsedSec).toLocaleString('en').padStart(11) + r.p50Ms.toFixed(2).padStart(9) + r.p99Ms.toFixed(2).padStart(9) + String(r.errors).padStart(8));
    row('one node', one);
    row('two nodes (one Redis, one database)', two);
    if (drillOne && drillTwo) {
      row('drill: one node, one drill', drillOne);
      row('drills: two nodes, one drill each', drillTwo);
    }
    console.log(`scaling efficiency (two-node / 2 x one-node): practice ${efficiency.toFixed(3)}${drillEfficiency === null ? '' : `, drills ${drillEfficiency.toFixed(3)}`}`);
    console.log(`idle: ${idle.sessions} sessions with their sockets open, RSS +${result.idle.rssDeltaMB} MB, ~${kbPerSession} KB per session`);
    console.log(`note: ${note}`);
    const runs: [string, ClusterLoadResult | undefined][] = [['one node', one], ['two nodes', two], ['drill, one node', drillOne], ['drills, two nodes', drillTwo], ['idle', idle]];
    for (const [name, r] of runs) if (r && r.errors > 0) console.log(`${name} errors: ${JSON.stringify(r.errorCodes)}`);
    console.log(JSON.stringify(result));
  } finally {
    clearTimeout(watchdog);
    for (const c of children) c.kill('SIGKILL');
    await redis?.stop();
    await postgres?.destroy();
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  for (const c of children) c.kill('SIGKILL');
  fail(`bench:cluster: ${err instanceof Error ? err.message : String(err)}`, 1);
});
