// check:scenarios as a user runs it, on a temp copy of tests/fixtures/scenarios holding a pattern
// that backtracks catastrophically: exit 1 with path:line:col: message, before any embedded test runs it.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
const cli = join(root, 'server/cli/check.ts');

function run(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const { SCENARIOS_DIR: _unset, ...base } = process.env;
  return new Promise((resolve) => {
    execFile(tsx, [cli, ...args], { cwd, env: { ...base, ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err && typeof err.code === 'number' ? err.code : err ? 1 : 0, stdout, stderr });
    });
  });
}

let lib: string;
beforeEach(() => {
  lib = mkdtempSync(join(tmpdir(), 'kefu-regex-check-'));
  cpSync(join(root, 'tests/fixtures/scenarios'), lib, { recursive: true });
});
afterEach(() => rmSync(lib, { recursive: true, force: true }));

const position = (text: string, needle: string) => {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  return `${i + 1}:${(lines[i] ?? '').indexOf(`'${needle}`) + 1}`;
};

describe('check:scenarios refuses super-linear patterns', () => {
  it('in a scenario: exit 1, path:line:col: message', async () => {
    const file = join(lib, 'mini-haggle.yaml');
    const source = readFileSync(file, 'utf8').replace('      - any: [尺码, 码数]\n', "      - any: [尺码, 码数]\n      - regex: '(\\d+)+q'\n");
    writeFileSync(file, source);
    const result = await run([], root, { SCENARIOS_DIR: lib });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${join(lib, 'mini-haggle.yaml')}:${position(source, '(\\d+)+q')}: regex: this pattern can take exponential time on some replies: nested repetition \`(\\d+)+\``);
    expect(result.stderr).toMatch(/1 error\n$/);
  });

  it('in the lexicon: exit 1, path:line:col: message', async () => {
    const file = join(lib, 'intents.yaml');
    const source = readFileSync(file, 'utf8').replace('      - any: [您好, 你好, 亲]\n', "      - any: [您好, 你好, 亲]\n        unless: '(.*a){12}'\n");
    writeFileSync(file, source);
    const result = await run(['intents.yaml'], lib);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`intents.yaml:${position(source, '(.*a){12}')}: unless: this pattern can take polynomial (super-linear) time on some replies: nested repetition \`(.*a){12}\` (a run of "A"); rewrite it without a repeat inside a repeat\n`);
  });
});
