// `score` and `play` as a user runs them: child processes on the fixture library, so the contracts
// other tools rely on (JSON on stdout, exit codes, one clear line on stderr) are tested for real.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
const scenario = join(root, 'tests/fixtures/scenarios/mini-haggle.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'kefu-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function score(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(tsx, [join(root, 'server/cli/score.ts'), ...args], { cwd: root }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

function script(name: string, body: string): string {
  const path = join(tmp, name);
  writeFileSync(path, body);
  return path;
}

describe('npm run -s score', () => {
  it('replays a script and prints one JSON report', async () => {
    const path = script('good.json', JSON.stringify({ turns: [{ say: '亲，您好，这已经是活动价了，不能再便宜了，请谅解', afterMs: 3000 }, { say: '亲，链接不方便打开，麻烦发个截图给我', afterMs: 4000 }] }));
    const result = await score(['--scenario', scenario, '--script', path, '--seed', '4']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['scenario', 'version', 'seed', 'outcome', 'passed', 'score', 'redLines', 'rules', 'kpis', 'transcript']);
    expect(report).toMatchObject({ scenario: 'mini-haggle', seed: 4, outcome: 'purchased', redLines: [] });
    expect(Object.keys(report.rules[0])).toEqual(['id', 'category', 'verdict', 'turn', 'points', 'max']);
    expect(report.transcript[0]).toMatchObject({ from: 'buyer', at: 0 });
  });

  it('gives the same report for the same seed and script', async () => {
    const path = script('same.json', '{"turns": [{"say": "不能便宜哦"}, {"do": "decline-file"}, {"say": "发个截图吧"}]}');
    const [a, b] = await Promise.all([score(['--scenario', scenario, '--script', path, '--seed', '9']), score(['--scenario', scenario, '--script', path, '--seed', '9'])]);
    expect(a.stdout).toBe(b.stdout);
  });

  it.each([
    ['invalid JSON', '{"turns": [', /^the script is not valid JSON/],
    ['an unknown action', '{"turns": [{"do": "fly"}]}', /^turn 1: unknown or incomplete action "fly"/],
    ['an impossible action', '{"turns": [{"do": "accept-file"}]}', /^turn 1: the buyer has not offered a file to answer$/],
    ['an empty reply', '{"turns": [{"say": ""}]}', /^turn 1: a reply cannot be empty$/],
  ])('%s exits 2 with one line and no stack trace', async (_name, body, message) => {
    const result = await score(['--scenario', scenario, '--script', script('bad.json', body)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
  });

  it('a missing script file or argument exits 2', async () => {
    expect((await score(['--scenario', scenario, '--script', join(tmp, 'nope.json')])).stderr).toMatch(/cannot read the script/);
    expect((await score(['--scenario', scenario])).code).toBe(2);
  });

  it('a broken scenario is reported as path:line:col', async () => {
    const broken = join(tmp, 'broken');
    const result = await score(['--scenario', join(broken, 'x.yaml'), '--script', script('s.json', '{"turns": []}')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/x\.yaml:\d+:\d+: /);
  });
});

describe('npm run -s play', () => {
  it('plays in the terminal: buyer lines, live verdicts, the report at the end', async () => {
    const child = spawn(tsx, [join(root, 'server/cli/play.ts'), scenario, '--speed', '0', '--seed', '2', '--lang', 'en'], { cwd: root });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
    // Wait for the opening line, then type like a trainee would.
    await expect.poll(() => out, { timeout: 15_000 }).toMatch(/阿测: /);
    child.stdin.write('可以便宜10块\n');
    await expect.poll(() => out, { timeout: 15_000 }).toMatch(/no-early-discount/);
    child.stdin.write('/end\n');
    expect(await exited).toBe(0);
    expect(out).toMatch(/阿测: 好吧那我拍了/);
    expect(out).toMatch(/Outcome: purchased/);
    expect(out).toMatch(/✗ no-early-discount \(turn 1\)/);
  });
});
