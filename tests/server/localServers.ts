// What the throwaway servers of the tests share: a free port on 127.0.0.1, and the PostgreSQL steps
// both pgServer.ts (the run's shared server) and faultPostgres.ts (the fault suite's own, which it
// stops and starts) take: find the binaries, initdb a cluster in a temp dir as the right user, start
// it, wait until it answers, create a database.
import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A port nothing listens on right now (the OS picks it; the probe closes before we return). */
export function freePort(): Promise<number> {
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

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/** uid/gid to run initdb and postgres as; undefined: as ourselves. */
export type PostgresUser = { uid: number; gid: number } | undefined;

const SEARCH = ['/usr/local/bin', '/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin', '/usr/bin'];
const STARTUP_MS = 30_000;

export function findPostgresBinaries(): PostgresBinaries | undefined {
  const dirs = [...SEARCH, ...(existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin`) : [])];
  // initdb and postgres from the same installation (a /usr/local/bin symlink points into one).
  for (const dir of dirs) {
    if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'))) return { initdb: join(dir, 'initdb'), postgres: join(dir, 'postgres') };
  }
  return undefined;
}

/** The binaries; as root, PostgreSQL is installed with apt-get first when none is found. */
export function installedPostgresBinaries(): PostgresBinaries {
  const found = findPostgresBinaries();
  if (found) return found;
  if (process.getuid?.() !== 0) throw new Error('PostgreSQL is not installed (no initdb found): apt-get install postgresql');
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], { stdio: 'inherit', timeout: 600_000 });
  const installed = findPostgresBinaries();
  if (!installed) throw new Error('apt-get installed postgresql but no initdb was found');
  return installed;
}

/** initdb refuses to run as root: as root, the `postgres` system user (created if needed); otherwise ourselves. */
function postgresUser(): PostgresUser {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** A cluster made by initdb, not running yet. */
export interface PostgresCluster {
  bin: PostgresBinaries;
  user: PostgresUser;
  /** the temp dir holding the data dir and the unix socket: delete it when done */
  root: string;
  dataDir: string;
  port: number;
  /** postgres://kefu@127.0.0.1:<port> */
  server: string;
}

/**
 * initdb a fresh cluster (superuser `kefu`, trust authentication, UTF-8) in a new temp dir named
 * `<tempPrefix>…`, owned by the user the server will run as, and pick a free port for it.
 */
export async function initPostgresCluster(bin: PostgresBinaries, tempPrefix: string): Promise<PostgresCluster> {
  const user = postgresUser();
  const root = mkdtempSync(join(tmpdir(), tempPrefix));
  if (user) chownSync(root, user.uid, user.gid);
  const dataDir = join(root, 'data');
  execFileSync(bin.initdb, ['-D', dataDir, '-U', 'kefu', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'], { ...(user ?? {}), stdio: 'pipe', timeout: 120_000 });
  const port = await freePort();
  return { bin, user, root, dataDir, port, server: `postgres://kefu@127.0.0.1:${port}` };
}

/** The cluster's server process on 127.0.0.1:<port>, its unix socket in the cluster's root; its output goes to `onOutput`. */
export function spawnPostgres(cluster: PostgresCluster, maxConnections: number, onOutput: (text: string) => void): ChildProcess {
  // fsync off: a test database need not survive a power cut, and it makes every commit cheap.
  const args = ['-D', cluster.dataDir, '-h', '127.0.0.1', '-p', String(cluster.port), '-k', cluster.root, '-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', `max_connections=${maxConnections}`];
  const proc = spawn(cluster.bin.postgres, args, { ...(cluster.user ?? {}), stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout?.on('data', (chunk: Buffer) => onOutput(chunk.toString()));
  proc.stderr?.on('data', (chunk: Buffer) => onOutput(chunk.toString()));
  return proc;
}

/** Connect to `<server>/postgres` until it works (or the process dies, or the deadline passes). */
export async function waitForPostgres(server: string, proc: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_MS;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`postgres exited (${proc.exitCode}): ${log().slice(-2000)}`);
    const client = new pg.Client({ connectionString: `${server}/postgres` });
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

/** An empty database `name` on the server at `server` (postgres://user@host:port); its URL. */
export async function createDatabase(server: string, name: string): Promise<string> {
  // The name goes into the SQL as is (CREATE DATABASE takes no parameters), so only plain names.
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return `${server}/${name}`;
}
