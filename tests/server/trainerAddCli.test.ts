// `npm run -s trainer:add` as an admin runs it: a child process with the password piped on stdin,
// against the same store the server would open — the SQLite file in DATA_DIR, or PostgreSQL when
// DATABASE_URL is set (it used to write to SQLite even then, so the trainer could never log in).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TrainerStore } from '../../server/store/trainerStore.ts';
import { BACKENDS, freshStore, openStore } from './backends.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');

function trainerAdd(args: string[], env: Record<string, string>, password: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(tsx, [join(root, 'server/cli/trainerAdd.ts'), ...args], { cwd: root, env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
    child.stdin?.end(`${password}\n`);
  });
}

describe.each(BACKENDS)('npm run -s trainer:add on %s', (backend) => {
  it('adds the first trainer as an admin to the server\'s store, and refuses a bad name with one line', async () => {
    const at = await freshStore(backend);
    const env = { ...at.env, DATA_DIR: at.dataDir };
    const first = await trainerAdd(['王老师'], env, 'a-long-password-1');
    expect(first.stderr).toBe('');
    expect(first.stdout.trim()).toBe('trainer "王老师" added (admin)');
    expect(first.code).toBe(0);
    const second = await trainerAdd(['李老师'], env, 'another-password-2');
    expect(second.stdout.trim()).toBe('trainer "李老师" added');
    const bad = await trainerAdd(['坏\u0007名字'], env, 'another-password-3');
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe('trainer:add: a name cannot contain control characters');
    const db = await openStore(at);
    try {
      const store = new TrainerStore(db);
      expect(await store.count()).toBe(2);
      expect((await store.byName('王老师'))?.admin).toBe(true);
      expect((await store.byName('李老师'))?.admin).toBe(false);
    } finally {
      await db.destroy();
    }
  }, 60_000);
});
