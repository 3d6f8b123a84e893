// check:scenarios as a user runs it (a child process), and the loaders other CLIs use. Each test
// works on a copy of tests/fixtures/scenarios in a temp dir, independent of the real library.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listScenarioFiles, loadBundle, loadShop } from '../../server/store/scenarioFiles.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(root, 'tests/fixtures/scenarios');
const tsx = join(root, 'node_modules/.bin/tsx');
const cli = join(root, 'server/cli/check.ts');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  const { SCENARIOS_DIR: _unset, ...base } = process.env;
  return new Promise((resolve) => {
    execFile(tsx, [cli, ...args], { cwd, env: { ...base, ...env } }, (err, stdout, stderr) => {
      const code = err && typeof err.code === 'number' ? err.code : err ? 1 : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let lib: string;
const good = () => readFileSync(join(fixtures, 'mini-haggle.yaml'), 'utf8');
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

beforeEach(() => {
  lib = mkdtempSync(join(tmpdir(), 'kefu-check-'));
  cpSync(fixtures, lib, { recursive: true });
});
afterEach(() => rmSync(lib, { recursive: true, force: true }));

describe('npm run -s check:scenarios', () => {
  it('passes a good scenario: exit 0, nothing on stdout, a summary on stderr', async () => {
    const result = await run([join(lib, 'mini-haggle.yaml')], root);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toMatch(/^check:scenarios: 1 scenario, 1 shop, 1 lexicon, 2 embedded tests, 0 errors\n$/);
  });

  it('checks the whole library from SCENARIOS_DIR by default', async () => {
    const result = await run([], root, { SCENARIOS_DIR: lib });
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toContain('1 scenario, 1 shop, 1 lexicon, 2 embedded tests, 0 errors');
  });

  it('prints path:line:col: message for a broken scenario and exits 1', async () => {
    const broken = good().replace('goto: bought\n      - intent: refuse', 'gotoo: bought\n      - intent: refuse');
    writeFileSync(join(lib, 'mini-haggle.yaml'), broken);
    const result = await run(['mini-haggle.yaml'], lib);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`mini-haggle.yaml:${lineOf(broken, 'gotoo')}:9: states.ask.on[0]: unknown key "gotoo" (did you mean "goto"?)\n`);
    expect(result.stderr).toContain('1 error');
  });

  it('reports static check errors and a file named unlike its id', async () => {
    writeFileSync(join(lib, 'other-name.yaml'), good().replace('goto: scammed', 'goto: scamed'));
    const result = await run([], root, { SCENARIOS_DIR: lib });
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContain(`${lib}/other-name.yaml:2:5: id "mini-haggle" does not match the file name "other-name.yaml" (expected id: other-name)`);
    expect(lines.some((l) => /other-name\.yaml:\d+:\d+: goto "scamed" is not a state \(did you mean "scammed"\?\)$/.test(l))).toBe(true);
  });

  it('runs the embedded tests and reports failures at the test', async () => {
    const src = good().replace('fail: [no-early-discount], goto: bought', 'pass: [no-early-discount], goto: bought');
    writeFileSync(join(lib, 'mini-haggle.yaml'), src);
    const result = await run(['mini-haggle.yaml'], lib);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`mini-haggle.yaml:${lineOf(src, '  - kind: bad')}:5: tests[1]: expected rule "no-early-discount" to pass, got fail\n`);
  });

  it('names the test when it has a name', async () => {
    const src = good().replace('goto: link }', 'goto: gone }');
    writeFileSync(join(lib, 'mini-haggle.yaml'), src);
    const result = await run(['mini-haggle.yaml'], lib);
    expect(result.stdout).toBe(`mini-haggle.yaml:${lineOf(src, '  - name: holding')}:5: tests[0] (holding the price moves on to the link): expected the buyer to move to "gone", got "link"\n`);
  });

  it('answers garbage, missing files and broken shops with messages, not stack traces', async () => {
    writeFileSync(join(lib, 'garbage.yaml'), Buffer.from([0xff, 0xfe, 0x00, 0x3a, 0x5b, 0x7b, 0x0a, 0x09, 0x2d]));
    writeFileSync(join(lib, 'shops/test-shop.yaml'), readFileSync(join(fixtures, 'shops/test-shop.yaml'), 'utf8').replace('price: 39', 'price: free'));
    const result = await run(['garbage.yaml', 'nope.yaml', 'mini-haggle.yaml'], lib);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/\bat \S+:\d+:\d+\)?$/m);
    const lines = result.stdout.trim().split('\n');
    for (const line of lines) expect(line).toMatch(/^[^:]+:\d+:\d+: \S/);
    expect(lines).toContain('nope.yaml:1:1: cannot read the file: no such file');
    expect(lines.some((l) => l.startsWith('garbage.yaml:'))).toBe(true);
    expect(lines.some((l) => /^shops\/test-shop\.yaml:\d+:\d+: products\[1\]\.price: expected a number, got text "free"$/.test(l))).toBe(true);
    // The scenario itself is fine; with its shop broken it is not checked further.
    expect(lines.some((l) => l.startsWith('mini-haggle.yaml'))).toBe(false);
  });

  it('rejects unknown options with a usage line', async () => {
    const result = await run(['--fix'], root, { SCENARIOS_DIR: lib });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^--fix needs a value|^unknown option/);
  });
});

describe('scenarioFiles', () => {
  it('lists scenarios but not the lexicon or shops', async () => {
    writeFileSync(join(lib, 'notes.txt'), 'not yaml');
    expect(await listScenarioFiles(lib)).toEqual([join(lib, 'mini-haggle.yaml')]);
  });

  it('loads a bundle by id or by path', async () => {
    const byId = await loadBundle(lib, 'mini-haggle');
    expect(byId.ok).toBe(true);
    if (byId.ok) {
      expect(byId.bundle.scenario.id).toBe('mini-haggle');
      expect(byId.bundle.shop.id).toBe('test-shop');
      expect(Object.keys(byId.bundle.lexicon.intents)).toContain('greeting');
    }
    const byPath = await loadBundle('scenarios', join(lib, 'mini-haggle.yaml'));
    expect(byPath.ok).toBe(true);
  });

  it('returns diagnostics for a missing or failing scenario', async () => {
    const missing = await loadBundle(lib, 'no-such-scenario');
    expect(missing).toEqual({ ok: false, diagnostics: [{ path: join(lib, 'no-such-scenario.yaml'), line: 1, col: 1, message: 'cannot read the file: no such file' }] });
    writeFileSync(join(lib, 'mini-haggle.yaml'), good().replace('shop: test-shop', 'shop: gone-shop'));
    const noShop = await loadBundle(lib, 'mini-haggle');
    expect(noShop.ok).toBe(false);
    if (!noShop.ok) expect(noShop.diagnostics.map((d) => d.message)).toEqual(['unknown shop "gone-shop": there is no shops/gone-shop.yaml']);
    expect(await loadShop(lib, 'gone-shop')).toBeUndefined();
  });
});
