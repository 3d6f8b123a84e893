// A PostgreSQL of its own for the fault suite, which stops and starts it (the run's shared server in
// tests/server/pgServer.ts must stay up for the other test files). 127.0.0.1, a free port, a temp
// dir; as root the server runs as the `postgres` user, as in pgServer.ts.
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createDatabase, findPostgresBinaries, initPostgresCluster, spawnPostgres, waitForPostgres } from './localServers.ts';

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

export async function startPostgres(): Promise<PostgresServer> {
  // Found, not installed: under vitest the globalSetup (pgServer.ts) has installed them already.
  const bin = findPostgresBinaries();
  if (!bin) throw new Error('PostgreSQL is not installed (no initdb found)');
  const cluster = await initPostgresCluster(bin, 'kefu-fault-pg-');
  const { root, server: base } = cluster;
  let proc: ChildProcess | undefined;
  let log = '';
  const start = async () => {
    const started = spawnPostgres(cluster, 100, (text) => (log += text));
    proc = started;
    await waitForPostgres(base, started, () => log);
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
    await createDatabase(base, 'kefu');
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
    createDatabase: (name) => createDatabase(base, name),
  };
}
