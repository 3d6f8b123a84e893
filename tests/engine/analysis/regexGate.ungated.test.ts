// The engine with regex gates (regexGate.ts) against the same engine with every gate switched off:
// a second copy of the analysis modules is loaded with gateOf() mocked to "no gate", so every
// intent, detector and contact regex always runs. Reply features, every detector and every shipped
// lexicon's intents must come out identical, over the reply corpus and over strings built from the
// characters the library's gates look for (so that gates both pass and refuse).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import * as gated from '../../../server/engine/analysis/index.ts';
import { gateOf } from '../../../server/engine/analysis/regexGate.ts';
import { compileRegex } from '../../../server/engine/analysis/matcher.ts';
import { intentDef, lexiconSchema } from '../../../server/engine/scenario/schema.ts';
import type { IntentDef } from '../../../server/engine/scenario/schema.ts';
import { benchReplies } from '../../../server/cli/benchReplies.ts';
import { bargainer } from '../library/lexicon.rows.bargainer.ts';
import { greetingAndClose } from '../library/lexicon.rows.courtesy.ts';
import { phisher } from '../library/lexicon.rows.phisher.ts';
import { postSale } from '../library/lexicon.rows.postSale.ts';
import { sizeHesitant } from '../library/lexicon.rows.sizeHesitant.ts';
import { randomStream } from '../../../server/engine/session/prng.ts';

type Analysis = typeof gated;

async function loadUngated(): Promise<{ ungated: Analysis; gateOfUsed: typeof gateOf }> {
  vi.resetModules();
  vi.doMock('../../../server/engine/analysis/regexGate.ts', async (importOriginal) => ({
    ...(await importOriginal<object>()),
    gateOf: () => null,
  }));
  const ungated = await import('../../../server/engine/analysis/index.ts');
  const mocked = await import('../../../server/engine/analysis/regexGate.ts');
  vi.doUnmock('../../../server/engine/analysis/regexGate.ts');
  return { ungated, gateOfUsed: mocked.gateOf };
}

const dir = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
const globalIntents = lexiconSchema.parse(parse(readFileSync(`${dir}intents.yaml`, 'utf8'))).intents;
const scenarioFiles = readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'intents.yaml');
const docs = scenarioFiles.map((f) => parse(readFileSync(`${dir}${f}`, 'utf8')) as Record<string, unknown>);
const lexicons: [string, Record<string, IntentDef>][] = [
  ['intents.yaml', globalIntents],
  ...scenarioFiles.map((f, i): [string, Record<string, IntentDef>] => {
    const own = (docs[i]!.intents ?? {}) as Record<string, unknown>;
    return [f, { ...globalIntents, ...Object.fromEntries(Object.entries(own).map(([id, d]) => [id, intentDef.parse(d)])) }];
  }),
];


const replies = [...new Set([...benchReplies, ...[...bargainer, ...greetingAndClose, ...phisher, ...postSale, ...sizeHesitant].map((r) => r[0])])];

/** Replies cut and recombined, with characters the library's gates ask for dropped in or taken out. */
function builtReplies(n: number): string[] {
  const next = randomStream(17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const gateChars = new Set<string>();
  for (const [, intents] of lexicons) {
    for (const def of Object.values(intents)) {
      for (const m of def.match) {
        if (m.regex === undefined) continue;
        for (const set of gateOf(compileRegex(m.regex, 'regex', 'gu')) ?? []) for (const u of set.slice(0, 4)) gateChars.add(String.fromCharCode(u));
      }
    }
  }
  const chars = [...gateChars].filter((c) => !/[\ud800-\udfff]/.test(c));
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const a = pick(replies);
    const b = pick(replies);
    let s = a.slice(0, Math.floor(next() * (a.length + 1))) + b.slice(Math.floor(next() * (b.length + 1)));
    for (let j = Math.floor(next() * 4); j > 0; j--) {
      const at = Math.floor(next() * (s.length + 1));
      s = next() < 0.6 ? s.slice(0, at) + pick(chars) + s.slice(at) : s.slice(0, at) + s.slice(at + 1);
    }
    out.push(s);
  }
  return out;
}

describe('the engine answers the same with regex gates and without', async () => {
  const { ungated, gateOfUsed } = await loadUngated();
  const texts = [...replies, ...builtReplies(3000)];
  const features = texts.map((t) => gated.analyzeText(t));

  it('loads a second, ungated copy of the analysis modules', () => {
    expect(ungated.analyzeText).not.toBe(gated.analyzeText);
    expect(gateOf(/退款/u)).not.toBeNull();
    expect(gateOfUsed(/退款/u)).toBeNull();
  });

  it('reply features and every detector', () => {
    const detectors = Object.keys(gated).filter((k) => k.startsWith('detect')) as (keyof Analysis & `detect${string}`)[];
    expect(detectors.length).toBeGreaterThanOrEqual(8);
    let hits = 0;
    for (const text of texts) {
      const a = gated.analyzeText(text);
      const b = ungated.analyzeText(text);
      expect(a, text).toEqual(b);
      for (const d of detectors) {
        const x = gated[d](a);
        expect(x, `${d}: ${text}`).toEqual(ungated[d](b));
        if (x.hit) hits++;
      }
    }
    expect(hits).toBeGreaterThan(1000);
  });

  it.each(lexicons)('the intents of %s', (_name, intents) => {
    const a = gated.compileLexicon(intents);
    const b = ungated.compileLexicon(intents);
    for (const f of features) expect(a.match(f), f.raw).toEqual(b.match(f));
  });
});
