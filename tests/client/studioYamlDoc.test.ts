// The forms read YAML through the engine's composer and path walker: the same document and error
// positions as the checks, but an alias is never walked into (its node is shared with other places,
// so a form must not write there), while the engine's source map does follow it.
import { describe, expect, it } from 'vitest';
import { composeYaml, walkPath } from '../../server/engine/index.ts';
import { lineColAt, offsetOf } from '../../client/features/studio/checks.ts';
import { locate, parsed, rangeOf, readDoc } from '../../client/features/studio/forms/yamlDoc.ts';

const yaml = ['base: &base', '  say: hi', 'states:', '  a: *base', '  b: { say: [x, y] }', ''].join('\n');

describe('yamlDoc over the engine walker', () => {
  it('finds keys and list items, and knows when they sit in a flow collection', () => {
    const doc = parsed(yaml);
    if (!doc) throw new Error('the fixture parses');
    const say = locate(doc, ['base', 'say']);
    expect(say?.inFlow).toBe(false);
    expect(say?.keyStart).toBe(yaml.indexOf('say: hi'));
    const item = locate(doc, ['states', 'b', 'say', 1]);
    expect(item?.inFlow).toBe(true);
    expect(item?.key).toBeUndefined();
    expect(yaml.slice(rangeOf(item?.node)?.[0] ?? 0, rangeOf(item?.node)?.[1] ?? 0)).toBe('y');
    expect(locate(doc, ['states', 'b', 'say', 2])).toBeUndefined();
    expect(locate(doc, [])?.node).toBe(doc.contents);
  });

  it('stops at an alias, where the engine walker goes through it', () => {
    const doc = parsed(yaml);
    if (!doc) throw new Error('the fixture parses');
    expect(locate(doc, ['states', 'a', 'say'])).toBeUndefined();
    expect(walkPath(doc, ['states', 'a', 'say'], false).complete).toBe(false);
    const through = walkPath(doc, ['states', 'a', 'say'], true);
    expect(through.complete).toBe(true);
    expect(rangeOf(through.steps.at(-1)?.node)?.[0]).toBe(yaml.indexOf('hi'));
  });

  it('reports the first syntax error at its line:col without yaml\'s own position suffix', () => {
    const broken = 'a: 1\nb: [1, 2\n';
    const read = readDoc(broken);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const composed = composeYaml(broken);
    if (!composed.ok) throw new Error('the composer does not crash here');
    const first = composed.doc.errors[0];
    expect(first).toBeDefined();
    expect(read.error.message).not.toMatch(/at line \d+, column \d+/);
    expect(read.error).toMatchObject(composed.counter.linePos(first?.pos[0] ?? 0));
    expect(parsed(broken)).toBeUndefined();
  });

  it('lineColAt inverts offsetOf', () => {
    for (const offset of [0, 4, yaml.indexOf('states'), yaml.indexOf('x'), yaml.length]) {
      const { line, col } = lineColAt(yaml, offset);
      expect(offsetOf(yaml, line, col)).toBe(offset);
    }
  });
});
