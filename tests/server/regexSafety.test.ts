// The backtracking check on author regexes (server/store/regexSafety.ts): the patterns a security
// review showed freezing the server are refused at their line:col, the shipped library passes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLexiconSource, parseScenarioSource } from '../../server/engine/index.ts';
import { checkLexiconRegexSafety, checkScenarioRegexSafety, regexSafetyProblem } from '../../server/store/regexSafety.ts';
import { listScenarioFiles, loadBundle, loadLexicon, loadScenarioFile } from '../../server/store/scenarioFiles.ts';

const FIXTURE_SCENARIOS = join(import.meta.dirname, '..', 'fixtures', 'scenarios');

const template = readFileSync(join(FIXTURE_SCENARIOS, 'mini-haggle.yaml'), 'utf8');
const ANY = '      - any: [尺码, 码数]\n';
const withMatchers = (extra: string) => template.replace(ANY, `${ANY}${extra}`);
/** line:col of the quoted value on the line containing `needle` */
const at = (text: string, needle: string) => {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  return `${i + 1}:${(lines[i] ?? '').indexOf(`'${needle}`) + 1}`;
};

describe('regexSafetyProblem', () => {
  it.each([
    ['(\\d+)+q', 'exponential', 'nested repetition `(\\d+)+`'],
    ['(a|a)*b', 'exponential', 'the alternatives `a` and `a` of `(a|a)` in the repeated `(a|a)*`'],
    ['(.*a){12}', 'polynomial', 'nested repetition `(.*a){12}`'],
    ['\\d+\\d+元', 'polynomial', '`\\d+` and `\\d+` can both match'],
    ['(\\s*好?)*吗', 'exponential', 'nested repetition'],
  ])('refuses %s', (pattern, kind, what) => {
    for (const flags of ['gu', 'u']) {
      const problem = regexSafetyProblem(pattern, flags);
      expect(problem).toContain(`can take ${kind}`);
      expect(problem).toContain(what);
    }
  });

  // Alternatives that never match the same text, yet split a run in exponentially many ways
  // (regexAmbiguity.ts): 30 digits take about 100 ms for `(\\d|\\d\\d)+q`, each 10 more about 120x that.
  it.each(['(a|aa)*b', '(\\d|\\d\\d)+q', '(好|好好)+吗', '(?:ab|a|b)*c', '(?:[a-z]|[a-z]{2})+!'])('refuses %s (exponentially ambiguous)', (pattern) => {
    for (const flags of ['gu', 'u']) expect(regexSafetyProblem(pattern, flags)).toContain('a repeated part can split the same text in more than one way');
  });

  it('refuses a repeated part too big to check, and finds an ambiguous repeat behind a long word list', () => {
    const words = Array.from({ length: 400 }, (_, i) => `词${String.fromCodePoint(0x4e00 + i)}${String.fromCodePoint(0x5e00 + i)}`);
    expect(regexSafetyProblem(`(?:${words.join('|')})+`, 'gu')).toContain('too big to check');
    expect(regexSafetyProblem(`(?:${words.join('|')})|(a|aa)*b`, 'gu')).toContain('a repeated part can split');
    expect(regexSafetyProblem(`(?:${words.join('|')})`, 'gu')).toBeUndefined();
    expect(regexSafetyProblem(`(?:${words.slice(0, 50).join('|')})+`, 'gu')).toBeUndefined();
    // compared pairwise, more than 64 alternatives of one repeated group are too many
    expect(regexSafetyProblem(`(?:${words.slice(0, 65).join('|')})+`, 'gu')).toContain('too big to check');
  });

  // Found by review: overlapping alternatives one group down, and a few variable-length rounds.
  it.each([
    ['(?:好(?:的|\\S))+吗', 'the alternatives `的` and `\\S`'],
    ['(?:亲(?:您好|您\\S))+[？?]', 'the alternatives `您好` and `您\\S`'],
    ['(?:.{1,60}){1,8}x', 'a repeated part can split the same text'],
    ['(?:[^，。]{1,20}[，,]?){1,6}吗', 'a repeated part can split the same text'],
  ])('refuses %s', (pattern, what) => {
    expect(regexSafetyProblem(pattern, 'gu')).toContain(what);
  });

  it('refuses groups nested too deep to walk, instead of throwing', () => {
    expect(regexSafetyProblem(`${'(?:'.repeat(5000)}退款${')'.repeat(5000)}`, 'gu')).toContain('too big to check');
  });

  it('refuses a pattern with more repeats than it can compare in good time (the library has at most 27)', () => {
    const chain = (n: number) => Array.from({ length: n }, (_, i) => `[a-z${i % 10}]*`).join('');
    expect(regexSafetyProblem(chain(33), 'gu')).toContain('too big to check');
    expect(regexSafetyProblem(chain(32), 'gu')).not.toContain('too big to check');
  });

  it('judges a bounded repeat by how often it can run, counting the bounded repeats around it', () => {
    expect(regexSafetyProblem('(a|aa){1,5}b', 'gu')).toBeUndefined();
    expect(regexSafetyProblem('(a|aa){0,30}b', 'gu')).toContain('a repeated part can split');
    expect(regexSafetyProblem('(?:(a|aa){1,4}){1,4}b', 'gu')).toContain('a repeated part can split');
  });

  it.each([
    '满\\s*\\d+\\s*(元|块)?\\s*减', // whitespace only: normalize() collapses every run of it to one character
    '^(?:[\\s\\S]*?(?:\\?+|吗(?![亲呀哈啊呢~]*\\?))){3}', // anchored, bounded: 0.1 ms on 2,000 characters
    '(拍|选|买)\\s*(2[89]|3\\d|4[0-7])',
    '(好|好的)+',
    '(.*a){3}',
    '[^,，。]{0,6}(便宜|优惠)',
  ])('accepts %s', (pattern) => {
    expect(regexSafetyProblem(pattern, 'gu')).toBeUndefined();
  });
});

describe('scenario and lexicon diagnostics', () => {
  it('points at each unsafe pattern in the scenario YAML', () => {
    const source = withMatchers("      - regex: '(\\d+)+q'\n      - regex: '(a|a)*b'\n      - any: [便宜]\n        unless: '(.*a){12}'\n");
    const parsed = parseScenarioSource(source, 'mini-haggle.yaml');
    if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
    const found = checkScenarioRegexSafety(parsed.value, parsed.map, 'mini-haggle.yaml').map((d) => `${d.path}:${d.line}:${d.col}: ${d.message}`);
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(new RegExp(`^mini-haggle\\.yaml:${at(source, '(\\d+)+q')}: regex: this pattern can take exponential time`));
    expect(found[1]).toMatch(new RegExp(`^mini-haggle\\.yaml:${at(source, '(a|a)*b').replace(/[|()*]/g, '\\$&')}: regex: this pattern can take exponential time`));
    expect(found[2]).toMatch(new RegExp(`^mini-haggle\\.yaml:${at(source, '(.*a){12}')}: unless: this pattern can take polynomial`));
  });

  it('checks lexicon patterns', () => {
    const source = readFileSync(join(FIXTURE_SCENARIOS, 'intents.yaml'), 'utf8').replace('      - any: [您好, 你好, 亲]\n', "      - any: [您好, 你好, 亲]\n      - regex: '(\\d+)+q'\n");
    const parsed = parseLexiconSource(source, 'intents.yaml');
    if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
    const found = checkLexiconRegexSafety(parsed.value, parsed.map, 'intents.yaml');
    expect(found.map((d) => `${d.line}:${d.col}`)).toEqual([at(source, '(\\d+)+q')]);
  });

  it('keeps such a scenario from loading (the library at server start, play, score)', async () => {
    const { mkdtempSync, cpSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'kefu-regex-'));
    try {
      cpSync(FIXTURE_SCENARIOS, dir, { recursive: true });
      writeFileSync(join(dir, 'mini-haggle.yaml'), withMatchers("      - regex: '(\\d+)+q'\n"));
      const loaded = await loadBundle(dir, 'mini-haggle');
      expect(loaded.ok).toBe(false);
      if (!loaded.ok) expect(loaded.diagnostics.map((d) => d.message).join('\n')).toContain('nested repetition `(\\d+)+`');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('passes every pattern of the shipped library (scenarios/*.yaml, scenarios/intents.yaml)', async () => {
    const lexicon = await loadLexicon('scenarios');
    if (!lexicon.ok) throw new Error('the shipped lexicon does not parse');
    expect(checkLexiconRegexSafety(lexicon.value, lexicon.map, lexicon.path)).toEqual([]);
    const files = await listScenarioFiles('scenarios');
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const loaded = await loadScenarioFile(file);
      if (loaded.ok) expect(checkScenarioRegexSafety(loaded.value, loaded.map, file)).toEqual([]);
    }
  });
});
