// The schema lets trainers leave English out (it then shows the Chinese); the shipped library is
// held to both languages, so English-speaking trainees never read a Chinese stand-in there.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listScenarioFiles } from '../../../server/store/scenarioFiles.ts';

/** Paths of every mapping that has zh-CN text but no en beside it. */
function chineseOnly(value: unknown, path: string, out: string[]): string[] {
  if (Array.isArray(value)) value.forEach((v, i) => chineseOnly(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    const map = value as Record<string, unknown>;
    if ('zh-CN' in map && !(typeof map['en'] === 'string' && map['en'].trim() !== '')) out.push(path);
    for (const [k, v] of Object.entries(map)) chineseOnly(v, `${path}.${k}`, out);
  }
  return out;
}

describe('the shipped library is bilingual', () => {
  it('finds a Chinese-only text', () => {
    expect(chineseOnly({ rules: [{ feedback: { 'zh-CN': '好' } }] }, 'x', [])).toEqual(['x.rules[0].feedback']);
  });

  it('every zh-CN text in scenarios/*.yaml and intents.yaml has an en line', async () => {
    const files = [...(await listScenarioFiles('scenarios')), 'scenarios/intents.yaml'];
    expect(files.length).toBeGreaterThanOrEqual(13);
    const missing = files.flatMap((f) => chineseOnly(parse(readFileSync(f, 'utf8')), f, []));
    expect(missing).toEqual([]);
  });
});
