// Starts the real practice server for the e2e run: server/index.ts serving the built client from
// dist/client, on a free port, over a temporary DATA_DIR, with buyers answering at once. The URL
// reaches the tests through process.env (workers start after this and inherit it).
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(import.meta.dirname, '..', '..');

function waitForListening(proc: ChildProcess): Promise<string> {
  let stderr = '';
  proc.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening:\n${stderr.slice(-2000)}`)));
    const lines = createInterface({ input: proc.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        if (entry.msg === 'listening' && typeof entry.port === 'number') resolve(`http://127.0.0.1:${entry.port}`);
      } catch {
        // not a log line of ours
      }
    });
  });
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(join(ROOT, 'dist', 'client', 'index.html'))) throw new Error('dist/client is missing: run `npm run -s build` first (npm run -s test:e2e does)');
  const dataDir = mkdtempSync(join(tmpdir(), 'kefu-e2e-'));
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: 'dist/client',
      SCENARIOS_DIR: 'scenarios',
      BUYER_SPEED: '0',
      LOG_LEVEL: 'info',
      DB_SYNC: 'normal',
      // The trainer the drill spec logs in as (tests/e2e/drill.spec.ts).
      TRAINER_BOOTSTRAP: 'e2e-trainer:e2e-trainer-password',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  process.env['E2E_BASE_URL'] = await waitForListening(proc);
  return async () => {
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
}
