// The intents that mark a poor reply are listed by hand in credit.ts (a word or two heard only as one
// of them is no answer). The list must not drift from the library: every intent whose description
// marks it as a fault (扣分 / "bad") is on it, and every name on it is an intent some file defines.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { POOR_REPLY_INTENTS } from '../../../server/engine/rubric/credit.ts';

const DIR = join(import.meta.dirname, '../../../scenarios');
const FAULT = /扣分|— bad|\bbad\b/u;

function libraryIntents(): Map<string, string> {
  const described = new Map<string, string>();
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.yaml'))) {
    const doc = parse(readFileSync(join(DIR, file), 'utf8')) as { intents?: Record<string, { description?: string | Record<string, string> }> };
    for (const [id, def] of Object.entries(doc.intents ?? {})) {
      const d = def.description;
      const text = typeof d === 'string' ? d : Object.values(d ?? {}).join(' ');
      described.set(id, `${described.get(id) ?? ''} ${text}`);
    }
  }
  return described;
}

describe('the poor-reply intents', () => {
  const intents = libraryIntents();
  it('include every intent the library describes as a fault', () => {
    const faults = [...intents].filter(([, text]) => FAULT.test(text)).map(([id]) => id);
    expect(faults.length).toBeGreaterThan(5);
    expect(faults.filter((id) => !POOR_REPLY_INTENTS.has(id))).toEqual([]);
  });
  it('name only intents the library defines', () => {
    expect([...POOR_REPLY_INTENTS].filter((id) => !intents.has(id))).toEqual([]);
  });
});
