// The studio's pure parts: live checks at line:col, play-test results that become passing embedded
// tests, the layered graph layout with the checker's problem states, and schema key completion.
import { describe, expect, it } from 'vitest';
import { checkSource, offsetOf } from '../../client/features/studio/checks.ts';
import { pathAt, schemasAt } from '../../client/features/studio/completion.ts';
import { layoutGraph } from '../../client/features/studio/layout.ts';
import { appendTest, initialVars, playReply, testFrom } from '../../client/features/studio/playtest.ts';
import { declaredId } from '../../client/features/studio/api.ts';
import { libraryContext, libraryCopy } from './studioFixture.ts';

const ctx = libraryContext();
const template = libraryCopy('bargainer', 'my-bargainer');

describe('studio checks', () => {
  it('passes a copy of a library scenario, tests included', () => {
    expect(declaredId(template)).toBe('my-bargainer');
    const result = checkSource(template, 'my-bargainer', ctx);
    expect(result.diagnostics).toEqual([]);
    expect(result.compiled).toBeDefined();
  });

  it('reports a goto to a missing state at its line and column', () => {
    const lines = template.split('\n');
    const n = lines.findIndex((l) => /goto: ultimatum/.test(l));
    lines[n] = (lines[n] as string).replace('goto: ultimatum', 'goto: ultimatun');
    const broken = lines.join('\n');
    const result = checkSource(broken, 'my-bargainer', ctx, false);
    const found = result.diagnostics.find((d) => d.message.includes('ultimatun'));
    expect(found).toMatchObject({ path: 'my-bargainer.yaml', line: n + 1 });
    expect(broken.slice(offsetOf(broken, found?.line ?? 0, found?.col ?? 0)).startsWith('ultimatun')).toBe(true);
    expect(result.compiled).toBeUndefined();
  });

  it('turns a play-tested reply into an embedded test that passes', () => {
    const compiled = checkSource(template, 'my-bargainer', ctx).compiled;
    if (!compiled) throw new Error('no compiled scenario');
    const vars = { ...initialVars(compiled), patience: 1 };
    const reply = '亲，运费是快递按重量收的，我们只是代收哦，实在不能包邮呢';
    const result = playReply(compiled, 'ask-shipping', vars, reply);
    expect(result.normalized.length).toBeGreaterThan(0);
    expect(result.intents.some((e) => e.matched)).toBe(true);
    const withTest = appendTest(template, testFrom('golden', 'ask-shipping', vars, initialVars(compiled), reply, result));
    expect(withTest).toContain('# yaml-language-server');
    const again = checkSource(withTest, 'my-bargainer', ctx);
    expect(again.diagnostics).toEqual([]);
    expect(again.scenario?.tests.at(-1)).toMatchObject({ at: 'ask-shipping', vars: { patience: 1 }, expect: { goto: result.next } });
  });

  it('shows negated keyword hits', () => {
    const compiled = checkSource(template, 'my-bargainer', ctx, false).compiled;
    if (!compiled) throw new Error('no compiled scenario');
    const result = playReply(compiled, 'ask-discount', initialVars(compiled), '亲，这个价格真的不能便宜了哦');
    expect(result.intents.flatMap((e) => e.hits).some((h) => h.negated)).toBe(true);
  });
});

describe('studio graph layout', () => {
  it('lays out states in layers and flags unreachable states and dead ends from the checker', () => {
    const source = template.replace(/^states:\n/m, 'states:\n  orphan:\n    say: [[没人来这里]]\n    silence: false\n');
    const result = checkSource(source, 'my-bargainer', ctx, false);
    if (!result.scenario) throw new Error('no scenario');
    const graph = layoutGraph(result.scenario, result.diagnostics);
    const orphan = graph.nodes.find((n) => n.id === 'orphan');
    const opening = graph.nodes.find((n) => n.id === 'opening');
    expect(orphan?.unreachable).toBe(true);
    expect(orphan?.deadEnd).toBe(true);
    expect(opening).toMatchObject({ initial: true, unreachable: false });
    expect((orphan?.x ?? 0) > (opening?.x ?? 0)).toBe(true);
    const spots = new Set(graph.nodes.map((n) => `${n.x},${n.y}`));
    expect(spots.size).toBe(graph.nodes.length);
    expect(graph.nodes.find((n) => n.id === 'bought-promo')?.outcome).toBe('purchased');
  });
});

describe('studio completion', () => {
  it('reads the key path from indentation and finds the keys the schema allows there', () => {
    const lines = ['states:', '  opening:', '    on:', '      - intent: x', '        '];
    expect(pathAt(lines, 1, 2)).toEqual(['states']);
    expect(pathAt(lines, 2, 4)).toEqual(['states', 'opening']);
    expect(pathAt(lines, 4, 8)).toEqual(['states', 'opening', 'on', '-']);
    const keys = (path: string[]) => schemasAt(path).flatMap((s) => Object.keys(s.properties ?? {}));
    expect(keys([])).toEqual(expect.arrayContaining(['id', 'states', 'rubric', 'tests']));
    expect(keys(['states', 'opening'])).toEqual(expect.arrayContaining(['say', 'on', 'outcome', 'silence']));
    expect(keys(['states', 'opening', 'on', '-'])).toEqual(expect.arrayContaining(['intent', 'goto', 'set']));
  });
});
