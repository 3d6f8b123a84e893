// The real entry point (server/index.ts) in a child process, for tests that kill it with SIGKILL.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { FIXTURE_SCENARIOS, TEST_SECRET } from './helpers.ts';

export interface ServerProcess {
  url: string;
  pid: number;
  /** SIGKILL: no shutdown, no hand-over, as if the machine died */
  kill(): void;
  /** resolves once the process has exited */
  exited: Promise<void>;
  /** stderr and the warn/error log lines so far, for failure messages */
  output(): string;
}

const ROOT = new URL('../../', import.meta.url).pathname;

export function startServerProcess(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const proc: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SCENARIOS_DIR: FIXTURE_SCENARIOS,
      SESSION_SECRET: TEST_SECRET,
      BUYER_SPEED: '1',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${output.slice(-2000)}`)));
    const lines = createInterface({ input: proc.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      let entry: { msg?: string; port?: number; level?: number };
      try {
        entry = JSON.parse(line) as { msg?: string; port?: number; level?: number };
      } catch {
        return;
      }
      // pino levels: 40 warn, 50 error, 60 fatal.
      if ((entry.level ?? 0) >= 40) output += `${line}\n`;
      if (entry.msg === 'listening' && typeof entry.port === 'number') {
        resolve({ url: `http://127.0.0.1:${entry.port}`, pid: proc.pid ?? 0, kill: () => proc.kill('SIGKILL'), exited, output: () => output });
      }
    });
  });
}
