// npm start: build the web client when it is missing or older than its sources, then run the server.
// One command on a fresh clone; no separate build step to remember.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILT = join('dist', 'client', 'index.html');
// The client bundles code from these folders too (types, pure engine, protocol).
const SOURCES = ['client', join('server', 'engine'), join('server', 'protocol'), 'vite.config.ts'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function clientIsStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const built = statSync(BUILT).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > built);
}

if (clientIsStale()) {
  process.stderr.write('start: building the web client (vite build)…\n');
  const build = spawnSync(process.execPath, [join('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) {
    process.stderr.write('start: the client build failed; see the messages above\n');
    process.exit(build.status ?? 1);
  }
}
await import('../index.ts');
