// What a library label must be, for buyer moves and intents alike: set, with Chinese in its zh-CN
// text, at most 12 characters in zh-CN and 40 in en, not the bare id, and different from every
// other label of the same file (two moves or two intents never read alike).
import { expect } from 'vitest';
import type { LocalText } from '../../../server/engine/index.ts';

const han = (s: string) => [...s].filter((c) => /\p{Script=Han}/u.test(c)).length;

/** Checks every `[id, label]` of one file; returns how many there were. */
export function expectShortLabels(where: string, labelled: Iterable<readonly [string, LocalText | undefined]>): number {
  const seen = { 'zh-CN': new Set<string>(), en: new Set<string>() };
  let n = 0;
  for (const [id, label] of labelled) {
    n += 1;
    const what = `${where} ${id}`;
    expect(label, what).toBeDefined();
    if (!label) continue;
    const { 'zh-CN': zh, en } = label;
    expect(han(zh), `${what}: ${zh}`).toBeGreaterThan(0);
    expect([...zh].length, `${what}: ${zh}`).toBeLessThanOrEqual(12);
    expect(en.trim(), what).not.toBe('');
    expect(en.length, `${what}: ${en}`).toBeLessThanOrEqual(40);
    expect(en, what).not.toBe(id);
    expect(seen['zh-CN'].has(zh), `${what}: ${zh} twice`).toBe(false);
    expect(seen.en.has(en), `${what}: ${en} twice`).toBe(false);
    seen['zh-CN'].add(zh);
    seen.en.add(en);
  }
  return n;
}
