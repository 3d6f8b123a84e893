// A throwaway redis-server for tests: 127.0.0.1 on a free port, its files in a temp dir, no
// persistence unless asked (then an append-only file, so a restart keeps the streams). Stopped by PID.
// tests/server/ensureRedis.sh installs /usr/bin/redis-server when it is missing (npm test runs it).
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './localServers.ts';
import { afterAll, beforeAll } from 'vitest';

export const REDIS_SERVER = '/usr/bin/redis-server';
const STARTUP_MS = 10_000;

export interface RedisServer {
  /** redis://127.0.0.1:<port> */
  url: string;
  port: number;
  /** stop it (SIGTERM; SIGKILL with `crash`) and wait for the process to exit */
  stop(options?: { crash?: boolean }): Promise<void>;
  /** stop it, then start it again on the same port and dir */
  restart(options?: { crash?: boolean; downMs?: number }): Promise<void>;
  /** the server's output so far, for failure messages */
  output(): string;
}

export interface RedisOptions {
  /** keep data across restarts (appendonly); off by default */
  persist?: boolean;
}

/** PING until PONG (or the process dies, or the deadline passes). */
async function waitUntilReady(port: number, proc: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_MS;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`redis-server exited (${proc.exitCode}): ${log().slice(-2000)}`);
    const pong = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.setTimeout(500, () => socket.destroy());
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('+PONG'));
      });
      socket.once('error', () => resolve(false));
      socket.once('close', () => resolve(false));
    });
    if (pong) return;
    if (Date.now() > deadline) throw new Error(`redis-server did not answer within ${STARTUP_MS} ms: ${log().slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function startRedis(options: RedisOptions = {}): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-redis-'));
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', options.persist ? 'yes' : 'no', '--protected-mode', 'no', '--daemonize', 'no', '--loglevel', 'warning'];
  let proc: ChildProcess | undefined;
  let log = '';
  const launch = async () => {
    const started = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    started.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    started.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    proc = started;
    await waitUntilReady(port, started, () => log);
  };
  const halt = async (crash = false) => {
    const running = proc;
    if (!running || running.exitCode !== null || running.pid === undefined) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill(crash ? 'SIGKILL' : 'SIGTERM');
    await exited;
  };
  try {
    await launch();
  } catch (err) {
    await halt(true);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop(stopOptions = {}) {
      await halt(stopOptions.crash);
      rmSync(dir, { recursive: true, force: true });
    },
    async restart(restartOptions = {}) {
      await halt(restartOptions.crash);
      if (restartOptions.downMs) await new Promise((resolve) => setTimeout(resolve, restartOptions.downMs));
      await launch();
    },
    output: () => log,
  };
}

/** One Redis for the whole test file: started before its tests, stopped after them. */
export function redisForFile(): () => RedisServer {
  let redis: RedisServer | undefined;
  beforeAll(async () => {
    redis = await startRedis();
  }, 20_000);
  afterAll(async () => {
    await redis?.stop();
  });
  return () => {
    if (!redis) throw new Error('redis is not started yet');
    return redis;
  };
}
