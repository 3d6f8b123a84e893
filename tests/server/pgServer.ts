// vitest globalSetup: a throwaway PostgreSQL 15 for the store tests, on 127.0.0.1 and a free port,
// its data dir under a temp dir, stopped by PID when the run ends. initdb refuses to run as root, so
// as root the server runs as the `postgres` system user (created if missing). If no PostgreSQL is
// installed and we are root, it is installed with apt-get first.
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { initPostgresCluster, installedPostgresBinaries, spawnPostgres, waitForPostgres } from './localServers.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://kefu@127.0.0.1:<port>: the server; tests create their own databases on it */
    pgUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await initPostgresCluster(installedPostgresBinaries(), 'kefu-pg-');
  let log = '';
  const proc = spawnPostgres(cluster, 200, (text) => (log += text));
  const stop = async () => {
    if (proc.exitCode === null && proc.pid !== undefined) {
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      // SIGINT: PostgreSQL's fast shutdown (roll back open transactions, then exit).
      process.kill(proc.pid, 'SIGINT');
      await exited;
    }
    rmSync(cluster.root, { recursive: true, force: true });
  };
  try {
    await waitForPostgres(cluster.server, proc, () => log);
  } catch (err) {
    await stop();
    throw err;
  }
  project.provide('pgUrl', cluster.server);
  return stop;
}
