// Every 旺旺表情 token a scenario's buyer types ([微笑], [疑问], ...) is one the chat draws as a face;
// an unknown one ([旺旺表情], [坏笑]) would show as bracketed text in the middle of the line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { faceOf } from '../../client/features/chat/emoji.ts';

const SCENARIOS = join(import.meta.dirname, '..', '..', 'scenarios');
/** Keys whose strings the buyer sends (lines, their variants, silence nudges). */
const LINE_KEYS = new Set(['say', 'variants', 'nudge']);
/** A bracketed word as Aliwangwang writes a face: a few Han characters or ASCII letters. */
const TOKEN = /\[(?:\p{Script=Han}{1,4}|[a-z]{1,6})\]/gu;

function buyerLines(node: unknown, inLines = false, found: string[] = []): string[] {
  if (typeof node === 'string') {
    if (inLines) found.push(node);
  } else if (Array.isArray(node)) {
    for (const item of node) buyerLines(item, inLines, found);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) buyerLines(value, inLines || LINE_KEYS.has(key), found);
  }
  return found;
}

const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml') && f !== 'intents.yaml');
const lines = files.flatMap((file) => buyerLines(parse(readFileSync(join(SCENARIOS, file), 'utf8'))).map((line) => ({ file, line })));
const tokens = lines.flatMap(({ file, line }) => [...line.matchAll(TOKEN)].map((m) => ({ file, line, token: m[0] })));

describe('faces in buyer lines', () => {
  it('reads the library: many lines, some with faces', () => {
    expect(lines.length).toBeGreaterThan(500);
    expect(tokens.length).toBeGreaterThan(3);
  });

  it.each(tokens)('$file: $token is a face the chat draws ($line)', ({ token }) => {
    expect(faceOf(token)).toBeDefined();
  });
});
