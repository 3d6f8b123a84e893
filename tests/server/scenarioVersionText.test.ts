// Publishing stamps a version into the trainer's YAML and changes nothing else.
import { describe, expect, it } from 'vitest';
import { withVersion } from '../../server/store/scenarioVersionText.ts';

describe('withVersion', () => {
  it('replaces only the value, keeping its comment, flow lists and line breaks', () => {
    const source = 'id: x\nversion: 3   # bump\ntitle: {zh-CN: 标题, en: Title}\nkeys: [a,b]\r\n';
    expect(withVersion(source, 4)).toBe('id: x\nversion: 4   # bump\ntitle: {zh-CN: 标题, en: Title}\nkeys: [a,b]\r\n');
  });

  it('adds a version line after the id when there is none', () => {
    expect(withVersion('id: x  # mine\ntitle: t\n', 1)).toBe('id: x  # mine\nversion: 1\ntitle: t\n');
    expect(withVersion('id: x', 2)).toBe('id: x\nversion: 2\n');
  });

  it('leaves a source that does not parse as it is (its check reports the error at the trainer\'s line)', () => {
    expect(withVersion('id: [x\n', 2)).toBe('id: [x\n');
    expect(withVersion('- a list\n', 2)).toBe('- a list\n');
  });

  it('falls back to the YAML library for shapes it does not splice', () => {
    expect(withVersion('{id: x, version: 1}', 2)).toContain('version: 2');
    expect(withVersion('id: x\nversion:\n  nested: 1\n', 2)).toMatch(/^version: 2$/m);
  });
});
