// A PostgreSQL of its own for the fault suite, which stops and starts it (the run's shared server in
// tests/server/pgServer.ts must stay up for the other test files). 127.0.0.1, a free port, a temp
// dir; as root the server runs as the `postgres` user, as in pgServer.ts.
import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './redisServer.ts';

const STARTUP_MS = 30_000;

export interface PostgresServer {
  /** postgres://kefu@127.0.0.1:<port>/kefu */
  url: string;
  /** fast shutdown (what `pg_ctl stop -m fast` does: open transactions rolled back, clients cut off) */
  stop(): Promise<void>;
  /** start it again on the same port and data */
  start(): Promise<void>;
  /** stop for good and delete its files */
  destroy(): Promise<void>;
  /** another empty database on the same server; its URL */
  createDatabase(name: string): Promise<string>;
}

function binDir(): string {
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin`) : [];
  const dir = ['/usr/local/bin', ...versions, '/usr/bin'].find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'postgres')));
  if (!dir) throw new Error('PostgreSQL is not installed (no initdb found)');
  return dir;
}

function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

async function ready(url: string, proc: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_MS;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`postgres exited (${proc.exitCode}): ${log().slice(-2000)}`);
    const client = new pg.Client({ connectionString: url });
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

export async function startPostgres(): Promise<PostgresServer> {
  const bin = binDir();
  const user = runAs();
  const as = user ? { uid: user.uid, gid: user.gid } : {};
  const root = mkdtempSync(join(tmpdir(), 'kefu-fault-pg-'));
  if (user) chownSync(root, user.uid, user.gid);
  const dataDir = join(root, 'data');
  execFileSync(join(bin, 'initdb'), ['-D', dataDir, '-U', 'kefu', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'], { ...as, stdio: 'pipe', timeout: 120_000 });
  const port = await freePort();
  const base = `postgres://kefu@127.0.0.1:${port}`;
  let proc: ChildProcess | undefined;
  let log = '';
  const start = async () => {
    const started = spawn(join(bin, 'postgres'), ['-D', dataDir, '-h', '127.0.0.1', '-p', String(port), '-k', root, '-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'max_connections=100'], { ...as, stdio: ['ignore', 'pipe', 'pipe'] });
    started.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    started.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    proc = started;
    await ready(`${base}/postgres`, started, () => log);
  };
  const stop = async () => {
    const running = proc;
    if (!running || running.exitCode !== null || running.pid === undefined) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGINT');
    await exited;
  };
  try {
    await start();
    const admin = new pg.Client({ connectionString: `${base}/postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE kefu');
    await admin.end();
  } catch (err) {
    await stop();
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `${base}/kefu`,
    stop,
    start,
    async destroy() {
      await stop();
      rmSync(root, { recursive: true, force: true });
    },
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      const admin = new pg.Client({ connectionString: `${base}/postgres` });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return `${base}/${name}`;
    },
  };
}
