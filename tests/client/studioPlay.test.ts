// The studio's multi-turn play-test (the pure engine driven turn by turn, as the browser does) and the
// line diff between two versions: state, variables and the rubric carry over between turns, silence
// makes the buyer nudge and then leave, a reply from the middle of an exchange becomes an embedded
// test that passes, and the diff marks exactly the lines that changed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLexiconSource, parseShopSource, SessionError } from '../../server/engine/index.ts';
import { checkSource } from '../../client/features/studio/checks.ts';
import type { StudioContext } from '../../client/features/studio/checks.ts';
import { lineDiff } from '../../client/features/studio/diff.ts';
import { appendTest, initialVars } from '../../client/features/studio/playtest.ts';
import { canWait, isOver, playSilence, playTurn, startPlay, testFromTurn } from '../../client/features/studio/playSession.ts';

const FIXTURES = join(import.meta.dirname, '..', 'server', 'fixtures', 'scenarios');
const lexicon = parseLexiconSource(readFileSync(join(FIXTURES, 'intents.yaml'), 'utf8'), 'intents.yaml');
const shop = parseShopSource(readFileSync(join(FIXTURES, 'shops', 'test-shop.yaml'), 'utf8'), 'test-shop.yaml');
if (!lexicon.ok || !shop.ok) throw new Error('the fixture library does not load');
const ctx: StudioContext = { lexicon: lexicon.value, shops: { 'test-shop': shop.value } };
const source = readFileSync(join(FIXTURES, 'mini-haggle.yaml'), 'utf8');
const compiled = checkSource(source, 'mini-haggle', ctx).compiled;
if (!compiled) throw new Error('mini-haggle does not compile');

describe('multi-turn play-test', () => {
  it('carries the buyer move and the variables from turn to turn, to an outcome', () => {
    let play = startPlay(compiled, { at: 'ask', vars: initialVars(compiled) });
    expect(play.opening.length).toBe(1);
    play = playTurn(compiled, play, '亲，这款已经是活动价了，不能再便宜了哦');
    const first = play.turns[0];
    expect(first).toMatchObject({ kind: 'reply', at: 'ask', next: 'link', varsBefore: { patience: 2 }, vars: { patience: 1 }, outcome: null });
    expect(first?.intents?.find((e) => e.intent === 'refuse-discount')?.matched).toBe(true);
    expect(first?.buyerLines.length).toBe(2);
    expect(first?.verdicts.map((v) => v.rule)).toContain('greeting');
    // Turn 2 starts where turn 1 left the buyer, with the variables it left.
    play = playTurn(compiled, play, '链接我这边不方便打开，您发个截图给我看看吧');
    expect(play.turns[1]).toMatchObject({ at: 'link', varsBefore: { patience: 1 }, next: 'bought', outcome: { kind: 'purchased' } });
    expect(isOver(play)).toBe(true);
    expect(play.now).toBe(6000);
  });

  it('starts from a middle move with chosen variables', () => {
    let play = startPlay(compiled, { at: 'link', vars: { patience: 1 } });
    play = playTurn(compiled, play, '嗯嗯');
    // An else that costs patience, and patience 0 sends the buyer away at once.
    expect(play.turns[0]).toMatchObject({ at: 'link', varsBefore: { patience: 1 }, vars: { patience: 0 }, next: 'gone', outcome: { kind: 'left' } });
  });

  it('simulates silence: the buyer nudges, then leaves', () => {
    let play = startPlay(compiled, { at: 'ask', vars: initialVars(compiled) });
    expect(canWait(play)).toBe(true);
    play = playSilence(compiled, play);
    expect(play.turns[0]).toMatchObject({ kind: 'silence', at: 'ask', next: 'ask', waitedMs: 30_000 });
    expect(play.turns[0]?.buyerLines.map((l) => l.text)).toEqual([expect.stringMatching(/在吗|人呢/)]);
    play = playSilence(compiled, play);
    expect(play.turns[1]).toMatchObject({ kind: 'silence', next: 'gone', outcome: { kind: 'left' } });
    expect(canWait(play)).toBe(false);
    expect(() => playSilence(compiled, play)).toThrow(SessionError);
  });

  it('saves a reply from the middle of an exchange as an embedded test that passes', () => {
    let play = startPlay(compiled, { at: 'ask', vars: initialVars(compiled) });
    play = playTurn(compiled, play, '亲，这款已经是活动价了，不能再便宜了哦');
    play = playTurn(compiled, play, '您发个截图给我看看');
    const second = play.turns[1];
    if (!second) throw new Error('no second turn');
    const test = testFromTurn(compiled, second, 'golden');
    expect(test).toMatchObject({ kind: 'golden', at: 'link', vars: { patience: 1 }, reply: '您发个截图给我看看', expect: { goto: 'bought' } });
    const withTest = appendTest(source, test);
    const checked = checkSource(withTest, 'mini-haggle', ctx);
    expect(checked.diagnostics).toEqual([]);
    expect(checked.scenario?.tests.at(-1)?.at).toBe('link');
    // A silence is not a reply: there is nothing to test.
    const silent = playSilence(compiled, startPlay(compiled, { at: 'ask', vars: initialVars(compiled) })).turns[0];
    if (!silent) throw new Error('no silence');
    expect(() => testFromTurn(compiled, silent, 'bad')).toThrow();
  });
});

describe('version diff', () => {
  it('marks added and removed lines with their line numbers and folds long unchanged runs', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const after = before.replace('line 5\n', 'line five\n').replace('line 18\n', '') + 'line 21\n';
    const diff = lineDiff(before, after);
    expect(diff).toMatchObject({ added: 2, removed: 2 });
    const changed = diff.rows.filter((r) => r.kind === 'added' || r.kind === 'removed');
    expect(changed).toEqual([
      { kind: 'removed', text: 'line 5', oldLine: 5, newLine: null },
      { kind: 'added', text: 'line five', oldLine: null, newLine: 5 },
      { kind: 'removed', text: 'line 18', oldLine: 18, newLine: null },
      { kind: 'added', text: 'line 21', oldLine: null, newLine: 20 },
    ]);
    // Lines 1 and 9-14 are far from every change: folded.
    expect(diff.rows[0]).toEqual({ kind: 'fold', hidden: 1 });
    expect(diff.rows.filter((r) => r.kind === 'fold')).toEqual([{ kind: 'fold', hidden: 1 }, { kind: 'fold', hidden: 6 }]);
    expect(diff.rows.some((r) => r.kind === 'same' && r.text === 'line 2')).toBe(true);
  });

  it('finds nothing between identical texts', () => {
    expect(lineDiff(source, source)).toEqual({ rows: [{ kind: 'fold', hidden: source.trimEnd().split('\n').length }], added: 0, removed: 0 });
  });
});
