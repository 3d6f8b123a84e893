// vitest globalSetup: a throwaway PostgreSQL 15 for the store tests, on 127.0.0.1 and a free port,
// its data dir under a temp dir, stopped by PID when the run ends. initdb refuses to run as root, so
// as root the server runs as the `postgres` system user (created if missing). If no PostgreSQL is
// installed and we are root, it is installed with apt-get first.
import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://kefu@127.0.0.1:<port>: the server; tests create their own databases on it */
    pgUrl: string;
  }
}

const SEARCH = ['/usr/local/bin', '/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin', '/usr/bin'];
const STARTUP_MS = 30_000;

function findBinaries(): { initdb: string; postgres: string } | undefined {
  const dirs = [...SEARCH, ...(existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin`) : [])];
  // initdb and postgres from the same installation (a /usr/local/bin symlink points into one).
  for (const dir of dirs) {
    if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'))) return { initdb: join(dir, 'initdb'), postgres: join(dir, 'postgres') };
  }
  return undefined;
}

function binaries(): { initdb: string; postgres: string } {
  const found = findBinaries();
  if (found) return found;
  if (process.getuid?.() !== 0) throw new Error('PostgreSQL is not installed (no initdb found): apt-get install postgresql');
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], { stdio: 'inherit', timeout: 600_000 });
  const installed = findBinaries();
  if (!installed) throw new Error('apt-get installed postgresql but no initdb was found');
  return installed;
}

/** As root: the uid/gid of the `postgres` user (created if needed); otherwise run as ourselves. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url: string, proc: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_MS;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`postgres exited (${proc.exitCode}): ${log().slice(-2000)}`);
    const client = new pg.Client({ connectionString: `${url}/postgres` });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections within ${STARTUP_MS} ms: ${log().slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const bin = binaries();
  const user = runAs();
  const root = mkdtempSync(join(tmpdir(), 'kefu-pg-'));
  if (user) chownSync(root, user.uid, user.gid);
  const dataDir = join(root, 'data');
  const as = user ? { uid: user.uid, gid: user.gid } : {};
  execFileSync(bin.initdb, ['-D', dataDir, '-U', 'kefu', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'], { ...as, stdio: 'pipe', timeout: 120_000 });
  const port = await freePort();
  // fsync off: a test database need not survive a power cut, and it makes every commit cheap.
  const proc = spawn(bin.postgres, ['-D', dataDir, '-h', '127.0.0.1', '-p', String(port), '-k', root, '-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'], { ...as, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  proc.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `postgres://kefu@127.0.0.1:${port}`;
  const stop = async () => {
    if (proc.exitCode === null && proc.pid !== undefined) {
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      // SIGINT: PostgreSQL's fast shutdown (roll back open transactions, then exit).
      process.kill(proc.pid, 'SIGINT');
      await exited;
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(url, proc, () => log);
  } catch (err) {
    await stop();
    throw err;
  }
  project.provide('pgUrl', url);
  return stop;
}
